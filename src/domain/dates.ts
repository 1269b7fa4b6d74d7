/**
 * Dates of the optional Creation/Start and Commitment end columns, only used for advice.
 * Partner Center writes ISO or US (M/D/YYYY) dates (research/domain.md §1.3); files re-saved by
 * Excel in a European locale carry D.M.YYYY or D-M-YYYY; Excel itself hands over serial numbers.
 * An ambiguous d/m/yyyy is read the US way unless the first number exceeds 12.
 */
import { Cell, isoToSerial } from "./cells";

function ymd(y: number, m: number, d: number): number | null {
  return isoToSerial(`${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
}

/**
 * A date cell as read, before a slash date's order is settled: a serial day, or the three
 * numbers of `a/b/yyyy`, which is month-first in Partner Center's own files and day-first in a
 * file re-saved by Excel in a European locale.
 */
export type DateReading = { readonly serial: number } | { readonly slash: readonly [a: number, b: number, year: number] };

export function readDateParts(cell: Cell | undefined): DateReading | null {
  if (typeof cell === "number") {
    return Number.isFinite(cell) && cell >= 1 && cell < 2_958_466 ? { serial: Math.floor(cell) } : null;
  }
  if (typeof cell !== "string") return null;
  const t = cell.trim();
  const serial = (n: number | null) => (n === null ? null : { serial: n });
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  if (m) return serial(ymd(+m[1], +m[2], +m[3]));
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(t);
  if (m) return serial(ymd(+m[1], +m[2], +m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: [0-9:]+(?: ?[AP]M)?)?$/i.exec(t);
  if (m) return { slash: [+m[1], +m[2], +m[3]] };
  m = /^(\d{1,2})[.-](\d{1,2})[.-](\d{4})$/.exec(t);
  if (m) return serial(ymd(+m[3], +m[2], +m[1]));
  return null;
}

/** The serial day of a slash date read day-first or month-first; null when that is no date. */
export function slashDate(parts: readonly [number, number, number], dayFirst: boolean): number | null {
  const [a, b, y] = parts;
  return dayFirst ? ymd(y, b, a) : ymd(y, a, b);
}

/** Excel serial day (integer), or null when the cell holds no date. */
export function readDate(cell: Cell | undefined): number | null {
  const r = readDateParts(cell);
  if (r === null) return null;
  if ("serial" in r) return r.serial;
  // One cell alone: month-first unless the first number cannot be a month.
  return slashDate(r.slash, r.slash[0] > 12);
}
