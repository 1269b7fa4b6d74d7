/**
 * The input tables the user owns and the pane edits: Sources (which sheet is which account and
 * customer), Accounts (which old accounts are new commerce) and Offer map. Written as plain
 * values from row 1; rows left over from a longer previous table are cleared, columns beyond
 * the table (the run's "Applied at last run" and "Check", the user's notes) are left alone.
 */
import { Cell } from "../domain/cells";
import { writeGrid } from "./apply-plan";
import { toExcelInput } from "./cells";
import { Meter, WriteBatch } from "./requests";

export interface TableTarget {
  readonly sheet: string;
  /** Create the sheet first. */
  readonly create: boolean;
  /** Last used row before (to clear what the new table no longer covers). */
  readonly previousBottom: number;
}

export async function writeTable(meter: Meter, batch: WriteBatch, target: TableTarget, rows: readonly (readonly Cell[])[], width: number): Promise<void> {
  if (target.create) {
    await batch.reserve(64);
    const ws = meter.ctx.workbook.worksheets.add(target.sheet);
    ws.freezePanes.freezeRows(1);
  }
  await writeGrid({ meter, batch }, target.sheet, 1, 1, rows.length, width, (i, j) => toExcelInput(rows[i][j] ?? null), "values");
  await batch.reserve(0);
  meter.ctx.workbook.worksheets.getItem(target.sheet).getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
  if (target.previousBottom > rows.length) {
    await batch.reserve(0);
    meter.ctx.workbook.worksheets.getItem(target.sheet).getRangeByIndexes(rows.length, 0, target.previousBottom - rows.length, width).clear("Contents");
  }
}
