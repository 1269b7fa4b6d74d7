/**
 * The reconciliation (invoice) files under billing/ (spec §6, §9), streamed from disk into the
 * domain's BillingReader: a CSV through the streaming CSV reader, an .xlsx through exceljs's
 * streaming workbook reader. Neither holds a file as a grid of cells; only the lines of the
 * reconciliation's old subscriptions are kept.
 */
import { open } from "fs/promises";
import * as path from "path";
import type { CellValue } from "exceljs";
import { Cell, isBlank } from "../domain/cells";
import { BillingData, BillingFile, BillingReader } from "../domain/charges";
import { CsvStream } from "../domain/readers/csv-stream";
import { toCell } from "../domain/readers/xlsx";
import { compareFileOrder } from "../domain/text";

/** Reads `paths` (relative to `root`, with "/") in the §7.10 file order; `wanted` picks the lines kept. */
export async function readBillingFiles(root: string, paths: readonly string[], wanted: ((key: string) => string | null) | null): Promise<BillingData> {
  const reader = new BillingReader(wanted);
  const ordered = [...paths].sort(compareFileOrder);
  for (const rel of ordered) {
    const file = reader.file(rel);
    try {
      if (/\.xlsx$/i.test(rel)) await streamXlsx(path.join(root, rel), file);
      else await streamCsv(path.join(root, rel), file);
      file.end();
    } catch (error) {
      reader.unreadable(rel, `The file could not be read: ${(error as Error).message.split("\n")[0]}`);
    }
  }
  return reader.data();
}

async function streamCsv(file: string, into: BillingFile): Promise<void> {
  let mask: readonly boolean[] | null = null;
  const csv = new CsvStream({
    row(cells, row, blank) {
      into.row(cells, row, blank);
      // Once the header is read, only the columns the lines need become strings.
      const m = into.columns();
      if (m !== mask) csv.keep((mask = m));
    },
  });
  // One buffer, read into again and again (the stream decodes each chunk before the next read);
  // 1 MB per read, handed over 64 KB at a time: splitting 64 KB of text at once measured faster
  // than 256 KB or 1 MB (it stays in the CPU's cache).
  const handle = await open(file, "r");
  try {
    const buffer = new Uint8Array(1 << 20);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      for (let at = 0; at < bytesRead; at += 1 << 16) csv.write(buffer.subarray(at, Math.min(at + (1 << 16), bytesRead)));
    }
  } finally {
    await handle.close();
  }
  csv.end();
}

/** The first worksheet with cells, row by row, as the xlsx reader types them (dates as serial days). */
async function streamXlsx(file: string, into: BillingFile): Promise<void> {
  const ExcelJS = (await import("exceljs")).default ?? (await import("exceljs"));
  // Styles are read so that date cells come back as dates, not as bare numbers.
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "ignore" });
  let found = false;
  for await (const sheet of workbook) {
    if (found) continue;
    for await (const row of sheet) {
      const values = row.values as CellValue[];
      const cells: Cell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(toCell(values[i]));
      if (!cells.every(isBlank)) found = true;
      into.row(cells, row.number);
    }
  }
}
