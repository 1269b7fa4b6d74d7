/**
 * The reconciliation (invoice) files under billing/ (spec §6, §9), streamed from disk into the
 * domain's BillingReader: a CSV through the streaming CSV reader, an .xlsx through exceljs's
 * streaming workbook reader. Neither holds a file as a grid of cells; only the lines of the
 * reconciliation's old subscriptions are kept.
 */
import { createReadStream } from "fs";
import * as path from "path";
import type { CellValue } from "exceljs";
import { Cell, isBlank } from "../domain/cells";
import { BillingData, BillingFile, BillingReader } from "../domain/charges";
import { CsvStream } from "../domain/readers/csv-stream";
import { toCell } from "../domain/readers/xlsx";
import { caseFold, compareCodePoints } from "../domain/text";

/** Reads `paths` (relative to `root`, with "/") in the §7.10 file order; `wanted` picks the lines kept. */
export async function readBillingFiles(root: string, paths: readonly string[], wanted: ((key: string) => boolean) | null): Promise<BillingData> {
  const reader = new BillingReader(wanted);
  const ordered = [...paths].sort((a, b) => compareCodePoints(caseFold(a), caseFold(b)));
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
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 18 })) csv.write(chunk as Buffer);
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
