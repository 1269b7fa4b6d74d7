/**
 * A1 addresses and formula text. Formulas are written in Excel's invariant form (English
 * function names, commas) so every team member's Excel reads the same text, whatever its
 * language (office.js `formulas`, research/office-addin.md §2.6).
 */

const LETTERS: string[] = [];

export function columnLetters(col: number): string {
  const known = LETTERS[col];
  if (known !== undefined) return known;
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  if (Number.isInteger(col) && col > 0 && col <= 16_384) LETTERS[col] = s;
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

/**
 * A string literal that every engine reads alike: a quote inside the text becomes CHAR(34)
 * instead of a doubled quote, which HyperFormula's parser does not take (it escapes with "\").
 */
export function textLiteral(s: string): string {
  return s.includes('"') ? s.split('"').map((p) => `"${p}"`).join("&CHAR(34)&") : `"${s}"`;
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

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

// A1 references in formula text: whole columns (A:C), whole rows (2:4), cells (A1). Not when part
// of a longer word (a name, a number like 1E3) or a function name (LOG10( ).
const A1_REF =
  /(^|[^A-Za-z0-9_.$\u00C0-\uFFFF])(?:(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})|(\$?)([0-9]{1,7}):(\$?)([0-9]{1,7})|(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7}))(?![0-9A-Za-z_(.\u00C0-\uFFFF])/g;

const r1c1Part = (axis: "R" | "C", abs: boolean, n: number, here: number) => (abs ? `${axis}${n}` : n === here ? axis : `${axis}[${n - here}]`);

/**
 * The formula (invariant A1 text, without "=") as R1C1 text for the cell at (row, col), 1-based:
 * `$` parts become absolute R5/C3, relative parts R[-1]/C[2] (R and C alone for the same row or
 * column). This is how Excel itself sees a filled column: every row of a uniform column has the
 * same R1C1 text, which `Range.formulasR1C1` (ExcelApi 1.2) takes as it is.
 */
export function toR1C1(f: string, row: number, col: number): string {
  return splitLiterals(f)
    .map((p) =>
      p.code
        ? p.text.replace(A1_REF, (m, pre: string, ca1?: string, c1?: string, ca2?: string, c2?: string, ra1?: string, r1?: string, ra2?: string, r2?: string, ca?: string, c?: string, ra?: string, r?: string) => {
            if (c1 !== undefined) {
              const a = columnNumber(c1);
              const b = columnNumber(c2!);
              if (a > MAX_COL || b > MAX_COL) return m;
              return `${pre}${r1c1Part("C", ca1 === "$", a, col)}:${r1c1Part("C", ca2 === "$", b, col)}`;
            }
            if (r1 !== undefined) {
              const a = Number(r1);
              const b = Number(r2);
              if (a < 1 || b < 1 || a > MAX_ROW || b > MAX_ROW) return m;
              return `${pre}${r1c1Part("R", ra1 === "$", a, row)}:${r1c1Part("R", ra2 === "$", b, row)}`;
            }
            const cn = columnNumber(c!);
            const rn = Number(r);
            if (cn > MAX_COL || rn < 1 || rn > MAX_ROW) return m;
            return `${pre}${r1c1Part("R", ra === "$", rn, row)}${r1c1Part("C", ca === "$", cn, col)}`;
          })
        : p.text,
    )
    .join("");
}

// R1C1 references: R5C3, R[-1]C, RC[2], R2:R4 (rows), C[1]:C[1] (columns), R (this row), C (this column).
const R1C1_REF = /(^|[^A-Za-z0-9_.$\u00C0-\uFFFF])(?=[RC])(R(?:\[(-?\d+)\]|(\d+))?)?(C(?:\[(-?\d+)\]|(\d+))?)?(?![0-9A-Za-z_(.[\u00C0-\uFFFF])/g;

// A range with an end that fell off the sheet: Excel makes the whole range #REF!.
const BROKEN_RANGE = /(?:#REF!|\$?[A-Za-z]{1,3}\$?[0-9]{1,7}|\$?[A-Za-z]{1,3}|\$?[0-9]{1,7}):#REF!|#REF!:(?:\$?[A-Za-z]{1,3}\$?[0-9]{1,7}|\$?[A-Za-z]{1,3}|\$?[0-9]{1,7})(?![0-9A-Za-z_(.])/g;

/**
 * R1C1 text (without "=") as invariant A1 text for the cell at (row, col): the inverse of
 * `toR1C1`. A reference that falls outside the grid becomes #REF! — a range with such an end,
 * all of it — as when Excel fills a formula past the sheet's edge.
 */
export function fromR1C1(f: string, row: number, col: number): string {
  return splitLiterals(f)
    .map((p) => {
      if (!p.code) return p.text;
      const a1 = fromR1C1Code(p.text, row, col);
      return a1.includes("#REF!") ? a1.replace(BROKEN_RANGE, "#REF!") : a1;
    })
    .join("");
}

function fromR1C1Code(text: string, row: number, col: number): string {
  return text.replace(R1C1_REF, (m, pre: string, rPart?: string, rRel?: string, rAbs?: string, cPart?: string, cRel?: string, cAbs?: string) => {
    if (rPart === undefined && cPart === undefined) return m;
    const rn = rPart === undefined ? null : rAbs !== undefined ? Number(rAbs) : row + Number(rRel ?? 0);
    const cn = cPart === undefined ? null : cAbs !== undefined ? Number(cAbs) : col + Number(cRel ?? 0);
    if ((rn !== null && (rn < 1 || rn > MAX_ROW)) || (cn !== null && (cn < 1 || cn > MAX_COL))) return `${pre}#REF!`;
    const rs = rAbs !== undefined ? "$" : "";
    const cs = cAbs !== undefined ? "$" : "";
    // A whole row or column stands alone; "R2:R4" becomes "2:4" through its two halves.
    if (cn === null) return `${pre}${rs}${rn}`;
    if (rn === null) return `${pre}${cs}${columnLetters(cn)}`;
    return `${pre}${cs}${columnLetters(cn)}${rs}${rn}`;
  });
}
