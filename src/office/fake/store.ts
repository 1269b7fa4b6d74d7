/**
 * The fake workbook's content — what the .xlsx file holds: sheets of cells with values, formulas
 * and formats, column widths, conditional formats, data validation, tables, defined names, the
 * add-ins' settings and the workbook's structure protection. No formula engine: formulas are
 * stored as text (the formula tests recalculate the .xlsx in LibreOffice instead), but whether
 * the workbook was left calculated is tracked (`calculation`). The proxy classes (range.ts,
 * worksheet.ts, ...) read and write this through queued requests, like office.js; tests may also
 * act directly on it as a user typing in Excel would (`userWrite`).
 *
 * Excel's hard limits are enforced for every write, by the API or by a user: 32,767 characters
 * in a cell, 8,192 in a formula, 31 in a sheet name (support.microsoft.com, "Excel
 * specifications and limits", 1672b34d-7043-467e-8e27-269d656771c3).
 */
import { MAX_COLS, MAX_ROWS, Rect, containsCell, inGrid, intersect, rect, subtract } from "../rects";
import { FakeRichApiError } from "./errors";
import { Stored, interpretInput } from "./input";
import { StructuralChange, adjustFormula, adjustSpan } from "./references";
import { FakeTable, adjustTablesForStructure, afterTableWrite, beforeTableWrite, normalizeHeaders, tablesOn } from "./table-model";

export type Scalar = number | string | boolean;

export interface CellFormat {
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  color?: string;
  size?: number;
  fontName?: string;
  /** Excel.RangeUnderlineStyle: "None", "Single", "Double", "SingleAccountant", "DoubleAccountant". */
  underline?: string;
  wrap?: boolean;
  vAlign?: string;
  hAlign?: string;
}

/** Excel's defaults: a property equal to its default is not stored, so "set back" equals "never set". */
export const DEFAULT_FORMAT: Required<CellFormat> = {
  fill: "",
  bold: false,
  italic: false,
  color: "#000000",
  size: 11,
  fontName: "Calibri",
  underline: "None",
  wrap: false,
  vAlign: "Bottom",
  hAlign: "General",
};

export const GENERAL = "General";
export const STANDARD_HEIGHT = 15;

/** Characters in a cell (Excel specifications and limits: "Total number of characters that a cell can contain"). */
export const MAX_CELL_CHARS = 32_767;
/** Characters of formula text (Excel specifications and limits: "Length of formula contents"). */
export const MAX_FORMULA_CHARS = 8_192;

/**
 * Column widths come in two units. `Worksheet.standardWidth` is in characters: "One unit of column
 * width is equal to the width of one character in the Normal style. For proportional fonts, the
 * width of the character 0 (zero) is used" (Excel.Worksheet reference); a new sheet has 8.43.
 * `RangeFormat.columnWidth` is in points (office-js #187, the docs team: "The unit-of-measure for
 * columnWidth is points"; office-js #3036: 40 set shows as 53 pixels). Characters become pixels
 * with ECMA-376 §18.3.1.13's formula over the Normal font's maximum digit width — 7 pixels for
 * Calibri 11 (the example the standard gives) and Aptos Narrow 11 at 100% — and a pixel is 3/4
 * point at 96 dpi. Excel stores widths in whole pixels.
 */
export const STANDARD_WIDTH_CHARS = 8.43;
export const DIGIT_PIXELS = 7;

export function charsToPixels(chars: number, digit = DIGIT_PIXELS): number {
  const fileWidth = Math.trunc(((chars * digit + 5) / digit) * 256) / 256;
  return Math.trunc(((256 * fileWidth + Math.trunc(128 / digit)) / 256) * digit);
}

export function charsToPoints(chars: number): number {
  return charsToPixels(chars) * 0.75;
}

/** A width in points as Excel keeps it: whole pixels. */
export function snapPoints(points: number): number {
  return Math.max(0, Math.round(points / 0.75)) * 0.75;
}

/** A cell's hyperlink (Excel.RangeHyperlink without its text, which is the cell's value). */
export interface CellLink {
  documentReference?: string;
  address?: string;
  screenTip?: string;
}

export interface CellRec {
  /** The constant value; undefined for an empty cell or a formula (the fake does not calculate). */
  value?: Scalar;
  error?: boolean;
  formula?: string;
  quotePrefix?: boolean;
  numberFormat?: string;
  format?: CellFormat;
  /**
   * A hyperlink belongs to the cell, not to its content: writing values or formulas over it
   * keeps it, and so does clearing contents (Home → Clear → Clear Contents; the Clear
   * Hyperlinks command is what removes one). Only clear("All"), clear("Hyperlinks") and
   * clear("RemoveHyperlinks") take it away (Excel.ClearApplyTo reference).
   */
  hyperlink?: CellLink;
}

export interface FakeConditionalFormat {
  readonly id: number;
  areas: Rect[];
  readonly type: string;
  formula: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  priority: number;
  stopIfTrue: boolean;
  /** A DataBar rule's settings (Excel.DataBarConditionalFormat). */
  dataBar?: FakeDataBar;
}

/** Excel.ConditionalDataBarRule: a bound of the bar's scale. */
export interface FakeDataBarRule {
  readonly type: string;
  readonly formula?: string;
}

export interface FakeDataBar {
  lowerBoundRule?: FakeDataBarRule;
  upperBoundRule?: FakeDataBarRule;
  barDirection?: string;
  showDataBarOnly?: boolean;
  fillColor?: string;
  gradientFill?: boolean;
}

export interface FakeValidation {
  areas: Rect[];
  rule: unknown;
  errorAlert?: unknown;
  prompt?: unknown;
  ignoreBlanks: boolean;
}

export interface FakeSheet {
  readonly id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  readonly cells: Map<number, CellRec>;
  /** Characters (Worksheet.standardWidth). */
  standardWidth: number;
  /** Points, whole pixels; columns not listed have the standard width. */
  readonly colWidths: Map<number, number>;
  readonly colHidden: Set<number>;
  readonly rowHeights: Map<number, number>;
  readonly rowHidden: Set<number>;
  freeze: { rows: number; cols: number } | null;
  tabColor: string | null;
  autoFilter: Rect | null;
  cfs: FakeConditionalFormat[];
  validations: FakeValidation[];
}

export interface FakeName {
  name: string;
  formula: string;
  comment: string;
  visible: boolean;
}

const key = (row: number, col: number) => (row - 1) * MAX_COLS + (col - 1);
const rowOf = (k: number) => Math.floor(k / MAX_COLS) + 1;
const colOf = (k: number) => (k % MAX_COLS) + 1;

function isEmptyRec(c: CellRec): boolean {
  return c.value === undefined && c.formula === undefined && c.numberFormat === undefined && c.format === undefined && !c.quotePrefix && c.hyperlink === undefined;
}

function cleanFormat(f: CellFormat): CellFormat | undefined {
  const out: CellFormat = {};
  for (const [k, v] of Object.entries(f) as [keyof CellFormat, unknown][]) {
    if (v !== undefined && v !== DEFAULT_FORMAT[k]) (out as Record<string, unknown>)[k] = v;
  }
  return Object.keys(out).length ? out : undefined;
}

export class FakeWorkbookStore {
  readonly sheets: FakeSheet[] = [];
  readonly names = new Map<string, FakeName>();
  /**
   * The add-in's settings as the file holds them (per add-in and per document). Excel.SettingCollection
   * reads and writes here directly; the Common API works on a copy taken when the add-in starts
   * (see settings.ts).
   */
  readonly settings = new Map<string, unknown>();
  readonly tables: FakeTable[] = [];
  /** Review → Protect Workbook (structure): no sheet may be added, deleted, renamed, moved, hidden or shown. */
  structureProtected = false;
  /**
   * Whether every formula was calculated after the last write. Writes under
   * suspendApiCalculationUntilNextSync leave it false until a full calculation (the docs: "Once set,
   * it is the developer's responsibility to re-calc the workbook, to ensure that any dependencies
   * are propagated").
   */
  calculated = true;
  /** Grows with every change of cell content (for the calculation state). */
  contentVersion = 0;
  activeSheetId: string | null = null;
  selection: { sheetId: string; areas: Rect[] } | null = null;
  private nextSheet = 1;
  private nextCf = 1;
  nextTable = 1;
  /** The year Excel assumes for "3/14" (fixed so tests do not depend on the clock). */
  currentYear = 2026;

  private guardStructure(what: string): void {
    if (this.structureProtected) throw new FakeRichApiError("AccessDenied", `The workbook's structure is protected: cannot ${what}.`);
  }

  // ---- sheets ---------------------------------------------------------------------------------

  sheet(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetById(id: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  mustSheet(name: string): FakeSheet {
    const s = this.sheet(name);
    if (!s) throw new FakeRichApiError("ItemNotFound", `The requested resource doesn't exist: worksheet '${name}'.`);
    return s;
  }

  addSheet(name?: string): FakeSheet {
    let n = name;
    if (n === undefined) {
      let k = this.sheets.length + 1;
      while (this.sheet(`Sheet${k}`)) k++;
      n = `Sheet${k}`;
    }
    validateSheetName(n);
    if (this.sheet(n)) throw new FakeRichApiError("ItemAlreadyExists", `A worksheet named '${n}' already exists.`);
    this.guardStructure("add a sheet");
    const s: FakeSheet = {
      id: `{FAKE-${this.nextSheet++}}`,
      name: n,
      visibility: "Visible",
      protected: false,
      cells: new Map(),
      standardWidth: STANDARD_WIDTH_CHARS,
      colWidths: new Map(),
      colHidden: new Set(),
      rowHeights: new Map(),
      rowHidden: new Set(),
      freeze: null,
      tabColor: null,
      autoFilter: null,
      cfs: [],
      validations: [],
    };
    this.sheets.push(s);
    if (!this.activeSheetId) this.activeSheetId = s.id;
    return s;
  }

  deleteSheet(s: FakeSheet): void {
    this.guardStructure("delete a sheet");
    if (this.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0) {
      throw new FakeRichApiError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    }
    this.sheets.splice(this.sheets.indexOf(s), 1);
    if (this.activeSheetId === s.id) this.activeSheetId = this.sheets.find((x) => x.visibility === "Visible")!.id;
    if (this.selection?.sheetId === s.id) this.selection = null;
    for (let i = this.tables.length - 1; i >= 0; i--) if (this.tables[i].sheetId === s.id) this.tables.splice(i, 1);
    this.adjustAllFormulas({ kind: "deleteSheet", sheet: s.name });
  }

  renameSheet(s: FakeSheet, to: string): void {
    if (to === s.name) return;
    validateSheetName(to);
    const other = this.sheet(to);
    if (other && other !== s) throw new FakeRichApiError("ItemAlreadyExists", `A worksheet named '${to}' already exists.`);
    this.guardStructure("rename a sheet");
    const from = s.name;
    s.name = to;
    this.adjustAllFormulas({ kind: "rename", sheet: from, to });
  }

  setPosition(s: FakeSheet, position: number): void {
    if (position < 0 || position >= this.sheets.length) throw new FakeRichApiError("InvalidArgument", "The position is outside the workbook.");
    if (this.sheets.indexOf(s) === position) return;
    this.guardStructure("move a sheet");
    this.sheets.splice(this.sheets.indexOf(s), 1);
    this.sheets.splice(position, 0, s);
  }

  setVisibility(s: FakeSheet, v: FakeSheet["visibility"]): void {
    if (s.visibility === v) return;
    this.guardStructure("hide or show a sheet");
    if (v !== "Visible" && this.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0) {
      throw new FakeRichApiError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    }
    s.visibility = v;
    if (v !== "Visible" && this.activeSheetId === s.id) this.activeSheetId = this.sheets.find((x) => x.visibility === "Visible")!.id;
  }

  // ---- cells ----------------------------------------------------------------------------------

  cell(s: FakeSheet, row: number, col: number): CellRec | undefined {
    return s.cells.get(key(row, col));
  }

  private rec(s: FakeSheet, row: number, col: number): CellRec {
    const k = key(row, col);
    let c = s.cells.get(k);
    if (!c) s.cells.set(k, (c = {}));
    return c;
  }

  private tidy(s: FakeSheet, row: number, col: number, c: CellRec): void {
    if (isEmptyRec(c)) s.cells.delete(key(row, col));
  }

  /** Writes what Excel would store for `raw` (a value typed or set through values/formulas). */
  writeInput(s: FakeSheet, row: number, col: number, raw: unknown): void {
    this.writeStored(s, row, col, interpretInput(raw, this.currentYear));
  }

  /** What Excel stores for one cell, within its limits; header cells of tables stay unique text. */
  writeStored(s: FakeSheet, row: number, col: number, st: Stored): void {
    checkLimits(st);
    this.writeStoredRaw(s, row, col, st);
    if (this.tables.length > 0) {
      for (const t of tablesOn(this, s)) {
        if (t.showHeaders && row === t.range.top && col >= t.range.left && col <= t.range.right) normalizeHeaders(this, s, t);
      }
    }
  }

  /**
   * An API write over `r` (Range.values / formulas / formulasR1C1, copyFrom): every cell as typing
   * it would store it (`at` gives null to leave a cell alone), then what tables make of it.
   */
  writeArea(s: FakeSheet, r: Rect, at: (row: number, col: number) => Stored | null): void {
    // Excel checks the whole array before it writes any of it.
    const width = r.right - r.left + 1;
    const cells: (Stored | null)[] = new Array((r.bottom - r.top + 1) * width);
    for (let row = r.top, k = 0; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++, k++) {
        const st = at(row, col);
        if (st !== null) checkLimits(st);
        cells[k] = st;
      }
    }
    const watch = this.tables.length > 0 ? beforeTableWrite(this, s, r) : null;
    for (let k = 0; k < cells.length; k++) {
      const st = cells[k];
      if (st !== null) this.writeStoredRaw(s, r.top + Math.floor(k / width), r.left + (k % width), st);
    }
    if (watch) afterTableWrite(this, s, r, watch);
  }

  /** Stores without the table rules (for the table model itself). */
  writeStoredRaw(s: FakeSheet, row: number, col: number, st: Stored): void {
    this.contentVersion++;
    const c = this.rec(s, row, col);
    delete c.value;
    delete c.error;
    delete c.formula;
    delete c.quotePrefix;
    if (st.kind === "empty") {
      if (st.quotePrefix) c.quotePrefix = true;
    } else if (st.kind === "formula") {
      c.formula = st.formula;
    } else {
      c.value = st.value;
      if (st.error) c.error = true;
      if (st.quotePrefix) c.quotePrefix = true;
      // Excel gives a cell the format it parsed ("3/14" → a date format) unless it has one.
      if (st.numberFormat && (c.numberFormat === undefined || c.numberFormat === GENERAL)) c.numberFormat = st.numberFormat;
    }
    this.tidy(s, row, col, c);
  }

  setNumberFormat(s: FakeSheet, row: number, col: number, nf: string): void {
    const c = this.rec(s, row, col);
    if (nf === "" || nf === GENERAL) delete c.numberFormat;
    else c.numberFormat = nf;
    this.tidy(s, row, col, c);
  }

  setFormat(s: FakeSheet, row: number, col: number, patch: CellFormat): void {
    const c = this.rec(s, row, col);
    c.format = cleanFormat({ ...(c.format ?? {}), ...patch });
    if (c.format === undefined) delete c.format;
    this.tidy(s, row, col, c);
  }

  clear(s: FakeSheet, r: Rect, what: "All" | "Contents" | "Formats"): void {
    if (what !== "Formats") this.contentVersion++;
    for (const [row, col, c] of this.cellsIn(s, r)) {
      if (what !== "Formats") {
        delete c.value;
        delete c.error;
        delete c.formula;
        delete c.quotePrefix;
      }
      if (what !== "Contents") {
        delete c.numberFormat;
        delete c.format;
      }
      if (what === "All") delete c.hyperlink;
      this.tidy(s, row, col, c);
    }
    if (what !== "Formats") for (const t of tablesOn(this, s)) if (intersect(t.range, r)) normalizeHeaders(this, s, t);
  }

  /** Sets (or, with null, removes) the hyperlink of every cell of `r`. */
  setHyperlinks(s: FakeSheet, r: Rect, link: CellLink | null): void {
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        const c = link ? this.rec(s, row, col) : this.cell(s, row, col);
        if (!c) continue;
        if (link) c.hyperlink = { ...link };
        else delete c.hyperlink;
        this.tidy(s, row, col, c);
      }
    }
  }

  /** The stored cells of a rectangle (iterating whichever is smaller: the rectangle or the sheet). */
  cellsIn(s: FakeSheet, r: Rect): [number, number, CellRec][] {
    const out: [number, number, CellRec][] = [];
    const area = (r.bottom - r.top + 1) * (r.right - r.left + 1);
    if (area <= s.cells.size * 2) {
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) {
          const c = s.cells.get(key(row, col));
          if (c) out.push([row, col, c]);
        }
      }
    } else {
      for (const [k, c] of s.cells) {
        const row = rowOf(k);
        const col = colOf(k);
        if (containsCell(r, row, col)) out.push([row, col, c]);
      }
      out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    }
    return out;
  }

  usedRange(s: FakeSheet, valuesOnly: boolean): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -Infinity;
    let right = -Infinity;
    for (const [k, c] of s.cells) {
      if (valuesOnly && c.value === undefined && c.formula === undefined) continue;
      const row = rowOf(k);
      const col = colOf(k);
      if (row < top) top = row;
      if (row > bottom) bottom = row;
      if (col < left) left = col;
      if (col > right) right = col;
    }
    return bottom < 0 ? null : rect(top, left, bottom, right);
  }

  // ---- conditional formats and validation ---------------------------------------------------

  addConditionalFormat(s: FakeSheet, r: Rect, type: string): FakeConditionalFormat {
    const cf: FakeConditionalFormat = { id: this.nextCf++, areas: [r], type, formula: "", priority: 0, stopIfTrue: false };
    // A new rule goes on top (priority 0), the others move down, as in Excel.
    for (const other of s.cfs) other.priority++;
    s.cfs.push(cf);
    return cf;
  }

  /** Removes conditional formats from the cells of `r` (rules spanning more keep the rest). */
  clearConditionalFormats(s: FakeSheet, r: Rect): void {
    for (const cf of s.cfs) cf.areas = cf.areas.flatMap((a) => subtract(a, r));
    s.cfs = s.cfs.filter((cf) => cf.areas.length > 0);
  }

  conditionalFormatsIn(s: FakeSheet, r: Rect): FakeConditionalFormat[] {
    return s.cfs.filter((cf) => cf.areas.some((a) => intersect(a, r)));
  }

  clearValidation(s: FakeSheet, r: Rect): void {
    for (const v of s.validations) v.areas = v.areas.flatMap((a) => subtract(a, r));
    s.validations = s.validations.filter((v) => v.areas.length > 0);
  }

  // ---- structure ------------------------------------------------------------------------------

  /** Inserts or deletes whole rows or columns, moving cells, formats and every reference to them. */
  structural(s: FakeSheet, kind: "insert" | "delete", axis: "row" | "col", at: number, count: number): void {
    const max = axis === "row" ? MAX_ROWS : MAX_COLS;
    if (kind === "insert") {
      const last = this.usedRange(s, false);
      const edge = last ? (axis === "row" ? last.bottom : last.right) : 0;
      if (edge >= at && edge + count > max) {
        throw new FakeRichApiError("InvalidOperation", "To prevent possible loss of data, Excel cannot shift non-blank cells off of the worksheet.");
      }
    }
    adjustTablesForStructure(this, s, kind, axis, at, count);
    this.contentVersion++;
    const entries = [...s.cells.entries()];
    s.cells.clear();
    for (const [k, c] of entries) {
      const row = rowOf(k);
      const col = colOf(k);
      const pos = axis === "row" ? row : col;
      let moved: number | null = pos;
      if (kind === "insert") moved = pos >= at ? pos + count : pos;
      else moved = pos < at ? pos : pos >= at + count ? pos - count : null;
      if (moved === null || moved > max) continue;
      s.cells.set(axis === "row" ? key(moved, col) : key(row, moved), c);
    }
    const shiftIndexMap = <T>(m: Map<number, T>) => {
      const copy = [...m.entries()];
      m.clear();
      for (const [i, v] of copy) {
        const n = kind === "insert" ? (i >= at ? i + count : i) : i < at ? i : i >= at + count ? i - count : null;
        if (n !== null && n <= max) m.set(n, v);
      }
    };
    const shiftIndexSet = (set: Set<number>) => {
      const m = new Map([...set].map((i) => [i, true]));
      shiftIndexMap(m);
      set.clear();
      for (const i of m.keys()) set.add(i);
    };
    if (axis === "col") {
      shiftIndexMap(s.colWidths);
      shiftIndexSet(s.colHidden);
    } else {
      shiftIndexMap(s.rowHeights);
      shiftIndexSet(s.rowHidden);
    }
    const moveRect = (r: Rect): Rect | null => {
      const span = axis === "row" ? adjustSpan(r.top, r.bottom, at, count, kind, max) : adjustSpan(r.left, r.right, at, count, kind, max);
      if (!span) return null;
      return axis === "row" ? rect(span[0], r.left, span[1], r.right) : rect(r.top, span[0], r.bottom, span[1]);
    };
    for (const cf of s.cfs) cf.areas = cf.areas.map(moveRect).filter((x): x is Rect => x !== null);
    s.cfs = s.cfs.filter((cf) => cf.areas.length > 0);
    for (const v of s.validations) v.areas = v.areas.map(moveRect).filter((x): x is Rect => x !== null);
    s.validations = s.validations.filter((v) => v.areas.length > 0);
    if (s.autoFilter) s.autoFilter = moveRect(s.autoFilter);
    this.adjustAllFormulas({ kind, sheet: s.name, axis, at, count });
    for (const t of tablesOn(this, s)) normalizeHeaders(this, s, t);
  }

  private adjustAllFormulas(change: StructuralChange): void {
    for (const s of this.sheets) {
      for (const c of s.cells.values()) {
        if (c.formula !== undefined) c.formula = adjustFormula(c.formula, s.name, change);
      }
    }
    for (const n of this.names.values()) n.formula = adjustFormula(n.formula, "", change);
  }

  // ---- the user at the keyboard (tests) ------------------------------------------------------

  /** What a user typing `raw` into a cell does. */
  userWrite(sheet: string, row: number, col: number, raw: unknown): void {
    const s = this.mustSheet(sheet);
    if (s.protected) throw new FakeRichApiError("AccessDenied", "The cell you're trying to change is on a protected sheet.");
    this.writeArea(s, rect(row, col, row, col), () => interpretInput(raw, this.currentYear));
  }

  // ---- a complete, comparable picture ----------------------------------------------------------

  /** Everything the workbook holds, in a form `expect(...).toEqual` can compare. */
  snapshot(): WorkbookSnapshot {
    return {
      sheets: this.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        protected: s.protected,
        cells: [...s.cells.entries()]
          .sort((a, b) => a[0] - b[0])
          .map(([k, c]) => ({ row: rowOf(k), col: colOf(k), ...structuredCopy(c) })),
        standardWidth: s.standardWidth,
        colWidths: [...s.colWidths.entries()].sort((a, b) => a[0] - b[0]),
        colHidden: [...s.colHidden].sort((a, b) => a - b),
        rowHeights: [...s.rowHeights.entries()].filter(([, h]) => h !== STANDARD_HEIGHT).sort((a, b) => a[0] - b[0]),
        rowHidden: [...s.rowHidden].sort((a, b) => a - b),
        freeze: s.freeze,
        tabColor: s.tabColor,
        autoFilter: s.autoFilter,
        conditionalFormats: s.cfs.map((cf) => ({ ...cf, id: 0, areas: cf.areas.map((a) => ({ ...a })) })),
        validations: s.validations.map((v) => ({ ...v, areas: v.areas.map((a) => ({ ...a })) })),
      })),
      names: [...this.names.values()].map((n) => ({ ...n })).sort((a, b) => a.name.localeCompare(b.name)),
      settings: [...this.settings.entries()].sort((a, b) => a[0].localeCompare(b[0])),
      tables: this.tables.map((t) => ({ ...t, sheet: this.sheetById(t.sheetId)?.name, range: { ...t.range } })),
      structureProtected: this.structureProtected,
    };
  }

  /**
   * The workbook as saved and opened again: everything the file holds (cells, formats, tables,
   * names, the add-ins' settings as last written to the document). What lived only in an add-in's
   * memory is not here (see the Common API settings in settings.ts).
   */
  clone(): FakeWorkbookStore {
    const copy = new FakeWorkbookStore();
    for (const s of this.sheets) copy.sheets.push(structuredClone(s));
    for (const [k, n] of this.names) copy.names.set(k, { ...n });
    for (const [k, v] of this.settings) copy.settings.set(k, structuredClone(v));
    for (const t of this.tables) copy.tables.push({ ...t, range: { ...t.range } });
    copy.structureProtected = this.structureProtected;
    copy.activeSheetId = this.activeSheetId;
    copy.nextSheet = this.nextSheet;
    copy.nextCf = this.nextCf;
    copy.nextTable = this.nextTable;
    copy.currentYear = this.currentYear;
    return copy;
  }

  // ---- column widths -------------------------------------------------------------------------

  /** A column's width in points (RangeFormat.columnWidth). */
  columnPoints(s: FakeSheet, col: number): number {
    return s.colWidths.get(col) ?? charsToPoints(s.standardWidth);
  }

  /** Sets a column's width in points; the standard width is kept as "not set". */
  setColumnPoints(s: FakeSheet, col: number, points: number): void {
    if (!Number.isFinite(points) || points < 0 || points > 255 * 7.5) throw new FakeRichApiError("InvalidArgument", `Bad column width ${points}.`);
    const v = snapPoints(points);
    if (v === charsToPoints(s.standardWidth)) s.colWidths.delete(col);
    else s.colWidths.set(col, v);
  }
}

export interface WorkbookSnapshot {
  readonly sheets: readonly unknown[];
  readonly names: readonly unknown[];
  readonly settings: readonly unknown[];
  readonly tables: readonly unknown[];
  readonly structureProtected: boolean;
}

function structuredCopy(c: CellRec): CellRec {
  return { ...c, format: c.format ? { ...c.format } : undefined, hyperlink: c.hyperlink ? { ...c.hyperlink } : undefined };
}

/** Excel refuses text longer than a cell holds and formulas longer than it parses. */
function checkLimits(st: Stored): void {
  if (st.kind === "value" && typeof st.value === "string" && st.value.length > MAX_CELL_CHARS) {
    throw new FakeRichApiError("InvalidArgument", `The text is ${st.value.length} characters long; a cell holds at most ${MAX_CELL_CHARS}.`);
  }
  if (st.kind === "formula" && st.formula.length - 1 > MAX_FORMULA_CHARS) {
    throw new FakeRichApiError("InvalidArgument", `The formula is ${st.formula.length - 1} characters long; Excel takes at most ${MAX_FORMULA_CHARS}.`);
  }
}

/** Excel's rules for sheet names: 1–31 characters, none of : \ / ? * [ ], not starting or ending with '. */
export function validateSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === "history") {
    throw new FakeRichApiError("InvalidArgument", `The worksheet name '${name}' is not valid.`);
  }
}

export { inGrid };
