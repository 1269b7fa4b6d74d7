/**
 * One worksheet part (xl/worksheets/sheetN.xml) read into cells with regular expressions over
 * row-sized pieces of the XML: a recalculated 10k-customer sheet is hundreds of megabytes, more
 * than one JavaScript string or a DOM should hold. No cell spans two rows, so cutting after
 * "</row>" never cuts a cell.
 */
import { dateToSerial } from "../../../src/domain/cells";
import { columnLetters, columnNumber, shiftFormula } from "../../../src/layout/a1";
import { CellValue, XCell, XSheet } from "./types";
import { attr, stringItemText, unescapeXml, xmlValueText } from "./xml-text";

/** A sheet's XML in pieces cut after "</row>" (the 10k case's CSP Calc is about 480 MB of XML, near V8's longest string). */
export function* rowChunks(xml: Buffer, size = 32 * 1024 * 1024): Generator<string> {
  let at = 0;
  while (at < xml.length) {
    let end = at + size >= xml.length ? xml.length : xml.indexOf("</row>", at + size);
    end = end < 0 ? xml.length : Math.min(xml.length, end + (end === xml.length ? 0 : "</row>".length));
    yield xml.toString("utf8", at, end);
    at = end;
  }
}

// Lazy attribute text then "/>" first: a self-closing element never swallows the next one.
const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const FORMULA = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/;
const VALUE = /<v\b[^>]*?(?:\/>|>([\s\S]*?)<\/v>)/;
const INLINE = /<is>([\s\S]*?)<\/is>/;
const ADDRESS = /^([A-Z]+)([0-9]+)$/;

/** A t="d" cell (ISO 8601 text; none of our writers uses it) as a 1900-system serial. */
function isoCell(iso: string, where: string): number {
  const d = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}Z`);
  if (Number.isNaN(d.getTime())) throw new Error(`${where}: unreadable date cell "${iso}"`);
  return dateToSerial(d);
}

/** The stored value of a cell, typed by its `t` attribute (ECMA-376 ST_CellType). */
export function cellValue(type: string, body: string, strings: readonly string[], where: string): CellValue {
  const v = VALUE.exec(body);
  const raw = v ? (v[1] ?? "") : undefined;
  switch (type) {
    case "n": {
      if (raw === undefined || raw.trim() === "") return null;
      const n = Number(raw);
      if (!Number.isFinite(n)) throw new Error(`${where}: unreadable number "${raw}"`);
      return n;
    }
    case "s": {
      if (raw === undefined || raw.trim() === "") return null;
      const s = strings[Number(raw)];
      if (s === undefined) throw new Error(`${where}: shared string ${raw} does not exist`);
      return s;
    }
    case "str":
      // A formula's string result; an empty <v></v> is the empty string, a missing <v> no value.
      return raw === undefined ? null : xmlValueText(raw);
    case "inlineStr": {
      const is = INLINE.exec(body);
      return is ? stringItemText(is[1]) : raw === undefined ? null : xmlValueText(raw);
    }
    case "b":
      return raw === undefined ? null : raw.trim() === "1" || raw.trim().toLowerCase() === "true";
    case "e":
      return raw === undefined ? null : { error: unescapeXml(raw).trim() };
    case "d":
      return raw === undefined ? null : isoCell(raw.trim(), where);
    default:
      throw new Error(`${where}: unknown cell type t="${type}"`);
  }
}

interface Shared {
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

/**
 * Reads a sheet. Formula text keeps the file's form (`_xlfn.` prefixes, quoted sheet names);
 * a shared formula's dependants (`<f t="shared" si="n"/>`) get the master's text moved by
 * their offset from the master, as Excel does when it loads the file.
 */
export function parseSheet(name: string, chunks: Iterable<string>, strings: readonly string[]): XSheet {
  const cells = new Map<string, XCell>();
  const masters = new Map<string, Shared>();
  const dependants: { cell: XCell; si: string }[] = [];
  let lastRow = 0;
  let maxRow = 0;
  let maxCol = 0;
  for (const chunk of chunks) {
    for (const rm of chunk.matchAll(ROW)) {
      const rowAttr = attr(rm[1], "r");
      const row = rowAttr ? Number(rowAttr) : lastRow + 1;
      lastRow = row;
      let lastCol = 0;
      for (const cm of (rm[2] ?? "").matchAll(CELL)) {
        const attrs = cm[1];
        const body = cm[2] ?? "";
        const r = attr(attrs, "r");
        let col: number;
        if (r) {
          const a = ADDRESS.exec(r);
          if (!a || Number(a[2]) !== row) throw new Error(`sheet "${name}": cell reference "${r}" in row ${row}`);
          col = columnNumber(a[1]);
        } else col = lastCol + 1;
        lastCol = col;
        const address = r ?? `${columnLetters(col)}${row}`;
        const where = `${name}!${address}`;
        const value = cellValue(attr(attrs, "t") ?? "n", body, strings, where);
        const f = FORMULA.exec(body);
        let formula: string | undefined;
        let dependantOf: string | undefined;
        if (f) {
          const text = unescapeXml(f[2] ?? "").replace(/^=/, "");
          const shared = attr(f[1], "t") === "shared";
          const si = attr(f[1], "si");
          if (shared && si === undefined) throw new Error(`${where}: shared formula without si`);
          if (shared && text.trim() === "") dependantOf = si;
          else {
            formula = text;
            if (shared) masters.set(si!, { row, col, text });
          }
        }
        const cell: XCell = { row, col, address, value, ...(formula !== undefined ? { formula } : {}) };
        if (dependantOf !== undefined) dependants.push({ cell, si: dependantOf });
        if (cell.value !== null || f) {
          cells.set(address, cell);
          maxRow = Math.max(maxRow, row);
          maxCol = Math.max(maxCol, col);
        }
      }
    }
  }
  for (const { cell, si } of dependants) {
    const m = masters.get(si);
    if (!m) throw new Error(`${name}!${cell.address}: shared formula si="${si}" has no master cell`);
    cells.set(cell.address, { ...cell, formula: shiftFormula(m.text, cell.row - m.row, cell.col - m.col) });
  }
  return { name, cells, maxRow, maxCol };
}
