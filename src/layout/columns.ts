/**
 * Declaring a sheet's columns: each is either plain data (a value per row) or one formula in
 * R1C1 terms (the text of the first data row, moved down for every other row) with the value
 * the engine computed for each row. Formulas name the columns they read, so a sheet module
 * says what a column is, not where it sits.
 */
import { cellAddress, columnLetters, sheetPrefix } from "./a1";
import { Block, ColumnSpec, PlanCell, PlanValue, uniformColumn } from "./types";

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

/** Points per line of Calibri 11 text: Excel's default row height. */
export const LINE_POINTS = 15;

/**
 * Lines a text takes when it wraps in a column `width` characters wide. A width unit is one
 * digit of the Normal font (7 px of Calibri 11), wider than the average letter of a sentence
 * (about 5.7 px: a 60-wide column holds 73 characters of a next step), so a line holds more
 * characters than the width says; bold text fewer. Words
 * are wrapped whole, as Excel and LibreOffice do. Checked on the LibreOffice render of the
 * samples' Summary (test/summary.render.test.ts): no row cuts its text.
 */
export function textLines(text: string, width: number, bold = false): number {
  const capacity = Math.max(1, Math.floor(width * (bold ? 1.1 : 1.2)));
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(" ")) {
      const w = word.length;
      if (used === 0) used = w;
      else if (used + 1 + w <= capacity) used += 1 + w;
      else {
        lines++;
        used = w;
      }
      // A word longer than a line breaks inside it.
      while (used > capacity) {
        lines++;
        used -= capacity;
      }
    }
  }
  return lines;
}

/** The text a column shows in data row i: its stored value, a link's text, or the cell's value. */
function shownText(spec: ColumnSpec, i: number): string {
  const c: PlanCell = spec.uniform && spec.value ? spec.value(i) : spec.cell(i);
  if (c === null) return "";
  if (typeof c === "object") return "f" in c ? String(c.v ?? "") : c.text;
  return String(c);
}

/**
 * Row heights that let wrapped headers (the header style wraps) and wrapped columns show all
 * their text: Block.heights, from the columns' widths and the values the plan stores.
 */
export function blockHeights(columns: readonly ColumnSpec[]): Block["heights"] {
  const sized = columns.filter((c) => c.width !== undefined && !c.hidden);
  const headerLines = Math.max(1, ...sized.map((c) => textLines(c.header, c.width!, true)));
  const wrapped = sized.filter((c) => c.wrap);
  return {
    header: headerLines > 1 ? headerLines * LINE_POINTS : undefined,
    row:
      wrapped.length === 0
        ? undefined
        : (i) => {
            const lines = Math.max(1, ...wrapped.map((c) => textLines(shownText(c, i), c.width!)));
            return lines > 1 ? lines * LINE_POINTS : undefined;
          },
  };
}

/**
 * A column width in characters that shows its longest text whole (plus a character of margin),
 * within [min, max]: beyond max the text is cut at the next cell, so max is for free text only.
 * `header` counts too, unless the header style wraps it over lines (`headerWraps`).
 */
export function fitWidth(texts: Iterable<string>, o: { header?: string; min?: number; max?: number } = {}): number {
  let longest = o.header === undefined ? 0 : Math.ceil(o.header.length * 1.1);
  for (const t of texts) if (t.length > longest) longest = t.length;
  return Math.min(o.max ?? 60, Math.max(o.min ?? 6, longest + 1));
}
