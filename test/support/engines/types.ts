/**
 * A workbook as the three-engine formula check sees it: every cell's formula (A1 text, shared
 * formulas expanded) and its stored value, typed as the file types it.
 */

export interface CellError {
  /** The error as Excel spells it: "#N/A", "#VALUE!", "#DIV/0!"… */
  readonly error: string;
}

/**
 * A stored or computed value. `null` means "no value": an empty cell, or a formula cell whose
 * file holds no result. The empty string is a value (a formula returning "").
 */
export type CellValue = number | string | boolean | CellError | null;

export interface XCell {
  readonly row: number;
  readonly col: number;
  /** A1 address without sheet, e.g. "K12". */
  readonly address: string;
  /** Formula text without "=", as in the file (with `_xlfn.` prefixes); shared formulas expanded. */
  readonly formula?: string;
  readonly value: CellValue;
}

export interface XSheet {
  readonly name: string;
  /** By A1 address, in file order (row by row). */
  readonly cells: ReadonlyMap<string, XCell>;
  readonly maxRow: number;
  readonly maxCol: number;
}

export interface XDefinedName {
  readonly name: string;
  /** The name's formula text without "=", e.g. Summary!$B$2. */
  readonly ref: string;
  /** Set for a name scoped to one sheet. */
  readonly sheet?: string;
}

export interface XBook {
  /** In tab order. */
  readonly sheets: ReadonlyMap<string, XSheet>;
  readonly names: readonly XDefinedName[];
}

/** Values of one sheet by A1 address; of a workbook by sheet name. */
export type SheetValues = ReadonlyMap<string, CellValue>;
export type BookValues = ReadonlyMap<string, SheetValues>;

/**
 * Formula cells to load as plain values instead of their formulas, by sheet and address (see
 * ./pin and KNOWN_DISAGREEMENTS in test/formulas.engines.test.ts).
 */
export type Pins = ReadonlyMap<string, ReadonlyMap<string, CellValue>>;

export function isCellError(v: CellValue): v is CellError {
  return typeof v === "object" && v !== null;
}
