/**
 * Requests to Excel, sized for Excel on the web: 5 MB per request and per response is a hard
 * limit (RequestPayloadSizeLimitExceeded), and older web builds failed well below it
 * (office-js-docs-reference #354, office-js #1012). So every request is kept to about 2 MB of
 * serialized data (research/office-addin.md §2.2), each write request suspends calculation until
 * its sync (ExcelApi 1.6; it lasts one sync only, §2.3), and cancellation is honoured between
 * requests, never inside one. An operation that wrote under the suspension ends with one full
 * calculation (`leaveCalculated`): "Once set, it is the developer's responsibility to re-calc the
 * workbook, to ensure that any dependencies are propagated" (Application.suspendApiCalculationUntilNextSync).
 *
 * Syncing in a loop is deliberate here (eslint office-addins/no-context-sync-in-loop does not
 * apply): one request per block is the documented way to move large data.
 */
import { CancelledError } from "./types";

/** Bytes of data per request we aim for (the limit is 5 MB). */
export const REQUEST_BUDGET = 2_000_000;
/** Our estimate of what a call costs besides its data (the real framing is smaller). */
export const CALL_BYTES = 200;

/** UTF-8 length of a string (no Buffer: this also runs in the browser). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function jsonSize(x: unknown): number {
  return utf8Bytes(JSON.stringify(x));
}

/** Counts our requests and the largest one (by our own estimate, which works in real Excel too). */
export class Meter {
  requests = 0;
  largestBytes = 0;

  constructor(
    readonly ctx: Excel.RequestContext,
    readonly signal?: AbortSignal,
  ) {}

  async sync(bytes: number): Promise<void> {
    await this.ctx.sync();
    this.requests++;
    this.largestBytes = Math.max(this.largestBytes, bytes);
  }

  cancelled(): boolean {
    return Boolean(this.signal?.aborted);
  }

  checkCancel(): void {
    if (this.cancelled()) throw new CancelledError();
  }
}

/** Groups write calls into requests of at most `budget` bytes, one calculation suspension each. */
export class WriteBatch {
  private bytes = 0;
  private calls = 0;
  /** Cells written so far (for progress). */
  done = 0;
  /** While true, cancellation waits (steps that must not stop half-way, e.g. writing the state). */
  holdCancel = false;
  /** A request of this batch wrote with calculation suspended: the workbook needs calculating. */
  suspendedWrites = false;

  constructor(
    private readonly meter: Meter,
    private readonly onFlush: (done: number) => void = () => undefined,
    private readonly budget = REQUEST_BUDGET,
    private readonly suspendCalculation = true,
  ) {}

  /**
   * Makes room for one call carrying `bytes` of data, sending the current request first if the
   * call would not fit. The caller queues the call right after this resolves.
   */
  async reserve(bytes: number, cells = 0): Promise<void> {
    const need = bytes + CALL_BYTES;
    if (this.calls > 0 && this.bytes + need > this.budget) await this.flush();
    if (this.calls === 0 && this.suspendCalculation) {
      this.meter.ctx.workbook.application.suspendApiCalculationUntilNextSync();
      this.bytes += CALL_BYTES;
      this.suspendedWrites = true;
    }
    this.bytes += need;
    this.calls++;
    this.done += cells;
  }

  /** Sends what is queued; throws CancelledError afterwards if the run was cancelled meanwhile. */
  async flush(): Promise<void> {
    if (this.calls === 0) return;
    const bytes = this.bytes;
    this.bytes = 0;
    this.calls = 0;
    await this.meter.sync(bytes);
    this.onFlush(this.done);
    if (!this.holdCancel) this.meter.checkCancel();
  }

  /** Whether calls wait to be sent. */
  get pending(): boolean {
    return this.calls > 0;
  }

  get budgetBytes(): number {
    return this.budget;
  }
}

/**
 * One full calculation (Application.calculate, ExcelApi 1.1) after writes made under
 * suspendApiCalculationUntilNextSync, so the workbook is left calculated — also in manual
 * calculation mode, where nothing else would. "Full" marks every cell dirty; a plain
 * "Recalculate" only takes cells Excel "has marked as dirty" (Excel.CalculationType), and whether
 * writes made under the suspension are marked is not documented (docs/TESTING-IN-EXCEL.md).
 */
export async function leaveCalculated(meter: Meter, ...batches: WriteBatch[]): Promise<void> {
  if (!batches.some((b) => b.suspendedWrites)) return;
  meter.ctx.workbook.application.calculate("Full");
  await meter.sync(CALL_BYTES);
  for (const b of batches) b.suspendedWrites = false;
}
