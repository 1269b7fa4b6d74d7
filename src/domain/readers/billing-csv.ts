/**
 * A reconciliation (invoice) CSV read for the task pane's import (spec §9), without holding the
 * file as a grid of strings: the files run to tens of thousands of lines and ~60 columns, and the
 * pane keeps only the seven columns the money view reads (billing-sheet.ts). The header row is
 * kept whole, so the file is recognised as it would be whole (a legacy file without its key
 * column must not pass for a new-commerce one); every other row keeps the columns a line is read
 * by, the rest null. Row numbers are the file's (grid[i] is row i + 1).
 */
import { Cell } from "../cells";
import { recogniseBillingHeader } from "../headers";
import { CsvStream } from "./csv-stream";

/** Columns of a reconciliation file's lines that the money view reads (key, dates, amount, currency, ChargeType, Quantity). */
export function billingColumns(header: readonly Cell[]): number[] {
  const h = recogniseBillingHeader(header);
  if (h.missing.length > 0) return [];
  const f = h.map.fields;
  return [h.key!, h.start!, h.end!, h.amount!, h.currency!, f.chargeType, f.quantity].filter((i): i is number => i !== undefined);
}

/**
 * V8 keeps a substring of 13 characters or more as a slice of the text it was cut from: a kept
 * subscription ID or date would keep its whole 64 KB chunk alive (charges.ts does the same).
 */
const detach = (s: string | null): string | null => (s === null || s.length < 13 ? s : (s + " ").slice(0, -1));

export function readBillingCsv(bytes: Uint8Array): Cell[][] {
  const grid: Cell[][] = [];
  let header: Cell[] | null = null;
  let columns: number[] = [];
  let width = 0;
  const csv = new CsvStream({
    row(cells, rowNumber, blank) {
      while (grid.length < rowNumber - 1) grid.push([]);
      if (blank) {
        grid.push([]);
        return;
      }
      if (!header) {
        header = cells.map((c) => c ?? "");
        grid.push(header);
        columns = billingColumns(header);
        width = columns.length > 0 ? Math.max(...columns) + 1 : 0;
        const mask: boolean[] = [];
        for (const c of columns) mask[c] = true;
        for (let i = 0; i < mask.length; i++) mask[i] = mask[i] === true;
        csv.keep(mask);
        return;
      }
      // Only as wide as the last column kept: the other ~50 columns of a line are never read.
      const line: Cell[] = new Array<Cell>(width).fill(null);
      for (const c of columns) line[c] = detach(cells[c] ?? null);
      grid.push(line);
    },
  });
  // Handed over 64 KB at a time, as the command streams a file (cli/billing.ts).
  for (let at = 0; at < bytes.length; at += 1 << 16) csv.write(bytes.subarray(at, Math.min(at + (1 << 16), bytes.length)));
  csv.end();
  return grid;
}
