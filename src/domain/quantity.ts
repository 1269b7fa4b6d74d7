/**
 * Reading a license count (spec §5, §7.4). The grammar is deliberately one that a workbook
 * formula can check without regular expressions and without locale-dependent text-to-number
 * conversion, so a Quantity typed into the workbook later reads the same in Excel (any
 * locale), LibreOffice and the engine:
 *
 *   text   := digits [ ("." | ",") digits ]      after Excel's TRIM
 *   number := the cell's number, as Excel would print it (15 significant digits)
 *
 * The fraction must be all zeros ("25.0", "25,0" → 25). A comma or period followed by exactly
 * three digits is a thousands separator in one locale and a decimal point in another: "1,000"
 * is refused as ambiguous rather than read as 1 or 1000. With money at stake we would rather
 * ask than guess.
 *
 * Counts above MAX_QUANTITY are refused: no license count is that large, and keeping every
 * sum below 2^53 keeps the engine's sums and the workbook's exactly equal.
 */
import { Cell, isCellError } from "./cells";
import { excelTrim, quoted } from "./text";

export const MAX_QUANTITY = 999_999_999;

export type QuantityReading =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly reason: "empty" | "not-a-number" | "negative" | "fractional" | "ambiguous" | "too-large" };

function fromNumber(n: number): QuantityReading {
  if (!Number.isFinite(n)) return { ok: false, reason: "not-a-number" };
  const shown = Number(n.toPrecision(15));
  if (shown < 0) return { ok: false, reason: "negative" };
  if (!Number.isInteger(shown)) return { ok: false, reason: "fractional" };
  if (shown > MAX_QUANTITY) return { ok: false, reason: "too-large" };
  return { ok: true, value: shown === 0 ? 0 : shown };
}

export function readQuantity(cell: Cell | undefined): QuantityReading {
  if (cell === null || cell === undefined) return { ok: false, reason: "empty" };
  if (isCellError(cell) || typeof cell === "boolean") return { ok: false, reason: "not-a-number" };
  if (typeof cell === "number") return fromNumber(cell);
  const t = excelTrim(cell).replace(/,/g, ".");
  if (t === "") return { ok: false, reason: "empty" };
  const m = /^([0-9]+)(?:\.([0-9]+))?$/.exec(t);
  if (!m) return { ok: false, reason: /^-\s*[0-9]/.test(t) ? "negative" : "not-a-number" };
  if (m[2] !== undefined && m[2].length === 3) return { ok: false, reason: "ambiguous" };
  if (m[2] !== undefined && /[1-9]/.test(m[2])) return { ok: false, reason: "fractional" };
  const value = Number(m[1]);
  if (value > MAX_QUANTITY) return { ok: false, reason: "too-large" };
  return { ok: true, value };
}

export function describeQuantityProblem(reason: Exclude<QuantityReading, { ok: true }>["reason"], cell: string): string {
  // The cell may hold up to 32,767 characters: a message quotes its start only.
  const shown = quoted(cell);
  switch (reason) {
    case "empty":
      return "Quantity is empty";
    case "negative":
      return `Quantity ${shown} is negative`;
    case "fractional":
      return `Quantity ${shown} is not a whole number of licenses`;
    case "ambiguous":
      return `Quantity ${shown} is ambiguous (a thousands separator or a decimal point?): write the number without separators`;
    case "too-large":
      return `Quantity ${shown} is larger than any license count (${MAX_QUANTITY.toLocaleString("en-US")})`;
    default:
      return `Quantity ${shown} is not a number`;
  }
}
