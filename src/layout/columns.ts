/**
 * Declaring a sheet's columns: each is either plain data (a value per row) or one formula in
 * R1C1 terms (the text of the first data row, moved down for every other row) with the value
 * the engine computed for each row. Formulas name the columns they read, so a sheet module
 * says what a column is, not where it sits.
 */
import { cellAddress, columnLetters, sheetPrefix } from "./a1";
import { ColumnSpec, PlanCell, PlanValue, uniformColumn } from "./types";

type Extra = Omit<ColumnSpec, "header" | "cell" | "uniform" | "formula" | "value">;

export function valueColumn(header: string, cell: (i: number) => PlanCell, extra: Extra = {}): ColumnSpec {
  return { header, ...extra, cell };
}

export function formulaColumn(header: string, formula: string, value: (i: number) => PlanValue, extra: Extra = {}): ColumnSpec {
  return uniformColumn({ header, ...extra }, formula, value);
}

/** Column numbers (1-based, from `left`) of keys declared in order. */
export function columnsOf<K extends string>(keys: readonly K[], left = 1): Readonly<Record<K, number>> {
  const out = {} as Record<K, number>;
  keys.forEach((k, i) => (out[k] = left + i));
  return out;
}

/** The columns of `cols` in key order, checked against the numbering (a misordered sheet fails loudly). */
export function inOrder<K extends string>(keys: readonly K[], specs: Readonly<Record<K, ColumnSpec>>): ColumnSpec[] {
  return keys.map((k) => specs[k]);
}

/** A cell of the same row as the formula (absolute column, relative row), for the first data row `row`. */
export function here(col: number, row: number, sheet?: string): string {
  return `${sheet === undefined ? "" : sheetPrefix(sheet)}$${columnLetters(col)}${row}`;
}

/** A whole column of a sheet: what INDEX(…, position) reads one cell of. */
export function wholeColumn(sheet: string, col: number): string {
  const c = columnLetters(col);
  return `${sheetPrefix(sheet)}$${c}:$${c}`;
}

/** INDEX(whole column, position): one cell, which every engine evaluates alike. */
export function at(sheet: string, col: number, position: string): string {
  return `INDEX(${wholeColumn(sheet, col)},${position})`;
}

export { cellAddress };
