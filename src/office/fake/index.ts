/**
 * An in-memory Excel for tests and the task pane's development page: `createFakeExcel()` gives
 * `Excel` and `Office` objects with the subset of office.js the gateway uses, the workbook they
 * act on (`store`), and the request statistics (`stats`). `install()` makes them the globals, as
 * office.js would in Excel. Runs under node (jest) and in the browser (no node APIs).
 */
import { FakeHost, FakeLimits, FakeRequestContext, FakeStats, WEB_LIMITS, versionAtLeast } from "./api";
import type { OfficeHost } from "../host";
import { FakeWorkbookStore } from "./store";

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
}

export interface FakeOfficeNamespace {
  readonly context: {
    readonly host: string;
    readonly platform: string;
    readonly requirements: { isSetSupported(name: string, version?: string): boolean };
    readonly document: {
      readonly settings: {
        get(name: string): unknown;
        set(name: string, value: unknown): void;
        remove(name: string): void;
        saveAsync(callback?: (r: { status: string }) => void): void;
      };
    };
  };
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
  readonly HostType: Record<string, string>;
  readonly PlatformType: Record<string, string>;
}

export function createFakeExcel(options: FakeExcelOptions = {}): FakeExcel {
  const store = new FakeWorkbookStore();
  for (const name of options.sheets ?? ["Sheet1"]) store.addSheet(name);
  const stats: FakeStats = { requests: 0, largestRequestBytes: 0, largestResponseBytes: 0, totalRequestBytes: 0, suspendCalls: 0, log: [] };
  const host: FakeHost = { store, stats, limits: { ...WEB_LIMITS, ...options.limits }, api: options.api ?? "1.17" };
  const platform = options.platform ?? "OfficeOnline";

  class RequestContext extends FakeRequestContext {
    constructor() {
      super(host);
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
  };

  const Office: FakeOfficeNamespace = {
    context: {
      host: "Excel",
      platform,
      requirements: {
        isSetSupported(name: string, version?: string): boolean {
          if (name === "ExcelApi") return versionAtLeast(host.api, version ?? "1.1");
          if (name === "ExcelApiOnline") return platform === "OfficeOnline";
          return false;
        },
      },
      // The Common API settings and workbook.settings are one store (office-js-docs-reference #769).
      document: {
        settings: {
          get: (name: string) => (store.settings.has(name) ? store.settings.get(name) : null),
          set: (name: string, value: unknown) => void store.settings.set(name, JSON.parse(JSON.stringify(value))),
          remove: (name: string) => void store.settings.delete(name),
          saveAsync: (callback?: (r: { status: string }) => void) => callback?.({ status: "succeeded" }),
        },
      },
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
  };
}

export { FakeWorkbookStore } from "./store";
export type { WorkbookSnapshot, FakeSheet, CellRec } from "./store";
export { FakeRequestContext, jsonBytes, utf8Length, CALL_OVERHEAD, WEB_LIMITS } from "./api";
export type { FakeStats, FakeLimits, RequestRecord } from "./api";
export { FakeRichApiError } from "./errors";
export { interpretInput } from "./input";
