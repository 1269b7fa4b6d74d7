/**
 * The request context (Excel.RequestContext, learn.microsoft.com/javascript/api/excel/excel.requestcontext):
 * calls on proxy objects are queued and run on `context.sync()`, and each sync is one request,
 * accounted against Excel on the web's limits (research/office-addin.md §2.1):
 *
 * - a request (everything queued between two syncs) over 5 MB fails whole with
 *   RequestPayloadSizeLimitExceeded, a response over 5 MB with ResponsePayloadSizeLimitExceeded;
 *   sizes count the JSON of the values, formulas and formats set or read plus a per-call overhead
 *   (the docs: "number of API calls + proxy objects + length of values");
 * - every member needs its requirement set (api-sets.ts): on an older host the call fails with
 *   ApiNotFound at sync;
 * - other errors behave as in Excel: the calls queued before the failing one stay applied, the
 *   loads of a failed request are not delivered.
 *
 * Tests can make Excel fail a later write request part-way (`FakeHost.fault`), as a dropped
 * connection or a server error on the web does (office-js #6075, #6841).
 */
import { FakeErrorCode, FakeRichApiError } from "./errors";
import { Gate, hostHas, memberSet } from "./api-sets";
import type { FakeWorkbookStore } from "./store";
import type { FakeWorkbook } from "./workbook";

export interface FakeLimits {
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly readCells: number;
}

export const WEB_LIMITS: FakeLimits = { requestBytes: 5 * 1024 * 1024, responseBytes: 5 * 1024 * 1024, readCells: 5_000_000 };

/** Bytes a call adds to a request besides its data (ids, method name, JSON framing). */
export const CALL_OVERHEAD = 64;

export interface RequestRecord {
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly calls: number;
  /** Calls that change the workbook (everything but loads). */
  readonly writes: number;
  readonly suspendedCalculation: boolean;
  readonly failed?: string;
}

export interface FakeStats {
  requests: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
  totalRequestBytes: number;
  suspendCalls: number;
  readonly log: RequestRecord[];
}

/** A failure injected into a later request that writes: after `afterCalls` of its calls ran. */
export interface FakeFault {
  /** 1 = the next request that writes. */
  writeRequest: number;
  readonly afterCalls: number;
  readonly code: FakeErrorCode;
}

export interface FakeHost {
  readonly store: FakeWorkbookStore;
  readonly limits: FakeLimits;
  readonly stats: FakeStats;
  /** Highest ExcelApi requirement set the host supports, e.g. "1.7". */
  readonly api: string;
  /** Office.context.platform: "OfficeOnline", "PC", "Mac". */
  readonly platform: string;
  fault: FakeFault | null;
}

const encoder = new TextEncoder();

/** UTF-8 length of a string, measured independently of the gateway's own estimate (requests.ts). */
export function utf8Length(s: string): number {
  return encoder.encode(s).length;
}

export function jsonBytes(x: unknown): number {
  return x === undefined ? 0 : utf8Length(JSON.stringify(x));
}

export interface Delivery {
  readonly bytes: number;
  deliver(): void;
}

export interface Call {
  readonly bytes: number;
  /** A load: changes nothing. */
  readonly read?: boolean;
  run(): Delivery | void;
}

export interface Nullable {
  resolveNullState(): Delivery;
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly application: FakeWorkbook["application"];
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  private queue: Call[] = [];
  private nullables: Nullable[] = [];
  private suspended = false;

  constructor(
    readonly host: FakeHost,
    makeWorkbook: (ctx: FakeRequestContext) => FakeWorkbook,
  ) {
    this.workbook = makeWorkbook(this);
    this.application = this.workbook.application;
  }

  enqueue(call: Call): void {
    this.queue.push(call);
  }

  registerNullable(o: Nullable): void {
    this.nullables.push(o);
  }

  markSuspended(): void {
    this.suspended = true;
  }

  private readonly has = new Map<string, boolean>();

  /** Fails with ApiNotFound unless the host has every member of the chain. */
  requireMembers(gates: readonly Gate[]): void {
    for (const g of gates) {
      const set = memberSet(g.cls, g.member, g.kind);
      let ok = this.has.get(set);
      if (ok === undefined) this.has.set(set, (ok = hostHas(this.host.api, this.host.platform, set)));
      if (!ok) {
        const what = g.kind === "set" ? `setting ${g.cls}.${g.member}` : `${g.cls}.${g.member}`;
        throw new FakeRichApiError("ApiNotFound", `${what} needs ${/^\d/.test(set) ? `ExcelApi ${set}` : set}; this host has ExcelApi ${this.host.api} (${this.host.platform}).`, `${g.cls}.${g.member}`);
      }
    }
  }

  /** For a parameter or use that needs a later set than its member (e.g. "1.7 for password"). */
  requireSet(set: string, what: string): void {
    if (!hostHas(this.host.api, this.host.platform, set)) {
      throw new FakeRichApiError("ApiNotFound", `${what} needs ExcelApi ${set}; this host has ExcelApi ${this.host.api}.`);
    }
  }

  async sync(): Promise<void> {
    const calls = this.queue;
    const nullables = this.nullables;
    const suspended = this.suspended;
    this.queue = [];
    this.nullables = [];
    this.suspended = false;
    // An empty batch does not go to Excel.
    await Promise.resolve();
    if (calls.length === 0 && nullables.length === 0) return;
    const { stats, limits, store } = this.host;
    const requestBytes = calls.reduce((n, c) => n + CALL_OVERHEAD + c.bytes, 0) + nullables.length * CALL_OVERHEAD;
    const writes = calls.filter((c) => !c.read).length;
    stats.requests++;
    stats.totalRequestBytes += requestBytes;
    stats.largestRequestBytes = Math.max(stats.largestRequestBytes, requestBytes);
    if (suspended) stats.suspendCalls++;
    const record = (responseBytes: number, failed?: string) =>
      stats.log.push({ requestBytes, responseBytes, calls: calls.length, writes, suspendedCalculation: suspended, failed });
    if (requestBytes > limits.requestBytes) {
      record(0, "RequestPayloadSizeLimitExceeded");
      throw new FakeRichApiError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${requestBytes} bytes > ${limits.requestBytes}). Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".`,
      );
    }
    let failAfter = Infinity;
    const fault = this.host.fault;
    if (fault && writes > 0 && --fault.writeRequest === 0) {
      this.host.fault = null;
      failAfter = fault.afterCalls;
    }
    const deliveries: Delivery[] = [];
    const injected = () => new FakeRichApiError(fault!.code, "An internal error has occurred (injected by the test).");
    try {
      calls.forEach((call, i) => {
        if (i >= failAfter) throw injected();
        const version = store.contentVersion;
        const d = call.run();
        // Content written while calculation is suspended stays uncalculated (workbook.ts).
        if (suspended && store.contentVersion !== version) store.calculated = false;
        if (d) deliveries.push(d);
      });
      if (failAfter !== Infinity) throw injected();
    } catch (e) {
      record(0, (e as FakeRichApiError).code ?? "error");
      throw e;
    }
    for (const o of nullables) deliveries.push(o.resolveNullState());
    const responseBytes = deliveries.reduce((n, d) => n + d.bytes, 0);
    stats.largestResponseBytes = Math.max(stats.largestResponseBytes, responseBytes);
    if (responseBytes > limits.responseBytes) {
      record(responseBytes, "ResponsePayloadSizeLimitExceeded");
      throw new FakeRichApiError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${responseBytes} bytes).`);
    }
    record(responseBytes);
    for (const d of deliveries) d.deliver();
  }
}
