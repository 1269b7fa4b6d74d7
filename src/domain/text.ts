/**
 * Text keys used for matching. Two families, on purpose:
 *
 * - Name keys (offers, companies) follow spec §3: ™ ® © removed, NFKC, trimmed, inner
 *   whitespace collapsed, case-folded. These are only ever computed by the engine.
 * - Cell keys (status words, the decision column) must give the same answer as the
 *   workbook formula that re-reads the cell after a user edits it. They therefore mimic
 *   Excel exactly: TRIM removes only U+0020 (and collapses inner runs of it), and the
 *   lookup is a case-insensitive whole-cell MATCH. Nothing else is normalised, because
 *   the formula could not do it.
 */

/** Case folding close to Unicode full folding: ß → ss, then lower case. */
export function caseFold(s: string): string {
  return s.toUpperCase().toLowerCase();
}

/** Offer and company names (spec §3 "Normalized"). */
export function normalizeName(s: string): string {
  return caseFold(
    s
      .replace(/[\u2122\u00AE\u00A9]/g, "")
      .normalize("NFKC")
      .trim()
      .replace(/\s+/g, " "),
  );
}

/** Header cells: case, accents, spacing and punctuation insensitive (spec §2.1). */
export function headerKey(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

/** Excel's TRIM: strips U+0020 at both ends and collapses inner runs of U+0020 to one. */
export function excelTrim(s: string): string {
  return s.replace(/ {2,}/g, " ").replace(/^ /, "").replace(/ $/, "");
}

/** The key a status or decision cell is looked up by; see module comment. */
export function cellKey(s: string): string {
  return excelTrim(s.replace(/\u00A0/g, " ")).toLowerCase();
}

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/** A tenant ID (Microsoft ID) in canonical lower-case form, or null. Braces allowed (§7.7). */
export function parseGuid(s: string): string | null {
  const m = GUID.exec(s.trim());
  return m ? m[1].toLowerCase() : null;
}

/** Primary domain names compare case-insensitively and without surrounding spaces. */
export function normalizeDomain(s: string): string {
  return s.trim().toLowerCase();
}

export function looksLikeDomain(s: string): boolean {
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(s.trim());
}

/** The §7.10 file order: paths case-folded, then in code-point order. */
export function compareFileOrder(a: string, b: string): number {
  return compareCodePoints(caseFold(a), caseFold(b));
}

/** Code-point order (§7.10 sorts case-folded paths so); JS `<` compares UTF-16 code units instead. */
export function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}


/**
 * The first `max` UTF-16 units of `s` without splitting a surrogate pair (Excel counts a cell's
 * and a sheet name's length in UTF-16 units; half an emoji would become U+FFFD).
 */
export function cutUnits(s: string, max: number): string {
  if (s.length <= max) return s;
  const end = max > 0 && /[\uD800-\uDBFF]/.test(s[max - 1]) ? max - 1 : max;
  return s.slice(0, end);
}

/** How much of a cell's text a message quotes: a message cell must stay within Excel's 32,767 characters. */
export const QUOTE_LIMIT = 120;

/** A cell's text in quotes for a message: whole when short, else its start and how long it is. */
export function quoted(text: string): string {
  if (text.length <= QUOTE_LIMIT) return `"${text}"`;
  return `"${cutUnits(text, QUOTE_LIMIT)}…" (${text.length.toLocaleString("en-US")} characters)`;
}
