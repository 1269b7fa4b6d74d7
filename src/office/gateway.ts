/**
 * The workbook gateway over office.js: the only code that touches Excel. The task pane gets it
 * through props; the same code runs against the fake Excel in tests and on the development page
 * (pass `host: createFakeExcel()`).
 *
 * Module map: read.ts (chunked reads), requests.ts (request sizing), apply-plan.ts (writing the
 * layout plan), capture.ts / release.ts / state.ts (what we overwrote, giving it back, where we
 * remember it), reconcile.ts, import.ts, remove.ts, settings.ts, inspect.ts.
 */
import { ImportFile } from "../domain/importer";
import { SourceRecord } from "../domain/workbook";
import { OfficeHost, globalHost } from "./host";
import { importIntoWorkbook } from "./import";
import { inspectWorkbook } from "./inspect";
import { GatewayDeps, reconcileWorkbook } from "./reconcile";
import { removeReconciliation } from "./remove";
import { REQUEST_BUDGET } from "./requests";
import { saveSettings, saveSources, selectRows } from "./settings";
import { CancelledError, ProgressFn, WorkbookError, WorkbookGateway, WorkbookSettings } from "./types";

export interface GatewayOptions {
  /** office.js globals by default; the fake Excel in tests and on the development page. */
  readonly host?: OfficeHost;
  /** The clock for "today" and the run time (tests fix it). */
  readonly now?: () => Date;
  /** Bytes of data per request (default 2 MB; the web's limit is 5 MB). */
  readonly budget?: number;
}

/** Errors the pane can show: ours as they are, Excel's as "failed" with Excel's message. */
function explain(e: unknown): Error {
  if (e instanceof CancelledError || e instanceof WorkbookError) return e;
  const code = (e as { code?: string } | null)?.code;
  const message = (e as Error | null)?.message ?? String(e);
  if (code === "AccessDenied") return new WorkbookError("protected", { sheet: "" }, message);
  if (code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded" || code === "RangeExceedsLimit") {
    return new WorkbookError("readLimit", { code }, message);
  }
  if (code === "ApiNotFound") return new WorkbookError("apiUnsupported", {}, message);
  return new WorkbookError("failed", { message }, message);
}

export function createOfficeGateway(options: GatewayOptions = {}): WorkbookGateway {
  const deps = (): GatewayDeps => {
    const host = options.host ?? globalHost();
    // The manifest asks for ExcelApi 1.7 (getRangeByIndexes, freeze panes); refuse clearly below it.
    if (!host.Office.context.requirements?.isSetSupported("ExcelApi", "1.7")) throw new WorkbookError("apiUnsupported", { needed: "1.7" });
    return { host, now: options.now ?? (() => new Date()), budget: options.budget ?? REQUEST_BUDGET };
  };
  const guard = async <T>(f: () => Promise<T>): Promise<T> => {
    try {
      return await f();
    } catch (e) {
      throw explain(e);
    }
  };
  return {
    inspect: () => guard(() => inspectWorkbook(deps().host)),
    importFiles: (files: readonly ImportFile[], progress: ProgressFn, signal?: AbortSignal) => guard(() => importIntoWorkbook(deps(), files, progress, signal)),
    saveSources: (records: readonly SourceRecord[]) => guard(() => saveSources(deps(), records)),
    saveSettings: (settings: WorkbookSettings) => guard(() => saveSettings(deps(), settings)),
    reconcile: (progress: ProgressFn, signal?: AbortSignal) => guard(() => reconcileWorkbook(deps(), progress, signal)),
    select: (sheet: string, rows: readonly number[]) => guard(() => selectRows(deps(), sheet, rows)),
    remove: (opts: { readonly everything: boolean }, progress: ProgressFn) => guard(() => removeReconciliation(deps(), opts, progress)),
  };
}
