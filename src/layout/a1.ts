/**
 * A1 addresses and formula text. Formulas are written in Excel's invariant form (English
 * function names, commas) so every team member's Excel reads the same text, whatever its
 * language (office.js `formulas`, research/office-addin.md §2.6).
 */

export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 'Sheet name'! with quotes doubled; quotes are always used so any name is safe. */
export function sheetPrefix(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!`;
}

export function cellAddress(col: number, row: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetters(col)}${d}${row}`;
}

export function rangeAddress(col1: number, row1: number, col2: number, row2: number, absolute = false): string {
  return `${cellAddress(col1, row1, absolute)}:${cellAddress(col2, row2, absolute)}`;
}

export function ref(sheet: string, col: number, row: number, absolute = true): string {
  return sheetPrefix(sheet) + cellAddress(col, row, absolute);
}

export function rangeRef(sheet: string, col1: number, row1: number, col2: number, row2: number): string {
  return sheetPrefix(sheet) + rangeAddress(col1, row1, col2, row2, true);
}

/** A string literal for a formula: quotes doubled. */
export function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** Splits formula text into literal pieces (strings, quoted sheet names) and code pieces. */
export function splitLiterals(f: string): { text: string; code: boolean }[] {
  const out: { text: string; code: boolean }[] = [];
  let i = 0;
  let start = 0;
  while (i < f.length) {
    const ch = f[i];
    if (ch === '"' || ch === "'") {
      if (i > start) out.push({ text: f.slice(start, i), code: true });
      let j = i + 1;
      for (;;) {
        if (j >= f.length) break;
        if (f[j] === ch) {
          if (f[j + 1] === ch) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      out.push({ text: f.slice(i, j + 1), code: false });
      i = j + 1;
      start = i;
      continue;
    }
    i++;
  }
  if (start < f.length) out.push({ text: f.slice(start), code: true });
  return out;
}

// A cell (A1, $A$1), a whole-column range (A:C) or a whole-row range (2:5), not part of a
// name, a function name (LOG10) or a number. Ranges come first so that both ends move together.
const REF =
  /(^|[^A-Za-z0-9_.$])(?:(\$?)([A-Z]{1,3}):(\$?)([A-Z]{1,3})|(\$?)([0-9]{1,7}):(\$?)([0-9]{1,7})|(\$?)([A-Z]{1,3})(\$?)([0-9]{1,7}))(?![0-9A-Za-z_(])/g;

/**
 * The formula as it reads when copied `dr` rows down and `dc` columns right: relative row and
 * column parts move, `$` parts stay. This is what a shared formula in a file, Excel's fill,
 * and office.js `copyFrom` all do; the layout uses it so that every row of a uniform column
 * is exactly the first row's formula, moved, and the formula check uses it to expand the
 * shared formulas of a file.
 */
export function shiftFormula(f: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return f;
  const col = (abs: string, letters: string) => `${abs}${abs || dc === 0 ? letters : columnLetters(columnNumber(letters) + dc)}`;
  const row = (abs: string, digits: string) => `${abs}${abs ? digits : String(Number(digits) + dr)}`;
  return splitLiterals(f)
    .map((p) =>
      p.code
        ? p.text.replace(REF, (_m, pre: string, ...g: string[]) => {
            if (g[1] !== undefined) return `${pre}${col(g[0], g[1])}:${col(g[2], g[3])}`;
            if (g[5] !== undefined) return `${pre}${row(g[4], g[5])}:${row(g[6], g[7])}`;
            return `${pre}${col(g[8], g[9])}${row(g[10], g[11])}`;
          })
        : p.text,
    )
    .join("");
}

/**
 * Functions newer than Excel 2007 carry the `_xlfn.` prefix inside an .xlsx file, though
 * office.js and the formula bar show them bare (research/feasibility.md §3b).
 */
const FUTURE_FUNCTIONS = ["UNICHAR", "AGGREGATE", "NUMBERVALUE", "IFNA"];
// A lookbehind, not a consumed character: in IFNA(UNICHAR( the second name follows the first "(".
const FUTURE = new RegExp(`(?<![A-Za-z0-9_.])(${FUTURE_FUNCTIONS.join("|")})\\(`, "g");

export function fileFormula(f: string): string {
  return splitLiterals(f)
    .map((p) => (p.code ? p.text.replace(FUTURE, (_m, name: string) => `_xlfn.${name}(`) : p.text))
    .join("");
}

export function bareFormula(f: string): string {
  return splitLiterals(f)
    .map((p) => (p.code ? p.text.replace(/_xlfn\./g, "") : p.text))
    .join("");
}
