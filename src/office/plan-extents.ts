/**
 * Where a layout plan writes, as extents: the cells whose content it sets, the input tables'
 * columns (Sources, Accounts, Offer map are the user's inputs that a run normalises), the cells
 * it styles, formats as dates or integers, colours conditionally or gives a dropdown, and the
 * column widths it sets. The same extents are recorded in the state sheet, so the next run and
 * "Remove reconciliation" know exactly what was ours.
 */
import { ACCOUNT_COLUMNS, OFFER_MAP_COLUMNS, SHEETS, SOURCE_COLUMNS } from "../domain/workbook";
import { Block, FreeCell, PlanCell, SheetPlan, WorkbookPlan, isLink } from "../layout/types";
import { Rect, rect } from "./rects";
import { Extent } from "./state";

/** Input tables and how many of their leading columns are the user's input. */
export const INPUT_TABLES: ReadonlyMap<string, number> = new Map([
  [SHEETS.sources, SOURCE_COLUMNS.length],
  [SHEETS.accounts, ACCOUNT_COLUMNS.length],
  [SHEETS.offerMap, OFFER_MAP_COLUMNS.length],
]);

export const DATE_FORMAT = "yyyy-mm-dd";
/** The en-US code of Excel's built-in format 22, shown in each reader's regional date and time format. */
export const DATETIME_FORMAT = "m/d/yyyy h:mm";
export const INTEGER_FORMAT = "0";
/** The en-US code of Excel's built-in format 4, the .xlsx writer's money format: each reader sees their own separators. */
export const MONEY_FORMAT = "#,##0.00";

export function numberFormatOf(format: string | undefined): string | null {
  return format === "date" ? DATE_FORMAT : format === "integer" ? INTEGER_FORMAT : format === "money" ? MONEY_FORMAT : null;
}

/**
 * A width in characters as Excel's columnWidth takes it, in points (office-js #187): characters
 * of the Normal style's widest digit plus 5 pixels of padding (ECMA-376 §18.3.1.13), with that
 * digit 7 pixels wide as in Calibri 11 and Aptos Narrow 11 at 100%, a pixel 3/4 point. Another
 * Normal font or screen scaling makes the column a little wider or narrower in characters
 * (docs/TESTING-IN-EXCEL.md).
 */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

export function blockRect(b: Block): Rect {
  return rect(b.top, b.left, b.top + b.rows, b.left + b.columns.length - 1);
}

export interface ColumnWidth {
  readonly col: number;
  readonly width: number;
  readonly hidden: boolean;
}

export interface SheetLayout {
  readonly plan: SheetPlan;
  readonly extents: readonly Extent[];
  readonly widths: readonly ColumnWidth[];
}

function freeStyled(c: FreeCell): boolean {
  return c.style === "title" || c.style === "label" || c.style === "note" || isLink(c.value);
}

export function sheetLayout(sheet: SheetPlan): SheetLayout {
  const extents: Extent[] = [];
  const widths: ColumnWidth[] = [];
  const add = (kind: Extent["kind"], r: Rect) => extents.push({ sheet: sheet.name, rect: r, kind });
  const inputCols = sheet.role === "generated" ? INPUT_TABLES.get(sheet.name) ?? 0 : 0;
  for (const b of sheet.blocks) {
    const r = blockRect(b);
    const inputRight = Math.min(r.right, b.left + inputCols - 1);
    if (inputCols > 0 && inputRight >= b.left) {
      add("input", rect(r.top, r.left, r.bottom, inputRight));
      if (inputRight < r.right) add("content", rect(r.top, inputRight + 1, r.bottom, r.right));
    } else {
      add("content", r);
    }
    add("style", rect(b.top, b.left, b.top, r.right));
    b.columns.forEach((c, k) => {
      const col = b.left + k;
      if (b.rows > 0 && numberFormatOf(c.format)) add("numberFormat", rect(b.top + 1, col, b.top + b.rows, col));
      if (b.rows > 0 && (c.verdictColors || c.dataBar)) add("cf", rect(b.top + 1, col, b.top + b.rows, col));
      if (b.rows > 0 && sheet.role === "generated" && (c.wrap || c.align || c.links || b.heights?.row)) add("style", rect(b.top + 1, col, b.top + b.rows, col));
      if (b.rows > 0 && c.input) add("validation", rect(b.top + 1, col, b.top + b.rows, col));
      if (b.rows > 0 && c.links) add("link", rect(b.top + 1, col, b.top + b.rows, col));
      if (c.width !== undefined || c.hidden) widths.push({ col, width: c.width !== undefined ? widthPoints(c.width) : 0, hidden: Boolean(c.hidden) });
    });
  }
  for (const c of sheet.cells) {
    const r = rect(c.row, c.col, c.row, c.col);
    add("content", r);
    if (freeStyled(c)) add("style", r);
    if (c.style === "date" || c.style === "datetime") add("numberFormat", r);
    if (isLink(c.value)) add("link", r);
  }
  return { plan: sheet, extents, widths };
}

export function planLayouts(plan: WorkbookPlan): Map<string, SheetLayout> {
  const out = new Map<string, SheetLayout>();
  for (const s of plan.sheets) out.set(s.name, sheetLayout(s));
  return out;
}

/** The plan's cell at a position of its sheet (header text, data cell or free cell), if any. */
export function planCellAt(sheet: SheetPlan, row: number, col: number): PlanCell | undefined {
  for (const c of sheet.cells) if (c.row === row && c.col === col) return c.value;
  for (const b of sheet.blocks) {
    if (col < b.left || col >= b.left + b.columns.length || row < b.top || row > b.top + b.rows) continue;
    const spec = b.columns[col - b.left];
    return row === b.top ? spec.header : spec.cell(row - b.top - 1);
  }
  return undefined;
}
