/**
 * Values of a workbook by sheet and address, and the reader the semantic check
 * (../workbook-check) uses on them.
 */
import { cellAddress } from "../../../src/layout/a1";
import { CellReader } from "../workbook-check";
import { BookValues, CellValue, XBook, isCellError } from "./types";

/** Every cell's stored value (formula cells included: their cached result, or null). */
export function storedValues(book: XBook): BookValues {
  return new Map([...book.sheets.values()].map((s) => [s.name, new Map([...s.cells.values()].map((c) => [c.address, c.value]))]));
}

/**
 * Whether the file stores its formulas' results: "all", "none", or "partial" with the formula
 * cells that lack one (a workbook that shows verdicts on some rows only would look finished).
 */
export function storedState(book: XBook): { state: "all" | "none" | "partial"; formulas: number; missing: string[] } {
  let formulas = 0;
  const missing: string[] = [];
  for (const s of book.sheets.values()) {
    for (const c of s.cells.values()) {
      if (c.formula === undefined) continue;
      formulas++;
      if (c.value === null) missing.push(`'${s.name}'!${c.address}`);
    }
  }
  const state = missing.length === 0 && formulas > 0 ? "all" : missing.length === formulas ? "none" : "partial";
  return { state, formulas, missing };
}

/** BookValues read by (sheet, row, column) like ../libreoffice Values: null reads as "" and 0. */
export class EngineValues implements CellReader {
  constructor(readonly values: BookValues) {}

  get(sheet: string, row: number, col: number): CellValue {
    const s = this.values.get(sheet);
    if (!s) throw new Error(`no sheet "${sheet}"`);
    return s.get(cellAddress(col, row)) ?? null;
  }

  text(sheet: string, row: number, col: number): string {
    const v = this.get(sheet, row, col);
    return v === null ? "" : isCellError(v) ? v.error : String(v);
  }

  number(sheet: string, row: number, col: number): number {
    const v = this.get(sheet, row, col);
    return v === null || v === "" ? 0 : isCellError(v) ? NaN : Number(v);
  }
}
