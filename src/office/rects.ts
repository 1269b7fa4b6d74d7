/**
 * Rectangles of cells (1-based, inclusive) and A1 references with an optional sheet, for the
 * gateway and the fake Excel alike. Excel's grid is 1,048,576 rows by 16,384 columns
 * (research/office-addin.md §2.1); nothing outside it can be addressed.
 */
import { columnLetters, columnNumber } from "../layout/a1";

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function rect(top: number, left: number, bottom: number, right: number): Rect {
  return { top, left, bottom, right };
}

export function rectRows(r: Rect): number {
  return r.bottom - r.top + 1;
}

export function rectCols(r: Rect): number {
  return r.right - r.left + 1;
}


export function inGrid(r: Rect): boolean {
  return r.top >= 1 && r.left >= 1 && r.bottom >= r.top && r.right >= r.left && r.bottom <= MAX_ROWS && r.right <= MAX_COLS;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const top = Math.max(a.top, b.top);
  const left = Math.max(a.left, b.left);
  const bottom = Math.min(a.bottom, b.bottom);
  const right = Math.min(a.right, b.right);
  return top <= bottom && left <= right ? { top, left, bottom, right } : null;
}


export function containsCell(r: Rect, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}


/** `a` minus `b`, as up to four disjoint rectangles (bands above and below, then left and right). */
export function subtract(a: Rect, b: Rect): Rect[] {
  const i = intersect(a, b);
  if (!i) return [a];
  const out: Rect[] = [];
  if (i.top > a.top) out.push(rect(a.top, a.left, i.top - 1, a.right));
  if (i.bottom < a.bottom) out.push(rect(i.bottom + 1, a.left, a.bottom, a.right));
  if (i.left > a.left) out.push(rect(i.top, a.left, i.bottom, i.left - 1));
  if (i.right < a.right) out.push(rect(i.top, i.right + 1, i.bottom, a.right));
  return out;
}

/** Every rectangle of `as` minus every rectangle of `bs`, disjoint. */
export function subtractAll(as: readonly Rect[], bs: readonly Rect[]): Rect[] {
  let rest = [...as];
  for (const b of bs) rest = rest.flatMap((a) => subtract(a, b));
  return rest;
}


/** "A1" for one cell, "A1:C5" otherwise; whole columns "A:C" and whole rows "2:4" like Excel. */
export function rectAddress(r: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  if (r.top === 1 && r.bottom === MAX_ROWS) return `${d}${columnLetters(r.left)}:${d}${columnLetters(r.right)}`;
  if (r.left === 1 && r.right === MAX_COLS) return `${d}${r.top}:${d}${r.bottom}`;
  const a = `${d}${columnLetters(r.left)}${d}${r.top}`;
  if (r.top === r.bottom && r.left === r.right) return a;
  return `${a}:${d}${columnLetters(r.right)}${d}${r.bottom}`;
}

/** Sheet names are quoted when Excel would quote them: anything but letters, digits, _ and . */
export function sheetRefName(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}[0-9]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

export function qualifiedAddress(sheet: string, r: Rect, absolute = false): string {
  return `${sheetRefName(sheet)}!${rectAddress(r, absolute)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?([0-9]{1,7})$/;

/** Parses "A1", "A1:C5", "A:C", "2:4" (no sheet). Null when it is not an address inside the grid. */
export function parseRectAddress(address: string): Rect | null {
  const parts = address.trim().split(":");
  if (parts.length > 2 || parts.some((p) => p === "")) return null;
  const [p, q] = [parts[0], parts[1] ?? parts[0]];
  const c1 = CELL.exec(p);
  const c2 = CELL.exec(q);
  let r: Rect | null = null;
  if (c1 && c2) {
    const a = { row: Number(c1[2]), col: columnNumber(c1[1]) };
    const b = { row: Number(c2[2]), col: columnNumber(c2[1]) };
    r = rect(Math.min(a.row, b.row), Math.min(a.col, b.col), Math.max(a.row, b.row), Math.max(a.col, b.col));
  } else if (parts.length === 2 && COL.test(p) && COL.test(q)) {
    const a = columnNumber(COL.exec(p)![1]);
    const b = columnNumber(COL.exec(q)![1]);
    r = rect(1, Math.min(a, b), MAX_ROWS, Math.max(a, b));
  } else if (parts.length === 2 && ROW.test(p) && ROW.test(q)) {
    const a = Number(ROW.exec(p)![1]);
    const b = Number(ROW.exec(q)![1]);
    r = rect(Math.min(a, b), 1, Math.max(a, b), MAX_COLS);
  }
  return r && inGrid(r) ? r : null;
}

/** Splits "'My sheet'!A1:B2" or "Sheet1!A1" into sheet and address; sheet is null without "!". */
export function splitSheet(ref: string): { sheet: string | null; address: string } {
  const s = ref.trim();
  if (s.startsWith("'")) {
    let i = 1;
    let name = "";
    for (; i < s.length; i++) {
      if (s[i] === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i++;
          continue;
        }
        break;
      }
      name += s[i];
    }
    if (s[i + 1] === "!") return { sheet: name, address: s.slice(i + 2) };
    return { sheet: null, address: s };
  }
  const bang = s.lastIndexOf("!");
  return bang >= 0 ? { sheet: s.slice(0, bang), address: s.slice(bang + 1) } : { sheet: null, address: s };
}

export function parseQualified(ref: string): { sheet: string | null; rect: Rect } | null {
  const { sheet, address } = splitSheet(ref);
  const r = parseRectAddress(address);
  return r ? { sheet, rect: r } : null;
}

export { columnLetters, columnNumber };
