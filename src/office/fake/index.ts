/**
 * An in-memory Excel for tests and the task pane's development page: `createFakeExcel()` gives
 * `Excel` and `Office` objects with the subset of office.js the gateway uses, the workbook they
 * act on (`store`), and the request statistics (`stats`). `install()` makes them the globals, as
 * office.js would in Excel. Runs under node (jest) and in the browser (no node APIs).
 *
 * One module per family of office.js classes, each following its reference page:
 * context.ts (RequestContext, requests and limits), client-object.ts (load/sync, requirement
 * sets), workbook.ts (Workbook, WorkbookProtection, Application), worksheet.ts (worksheets,
 * protection, freeze panes, autofilter), range.ts (Range, RangeAreas), format.ts (RangeFormat,
 * fill, font), conditional-formats.ts, data-validation.ts, tables.ts (+ table-model.ts),
 * names.ts, settings.ts (SettingCollection and the Common API settings); store.ts is the
 * workbook's content, input.ts how typed text is stored, references.ts how formulas follow
 * structural changes, api-sets.ts the generated requirement sets.
 */
import type { OfficeHost } from "../host";
import { hostHas } from "./api-sets";
import { FakeFault, FakeHost, FakeLimits, FakeRequestContext, FakeStats, WEB_LIMITS } from "./context";
import { FakeErrorCode } from "./errors";
import { FakeCommonSettings } from "./settings";
import { FakeWorkbookStore } from "./store";
import { FakeWorkbook } from "./workbook";

export interface FakeExcelOptions {
  /** Highest ExcelApi requirement set, e.g. "1.7" (Excel 2019) or "1.9"; default "1.17". */
  readonly api?: string;
  /** Office.context.platform: "OfficeOnline" (the 5 MB limits are the web's), "PC", "Mac". */
  readonly platform?: string;
  readonly limits?: Partial<FakeLimits>;
  /** Starts with one empty sheet, like a new workbook, unless given sheet names. */
  readonly sheets?: readonly string[];
}

export interface FakeExcel {
  readonly Excel: FakeExcelNamespace;
  readonly Office: FakeOfficeNamespace;
  readonly store: FakeWorkbookStore;
  readonly stats: FakeStats;
  readonly host: FakeHost;
  /** Makes `Excel` and `Office` globals (the development page, office-addin-style code). */
  install(target?: Record<string, unknown>): void;
  /** The pair as the gateway's host: `createOfficeGateway({ host: fake.officeHost() })`. */
  officeHost(): OfficeHost;
  resetStats(): void;
  /**
   * Makes Excel fail the `writeRequest`-th request that writes from now on (1 = the next), after
   * `afterCalls` of its calls ran (0: none of it applies), with `code` (GeneralException).
   */
  failWriteRequest(writeRequest: number, options?: { readonly afterCalls?: number; readonly code?: FakeErrorCode }): void;
  /**
   * The workbook saved, closed and opened again in a host like this one (or another: `options`):
   * what the file holds survives — cells, formats, tables, names, settings written to the
   * document — and the add-in starts afresh (a new Common API settings copy).
   */
  saveAndReopen(options?: FakeExcelOptions): FakeExcel;
}

export interface FakeExcelNamespace {
  run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T>;
  readonly RequestContext: new () => FakeRequestContext;
  readonly ConditionalFormatType: Record<string, string>;
  readonly ClearApplyTo: Record<string, string>;
  readonly SheetVisibility: Record<string, string>;
  readonly RangeCopyType: Record<string, string>;
  readonly DeleteShiftDirection: Record<string, string>;
  readonly InsertShiftDirection: Record<string, string>;
  readonly CalculationType: Record<string, string>;
}

export interface FakeOfficeNamespace {
  readonly context: {
    readonly host: string;
    readonly platform: string;
    readonly requirements: { isSetSupported(name: string, version?: string): boolean };
    readonly document: { readonly settings: FakeCommonSettings };
  };
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
  readonly HostType: Record<string, string>;
  readonly PlatformType: Record<string, string>;
}

export function createFakeExcel(options: FakeExcelOptions = {}, existing?: FakeWorkbookStore): FakeExcel {
  const store = existing ?? new FakeWorkbookStore();
  if (!existing) for (const name of options.sheets ?? ["Sheet1"]) store.addSheet(name);
  const stats: FakeStats = { requests: 0, largestRequestBytes: 0, largestResponseBytes: 0, totalRequestBytes: 0, suspendCalls: 0, log: [] };
  const platform = options.platform ?? "OfficeOnline";
  const host: FakeHost = { store, stats, limits: { ...WEB_LIMITS, ...options.limits }, api: options.api ?? "1.17", platform, fault: null };
  const makeWorkbook = (ctx: FakeRequestContext) => new FakeWorkbook(ctx);

  class RequestContext extends FakeRequestContext {
    constructor() {
      super(host, makeWorkbook);
    }
  }

  const Excel: FakeExcelNamespace = {
    async run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
      const context = new RequestContext();
      const result = await batch(context);
      // Excel.run sends what is still queued when the batch function returns.
      await context.sync();
      return result;
    },
    RequestContext,
    ConditionalFormatType: { custom: "Custom", cellValue: "CellValue", colorScale: "ColorScale", dataBar: "DataBar", iconSet: "IconSet", containsText: "ContainsText" },
    ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents", hyperlinks: "Hyperlinks", removeHyperlinks: "RemoveHyperlinks" },
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    RangeCopyType: { all: "All", formulas: "Formulas", values: "Values", formats: "Formats" },
    DeleteShiftDirection: { up: "Up", left: "Left" },
    InsertShiftDirection: { down: "Down", right: "Right" },
    CalculationType: { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" },
  };

  const Office: FakeOfficeNamespace = {
    context: {
      host: "Excel",
      platform,
      requirements: {
        isSetSupported(name: string, version?: string): boolean {
          if (name === "ExcelApi" || name === "ExcelApiOnline" || name === "ExcelApiDesktop") return hostHas(host.api, platform, name === "ExcelApi" ? version ?? "1.1" : `${name} ${version ?? "1.1"}`);
          return false;
        },
      },
      document: { settings: new FakeCommonSettings(() => store) },
    },
    async onReady(callback?: (info: { host: string; platform: string }) => void) {
      const info = { host: "Excel", platform };
      callback?.(info);
      return info;
    },
    HostType: { Excel: "Excel" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
  };

  return {
    Excel,
    Office,
    store,
    stats,
    host,
    install(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>) {
      target.Excel = Excel;
      target.Office = Office;
    },
    // The fake implements the subset of office.js the gateway uses, not all of its types.
    officeHost: () => ({ Excel, Office }) as unknown as OfficeHost,
    resetStats() {
      stats.requests = 0;
      stats.largestRequestBytes = 0;
      stats.largestResponseBytes = 0;
      stats.totalRequestBytes = 0;
      stats.suspendCalls = 0;
      stats.log.length = 0;
    },
    failWriteRequest(writeRequest, opts = {}) {
      const fault: FakeFault = { writeRequest, afterCalls: opts.afterCalls ?? 0, code: opts.code ?? "GeneralException" };
      host.fault = fault;
    },
    saveAndReopen(again: FakeExcelOptions = {}) {
      return createFakeExcel({ api: host.api, platform, limits: host.limits, ...again }, store.clone());
    },
  };
}

export { FakeWorkbookStore, charsToPoints, charsToPixels, MAX_CELL_CHARS, MAX_FORMULA_CHARS, STANDARD_WIDTH_CHARS } from "./store";
export type { WorkbookSnapshot, FakeSheet, CellRec } from "./store";
export { FakeRequestContext, jsonBytes, utf8Length, CALL_OVERHEAD, WEB_LIMITS } from "./context";
export type { FakeStats, FakeLimits, RequestRecord, FakeHost } from "./context";
export { FakeRichApiError } from "./errors";
export type { FakeErrorCode } from "./errors";
export { interpretInput } from "./input";
export { versionAtLeast, memberSet } from "./api-sets";
export type { FakeTable } from "./table-model";
