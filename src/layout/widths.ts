/**
 * Column widths of the sheets the importer makes (exports, customer lists, unread files), from
 * their content (issue 11: a colleague reads subscription IDs, offers and dates without widening
 * a column). Both writers apply them: the file's writer to every input sheet, the add-in to the
 * sheets its import creates (never to a column the user sized: see office/import.ts).
 */
import { Cell, cellText } from "../domain/cells";

/** A column is at least as wide as Excel's default, and at most this wide (long free text is cut). */
export const CONTENT_WIDTH = { min: 8.43, max: 50 } as const;

/**
 * The width in characters of each column of `rows` (row 0 the bold header, which is wider per
 * character): the longest text plus a character of margin, within CONTENT_WIDTH.
 */
export function contentWidths(rows: readonly (readonly Cell[])[]): number[] {
  const longest: number[] = [];
  rows.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell === null || cell === undefined) continue;
      const text = cellText(cell);
      const n = r === 0 ? Math.ceil(text.length * 1.1) : text.length;
      if (n > (longest[c] ?? 0)) longest[c] = n;
    }
  });
  return Array.from(longest, (n) => Math.min(CONTENT_WIDTH.max, Math.max(CONTENT_WIDTH.min, (n ?? 0) + 1)));
}
