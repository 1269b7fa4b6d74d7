/**
 * Status and Quantity cells changed in the workbook as a user types into them, without
 * re-running the product: the formula tests write such a file and require the recalculated
 * verdicts to equal the engine's verdicts for the edited data.
 */
import { Cell, isoToSerial } from "../../src/domain/cells";
import { reconcile } from "../../src/domain/engine";
import { recogniseSubscriptionHeader } from "../../src/domain/headers";
import { EngineResult } from "../../src/domain/model";
import { SheetData, readWorkbook } from "../../src/domain/workbook";
import { RunOutput } from "../../src/cli/run";
import { Rng, randomEdit } from "./random-exports";

export interface Edit {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly value: Cell;
}

/** Picks rows of reconciled subscriptions and changes their Status and/or Quantity cells. */
export function pickEdits(out: RunOutput, seed: number, count: number): Edit[] {
  const r = new Rng(seed);
  const rows = out.result.rows.filter((x) => x.at && x.group !== null);
  const edits: Edit[] = [];
  for (let k = 0; k < Math.min(count, rows.length); k++) {
    const row = r.pick(rows);
    const sheet = out.sheets.get(row.at!.sheet)!;
    const map = recogniseSubscriptionHeader(sheet.rows[0]);
    const e = randomEdit(r);
    if (e.status !== undefined) edits.push({ sheet: row.at!.sheet, row: row.at!.row, col: map.fields.status! + 1, value: e.status });
    if (e.quantity !== undefined) edits.push({ sheet: row.at!.sheet, row: row.at!.row, col: map.fields.quantity! + 1, value: e.quantity });
  }
  return edits;
}

export function applyToSheets(sheets: ReadonlyMap<string, SheetData>, edits: readonly Edit[]): Map<string, SheetData> {
  const copy = new Map(sheets);
  for (const e of edits) {
    const s = copy.get(e.sheet)!;
    const rows = s.rows.map((r) => [...r]);
    rows[e.row - 1][e.col - 1] = e.value;
    copy.set(e.sheet, { name: s.name, rows });
  }
  return copy;
}

/** The input sheets as the user leaves them after the edits (what the writer writes). */
export function editedInputSheets(out: RunOutput, edits: readonly Edit[]): SheetData[] {
  return [...applyToSheets(new Map(out.inputSheets.map((s) => [s.name, s])), edits).values()];
}

/** What the engine says for the edited data, read from the edited sheets like any run. */
export function expectedAfterEdits(out: RunOutput, edits: readonly Edit[], asOf: string): EngineResult {
  return edits.length ? reconcile(readWorkbook(applyToSheets(out.sheets, edits), isoToSerial(asOf)!)) : out.result;
}
