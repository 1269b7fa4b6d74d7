/**
 * A copy of an .xlsx in which chosen formula cells hold a plain value instead of their formula:
 * how the formula check tells "this column disagrees" from "everything downstream of it
 * disagrees too" (see KNOWN_DISAGREEMENTS in test/formulas.engines.test.ts). The file is
 * otherwise byte-for-byte the same XML.
 */
import { writeZip } from "../zip";
import { CellValue, Pins, isCellError } from "./types";
import { openPackage } from "./xlsx-book";
import { attr } from "./xml-text";

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function valueCell(address: string, style: string | undefined, v: CellValue): string {
  const s = style === undefined ? "" : ` s="${style}"`;
  if (v === null) return `<c r="${address}"${s}/>`;
  if (typeof v === "number") return `<c r="${address}"${s}><v>${v}</v></c>`;
  if (typeof v === "boolean") return `<c r="${address}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (isCellError(v)) return `<c r="${address}"${s} t="e"><v>${escapeText(v.error)}</v></c>`;
  return `<c r="${address}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeText(v)}</t></is></c>`;
}

export function pinXlsx(zip: Buffer, pins: Pins): Buffer {
  const pkg = openPackage(zip);
  const bySheetPart = new Map(pkg.sheets.map((s) => [s.part, s.name]));
  for (const sheet of pins.keys()) {
    if (!pkg.sheets.some((s) => s.name === sheet)) throw new Error(`pin: no sheet "${sheet}"`);
  }
  const entries = [...pkg.parts].map(([name, data]) => {
    const sheet = bySheetPart.get(name);
    const pinned = sheet === undefined ? undefined : pins.get(sheet);
    if (!pinned || pinned.size === 0) return { name, data };
    let done = 0;
    const xml = data.toString("utf8").replace(CELL, (whole, attrs: string, body: string | undefined) => {
      const address = attr(attrs, "r");
      if (address === undefined || !pinned.has(address)) return whole;
      if (body && /<f\b[^>]*\bt="shared"[^>]*\bref=/.test(body)) {
        throw new Error(`pin: '${sheet}'!${address} is the master of a shared formula; its dependants would lose their formula`);
      }
      done++;
      return valueCell(address, attr(attrs, "s"), pinned.get(address)!);
    });
    if (done !== pinned.size) throw new Error(`pin: ${pinned.size - done} of the cells to pin on "${sheet}" are not in the file`);
    return { name, data: Buffer.from(xml, "utf8") };
  });
  return writeZip(entries);
}
