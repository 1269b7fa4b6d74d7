/**
 * Computed values of chosen cells of a recalculated .xlsx, read straight from its XML into an
 * exceljs Workbook that `Values` (test/support/libreoffice.ts) wraps, so that checkWorkbook can
 * be reused at 10k customers: exceljs takes minutes and gigabytes to load the whole file, while
 * the check needs a few columns. Unlike exceljs, this keeps results of 0 and "" (the XML has them).
 */
import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import { readZip } from "../test/support/zip";
import { Values } from "../test/support/libreoffice";
import { rowChunks } from "./values-only";

const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : (ENTITY[e] ?? m),
  );
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<si>([\s\S]*?)<\/si>/g)) {
    let text = "";
    for (const t of m[1].matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) text += t[1];
    out.push(unescapeXml(text));
  }
  return out;
}

/** Sheet name → part name, from workbook.xml and its relationships. */
export function sheetParts(workbookXml: string, relsXml: string): Map<string, string> {
  const target = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /Id="([^"]+)"/.exec(m[0])?.[1];
    const t = /Target="([^"]+)"/.exec(m[0])?.[1];
    if (id && t) target.set(id, t.startsWith("/") ? t.slice(1) : `xl/${t}`);
  }
  const parts = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(m[0])?.[1];
    const rid = /r:id="([^"]+)"/.exec(m[0])?.[1];
    if (name && rid && target.has(rid)) parts.set(unescapeXml(name), target.get(rid)!);
  }
  return parts;
}

export type Wanted = ReadonlyMap<string, (row: number, col: number) => boolean>;

/** Reads the cells `wanted` selects (by sheet, row, column) into a Values. */
export async function readValues(file: string, wanted: Wanted): Promise<{ values: Values; cells: number }> {
  const entries = new Map(readZip(await fs.readFile(file)).map((e) => [e.name, e.data]));
  // Only small parts become whole strings; sheets are read in row chunks.
  const text = (name: string) => entries.get(name)?.toString("utf8") ?? "";
  const strings = sharedStrings(text("xl/sharedStrings.xml"));
  const parts = sheetParts(text("xl/workbook.xml"), text("xl/_rels/workbook.xml.rels"));
  const wb = new ExcelJS.Workbook();
  let cells = 0;
  for (const [sheet, want] of wanted) {
    const part = parts.get(sheet);
    if (!part) throw new Error(`no sheet "${sheet}" in ${file}`);
    const ws = wb.addWorksheet(sheet);
    for (const xml of rowChunks(entries.get(part) ?? Buffer.alloc(0))) {
      for (const m of xml.matchAll(/<c r="([A-Z]+)([0-9]+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const row = Number(m[2]);
        const col = columnNumber(m[1]);
        if (!want(row, col)) continue;
        const type = /\bt="([^"]+)"/.exec(m[3])?.[1] ?? "n";
        const body = m[4] ?? "";
        const v = /<v>([^<]*)<\/v>/.exec(body)?.[1];
        let value: ExcelJS.CellValue = null;
        if (type === "s" && v !== undefined) value = strings[Number(v)];
        else if (type === "str") value = unescapeXml(v ?? "");
        else if (type === "inlineStr") value = unescapeXml([...body.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((t) => t[1]).join(""));
        else if (type === "b") value = v === "1";
        else if (type === "e") value = { error: unescapeXml(v ?? "") } as ExcelJS.CellErrorValue;
        else if (v !== undefined) value = Number(v);
        ws.getCell(row, col).value = value;
        cells++;
      }
    }
  }
  return { values: new Values(wb), cells };
}
