/**
 * Dates of the optional Creation/Start and Commitment end columns, only used for advice.
 * Partner Center writes ISO or US (M/D/YYYY) dates (research/domain.md §1.3); files re-saved by
 * Excel in a European locale carry D.M.YYYY or D-M-YYYY; Excel itself hands over serial numbers.
 * An ambiguous d/m/yyyy is read the US way unless the first number exceeds 12.
 */
import { Cell } from "./cells";

/** The serial day of y-m-d, or null when there is no such day (`isoToSerial` of the padded text, without building it: reconciliation files have two dates a line). */
function ymd(y: number, m: number, d: number): number | null {
  if (y > 9999 || m < 1 || m > 12 || d < 1) return null;
  // Date.UTC reads a year below 100 as 19yy; the length of February follows it.
  const year = y < 100 ? 1900 + y : y;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (d > (m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31)) return null;
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
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
  // Each pattern is tried only where it can match (reconciliation files have two dates a line).
  const c4 = t.charCodeAt(4);
  let m = c4 === 0x2d ? /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t) : null;
  if (m) return serial(ymd(+m[1], +m[2], +m[3]));
  m = c4 === 0x2f ? /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(t) : null;
  if (m) return serial(ymd(+m[1], +m[2], +m[3]));
  if (t.includes("/")) {
    const slash = slashParts(t);
    return slash ? { slash } : null;
  }
  m = /^(\d{1,2})[.-](\d{1,2})[.-](\d{4})$/.exec(t);
  if (m) return serial(ymd(+m[3], +m[2], +m[1]));
  return null;
}

/**
 * A date cell as one number, for reading tens of thousands of them without an object each
 * (reconciliation files): its serial day; −(a·10⁶ + b·10⁴ + yyyy) for a slash date `a/b/yyyy`,
 * whose order the caller settles (`codeToSerial`); NaN for no date. The grammar is
 * `readDateParts`'s: the common forms are scanned by hand, anything else goes to it.
 */
export function readDateCode(cell: Cell | undefined): number {
  if (typeof cell === "string") {
    const fast = scanDate(cell);
    if (fast !== null) return fast;
  }
  const r = readDateParts(cell);
  if (r === null) return NaN;
  if ("serial" in r) return r.serial;
  const [a, b, y] = r.slash;
  return -(a * 1e6 + b * 1e4 + y);
}

/** The serial day of a `readDateCode`, slash dates read day-first or month-first; NaN when it is no date. */
export function codeToSerial(code: number, dayFirst: boolean): number {
  if (!(code < 0)) return code;
  return slashDate(codeParts(code), dayFirst) ?? NaN;
}

/** The three numbers of a slash date's code. */
export function codeParts(code: number): [number, number, number] {
  const v = -code;
  return [Math.floor(v / 1e6), Math.floor(v / 1e4) % 100, v % 1e4];
}

const digit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * `yyyy-m-d` and `a/b/yyyy`, each alone or followed by a time made of digits, colons (and dots,
 * for ISO; and a final Z): scanned without a regular expression. Null for anything else,
 * including text that `readDateParts` may still read (surrounding spaces, AM/PM, offsets).
 */
function scanDate(t: string): number | null {
  const n = t.length;
  let i = 0;
  let v = 0;
  let count = 0;
  const num = (max: number): boolean => {
    v = 0;
    count = 0;
    while (i < n && count < max && digit(t.charCodeAt(i))) {
      v = v * 10 + t.charCodeAt(i++) - 0x30;
      count++;
    }
    return count > 0;
  };
  const iso = t.charCodeAt(4) === 0x2d;
  const sep = iso ? 0x2d : 0x2f;
  if (!num(iso ? 4 : 2) || (iso && count !== 4)) return null;
  const first = v;
  if (t.charCodeAt(i++) !== sep || !num(2)) return null;
  const second = v;
  if (t.charCodeAt(i++) !== sep || !num(iso ? 2 : 4) || (!iso && count !== 4)) return null;
  const third = v;
  if (i < n) {
    // A time: "T" or " " (ISO) or " " (slash), then digits and colons (and dots for ISO), and for ISO a final Z.
    const c = t.charCodeAt(i++);
    if (!(c === 0x20 || (iso && c === 0x54))) return null;
    const from = i;
    while (i < n) {
      const d = t.charCodeAt(i);
      if (digit(d) || d === 0x3a || (iso && d === 0x2e)) i++;
      else break;
    }
    if (i === from) return null;
    if (iso && i === n - 1 && t.charCodeAt(i) === 0x5a) i++;
    if (i !== n) return null;
  }
  if (iso) return ymd(first, second, third) ?? NaN;
  return -(first * 1e6 + second * 1e4 + third);
}

const SLASH = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: [0-9:]+(?: ?[AP]M)?)?$/i;

/** The three numbers of an `a/b/yyyy` date (a time may follow), or null. */
export function slashParts(cell: Cell | undefined): [number, number, number] | null {
  if (typeof cell !== "string") return null;
  const m = SLASH.exec(cell.trim());
  return m ? [+m[1], +m[2], +m[3]] : null;
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
