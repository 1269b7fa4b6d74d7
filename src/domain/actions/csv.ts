/**
 * The Next steps as CSV (`csp-reconcile … --actions next-steps.csv`, spec §8): one line per
 * action, the report's fields in its order, for a partner who opens it in Excel.
 *
 * - UTF-8 with a BOM: Excel reads a BOM-less CSV in the machine's ANSI code page, which
 *   mangles "Müller" and "Lefèvre"; with the BOM it reads UTF-8 in every locale.
 * - RFC 4180: CRLF line ends; a field holding a comma, a double quote, CR or LF is quoted, its
 *   quotes doubled.
 * - Text that starts with = + - @ (or a tab or CR, which some programs strip before looking)
 *   would be run as a formula by Excel, LibreOffice and Google Sheets, quoted or not. Such a
 *   field gets a leading zero-width space (U+200B): it is no whitespace to any trimming
 *   function, so the first character a program sees is no formula sign, and it shows nothing.
 *   A leading apostrophe is Excel's typing convention, not CSV: a CSV reader keeps it as text
 *   ("'=…"). report.json keeps the exact text.
 */
import type { ReportAction } from "./derive";

export const CSV_COLUMNS = [
  "Customer",
  "Microsoft ID",
  "Account",
  "Action",
  "Offer",
  "Subscription IDs",
  "Seats",
  "Due",
  "Days of double billing",
  "What to do",
] as const;

/** Subscription IDs in one cell. */
export const CSV_ID_SEPARATOR = " ";

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;
export const NEUTRALIZER = "\u200B";

export function csvField(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = FORMULA_START.test(value) ? `${NEUTRALIZER}${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function actionsCsv(actions: readonly ReportAction[]): string {
  const lines = [CSV_COLUMNS.map(csvField).join(",")];
  for (const a of actions) {
    lines.push(
      [a.customer, a.microsoftId, a.account, a.action, a.offer, a.subscriptionIds.join(CSV_ID_SEPARATOR), a.seats, a.due, a.doubleBillingDays, a.text]
        .map(csvField)
        .join(","),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
