/**
 * The workbook layout plan: everything the product writes, as data. Two writers apply it —
 * office/ (into the open workbook) and xlsx/ (a file, for the headless command) — so the
 * workbook a partner gets is the same either way. Cells are produced lazily per row because a
 * partner's workbook has 100k+ subscription rows.
 */
import type { Tone } from "../domain/verdicts";
import { shiftFormula } from "./a1";

export type PlanValue = string | number | boolean | null;
/**
 * A formula in invariant A1 form, without the leading "=", and the value the engine computed
 * for it. Writers store the value with the formula (an .xlsx cell's cached result), so a program
 * that shows a workbook without recalculating it (Protected View, previews, mobile viewers)
 * shows the engine's verdicts (spec §6).
 */
export interface PlanFormula {
  readonly f: string;
  readonly v?: PlanValue;
}
/** Text that links to a place in the workbook: a cell hyperlink, not a formula. */
export interface PlanLink {
  readonly text: string;
  /** Location inside the workbook, e.g. 'FR subscriptions'!A17. */
  readonly link: string;
}
export type PlanCell = PlanValue | PlanFormula | PlanLink;

export function isFormula(c: PlanCell): c is PlanFormula {
  return typeof c === "object" && c !== null && "f" in c;
}

export function isLink(c: PlanCell): c is PlanLink {
  return typeof c === "object" && c !== null && "link" in c;
}

export type NumberFormat = "date" | "integer" | "text" | "money";

export interface ColumnSpec {
  readonly header: string;
  /** Character width. */
  readonly width?: number;
  readonly format?: NumberFormat;
  readonly hidden?: boolean;
  /** The cell of data row i (0-based). */
  readonly cell: (i: number) => PlanCell;
  /**
   * Every row's formula is row 0's formula moved down (written as a shared formula in a
   * file, and with one fill in Excel where the API allows it). Uniform columns also give
   * `formula` and `value` (see uniformColumn), so writers need not build each row's text.
   */
  readonly uniform?: boolean;
  /** Uniform columns: the first data row's formula (A1); row i holds it moved down i rows. */
  readonly formula?: string;
  /** Uniform columns: the value stored with row i's formula. */
  readonly value?: (i: number) => PlanValue;
  /** A column the user types into (the Decision column): kept on re-runs, given a dropdown. */
  readonly input?: readonly string[];
  /** Column-wide conditional format by verdict tone. */
  readonly verdictColors?: boolean;
  /**
   * Cells of this column may be links (PlanLink). Declared, so a writer that sets links one
   * cell at a time (office/) looks only here, and clears links a re-run no longer writes.
   */
  readonly links?: boolean;
  /** Text wraps within the column's width (the block's row heights make room: Block.heights). */
  readonly wrap?: boolean;
  /** Horizontal alignment of the data cells (default: Excel's, by type). */
  readonly align?: "right";
  /**
   * A data bar behind each number (a live picture of the counts), from 0 to `max` (an A1
   * formula without "=", absolute references): blocks that share one `max` draw to one scale.
   */
  readonly dataBar?: { readonly max: string };
}

/** A header row and `rows` data rows below it, starting at (top, left), 1-based. */
export interface Block {
  readonly id: string;
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly columns: readonly ColumnSpec[];
  readonly autoFilter?: boolean;
  /**
   * Row heights in points where a row needs more than one line (wrapped headers and cells):
   * the header row's, and data row i's. Excel and LibreOffice do not grow a row for wrapped
   * text written into a file, so the plan says how tall each row is (columns.ts textLines).
   */
  readonly heights?: { readonly header?: number; readonly row?: (i: number) => number | undefined };
}

export interface FreeCell {
  readonly row: number;
  readonly col: number;
  readonly value: PlanCell;
  /** "datetime": a date and time shown in each reader's own format (Excel's built-in format 22). */
  readonly style?: "title" | "label" | "date" | "datetime" | "note";
}

export interface SheetPlan {
  readonly name: string;
  /** Data sheets hold the user's exports; the plan only adds a block beside them. */
  readonly role: "data" | "generated";
  readonly visible: boolean;
  readonly blocks: readonly Block[];
  readonly cells: readonly FreeCell[];
  readonly freeze?: { readonly rows: number; readonly cols: number };
  readonly tabColor?: string;
}

export interface DefinedName {
  readonly name: string;
  /** Absolute reference, e.g. 'Summary'!$B$2. */
  readonly ref: string;
}

export interface WorkbookPlan {
  readonly schemaVersion: number;
  /** Generated sheets in tab order, then data-sheet additions. */
  readonly sheets: readonly SheetPlan[];
  readonly names: readonly DefinedName[];
}

export const TONE_COLORS: Record<Tone, { fill: string; font: string }> = {
  critical: { fill: "F8D7DA", font: "842029" },
  warning: { fill: "FFF3CD", font: "664D03" },
  info: { fill: "CFE2FF", font: "084298" },
  success: { fill: "D1E7DD", font: "0F5132" },
  neutral: { fill: "E9ECEF", font: "41464B" },
  stale: { fill: "E2D9F3", font: "432874" },
};

/**
 * A column that holds one formula in R1C1 terms: `formula` is the text of its first data row,
 * and row i's text is that formula moved down i rows (a1.ts shiftFormula).
 */
export function uniformColumn(
  spec: Omit<ColumnSpec, "cell" | "uniform" | "formula" | "value">,
  formula: string,
  value: (i: number) => PlanValue,
): ColumnSpec {
  return { ...spec, uniform: true, formula, value, cell: (i) => ({ f: shiftFormula(formula, i, 0), v: value(i) }) };
}
