/**
 * What Excel does with tables (ListObjects) when cells around and inside them change — the part
 * of a table that lives in the store; the proxies are in tables.ts. Modelled on:
 *
 * - header cells hold unique text: a number or a formula typed there becomes text, an emptied
 *   header becomes "ColumnN", a repeated name gets a number appended (support.microsoft.com,
 *   "Overview of Excel tables": "Table headers ... can't contain formulas"; "Rename an Excel
 *   table");
 * - auto-expansion: data written into the empty row directly below a table, or the empty column
 *   directly right of it, becomes part of the table — also when written through the API
 *   (docs/excel/co-authoring-in-excel-add-ins.md: "set values in the range directly below the
 *   table. Excel automatically expands the table"; performance.md: "The table expands
 *   automatically"; VBA AutoCorrect.AutoExpandListRange: "When you type in a cell of an empty row
 *   or column next to a list, the list will expand to include that row or column");
 * - calculated columns: a formula entered into a table column whose other cells are empty is
 *   filled down the whole column — also through the API (office-js #6745: "auto correct options
 *   get applied to changes made with the API", "Fill formulas in tables to create calculated
 *   columns" is on by default);
 * - whole rows and columns inserted or deleted through a table grow or shrink it; a table whose
 *   header row would be deleted while data stays is refused (Excel: "This operation is not
 *   allowed. The operation is attempting to shift cells in a table").
 */
import { shiftFormula } from "../../layout/a1";
import { Rect, intersect, rect } from "../rects";
import { FakeRichApiError } from "./errors";
import type { FakeSheet, FakeWorkbookStore } from "./store";

export interface FakeTable {
  readonly id: string;
  name: string;
  readonly sheetId: string;
  /** The whole table: header row, data body, totals row. */
  range: Rect;
  readonly showHeaders: boolean;
  showTotals: boolean;
  style: string;
}

export function tablesOn(store: FakeWorkbookStore, sheet: FakeSheet): FakeTable[] {
  return store.tables.filter((t) => t.sheetId === sheet.id);
}

/** Rows of the data body (between the header and the totals row). */
export function bodyRows(t: FakeTable): { top: number; bottom: number } {
  return { top: t.range.top + (t.showHeaders ? 1 : 0), bottom: t.range.bottom - (t.showTotals ? 1 : 0) };
}

/** The text a header cell shows (what the column is called). */
export function tableCellText(store: FakeWorkbookStore, sheet: FakeSheet, row: number, col: number): string {
  const c = store.cell(sheet, row, col);
  if (!c) return "";
  if (c.formula !== undefined) return c.formula;
  if (c.value === undefined) return "";
  return typeof c.value === "boolean" ? (c.value ? "TRUE" : "FALSE") : String(c.value);
}

export function columnNames(store: FakeWorkbookStore, sheet: FakeSheet, t: FakeTable): string[] {
  const out: string[] = [];
  for (let col = t.range.left; col <= t.range.right; col++) out.push(tableCellText(store, sheet, t.range.top, col));
  return out;
}

/** Makes every header cell of `t` unique text, as Excel does after any edit of the header row. */
export function normalizeHeaders(store: FakeWorkbookStore, sheet: FakeSheet, t: FakeTable): void {
  if (!t.showHeaders) return;
  const taken = new Set<string>();
  for (let col = t.range.left; col <= t.range.right; col++) {
    const k = col - t.range.left + 1;
    let name = tableCellText(store, sheet, t.range.top, col);
    if (name === "") {
      name = `Column${k}`;
      for (let n = k; taken.has(name.toLowerCase()); n++) name = `Column${n + 1}`;
    } else if (taken.has(name.toLowerCase())) {
      let n = 2;
      while (taken.has(`${name}${n}`.toLowerCase())) n++;
      name = `${name}${n}`;
    }
    taken.add(name.toLowerCase());
    const c = store.cell(sheet, t.range.top, col);
    if (!c || c.formula !== undefined || c.value !== name) store.writeStoredRaw(sheet, t.range.top, col, { kind: "value", value: name });
  }
}

/** What a write is about to meet: the empty edges of tables it may extend, the empty columns it may fill. */
export interface TableWatch {
  readonly expand: { readonly table: FakeTable; readonly down: boolean; readonly right: boolean }[];
  /** Per table, the data columns whose body was empty before the write. */
  readonly emptyColumns: Map<FakeTable, Set<number>>;
}

function isEmptyArea(store: FakeWorkbookStore, sheet: FakeSheet, r: Rect): boolean {
  return store.cellsIn(sheet, r).every(([, , c]) => c.value === undefined && c.formula === undefined);
}

export function beforeTableWrite(store: FakeWorkbookStore, sheet: FakeSheet, r: Rect): TableWatch {
  const expand: TableWatch["expand"][number][] = [];
  const emptyColumns = new Map<FakeTable, Set<number>>();
  for (const t of tablesOn(store, sheet)) {
    const below = rect(t.range.bottom + 1, t.range.left, t.range.bottom + 1, t.range.right);
    const right = rect(t.range.top, t.range.right + 1, t.range.bottom, t.range.right + 1);
    const down = !t.showTotals && intersect(below, r) !== null && isEmptyArea(store, sheet, below);
    const side = intersect(right, r) !== null && isEmptyArea(store, sheet, right);
    if (down || side) expand.push({ table: t, down, right: side });
    const body = bodyRows(t);
    if (body.bottom >= body.top && intersect(r, rect(body.top, t.range.left, body.bottom, t.range.right))) {
      const cols = new Set<number>();
      for (let col = Math.max(r.left, t.range.left); col <= Math.min(r.right, t.range.right); col++) {
        if (isEmptyArea(store, sheet, rect(body.top, col, body.bottom, col))) cols.add(col);
      }
      emptyColumns.set(t, cols);
    }
  }
  return { expand, emptyColumns };
}

const hasContent = (store: FakeWorkbookStore, sheet: FakeSheet, row: number, col: number) => {
  const c = store.cell(sheet, row, col);
  return Boolean(c && (c.value !== undefined || c.formula !== undefined));
};

/** After a write of `r`: auto-expansion, calculated columns, header text. */
export function afterTableWrite(store: FakeWorkbookStore, sheet: FakeSheet, r: Rect, watch: TableWatch): void {
  for (const { table: t, down, right } of watch.expand) {
    if (down) {
      let bottom = t.range.bottom;
      const rowHas = (row: number) => {
        for (let col = t.range.left; col <= t.range.right; col++) if (hasContent(store, sheet, row, col)) return true;
        return false;
      };
      while (bottom + 1 <= r.bottom && rowHas(bottom + 1) && !otherTableAt(store, sheet, t, bottom + 1, t.range.left)) bottom++;
      t.range = rect(t.range.top, t.range.left, bottom, t.range.right);
    }
    if (right) {
      let last = t.range.right;
      const colHas = (col: number) => {
        for (let row = t.range.top; row <= t.range.bottom; row++) if (hasContent(store, sheet, row, col)) return true;
        return false;
      };
      while (last + 1 <= r.right && colHas(last + 1) && !otherTableAt(store, sheet, t, t.range.top, last + 1)) last++;
      t.range = rect(t.range.top, t.range.left, t.range.bottom, last);
    }
  }
  for (const [t, cols] of watch.emptyColumns) {
    const body = bodyRows(t);
    for (const col of cols) {
      const written: { row: number; formula: string }[] = [];
      for (let row = Math.max(r.top, body.top); row <= Math.min(r.bottom, body.bottom); row++) {
        const f = store.cell(sheet, row, col)?.formula;
        if (f !== undefined) written.push({ row, formula: f });
      }
      // One formula into an otherwise empty column: Excel makes it a calculated column.
      const whole = r.top <= body.top && r.bottom >= body.bottom;
      if (written.length !== 1 || whole) continue;
      const src = written[0];
      for (let row = body.top; row <= body.bottom; row++) {
        if (row === src.row) continue;
        store.writeStoredRaw(sheet, row, col, { kind: "formula", formula: `=${shiftFormula(src.formula.slice(1), row - src.row, 0)}` });
      }
    }
  }
  for (const t of tablesOn(store, sheet)) {
    if (t.showHeaders && r.top <= t.range.top && r.bottom >= t.range.top && r.left <= t.range.right && r.right >= t.range.left) normalizeHeaders(store, sheet, t);
  }
  for (const { table: t } of watch.expand) normalizeHeaders(store, sheet, t);
}

function otherTableAt(store: FakeWorkbookStore, sheet: FakeSheet, me: FakeTable, row: number, col: number): boolean {
  return tablesOn(store, sheet).some((t) => t !== me && row >= t.range.top && row <= t.range.bottom && col >= t.range.left && col <= t.range.right);
}

/** Whole rows or columns inserted or deleted on `sheet`: tables move, grow or shrink. */
export function adjustTablesForStructure(
  store: FakeWorkbookStore,
  sheet: FakeSheet,
  kind: "insert" | "delete",
  axis: "row" | "col",
  at: number,
  count: number,
): void {
  // Every table's new extent first: a refused change must change nothing.
  const next = new Map<FakeTable, Rect | null>();
  for (const t of tablesOn(store, sheet)) {
    const [a, b] = axis === "row" ? [t.range.top, t.range.bottom] : [t.range.left, t.range.right];
    let na = a;
    let nb = b;
    if (kind === "insert") {
      if (at <= a) {
        na += count;
        nb += count;
      } else if (at <= b) nb += count;
    } else {
      const end = at + count - 1;
      if (end < a) {
        na -= count;
        nb -= count;
      } else if (at <= a && end >= b) {
        next.set(t, null);
        continue;
      } else if (at <= b) {
        if (axis === "row" && t.showHeaders && at <= a) {
          throw new FakeRichApiError("InvalidOperation", `This operation is not allowed: it would delete the header row of table '${t.name}'.`);
        }
        const removed = Math.min(end, b) - Math.max(at, a) + 1;
        na = Math.min(at, a);
        nb = na + (b - a + 1) - removed - 1;
      }
    }
    next.set(t, axis === "row" ? rect(na, t.range.left, nb, t.range.right) : rect(t.range.top, na, t.range.bottom, nb));
  }
  for (const [t, r] of next) {
    if (r) t.range = r;
    else store.tables.splice(store.tables.indexOf(t), 1);
  }
}

/** Excel's rules for a table name: a letter, _ or \ first, then letters, digits, _ and .; not a cell reference; unique among names. */
export function validTableName(name: string): boolean {
  return /^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]$/.test(name);
}
