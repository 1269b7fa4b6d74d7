/**
 * One equality rule for every formula cell, whichever engine or file a value comes from
 * (docs/DECISIONS.md "Proving formulas"):
 * - numbers: equal within a relative 1e-9 (absolute below 1): engines sum in different orders
 *   and HyperFormula rounds to 10 significant digits for display ("smartRounding");
 * - text: exactly equal, after the reader decoded the file's escapes;
 * - booleans equal booleans, errors equal errors of the same type (#N/A, #VALUE!…);
 * - nothing else is equal: "" is not 0, not FALSE and not "no value"; 1 is not TRUE.
 * File-format differences are removed by the reader, never here: Gnumeric's shared-string ""
 * and LibreOffice's empty t="str" both read as "". A formula cell without a value (null) only
 * equals another without a value, so a missing result is always reported.
 */
import { BookValues, CellValue, XBook, isCellError } from "./types";

export function sameValue(a: CellValue, b: CellValue): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (isCellError(a) || isCellError(b)) return isCellError(a) && isCellError(b) && a.error === b.error;
  return a === b;
}

export function showValue(v: CellValue): string {
  if (v === null) return "(no value)";
  if (isCellError(v)) return v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return typeof v === "string" ? JSON.stringify(v) : String(v);
}

export interface Mismatch {
  readonly sheet: string;
  readonly address: string;
  readonly formula: string;
  readonly expected: CellValue;
  readonly got: CellValue;
}

/** Every formula cell of `book` whose value in `got` differs from its value in `expected`. */
export function compareFormulaCells(book: XBook, expected: BookValues, got: BookValues, skip?: (sheet: string, address: string) => boolean): Mismatch[] {
  const out: Mismatch[] = [];
  for (const s of book.sheets.values()) {
    const e = expected.get(s.name);
    const g = got.get(s.name);
    for (const c of s.cells.values()) {
      if (c.formula === undefined || skip?.(s.name, c.address)) continue;
      const ev = e?.get(c.address) ?? null;
      const gv = g?.get(c.address) ?? null;
      if (!sameValue(ev, gv)) out.push({ sheet: s.name, address: c.address, formula: c.formula, expected: ev, got: gv });
    }
  }
  return out;
}

function short(formula: string, max = 140): string {
  return formula.length <= max ? formula : `${formula.slice(0, max - 1)}…`;
}

/** "'CSP Groups'!N3 =IFERROR(…): LibreOffice 0, Gnumeric 1" */
export function mismatchLine(m: Mismatch, expectedLabel: string, gotLabel: string): string {
  return `'${m.sheet}'!${m.address} =${short(m.formula)}: ${expectedLabel} ${showValue(m.expected)}, ${gotLabel} ${showValue(m.got)}`;
}

/**
 * Mismatches by sheet and column, with the column's header (the nearest text above the first
 * mismatch) and one example: what the lead reads to know which formula column disagrees.
 */
export function summarize(book: XBook, mismatches: readonly Mismatch[], expectedLabel: string, gotLabel: string): string[] {
  const groups = new Map<string, Mismatch[]>();
  for (const m of mismatches) {
    const key = `${m.sheet}\u0000${m.address.replace(/[0-9]+$/, "")}`;
    const list = groups.get(key);
    if (list) list.push(m);
    else groups.set(key, [m]);
  }
  return [...groups.values()].map((list) => {
    const first = list[0];
    const column = first.address.replace(/[0-9]+$/, "");
    return `'${first.sheet}'!${column} "${header(book, first)}": ${list.length} cell(s); e.g. ${mismatchLine(first, expectedLabel, gotLabel)}`;
  });
}

function header(book: XBook, m: Mismatch): string {
  const sheet = book.sheets.get(m.sheet);
  const column = m.address.replace(/[0-9]+$/, "");
  for (let row = Number(m.address.slice(column.length)) - 1; row >= 1; row--) {
    const c = sheet?.cells.get(`${column}${row}`);
    if (c && c.formula === undefined && typeof c.value === "string" && c.value !== "") return c.value;
  }
  return "?";
}
