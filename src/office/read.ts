/**
 * Reading the workbook. Every read is chunked by rows so that no single range read exceeds
 * 5,000,000 cells (all platforms; past it Excel throws or, per a 2026 docs change, returns null:
 * office-js-docs-pr #5821) and no response exceeds about 3 MB (the web's response limit is
 * 5 MB). Chunk size adapts to the bytes per cell actually seen; a chunk that still fails is
 * halved and retried — which is what lets reads aim higher than writes: a 10k-customer
 * workbook is read in about 30 requests instead of 90 (docs/PERFORMANCE.md).
 */
import { Cell } from "../domain/cells";
import { SheetData } from "../domain/workbook";
import { fromExcel } from "./cells";
import { Rect, rect } from "./rects";
import { Meter, jsonSize } from "./requests";
import { WorkbookError } from "./types";

export const MAX_READ_CELLS = 5_000_000;
/** Response bytes we aim for per read (the web's response limit is 5 MB; a failed chunk is halved). */
export const READ_BUDGET = 3_000_000;

export interface SheetInfo {
  readonly name: string;
  readonly visibility: string;
  readonly position: number;
  readonly protected: boolean;
  /** Cells holding values or formulas (`getUsedRange(true)`), or null for an empty sheet. */
  readonly used: Rect | null;
}

function errorCode(e: unknown): string {
  return (e as { code?: string } | null)?.code ?? "";
}

/** The sheets, and whether the workbook's structure is protected (Review → Protect Workbook). */
export type SheetList = SheetInfo[] & { readonly structureProtected: boolean };

/**
 * Every sheet with its visibility, protection and used range, and the workbook's structure
 * protection (Workbook.protection, ExcelApi 1.7): two requests whatever the count.
 */
export async function listSheets(meter: Meter): Promise<SheetList> {
  const coll = meter.ctx.workbook.worksheets;
  coll.load("items/name,items/visibility,items/position,items/protection/protected");
  const protection = meter.ctx.workbook.protection.load("protected");
  await meter.sync(0);
  const items = coll.items;
  const used = items.map((w) => w.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount"));
  await meter.sync(0);
  const list = items.map((w, i) => {
    const u = used[i];
    return {
      name: w.name,
      visibility: w.visibility,
      position: w.position,
      protected: w.protection.protected,
      used: u.isNullObject ? null : rect(u.rowIndex + 1, u.columnIndex + 1, u.rowIndex + u.rowCount, u.columnIndex + u.columnCount),
    };
  });
  return Object.assign(list, { structureProtected: protection.protected });
}

/** Refuses, before anything is written, a step that must add, delete or hide sheets in a workbook whose structure is protected. */
export function checkStructure(sheets: SheetList, changes: readonly string[]): void {
  if (sheets.structureProtected && changes.length > 0) {
    throw new WorkbookError("workbookProtected", { sheets: changes.join(", ") }, `The workbook's structure is protected (Review → Protect Workbook); this step must add or remove the sheets ${changes.join(", ")}.`);
  }
}

export type ArrayProp = "values" | "valueTypes" | "formulas" | "numberFormat";

/**
 * Reads `props` of rows `top..bottom`, columns `left..right`, in chunks. Returns one 2-D array
 * per property, row-major, for the whole block.
 */
export async function readBlock(
  meter: Meter,
  sheet: string,
  area: Rect,
  props: readonly ArrayProp[],
  budget = READ_BUDGET,
): Promise<Record<ArrayProp, unknown[][]>> {
  const out = Object.fromEntries(props.map((p) => [p, [] as unknown[][]])) as Record<ArrayProp, unknown[][]>;
  const width = area.right - area.left + 1;
  const maxRowsByCells = Math.max(1, Math.floor(MAX_READ_CELLS / width));
  // Start with a generous guess of the bytes per cell (long texts are common) and learn from each chunk.
  let bytesPerCell = 40 * props.length;
  let row = area.top;
  while (row <= area.bottom) {
    let rows = Math.min(area.bottom - row + 1, maxRowsByCells, Math.max(1, Math.floor(budget / (width * bytesPerCell))));
    for (;;) {
      const range = meter.ctx.workbook.worksheets.getItem(sheet).getRangeByIndexes(row - 1, area.left - 1, rows, width);
      range.load(props.join(","));
      try {
        await meter.sync(0);
      } catch (e) {
        const code = errorCode(e);
        if ((code === "ResponsePayloadSizeLimitExceeded" || code === "RangeExceedsLimit" || code === "GeneralException") && rows > 1) {
          rows = Math.max(1, Math.floor(rows / 2));
          continue;
        }
        if (code === "ResponsePayloadSizeLimitExceeded" || code === "RangeExceedsLimit") throw new WorkbookError("readLimit", { sheet, row });
        throw e;
      }
      let bytes = 0;
      for (const p of props) {
        const data = (range as unknown as Record<ArrayProp, unknown[][] | null>)[p];
        // A read past the cell limit may come back null instead of throwing (office-js-docs-pr #5821).
        if (!data) throw new WorkbookError("readLimit", { sheet, row });
        bytes += jsonSize(data);
        for (const line of data) out[p].push(line);
      }
      // The next chunk is sized on this one's density, with a margin for longer rows further down.
      bytesPerCell = Math.max(4, (bytes / (rows * width)) * 1.2);
      meter.largestBytes = Math.max(meter.largestBytes, bytes);
      break;
    }
    row += rows;
    meter.checkCancel();
  }
  return out;
}

/**
 * A sheet as the engine reads it: rows[0] is row 1, cells[0] column A, up to the last used
 * row and column (values only: formats alone do not make a cell used).
 */
export async function readSheetData(meter: Meter, info: SheetInfo): Promise<SheetData> {
  if (!info.used) return { name: info.name, rows: [] };
  const area = rect(info.used.top, 1, info.used.bottom, info.used.right);
  const got = await readBlock(meter, info.name, area, ["values", "valueTypes"]);
  const rows: Cell[][] = Array.from({ length: info.used.top - 1 }, () => []);
  got.values.forEach((line, i) => rows.push(line.map((v, j) => fromExcel(v, got.valueTypes[i][j] as string))));
  return { name: info.name, rows };
}

interface ReadJob {
  /** Our guess of the response bytes. */
  readonly estimate: number;
  /** Queues the loads; returns what `done` reads after the sync. */
  readonly queue: () => unknown;
  readonly done: (loaded: unknown) => void;
  /** For a read too big to share a request: do it alone (chunked). */
  readonly alone?: () => Promise<void>;
}

/**
 * Many small reads share requests (each request is a round trip on the web), big ones go alone
 * and chunked. Callbacks run in the order the reads were added. A shared request that comes back
 * too big for the web's limit is done again read by read.
 */
export class ReadQueue {
  private readonly jobs: ReadJob[] = [];

  constructor(
    private readonly meter: Meter,
    private readonly budget = READ_BUDGET,
  ) {}

  add<T>(estimate: number, queue: () => T, done: (loaded: T) => void, alone?: () => Promise<void>): void {
    this.jobs.push({ estimate, queue, done: done as (x: unknown) => void, alone });
  }

  /** Cells of an area, as `readBlock` gives them. */
  addArea(sheet: string, area: Rect, props: readonly ArrayProp[], done: (got: Record<ArrayProp, unknown[][]>) => void): void {
    const cells = (area.bottom - area.top + 1) * (area.right - area.left + 1);
    this.add(
      cells * 40 * props.length,
      () => this.meter.ctx.workbook.worksheets.getItem(sheet).getRangeByIndexes(area.top - 1, area.left - 1, area.bottom - area.top + 1, area.right - area.left + 1).load(props.join(",")),
      (range) => done(Object.fromEntries(props.map((p) => [p, (range as unknown as Record<string, unknown[][]>)[p]])) as Record<ArrayProp, unknown[][]>),
      async () => done(await readBlock(this.meter, sheet, area, props, this.budget)),
    );
  }

  async run(): Promise<void> {
    let pending: { job: ReadJob; loaded: unknown }[] = [];
    let estimate = 0;
    const flush = async () => {
      if (pending.length === 0) return;
      const batch = pending;
      pending = [];
      estimate = 0;
      try {
        await this.meter.sync(0);
      } catch (e) {
        const code = errorCode(e);
        if (code !== "ResponsePayloadSizeLimitExceeded" || batch.length === 1) throw e;
        for (const p of batch) {
          if (p.job.alone) await p.job.alone();
          else {
            const loaded = p.job.queue();
            await this.meter.sync(0);
            p.job.done(loaded);
          }
        }
        return;
      }
      for (const p of batch) p.job.done(p.loaded);
    };
    for (const job of this.jobs) {
      if (job.alone && job.estimate > this.budget / 2) {
        await flush();
        await job.alone();
        continue;
      }
      if (pending.length > 0 && estimate + job.estimate > this.budget) await flush();
      pending.push({ job, loaded: job.queue() });
      estimate += job.estimate;
    }
    await flush();
    this.jobs.length = 0;
  }
}

/** `readSheetData` through a queue (small sheets share requests). */
export function queueSheetData(q: ReadQueue, info: SheetInfo, done: (data: SheetData) => void): void {
  if (!info.used) {
    done({ name: info.name, rows: [] });
    return;
  }
  const used = info.used;
  q.addArea(info.name, rect(used.top, 1, used.bottom, used.right), ["values", "valueTypes"], (got) => {
    const rows: Cell[][] = Array.from({ length: used.top - 1 }, () => []);
    got.values.forEach((line, i) => rows.push(line.map((v, j) => fromExcel(v, got.valueTypes[i][j] as string))));
    done({ name: info.name, rows });
  });
}
