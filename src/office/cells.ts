/**
 * Cells between the product and Excel. Writing: only formula text from the layout plan is ever
 * written as a formula; every string that Excel could read as something else — a formula
 * (= + - @, also after spaces, tabs or line breaks), a number ("007", "1,000", "25%"), a date
 * ("3/14", "2026-11-24"), a boolean or an error literal — is written behind an apostrophe, which
 * Excel does not store: the cell holds exactly the text (Range.values reference: "strings
 * starting with =, +, - are treated as formulas"; values are parsed with US conventions,
 * OfficeDev/office-js #1559). Reading: `values` + `valueTypes` give back the engine's cells.
 */
import { Cell, isCellError } from "../domain/cells";
import { PlanCell, isFormula, isLink } from "../layout/types";

const MONTH_WORDS = new Set([
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
  "am", "pm",
]);

const ERROR_LITERAL = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|BUSY!|CONNECT!|UNKNOWN!)$/i;

/**
 * True when Excel might store `s` as something other than that exact text. Deliberately wider
 * than Excel (a superset is harmless: the apostrophe only costs a byte): anything with a digit
 * whose words are short or month names may be a number, date or time in some client.
 */
export function excelMightConvert(s: string): boolean {
  if (s === "") return false;
  if (s.startsWith("'")) return true;
  const start = s.replace(/^\s+/u, "");
  if (start === "") return false;
  // Full-width = + - @ and the minus sign too: an IME or a paste may turn them into ASCII.
  if (/^[=+\-@#\uFF1D\uFF0B\uFF0D\uFF20\u2212]/u.test(start)) return true;
  const trimmed = s.trim().toUpperCase();
  if (trimmed === "TRUE" || trimmed === "FALSE" || ERROR_LITERAL.test(trimmed)) return true;
  if (/\p{Nd}/u.test(s)) {
    const words = s.match(/\p{L}+/gu) ?? [];
    if (words.every((w) => w.length <= 3 || MONTH_WORDS.has(w.toLowerCase()))) return true;
  }
  return false;
}

/** Text as Excel must receive it to store exactly `s`. */
export function excelText(s: string): string {
  return excelMightConvert(s) ? `'${s}` : s;
}

/** What to put in a `values`/`formulas` array for a plan cell or an imported cell. */
export function toExcelInput(c: PlanCell | Cell | undefined): string | number | boolean {
  if (c === null || c === undefined) return ""; // "" clears; null would leave the old content
  if (typeof c === "string") return excelText(c);
  if (typeof c === "number") return Number.isFinite(c) ? c : "";
  if (typeof c === "boolean") return c;
  if (isFormula(c as PlanCell)) return `=${(c as { f: string }).f}`;
  // A link's text is the cell's value; apply-plan.ts sets the hyperlink itself afterwards.
  if (isLink(c as PlanCell)) return excelText((c as { text: string }).text);
  if (isCellError(c as Cell)) {
    // An error read from a file (#N/A in an .xlsx export) is entered as Excel's error literal.
    const e = (c as { error: string }).error;
    return ERROR_LITERAL.test(e) ? e.toUpperCase() : excelText(e);
  }
  return "";
}

/** The engine's cell for what Excel reports. */
export function fromExcel(value: unknown, type: string | undefined): Cell {
  if (type === "Empty" || value === "" || value === null || value === undefined) return null;
  if (type === "Error") return { error: String(value) };
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return value;
  return String(value);
}

/** A formula cell's text as `formulas` reports it (with "="), or its value. */
export type ExcelContent = string | number | boolean;

/** Content comparison for "is this still what we wrote": any formula counts as ours for a formula. */
export function sameContent(current: ExcelContent, ours: ExcelContent): boolean {
  if (typeof current === "string" && typeof ours === "string" && current.startsWith("=") && ours.startsWith("=")) return true;
  return current === ours;
}

/** What `formulas` will read back after writing `input` (the apostrophe is not stored). */
export function storedContent(input: string | number | boolean): ExcelContent {
  if (typeof input === "string" && input.startsWith("'")) return input.slice(1);
  return input;
}
