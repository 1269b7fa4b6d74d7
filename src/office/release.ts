/**
 * Giving cells back: what a re-run no longer needs (its previous extent minus the new one) and
 * everything on "Remove reconciliation". A cell we overwrote gets its original content and format
 * back unless the user changed it after we wrote it; a cell that was empty is cleared; input-table
 * rows go back as they were only if the user left them as the run wrote them.
 */
import { writeGrid } from "./apply-plan";
import { ExcelContent, sameContent } from "./cells";
import { cellKey, contentInput } from "./capture";
import { Rect, containsCell, subtractAll } from "./rects";
import { Meter, WriteBatch, jsonSize } from "./requests";
import { Extent, Original, StyleSnapshot, WidthOriginal } from "./state";

interface Io {
  readonly meter: Meter;
  readonly batch: WriteBatch;
  /** Range.dataValidation (ExcelApi 1.8): without it a dropdown cannot be taken away and stays. */
  readonly validation: boolean;
}

const CONTENTISH: readonly Extent["kind"][] = ["content", "input"];

/** The parts of the old extents that the new extents do not cover again, by kind. */
export function releasedExtents(old: readonly Extent[], next: readonly Extent[]): Extent[] {
  const out: Extent[] = [];
  for (const e of old) {
    const lower = e.sheet.toLowerCase();
    const kinds = CONTENTISH.includes(e.kind) ? CONTENTISH : [e.kind];
    const covering = next.filter((n) => n.sheet.toLowerCase() === lower && kinds.includes(n.kind)).map((n) => n.rect);
    for (const r of subtractAll([e.rect], covering)) out.push({ sheet: e.sheet, rect: r, kind: e.kind });
  }
  return out;
}

async function currentContents(meter: Meter, cells: readonly Original[]): Promise<ExcelContent[]> {
  const out: ExcelContent[] = [];
  for (let at = 0; at < cells.length; at += 500) {
    const ranges = cells
      .slice(at, at + 500)
      .map((c) => meter.ctx.workbook.worksheets.getItem(c.sheet).getRangeByIndexes(c.row - 1, c.col - 1, 1, 1).load("formulas,values,valueTypes"));
    await meter.sync(0);
    for (const r of ranges) out.push(contentInput(r.formulas[0][0], r.values[0][0], r.valueTypes[0][0]));
  }
  return out;
}

async function writeCell(io: Io, sheet: string, row: number, col: number, v: ExcelContent): Promise<void> {
  await io.batch.reserve(jsonSize(v), 1);
  io.meter.ctx.workbook.worksheets.getItem(sheet).getRangeByIndexes(row - 1, col - 1, 1, 1).formulas = [[v]];
}

async function restoreStyle(io: Io, o: Original, s: StyleSnapshot): Promise<void> {
  await io.batch.reserve(300, 1);
  const r = io.meter.ctx.workbook.worksheets.getItem(o.sheet).getRangeByIndexes(o.row - 1, o.col - 1, 1, 1);
  if (s.fill) r.format.fill.color = s.fill;
  r.format.font.bold = s.bold;
  r.format.font.italic = s.italic;
  r.format.font.color = s.color;
  r.format.font.size = s.size;
  r.format.wrapText = s.wrap;
  r.format.verticalAlignment = s.vAlign as Excel.VerticalAlignment;
  r.format.horizontalAlignment = s.hAlign as Excel.HorizontalAlignment;
  if (s.numberFormat && s.numberFormat !== "General") r.numberFormat = [[s.numberFormat]];
}

const within = (originals: Iterable<Original>, sheet: string, r: Rect, has: (o: Original) => boolean) => {
  const lower = sheet.toLowerCase();
  const out: Original[] = [];
  for (const o of originals) if (o.sheet.toLowerCase() === lower && containsCell(r, o.row, o.col) && has(o)) out.push(o);
  return out;
};

/**
 * Releases `extents` on sheets that still exist (`existing`: lower-case names). `originals` holds
 * what was there before the product wrote.
 */
export async function releaseExtents(io: Io, extents: readonly Extent[], originals: ReadonlyMap<string, Original>, existing: ReadonlySet<string>): Promise<void> {
  const all = [...originals.values()];
  for (const e of extents) {
    if (!existing.has(e.sheet.toLowerCase())) continue;
    const range = () => io.meter.ctx.workbook.worksheets.getItem(e.sheet).getRangeByIndexes(e.rect.top - 1, e.rect.left - 1, e.rect.bottom - e.rect.top + 1, e.rect.right - e.rect.left + 1);
    switch (e.kind) {
      case "content": {
        const entries = within(all, e.sheet, e.rect, (o) => o.content !== undefined);
        const now = await currentContents(io.meter, entries);
        await io.batch.reserve(0, (e.rect.bottom - e.rect.top + 1) * (e.rect.right - e.rect.left + 1));
        range().clear("Contents");
        for (let i = 0; i < entries.length; i++) {
          const o = entries[i];
          const back = o.ours !== undefined && sameContent(now[i], o.ours) ? o.content! : now[i];
          if (back !== "") await writeCell(io, e.sheet, o.row, o.col, back);
        }
        break;
      }
      case "input": {
        // Row by row: a row the user edited after the run stays as it is.
        const entries = within(all, e.sheet, e.rect, (o) => o.content !== undefined);
        const now = await currentContents(io.meter, entries);
        const rows = new Map<number, number[]>();
        entries.forEach((o, i) => rows.set(o.row, [...(rows.get(o.row) ?? []), i]));
        for (const idx of rows.values()) {
          if (!idx.every((i) => sameContent(now[i], entries[i].ours ?? ""))) continue;
          for (const i of idx) {
            const o = entries[i];
            if (o.content === "") {
              await io.batch.reserve(0, 1);
              io.meter.ctx.workbook.worksheets.getItem(o.sheet).getRangeByIndexes(o.row - 1, o.col - 1, 1, 1).clear("Contents");
            } else await writeCell(io, o.sheet, o.row, o.col, o.content!);
          }
        }
        break;
      }
      case "style": {
        await io.batch.reserve(0);
        range().clear("Formats");
        for (const o of within(all, e.sheet, e.rect, (x) => x.style !== undefined)) await restoreStyle(io, o, o.style!);
        break;
      }
      case "numberFormat": {
        const entries = new Map(within(all, e.sheet, e.rect, (x) => x.numberFormat !== undefined).map((o) => [cellKey(o.sheet, o.row, o.col), o.numberFormat!]));
        const rows = e.rect.bottom - e.rect.top + 1;
        const cols = e.rect.right - e.rect.left + 1;
        await writeGrid(io, e.sheet, e.rect.top, e.rect.left, rows, cols, (i, j) => entries.get(cellKey(e.sheet, e.rect.top + i, e.rect.left + j)) ?? "General", "numberFormat");
        break;
      }
      case "cf":
        await io.batch.reserve(0);
        range().conditionalFormats.clearAll();
        break;
      case "link":
        // Clearing contents leaves a cell's hyperlink in place (Excel.ClearApplyTo: only
        // "Hyperlinks", "RemoveHyperlinks" and "All" remove it, ExcelApi 1.7, the floor).
        await io.batch.reserve(0);
        range().clear("Hyperlinks");
        break;
      case "validation":
        if (!io.validation) break;
        await io.batch.reserve(0);
        range().dataValidation.clear();
        break;
    }
  }
}

/** Puts column widths (and hidden states) back. */
export async function restoreWidths(io: Pick<Io, "meter" | "batch">, widths: readonly WidthOriginal[], existing: ReadonlySet<string>): Promise<void> {
  for (const w of widths) {
    if (!existing.has(w.sheet.toLowerCase())) continue;
    await io.batch.reserve(0);
    const col = io.meter.ctx.workbook.worksheets.getItem(w.sheet).getRangeByIndexes(0, w.col - 1, 1, 1).getEntireColumn();
    col.format.columnWidth = w.width;
    col.columnHidden = w.hidden;
  }
}
