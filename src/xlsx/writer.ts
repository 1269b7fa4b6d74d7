/**
 * The layout plan written as an .xlsx file (the headless command's writer). The task pane's
 * writer (src/office) applies the same plan to the open workbook.
 *
 * SpreadsheetML is written by hand into a streaming zip (docs/DESIGN.md says why exceljs's
 * writer was replaced): each sheet's rows are produced from the plan, turned into XML and
 * deflated in order, so memory holds a few buffers, the shared string table and the plan —
 * never the sheet. Uniform columns are shared formulas and every formula cell carries the
 * value the engine computed, so a viewer that does not recalculate shows the verdicts.
 */
import { createWriteStream } from "fs";
import { PassThrough, Writable } from "stream";
import { SheetData } from "../domain/workbook";
import { WorkbookPlan } from "../layout/types";
import { SheetEntry, appXml, contentTypesXml, coreXml, rootRelsXml, sheetPart, workbookRelsXml, workbookXml } from "./package";
import { SharedStrings } from "./shared-strings";
import { SheetToWrite, autoFilterRange, writeSheetXml } from "./sheet-xml";
import { stylesXml } from "./stylesheet";
import { ZipWriter } from "./zip";

export { DATE_FORMAT } from "./stylesheet";

const CREATOR = "csp-reconcile";
/**
 * zlib level 1 of 9: measured on the 10k-customer workbook (docs/PERFORMANCE.md), it deflates
 * several times faster than the default 6 for a file a little larger.
 */
export const DEFLATE_LEVEL = 1;

/** Tab order: generated visible sheets (Summary first), the input sheets with their additions, hidden helpers. */
export function sheetOrder(inputSheets: readonly SheetData[], plan: WorkbookPlan): SheetToWrite[] {
  const additions = new Map(plan.sheets.filter((s) => s.role === "data").map((s) => [s.name, s]));
  const out: Omit<SheetToWrite, "selected">[] = [];
  for (const s of plan.sheets) if (s.role === "generated" && s.visible) out.push({ name: s.name, plan: s, data: undefined, hidden: false });
  for (const d of inputSheets) out.push({ name: d.name, plan: additions.get(d.name), data: d, hidden: false });
  for (const s of plan.sheets) if (s.role === "generated" && !s.visible) out.push({ name: s.name, plan: s, data: undefined, hidden: true });
  const active = out.findIndex((s) => !s.hidden);
  return out.map((s, k) => ({ ...s, selected: k === active }));
}

/** Writes the workbook to a file path or a stream (which it ends). */
export async function writeWorkbook(target: string | Writable, inputSheets: readonly SheetData[], plan: WorkbookPlan): Promise<void> {
  const out = typeof target === "string" ? createWriteStream(target, { highWaterMark: 1 << 20 }) : target;
  try {
    await writeParts(new ZipWriter(out, DEFLATE_LEVEL), inputSheets, plan);
  } catch (e) {
    // A half-written file must not look like a workbook: the stream is closed, the caller reports.
    if (typeof target === "string") out.destroy();
    throw e;
  }
}

async function writeParts(zip: ZipWriter, inputSheets: readonly SheetData[], plan: WorkbookPlan): Promise<void> {
  const sheets = sheetOrder(inputSheets, plan);
  const entries: SheetEntry[] = sheets.map((s) => ({ name: s.name, hidden: s.hidden, filter: autoFilterRange(s.plan) }));
  await zip.file("[Content_Types].xml", contentTypesXml(sheets.length));
  await zip.file("_rels/.rels", rootRelsXml());
  await zip.file("docProps/core.xml", coreXml(CREATOR));
  await zip.file("docProps/app.xml", appXml(CREATOR));
  await zip.file("xl/workbook.xml", workbookXml(entries, plan.names));
  await zip.file("xl/_rels/workbook.xml.rels", workbookRelsXml(sheets.length));
  await zip.file("xl/styles.xml", stylesXml());
  const strings = new SharedStrings();
  for (let k = 0; k < sheets.length; k++) {
    const entry = await zip.stream(sheetPart(k));
    await writeSheetXml(entry, sheets[k], strings);
    await entry.end();
  }
  // Every text is known only once the sheets are written: the table goes last.
  const sst = await zip.stream("xl/sharedStrings.xml");
  for (const piece of strings.xml()) await sst.write(Buffer.from(piece, "utf8"));
  await sst.end();
  await zip.finish();
}

/** The file's bytes, for tests and for callers that keep it in memory. */
export async function workbookBytes(inputSheets: readonly SheetData[], plan: WorkbookPlan): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    sink.on("end", resolve);
    sink.on("error", reject);
  });
  await writeWorkbook(sink, inputSheets, plan);
  await ended;
  return Buffer.concat(chunks);
}
