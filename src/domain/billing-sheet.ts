/**
 * A reconciliation (invoice) file as the add-in keeps it in the workbook (spec §9): one sheet per
 * file, "Source file" and "Source row" in front as on the imported export sheets, then only the
 * columns the money view reads — the subscription key, ChargeStartDate, ChargeEndDate, the amount
 * (Subtotal, else Amount, else Total), Currency, and ChargeType and Quantity, which tell one
 * charge from another when a line is downloaded twice. The files run to ~60 columns and tens of
 * thousands of lines a month; these seven keep a month's file within a few write requests, and a
 * sheet under Excel's row limit holds any monthly file (docs/DECISIONS.md).
 *
 * Read back by `BillingReader` exactly as the file would be: the header keeps the file's own
 * names (so it is recognised as the same kind), every line keeps its file and row (so a problem
 * cites the file, as the command does), and a cell is changed only where the reading cannot
 * change: an amount the reader reads becomes that number (the team can add the column up), a
 * date held as a serial day becomes its ISO text (a sheet without a date format would show the
 * bare number). Dates written as text stay as the file wrote them: whether 3/4/2026 is March or
 * April is the file's to say, by all its lines (charges.ts).
 */
import { Cell, isBlank, serialToIso } from "./cells";
import { BillingReader, amountValue, readBillingGrid } from "./charges";
import { billingColumns } from "./readers/billing-csv";
import { BillingKind, recogniseBillingHeader } from "./headers";
import { Problem } from "./model";
import { PROVENANCE, baseNameOf } from "./workbook";
import { safeSheetName } from "./importer";
import { cutUnits } from "./text";

export type BillingSheetGrid =
  | { readonly ok: true; readonly kind: BillingKind; readonly rows: Cell[][]; readonly lines: number }
  | { readonly ok: false; readonly problem: Problem };

/** The sheet a billing file goes to, before any name it collides with is numbered. */
export function billingSheetName(path: string): string {
  return safeSheetName(`Billing ${cutUnits(baseNameOf(path), 23)}`);
}

/** A serial day as the reader reads a number (dates.ts readDateParts): whole days of Excel's range. */
const isSerialDay = (c: Cell): c is number => typeof c === "number" && Number.isFinite(c) && c >= 1 && c < 2_958_466;

/**
 * The cells of a billing file's sheet, or the problem that keeps it off the workbook: a file that
 * cannot be decoded, is empty, or lacks a column (MISSING_COLUMN, worded as the command words it).
 */
export function billingSheetGrid(path: string, grid: readonly (readonly Cell[])[] | null, error?: string): BillingSheetGrid {
  if (!grid) return { ok: false, problem: { source: path, row: 0, code: "UNREADABLE_FILE", message: error ?? "The file could not be read" } };
  // The command's own reading decides whether the file can be read at all.
  const check = new BillingReader(() => null);
  readBillingGrid(check, path, grid);
  const refused = check.data().problems[0];
  if (refused) return { ok: false, problem: refused };
  const h = grid.findIndex((r) => !r.every(isBlank));
  const header = recogniseBillingHeader(grid[h]);
  const keep = billingColumns(grid[h]);
  const dates = new Set([header.start!, header.end!]);
  const rows: Cell[][] = [[...PROVENANCE, ...keep.map((i) => grid[h][i] ?? null)]];
  for (let r = h + 1; r < grid.length; r++) {
    const line = grid[r];
    if (line.every(isBlank)) continue;
    rows.push([
      path,
      r + 1,
      ...keep.map((i): Cell => {
        const c = line[i] ?? null;
        if (i === header.amount) {
          const v = amountValue(c);
          return Number.isNaN(v) ? c : v;
        }
        if (dates.has(i) && isSerialDay(c)) return serialToIso(Math.floor(c));
        return c;
      }),
    ]);
  }
  return { ok: true, kind: header.kind!, rows, lines: rows.length - 1 };
}
