/**
 * What the product remembers in the workbook, so that a teammate's add-in (or the next run)
 * finds it: on the hidden "CSP State" sheet, beside the layout's own rows (A:C, schema version,
 * run time, as-of), the gateway keeps in E:H
 *
 * - the run status ("writing" until a run completes: a cancelled or failed run leaves
 *   "Re-run needed" visible, see reconcile.ts),
 * - the sheets reconciling created (removed by "Remove reconciliation"),
 * - every extent it wrote (cells, styles, number formats, conditional formats, validation),
 * - the original content and format of every cell it overwrote, with what it wrote there, so
 *   that removing restores the cell unless the user changed it since,
 * - column widths it changed, the defined names and settings it added.
 *
 * Extents are stored as formulas, e.g. =ROWS('FR subscriptions'!$L$1:$P$500): Excel rewrites the
 * reference when the user inserts or deletes rows or columns, renames or deletes the sheet, so
 * the record keeps pointing at the cells we wrote. Workbook settings hold only small pointers
 * (schema version) because settings are tied to the add-in's ID (office-js #840) and are not a
 * safe only copy (research/office-addin.md §2.9).
 */
import { ExcelContent, excelText } from "./cells";
import { readBlock } from "./read";
import { Rect, parseQualified, qualifiedAddress, rect } from "./rects";
import { Meter, WriteBatch, jsonSize } from "./requests";

export const STATE_SHEET = "CSP State";
/** First column of the gateway's records on the state sheet (E). */
export const STATE_LEFT = 5;
export const STATE_HEADERS = ["Record", "Sheet", "Where", "Data"] as const;
export const STATE_WIDTH = STATE_HEADERS.length;

/** Settings keys (small pointers only). */
export const SETTING_SCHEMA = "csp-reconcile.schemaVersion";
export const SETTING_AS_OF = "csp-reconcile.asOf";
export const SETTING_AUTO_OPEN = "Office.AutoShowTaskpaneWithDocument";

/**
 * content: cells whose values/formulas we wrote; input: cells of the input tables (Sources,
 * Accounts, Offer map) that we normalised; style: header and labelled cells we formatted;
 * numberFormat: date and integer cells; cf: conditional-format ranges; validation: dropdowns;
 * link: cells that may hold a hyperlink we set (a hyperlink outlives clearing the contents).
 */
export const EXTENT_KINDS = ["content", "input", "style", "numberFormat", "cf", "validation", "link"] as const;
export type ExtentKind = (typeof EXTENT_KINDS)[number];

export interface Extent {
  readonly sheet: string;
  readonly rect: Rect;
  readonly kind: ExtentKind;
}

export interface StyleSnapshot {
  readonly fill: string | null;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly color: string;
  readonly size: number;
  readonly wrap: boolean;
  readonly vAlign: string;
  readonly hAlign: string;
  readonly numberFormat: string;
}

/** What a cell held before we first wrote it, and what we wrote. */
export interface Original {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  /** Previous content (formula text or value; "" for empty), when we wrote content there. */
  readonly content?: ExcelContent;
  /** What we wrote, to tell whether the user changed the cell since. */
  readonly ours?: ExcelContent;
  readonly numberFormat?: string;
  readonly style?: StyleSnapshot;
}

export interface WidthOriginal {
  readonly sheet: string;
  readonly col: number;
  readonly width: number;
  readonly hidden: boolean;
}

export type RunStatus = "complete" | "writing" | "cancelled";

export interface GatewayState {
  readonly status: RunStatus | null;
  readonly created: readonly string[];
  readonly extents: readonly Extent[];
  readonly originals: readonly Original[];
  readonly widths: readonly WidthOriginal[];
  readonly names: readonly string[];
  readonly settings: readonly string[];
}

export const EMPTY_STATE: GatewayState = { status: null, created: [], extents: [], originals: [], widths: [], names: [], settings: [] };

function refFormula(fn: "ROWS" | "COLUMNS", sheet: string, r: Rect): string {
  return `=${fn}(${qualifiedAddress(sheet, r, true)})`;
}

/** Where a record points now: the sheet and cells inside its ROWS()/COLUMNS() formula. */
export function parseWhere(formula: unknown): { sheet: string; rect: Rect } | null {
  if (typeof formula !== "string") return null;
  const m = /^=(?:ROWS|COLUMNS)\((.*)\)$/i.exec(formula.trim());
  if (!m || m[1].includes("#REF!")) return null;
  const p = parseQualified(m[1]);
  return p && p.sheet !== null ? { sheet: p.sheet, rect: p.rect } : null;
}

/** The records as rows of E:H. */
export function stateRows(state: GatewayState): (string | number)[][] {
  const rows: (string | number)[][] = [[...STATE_HEADERS]];
  const json = (x: unknown) => excelText(JSON.stringify(x));
  rows.push(["status", "", "", state.status ?? ""]);
  // The Where formula follows the sheet if the user renames it.
  for (const s of state.created) rows.push(["created", excelText(s), refFormula("ROWS", s, rect(1, 1, 1, 1)), ""]);
  for (const e of state.extents) rows.push(["extent", excelText(e.sheet), refFormula("ROWS", e.sheet, e.rect), e.kind]);
  // Canonical order, so that the same workbook always records the same rows.
  const bySheet = (a: { sheet: string }, b: { sheet: string }) => (a.sheet.toLowerCase() < b.sheet.toLowerCase() ? -1 : a.sheet.toLowerCase() > b.sheet.toLowerCase() ? 1 : 0);
  const originals = [...state.originals].sort((a, b) => bySheet(a, b) || a.row - b.row || a.col - b.col);
  const widths = [...state.widths].sort((a, b) => bySheet(a, b) || a.col - b.col);
  for (const o of originals) {
    const { sheet, row, col, ...data } = o;
    rows.push(["original", excelText(sheet), refFormula("ROWS", sheet, rect(row, col, row, col)), json(data)]);
  }
  for (const w of widths) {
    rows.push(["width", excelText(w.sheet), refFormula("COLUMNS", w.sheet, rect(1, w.col, 1_048_576, w.col)), json({ width: w.width, hidden: w.hidden })]);
  }
  for (const n of state.names) rows.push(["name", "", "", excelText(n)]);
  for (const s of state.settings) rows.push(["setting", "", "", excelText(s)]);
  return rows;
}

/** Records read back (from `formulas` of E:H, so that Where gives the formula text). */
export function parseStateRows(rows: readonly (readonly unknown[])[]): GatewayState {
  let status: RunStatus | null = null;
  const created: string[] = [];
  const extents: Extent[] = [];
  const originals: Original[] = [];
  const widths: WidthOriginal[] = [];
  const names: string[] = [];
  const settings: string[] = [];
  const parse = (x: unknown): Record<string, unknown> | null => {
    try {
      return typeof x === "string" ? (JSON.parse(x) as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  };
  for (const r of rows) {
    const [kind, , whereCell, data] = r;
    const where = parseWhere(whereCell);
    switch (kind) {
      case "status":
        status = data === "complete" || data === "writing" || data === "cancelled" ? data : null;
        break;
      case "created":
        // Gone (#REF!) when the user deleted the sheet.
        if (where) created.push(where.sheet);
        break;
      case "extent":
        if (where && typeof data === "string" && (EXTENT_KINDS as readonly string[]).includes(data)) {
          extents.push({ sheet: where.sheet, rect: where.rect, kind: data as ExtentKind });
        }
        break;
      case "original": {
        const d = parse(data);
        if (where && d) originals.push({ ...(d as object), sheet: where.sheet, row: where.rect.top, col: where.rect.left } as Original);
        break;
      }
      case "width": {
        const d = parse(data);
        if (where && d && typeof d.width === "number") widths.push({ sheet: where.sheet, col: where.rect.left, width: d.width, hidden: Boolean(d.hidden) });
        break;
      }
      case "name":
        if (typeof data === "string" && data) names.push(data);
        break;
      case "setting":
        if (typeof data === "string" && data) settings.push(data);
        break;
    }
  }
  return { status, created, extents, originals, widths, names, settings };
}

/** Reads the gateway's records from the state sheet (bottom: its last used row). */
export async function readState(meter: Meter, bottom: number): Promise<GatewayState> {
  if (bottom < 2) return EMPTY_STATE;
  const got = await readBlock(meter, STATE_SHEET, rect(1, STATE_LEFT, bottom, STATE_LEFT + STATE_WIDTH - 1), ["formulas"]);
  const rows = got.formulas;
  if (rows[0]?.[0] !== STATE_HEADERS[0]) return EMPTY_STATE;
  return parseStateRows(rows.slice(1));
}

/**
 * Writes the records (and clears what is left of a longer previous list). The state sheet must
 * exist; `previousRows` is how many rows the records took before (0 when unknown).
 */
export async function writeState(batch: WriteBatch, meter: Meter, state: GatewayState, previousRows: number): Promise<number> {
  const rows = stateRows(state);
  const ws = () => meter.ctx.workbook.worksheets.getItem(STATE_SHEET);
  let at = 0;
  while (at < rows.length) {
    let n = 0;
    let bytes = 0;
    while (at + n < rows.length && (n === 0 || bytes + jsonSize(rows[at + n]) < batch.budgetBytes / 2)) {
      bytes += jsonSize(rows[at + n]);
      n++;
    }
    await batch.reserve(bytes, n * STATE_WIDTH);
    ws().getRangeByIndexes(at, STATE_LEFT - 1, n, STATE_WIDTH).formulas = rows.slice(at, at + n);
    at += n;
  }
  if (previousRows > rows.length) {
    await batch.reserve(0);
    ws().getRangeByIndexes(rows.length, STATE_LEFT - 1, previousRows - rows.length, STATE_WIDTH).clear("Contents");
  }
  return rows.length;
}
