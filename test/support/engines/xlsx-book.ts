/**
 * An .xlsx read without exceljs: exceljs drops cached results of 0 and "" and reads a Gnumeric
 * string result stored as a shared string as a number (GUIDE "Known traps"), which would hide
 * exactly the differences the formula check looks for. Parts are found through the package's
 * relationships, as Excel finds them; sheets are parsed by ./xlsx-sheet.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { readZip } from "../zip";
import { XBook, XDefinedName, XSheet } from "./types";
import { parseSheet, rowChunks } from "./xlsx-sheet";
import { attr, stringItemText, unescapeXml } from "./xml-text";

/** Relationship targets of a part, by id and by type (last path segment of the type URI). */
function relationships(relsXml: string, base: string): { byId: Map<string, string>; byType: Map<string, string> } {
  const byId = new Map<string, string>();
  const byType = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b([^>]*)>/g)) {
    const id = attr(m[1], "Id");
    const target = attr(m[1], "Target");
    const type = attr(m[1], "Type") ?? "";
    if (!id || !target || attr(m[1], "TargetMode") === "External") continue;
    const part = target.startsWith("/") ? target.slice(1) : path.posix.normalize(path.posix.join(base, target));
    byId.set(id, part);
    byType.set(type.slice(type.lastIndexOf("/") + 1), part);
  }
  return { byId, byType };
}

function relsOf(part: string): string {
  return path.posix.join(path.posix.dirname(part), "_rels", `${path.posix.basename(part)}.rels`);
}

function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\s*\/>/g)].map((m) => stringItemText(m[1] ?? ""));
}

function definedNames(workbookXml: string, sheetNames: readonly string[]): XDefinedName[] {
  const out: XDefinedName[] = [];
  for (const m of workbookXml.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)) {
    const name = attr(m[1], "name");
    if (!name) continue;
    const local = attr(m[1], "localSheetId");
    const sheet = local === undefined ? undefined : sheetNames[Number(local)];
    out.push({ name, ref: unescapeXml(m[2]).replace(/^=/, ""), ...(sheet !== undefined ? { sheet } : {}) });
  }
  return out;
}

export interface ReadOptions {
  /** Only these sheets are parsed (all when absent): the big hidden sheets cost the most. */
  readonly sheets?: (name: string) => boolean;
}

export interface Package {
  /** Every part of the zip by name. */
  readonly parts: ReadonlyMap<string, Buffer>;
  readonly workbookXml: string;
  /** Sheets in tab order with the part that holds each. */
  readonly sheets: readonly { readonly name: string; readonly part: string }[];
  readonly strings: readonly string[];
}

/** The parts of an .xlsx found through its relationships, as Excel finds them. */
export function openPackage(zip: Buffer): Package {
  const parts = new Map(readZip(zip).map((e) => [e.name, e.data]));
  const text = (name: string) => parts.get(name)?.toString("utf8");
  const root = relationships(text("_rels/.rels") ?? "", "");
  const workbookPart = root.byType.get("officeDocument") ?? "xl/workbook.xml";
  const workbookXml = text(workbookPart);
  if (workbookXml === undefined) throw new Error(`not a workbook: no ${workbookPart}`);
  const rels = relationships(text(relsOf(workbookPart)) ?? "", path.posix.dirname(workbookPart));
  const stringsPart = rels.byType.get("sharedStrings");
  const sheets = [...workbookXml.matchAll(/<sheet\b([^>]*?)\/?>/g)].map((m) => ({
    name: attr(m[1], "name") ?? "",
    part: rels.byId.get(attr(m[1], "r:id") ?? attr(m[1], "id") ?? "") ?? "",
  }));
  return { parts, workbookXml, sheets, strings: sharedStrings((stringsPart && text(stringsPart)) ?? "") };
}

/** Reads a workbook from the bytes of an .xlsx file. */
export function parseBook(zip: Buffer, options: ReadOptions = {}): XBook {
  const pkg = openPackage(zip);
  if (/<workbookPr\b[^>]*\sdate1904\s*=\s*["'](1|true)["']/.test(pkg.workbookXml)) {
    // Every date would be 1,462 days off from the 1900-system workbook we wrote.
    throw new Error("the workbook uses the 1904 date system; the formula check compares 1900-system serials");
  }
  const sheets = new Map<string, XSheet>();
  for (const { name, part } of pkg.sheets) {
    if (options.sheets && !options.sheets(name)) continue;
    const data = pkg.parts.get(part);
    if (!data) throw new Error(`sheet "${name}": part ${part || "(no relationship)"} is missing`);
    sheets.set(name, parseSheet(name, rowChunks(data), pkg.strings));
  }
  return { sheets, names: definedNames(pkg.workbookXml, pkg.sheets.map((s) => s.name)) };
}

export async function readBook(file: string, options: ReadOptions = {}): Promise<XBook> {
  return parseBook(await fs.readFile(file), options);
}
