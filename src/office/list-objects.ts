/**
 * Excel tables (ListObjects) on the user's export sheets. Partners format exports as tables
 * (Ctrl+T, or Power Query loads a CSV into one), so the product reads them and writes beside
 * them without letting the table take its columns (docs/DECISIONS.md, "Exports in Excel tables"):
 *
 * - Reading: a table's rows are the sheet's rows; its totals row is not a subscription (or a
 *   customer) and is read as blank.
 * - Writing: Excel grows a table over data written into the empty column right of it, also
 *   through the API (docs/excel/co-authoring-in-excel-add-ins.md; AutoCorrect's
 *   AutoExpandListRange), and makes a formula entered in an empty table column a calculated column
 *   (office-js #6745). So the added columns start one empty column right of a table's last column.
 * - A table that already covers the added columns (Ctrl+T after a run takes in the whole current
 *   region) is given back its own extent with Table.resize (ExcelApi 1.13) before anything else
 *   is written. Without Table.resize, or when the table also takes in the user's columns beyond
 *   ours, a run is refused before writing (the user resizes the table); Remove goes ahead, and
 *   Excel names the emptied header cells of the table Column1, Column2...
 */
import { Cell } from "../domain/cells";
import { SheetData } from "../domain/workbook";
import { Rect, intersect, rect } from "./rects";
import { Meter } from "./requests";

export interface UserTable {
  readonly sheet: string;
  readonly name: string;
  /** The whole table: header row, data, totals row. */
  readonly rect: Rect;
  readonly showTotals: boolean;
}

/** The tables on these sheets: two requests whatever the count. */
export async function readTables(meter: Meter, sheets: readonly string[]): Promise<UserTable[]> {
  if (sheets.length === 0) return [];
  const colls = sheets.map((name) => meter.ctx.workbook.worksheets.getItem(name).tables.load("items/name,items/showTotals"));
  await meter.sync(0);
  const found = colls.flatMap((c, i) => c.items.map((t) => ({ sheet: sheets[i], t, range: t.getRange().load("rowIndex,columnIndex,rowCount,columnCount") })));
  if (found.length === 0) return [];
  await meter.sync(0);
  return found.map(({ sheet, t, range }) => ({
    sheet,
    name: t.name,
    rect: rect(range.rowIndex + 1, range.columnIndex + 1, range.rowIndex + range.rowCount, range.columnIndex + range.columnCount),
    showTotals: t.showTotals,
  }));
}

const onSheet = (tables: readonly UserTable[], sheet: string) => tables.filter((t) => t.sheet.toLowerCase() === sheet.toLowerCase());

/** The sheet as the engine reads it, with the cells of tables' totals rows blank. */
export function withoutTotals(data: SheetData, tables: readonly UserTable[]): SheetData {
  const totals = onSheet(tables, data.name).filter((t) => t.showTotals);
  if (totals.length === 0) return data;
  const rows = data.rows.map((r) => [...r]);
  for (const t of totals) {
    const line = rows[t.rect.bottom - 1];
    if (!line) continue;
    for (let c = t.rect.left; c <= Math.min(t.rect.right, line.length); c++) line[c - 1] = null as Cell;
  }
  return { ...data, rows };
}

/** How wide the sheet's data is for placing the added columns: one empty column beyond any table. */
export function spacedWidth(usedRight: number, tables: readonly UserTable[], sheet: string): number {
  return Math.max(usedRight, ...onSheet(tables, sheet).map((t) => t.rect.right + 1));
}

export interface TableFix {
  readonly table: UserTable;
  /** The extent the table gets back: up to the column before ours. */
  readonly to: Rect;
}

/**
 * Tables that reach into the columns of `blocks` (what the run writes on the user's sheets): the
 * ones a resize can give back their own extent (they start left of ours and end within ours), and
 * the ones it cannot.
 */
export function tablesInTheWay(blocks: readonly { sheet: string; rect: Rect }[], tables: readonly UserTable[]): { fixes: TableFix[]; conflicts: UserTable[] } {
  const fixes: TableFix[] = [];
  const conflicts: UserTable[] = [];
  for (const t of tables) {
    const hit = blocks.find((b) => b.sheet.toLowerCase() === t.sheet.toLowerCase() && intersect(b.rect, t.rect));
    if (!hit) continue;
    if (t.rect.left < hit.rect.left && t.rect.right <= hit.rect.right) fixes.push({ table: t, to: rect(t.rect.top, t.rect.left, t.rect.bottom, hit.rect.left - 1) });
    else conflicts.push(t);
  }
  return { fixes, conflicts };
}

/** Queues the resizes (Table.resize, ExcelApi 1.13). */
export function queueFixes(meter: Meter, fixes: readonly TableFix[]): void {
  for (const f of fixes) {
    const ws = meter.ctx.workbook.worksheets.getItem(f.table.sheet);
    ws.tables.getItem(f.table.name).resize(ws.getRangeByIndexes(f.to.top - 1, f.to.left - 1, f.to.bottom - f.to.top + 1, f.to.right - f.to.left + 1));
  }
}
