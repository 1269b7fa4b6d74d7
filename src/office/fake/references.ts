/**
 * What Excel does to the references inside formulas when rows or columns are inserted or
 * deleted, when a sheet is renamed and when a sheet is deleted: references follow the cells they
 * point at, ranges stretch or shrink, references to cells that no longer exist become #REF!.
 * The gateway relies on this (it records its own extents as formulas, see src/office/state.ts),
 * so the fake models it for whole rows and whole columns.
 */
import { MAX_COLS, MAX_ROWS, columnLetters, columnNumber, sheetRefName } from "../rects";

export type StructuralChange =
  | { readonly kind: "insert" | "delete"; readonly sheet: string; readonly axis: "row" | "col"; readonly at: number; readonly count: number }
  | { readonly kind: "rename"; readonly sheet: string; readonly to: string }
  | { readonly kind: "deleteSheet"; readonly sheet: string };

interface Coord {
  abs: boolean;
  n: number;
}

const sameSheet = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Moves one coordinate; null when its row/column was deleted. */
function move(c: number, at: number, count: number, kind: "insert" | "delete"): number | null {
  if (kind === "insert") return c >= at ? c + count : c;
  if (c < at) return c;
  if (c >= at + count) return c - count;
  return null;
}

/** Moves a span [a, b]; null when all of it was deleted. */
function moveSpan(a: number, b: number, at: number, count: number, kind: "insert" | "delete", max: number): [number, number] | null {
  if (kind === "insert") {
    const na = a >= at ? a + count : a;
    const nb = b >= at ? b + count : b;
    return na > max ? null : [na, Math.min(nb, max)];
  }
  const end = at + count - 1;
  const na = a < at ? a : a > end ? a - count : at;
  const nb = b < at ? b : b > end ? b - count : at - 1;
  return nb < na ? null : [na, nb];
}

// A reference body: cell, cell:cell, col:col or row:row, each part possibly with $.
const REF_BODY =
  /^(?:(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?::(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7}))?|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})|(\$?)(\d{1,7}):(\$?)(\d{1,7}))(?![A-Za-z0-9_(!.])/;

/**
 * Rewrites `formula` (with or without "="), which lives on sheet `host`, for `change`.
 */
export function adjustFormula(formula: string, host: string, change: StructuralChange): string {
  if (!mayMention(formula, host, change)) return formula;
  let out = "";
  let i = 0;
  const f = formula;
  const isWordChar = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9_.$\u00C0-\uFFFF]/.test(ch);
  while (i < f.length) {
    const ch = f[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < f.length) {
        if (f[j] === '"') {
          if (f[j + 1] === '"') {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      out += f.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    // A sheet qualifier: 'quoted name'! or bare_name!
    let qualifier: string | null = null;
    let qualifierText = "";
    let j = i;
    if (ch === "'") {
      let k = i + 1;
      let name = "";
      while (k < f.length) {
        if (f[k] === "'") {
          if (f[k + 1] === "'") {
            name += "'";
            k += 2;
            continue;
          }
          break;
        }
        name += f[k];
        k++;
      }
      if (f[k + 1] === "!") {
        qualifier = name;
        qualifierText = f.slice(i, k + 2);
        j = k + 2;
      }
    } else if (!isWordChar(f[i - 1]) || i === 0) {
      const m = /^([A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*)!/.exec(f.slice(i));
      if (m) {
        qualifier = m[1];
        qualifierText = m[0];
        j = i + m[0].length;
      }
    }
    if (qualifier === null && isWordChar(f[i - 1])) {
      out += ch;
      i++;
      continue;
    }
    if (qualifier === null && f.startsWith("#REF!", i)) {
      // A reference into a deleted sheet stays as it is.
      const dead = REF_BODY.exec(f.slice(i + 5));
      out += `#REF!${dead ? dead[0] : ""}`;
      i += 5 + (dead ? dead[0].length : 0);
      continue;
    }
    const m = REF_BODY.exec(f.slice(j));
    if (!m) {
      if (qualifier !== null) {
        out += qualifierText;
        i = j;
      } else {
        out += ch;
        i++;
      }
      continue;
    }
    const target = qualifier ?? host;
    const refText = m[0];
    let replaced = refText;
    let newQualifier = qualifierText;
    if (change.kind === "rename") {
      if (qualifier !== null && sameSheet(qualifier, change.sheet)) newQualifier = `${sheetRefName(change.to)}!`;
    } else if (change.kind === "deleteSheet") {
      if (qualifier !== null && sameSheet(qualifier, change.sheet)) {
        newQualifier = "";
        replaced = `#REF!${refText}`;
      }
    } else if (sameSheet(target, change.sheet)) {
      replaced = adjustBody(m, change.axis, change.at, change.count, change.kind) ?? "#REF!";
      if (replaced === "#REF!") newQualifier = qualifier !== null ? qualifierText : "";
    }
    out += newQualifier + replaced;
    i = j + refText.length;
  }
  return out;
}

/** A cheap test that lets most formulas through untouched. */
function mayMention(formula: string, host: string, change: StructuralChange): boolean {
  const f = formula.toLowerCase();
  const name = change.sheet.toLowerCase();
  const mentions = f.includes(name) || f.includes(name.replace(/'/g, "''"));
  if (change.kind === "insert" || change.kind === "delete") return mentions || sameSheet(host, change.sheet);
  return mentions;
}

function adjustBody(m: RegExpExecArray, axis: "row" | "col", at: number, count: number, kind: "insert" | "delete"): string | null {
  if (m[2] !== undefined) {
    const c1: Coord = { abs: m[1] === "$", n: columnNumber(m[2]) };
    const r1: Coord = { abs: m[3] === "$", n: Number(m[4]) };
    const two = m[6] !== undefined;
    const c2: Coord = two ? { abs: m[5] === "$", n: columnNumber(m[6]) } : { ...c1 };
    const r2: Coord = two ? { abs: m[7] === "$", n: Number(m[8]) } : { ...r1 };
    if (!two) {
      const moved = axis === "row" ? move(r1.n, at, count, kind) : move(c1.n, at, count, kind);
      if (moved === null || moved > (axis === "row" ? MAX_ROWS : MAX_COLS)) return null;
      if (axis === "row") r1.n = moved;
      else c1.n = moved;
      return `${c1.abs ? "$" : ""}${columnLetters(c1.n)}${r1.abs ? "$" : ""}${r1.n}`;
    }
    const span = axis === "row" ? moveSpan(r1.n, r2.n, at, count, kind, MAX_ROWS) : moveSpan(c1.n, c2.n, at, count, kind, MAX_COLS);
    if (!span) return null;
    if (axis === "row") [r1.n, r2.n] = span;
    else [c1.n, c2.n] = span;
    return `${c1.abs ? "$" : ""}${columnLetters(c1.n)}${r1.abs ? "$" : ""}${r1.n}:${c2.abs ? "$" : ""}${columnLetters(c2.n)}${r2.abs ? "$" : ""}${r2.n}`;
  }
  if (m[10] !== undefined) {
    if (axis === "row") return m[0];
    const span = moveSpan(columnNumber(m[10]), columnNumber(m[12]), at, count, kind, MAX_COLS);
    if (!span) return null;
    return `${m[9]}${columnLetters(span[0])}:${m[11]}${columnLetters(span[1])}`;
  }
  if (axis === "col") return m[0];
  const span = moveSpan(Number(m[14]), Number(m[16]), at, count, kind, MAX_ROWS);
  if (!span) return null;
  return `${m[13]}${span[0]}:${m[15]}${span[1]}`;
}

/** Moves a 1-based span of cells for a change on their own sheet (conditional formats, validations). */
export function adjustSpan(a: number, b: number, at: number, count: number, kind: "insert" | "delete", max: number): [number, number] | null {
  return moveSpan(a, b, at, count, kind, max);
}
