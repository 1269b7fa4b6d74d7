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

/** Excel serial day (integer), or null when the cell holds no date. */
export function readDate(cell: Cell | undefined): number | null {
  if (typeof cell === "number") {
    return Number.isFinite(cell) && cell >= 1 && cell < 2_958_466 ? Math.floor(cell) : null;
  }
  if (typeof cell !== "string") return null;
  const t = cell.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(t);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: [0-9:]+(?: ?[AP]M)?)?$/i.exec(t);
  if (m) {
    const a = +m[1];
    const b = +m[2];
    return a > 12 ? ymd(+m[3], b, a) : ymd(+m[3], a, b);
  }
  m = /^(\d{1,2})[.-](\d{1,2})[.-](\d{4})$/.exec(t);
  if (m) return ymd(+m[3], +m[2], +m[1]);
  return null;
}
