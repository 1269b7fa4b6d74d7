/**
 * An estimate of the office.js write plan of a layout plan, used until the gateway and its
 * fake Excel (src/office/fake) exist: each block's header and rows are written as 2-D
 * `range.formulas` arrays, rows packed greedily into requests of at most `budget` bytes of
 * JSON; free cells, formats, validations and conditional formats are one small request per
 * sheet. The JSON of the arrays is what dominates an office.js request body.
 */
import { Cell } from "../src/domain/cells";
import { SheetData } from "../src/domain/workbook";
import { PlanCell, WorkbookPlan, isFormula } from "../src/layout/types";

export const REQUEST_LIMIT = 2 * 1024 * 1024;

/** The value office.js gets for a cell in `range.formulas`: "=…" for formulas, text for text. */
function officeValue(c: PlanCell | Cell): string | number | boolean {
  if (c === null || c === undefined) return "";
  if (typeof c === "object") return isFormula(c as PlanCell) ? `=${(c as { f: string }).f}` : `#${String((c as { error?: string }).error ?? "")}`;
  // Text that starts like a formula must be written as text: office.js takes a leading quote.
  if (typeof c === "string" && /^[=+\-@]/.test(c)) return `'${c}`;
  return c;
}

export interface RequestPlan {
  readonly requests: number;
  readonly largestBytes: number;
  readonly totalBytes: number;
  /** The largest single block if written in one request (shows why chunking is needed). */
  readonly largestBlock: { readonly id: string; readonly bytes: number };
  readonly rows: number;
}

class Packer {
  requests = 0;
  largest = 0;
  total = 0;
  private current = 0;
  constructor(private readonly budget: number) {}
  /** A row (or a header) of `bytes`: a new request starts when it would not fit. */
  add(bytes: number): void {
    if (this.current > 0 && this.current + bytes + 1 > this.budget) this.flush();
    this.current += bytes + 1;
  }
  flush(): void {
    if (this.current === 0) return;
    this.requests++;
    this.largest = Math.max(this.largest, this.current + 2);
    this.total += this.current + 2;
    this.current = 0;
  }
  /** A fixed request (formats, validations, names): counted, never merged. */
  single(bytes: number): void {
    this.flush();
    this.requests++;
    this.largest = Math.max(this.largest, bytes);
    this.total += bytes;
  }
}

/** The reconciliation's writes: generated sheets and the blocks beside the export rows. */
export function estimatePlanRequests(plan: WorkbookPlan, budget = 1024 * 1024): RequestPlan {
  const p = new Packer(budget);
  let largestBlock = { id: "", bytes: 0 };
  let rows = 0;
  for (const sheet of plan.sheets) {
    for (const block of sheet.blocks) {
      let blockBytes = 0;
      const header = JSON.stringify(block.columns.map((c) => c.header));
      p.add(header.length);
      blockBytes += header.length;
      for (let i = 0; i < block.rows; i++) {
        const json = JSON.stringify(block.columns.map((c) => officeValue(c.cell(i))));
        p.add(json.length);
        blockBytes += json.length + 1;
        rows++;
      }
      p.flush();
      if (blockBytes > largestBlock.bytes) largestBlock = { id: block.id, bytes: blockBytes };
    }
    if (sheet.cells.length) p.single(JSON.stringify(sheet.cells.map((c) => [c.row, c.col, officeValue(c.value)])).length);
    // Column widths, number formats, validation, conditional formats, freeze panes, visibility.
    p.single(2048);
  }
  p.single(JSON.stringify(plan.names).length + 256);
  return { requests: p.requests, largestBytes: p.largest, totalBytes: p.total, largestBlock, rows };
}

/** Importing the files: every input sheet's rows as `range.values`. */
export function estimateImportRequests(sheets: readonly SheetData[], budget = 1024 * 1024): RequestPlan {
  const p = new Packer(budget);
  let largestBlock = { id: "", bytes: 0 };
  let rows = 0;
  for (const s of sheets) {
    let bytes = 0;
    for (const r of s.rows) {
      const json = JSON.stringify(r.map(officeValue));
      p.add(json.length);
      bytes += json.length + 1;
      rows++;
    }
    p.flush();
    p.single(1024);
    if (bytes > largestBlock.bytes) largestBlock = { id: s.name, bytes };
  }
  return { requests: p.requests, largestBytes: p.largest, totalBytes: p.total, largestBlock, rows };
}
