/**
 * The office.js object model over the fake store: proxy objects whose calls are queued and run
 * on `context.sync()`, whose properties can only be read after `load()` + `sync()` (else
 * PropertyNotLoaded, like Excel), and a request accounting that enforces Excel on the web's
 * limits (research/office-addin.md §2.1):
 *
 * - a request (everything queued between two syncs) over 5 MB fails whole with
 *   RequestPayloadSizeLimitExceeded, a response over 5 MB with ResponsePayloadSizeLimitExceeded;
 *   sizes count the JSON of the values, formulas and formats set or read plus a per-call overhead
 *   (the docs: "number of API calls + proxy objects + length of values");
 * - reading more than 5,000,000 cells of one range fails (RangeExceedsLimit);
 * - nothing outside 1,048,576 rows × 16,384 columns can be addressed.
 *
 * Other errors behave as in Excel: the calls queued before the failing one stay applied, the
 * loads of a failed request are not delivered. APIs newer than the configured ExcelApi version
 * fail with ApiNotFound at sync, as an older host does.
 */
import { shiftFormula } from "../../layout/a1";
import { MAX_COLS, MAX_ROWS, Rect, inGrid, parseQualified, qualifiedAddress, rect, rectAddress } from "../rects";
import { FakeRichApiError, notLoaded } from "./errors";
import { CellFormat, DEFAULT_FORMAT, FakeConditionalFormat, FakeSheet, FakeWorkbookStore, GENERAL, STANDARD_HEIGHT, STANDARD_WIDTH } from "./store";

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

export interface FakeHost {
  readonly store: FakeWorkbookStore;
  readonly limits: FakeLimits;
  readonly stats: FakeStats;
  /** Highest ExcelApi requirement set the host supports, e.g. "1.7". */
  readonly api: string;
}

export function versionAtLeast(have: string, want: string): boolean {
  const a = have.split(".").map(Number);
  const b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

const encoder = new TextEncoder();

/** UTF-8 length of a string, measured independently of the gateway's own estimate (requests.ts). */
export function utf8Length(s: string): number {
  return encoder.encode(s).length;
}

export function jsonBytes(x: unknown): number {
  return x === undefined ? 0 : utf8Length(JSON.stringify(x));
}

interface Delivery {
  readonly bytes: number;
  deliver(): void;
}

interface Call {
  readonly bytes: number;
  readonly read?: boolean;
  run(): Delivery | void;
}

// ---------------------------------------------------------------------------------------------

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  private queue: Call[] = [];
  private nullables: ClientObject[] = [];
  private suspended = false;

  constructor(readonly host: FakeHost) {
    this.workbook = new FakeWorkbook(this);
    this.application = this.workbook.application;
  }

  enqueue(call: Call): void {
    this.queue.push(call);
  }

  registerNullable(o: ClientObject): void {
    this.nullables.push(o);
  }

  markSuspended(): void {
    this.suspended = true;
  }

  require(version: string, api: string): void {
    if (!versionAtLeast(this.host.api, version)) {
      throw new FakeRichApiError("ApiNotFound", `${api} needs ExcelApi ${version}; this host supports ${this.host.api}.`);
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
    const { stats, limits } = this.host;
    const requestBytes = calls.reduce((n, c) => n + CALL_OVERHEAD + c.bytes, 0) + nullables.length * CALL_OVERHEAD;
    stats.requests++;
    stats.totalRequestBytes += requestBytes;
    stats.largestRequestBytes = Math.max(stats.largestRequestBytes, requestBytes);
    if (suspended) stats.suspendCalls++;
    const record = (responseBytes: number, failed?: string) =>
      stats.log.push({ requestBytes, responseBytes, calls: calls.length, writes: calls.filter((c) => !c.read).length, suspendedCalculation: suspended, failed });
    if (requestBytes > limits.requestBytes) {
      record(0, "RequestPayloadSizeLimitExceeded");
      throw new FakeRichApiError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${requestBytes} bytes > ${limits.requestBytes}). Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".`,
      );
    }
    const deliveries: Delivery[] = [];
    for (const call of calls) {
      try {
        const d = call.run();
        if (d) deliveries.push(d);
      } catch (e) {
        record(0, (e as FakeRichApiError).code ?? "error");
        throw e;
      }
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

// ---------------------------------------------------------------------------------------------

type LoadPaths = string[];

function parseLoad(arg: unknown): LoadPaths | null {
  if (arg === undefined || arg === null) return null;
  if (typeof arg === "string") return arg.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => parseLoad(a) ?? []);
  if (typeof arg === "object") {
    const o = arg as Record<string, unknown>;
    if (typeof o.select === "string" || Array.isArray(o.select)) return parseLoad(o.select);
    const out: string[] = [];
    const walk = (obj: Record<string, unknown>, prefix: string) => {
      for (const [k, v] of Object.entries(obj)) {
        if (v === true) out.push(prefix + k);
        else if (v && typeof v === "object") walk(v as Record<string, unknown>, `${prefix}${k}/`);
      }
    };
    walk(o, "");
    return out;
  }
  return null;
}

export abstract class ClientObject {
  protected readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(protected readonly ctx: FakeRequestContext) {}

  get context(): FakeRequestContext {
    return this.ctx;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded("isNullObject");
    return this.nullState;
  }

  /** For *OrNullObject: whether the target exists (resolved at sync). */
  protected exists(): boolean {
    return true;
  }

  resolveNullState(): Delivery {
    let isNull = false;
    try {
      isNull = !this.exists();
    } catch {
      isNull = true;
    }
    return { bytes: 8, deliver: () => (this.nullState = isNull) };
  }

  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }

  /** Property names `load()` without arguments loads. */
  protected abstract scalarProps(): readonly string[];
  /** The value of a property at sync time. */
  protected abstract readProp(name: string): unknown;
  /** Navigation properties (format, fill, font, protection...). */
  protected child(_name: string): ClientObject | undefined {
    return undefined;
  }

  load(arg?: unknown): this {
    const paths = parseLoad(arg) ?? [...this.scalarProps()];
    this.ctx.enqueue({ bytes: jsonBytes(arg ?? ""), read: true, run: () => this.loadNow(paths) });
    return this;
  }

  loadNow(paths: LoadPaths): Delivery {
    const own: string[] = [];
    const nested = new Map<string, string[]>();
    for (const p of paths) {
      const slash = p.indexOf("/");
      if (slash < 0) own.push(p);
      else {
        const head = p.slice(0, slash);
        const arr = nested.get(head) ?? [];
        arr.push(p.slice(slash + 1));
        nested.set(head, arr);
      }
    }
    const deliveries: Delivery[] = [];
    const values = new Map<string, unknown>();
    // Loading through a proxy whose target is missing fails (ItemNotFound), unless it is an
    // *OrNullObject proxy: then its properties read as null.
    const isNull = !this.exists();
    for (const name of own) {
      if (this.child(name)) {
        deliveries.push(this.child(name)!.loadNow([]));
        continue;
      }
      values.set(name, isNull ? null : this.readProp(name));
    }
    for (const [head, rest] of nested) {
      const c = this.child(head);
      if (!c) throw new FakeRichApiError("InvalidArgument", `Cannot load '${head}/${rest.join(",")}'.`);
      deliveries.push(c.loadNow(rest));
    }
    const bytes = jsonBytes(Object.fromEntries(values)) + deliveries.reduce((n, d) => n + d.bytes, 0);
    return {
      bytes,
      deliver: () => {
        for (const [k, v] of values) this.loaded.set(k, v);
        for (const d of deliveries) d.deliver();
      },
    };
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }

  /** Queues a property set. */
  protected set(name: string, value: unknown, apply: () => void): void {
    this.ctx.enqueue({ bytes: jsonBytes(value) + name.length, run: () => void apply() });
  }

  protected call(bytes: number, run: () => Delivery | void): void {
    this.ctx.enqueue({ bytes, run });
  }
}

/** A value that a method returns, readable after sync. */
export class FakeClientResult<T> {
  private state: { v: T } | null = null;
  get value(): T {
    if (!this.state) throw notLoaded("value");
    return this.state.v;
  }
  delivery(v: T): Delivery {
    return { bytes: jsonBytes(v), deliver: () => (this.state = { v }) };
  }
}

// ---------------------------------------------------------------------------------------------

export class FakeWorkbook extends ClientObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly settings: FakeSettingCollection;
  readonly application: FakeApplication;

  constructor(ctx: FakeRequestContext) {
    super(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    this.settings = new FakeSettingCollection(ctx);
    this.application = new FakeApplication(ctx);
  }

  protected scalarProps(): readonly string[] {
    return ["name"];
  }

  protected readProp(name: string): unknown {
    if (name === "name") return "Book1.xlsx";
    throw new FakeRichApiError("InvalidArgument", `Workbook has no property '${name}'.`);
  }

  getSelectedRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sel = this.ctx.host.store.selection;
      const store = this.ctx.host.store;
      const sheet = sel ? store.sheetById(sel.sheetId) : store.sheetById(store.activeSheetId ?? "");
      if (!sheet) throw new FakeRichApiError("ItemNotFound", "Nothing is selected.");
      return { sheet, rect: sel?.areas[0] ?? rect(1, 1, 1, 1) };
    });
  }
}

export class FakeApplication extends ClientObject {
  protected scalarProps(): readonly string[] {
    return ["calculationMode"];
  }

  protected readProp(name: string): unknown {
    if (name === "calculationMode") return "Automatic";
    throw new FakeRichApiError("InvalidArgument", `Application has no property '${name}'.`);
  }

  /** ExcelApi 1.6: calculation stays suspended until the next sync only. */
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.markSuspended();
    this.ctx.enqueue({ bytes: 0, read: true, run: () => this.ctx.require("1.6", "suspendApiCalculationUntilNextSync") });
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.call(0, () => this.ctx.require("1.9", "suspendScreenUpdatingUntilNextSync"));
  }

  calculate(_type: string): void {
    this.call(0, () => undefined);
  }
}

// ---- worksheets ------------------------------------------------------------------------------

type SheetResolver = () => FakeSheet | null;

export class FakeWorksheetCollection extends ClientObject {
  private itemsState: FakeWorksheet[] | null = null;

  get items(): FakeWorksheet[] {
    if (!this.itemsState) throw notLoaded("items");
    return this.itemsState;
  }

  protected scalarProps(): readonly string[] {
    return ["items"];
  }

  protected readProp(name: string): unknown {
    throw new FakeRichApiError("InvalidArgument", `WorksheetCollection has no property '${name}'.`);
  }

  override loadNow(paths: LoadPaths): Delivery {
    const itemPaths = paths.flatMap((p) => (p === "items" ? [] : [p.startsWith("items/") ? p.slice(6) : p]));
    const items = this.ctx.host.store.sheets.map((s) => {
      const w = new FakeWorksheet(this.ctx, () => s);
      return w;
    });
    const deliveries = items.map((w) => w.loadNow(itemPaths.length ? itemPaths : ["name", "id", "position", "visibility"]));
    return {
      bytes: deliveries.reduce((n, d) => n + d.bytes, 0),
      deliver: () => {
        for (const d of deliveries) d.deliver();
        this.itemsState = items;
      },
    };
  }

  getItem(name: string): FakeWorksheet {
    const store = this.ctx.host.store;
    return new FakeWorksheet(this.ctx, () => store.mustSheet(name));
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    const store = this.ctx.host.store;
    const w = new FakeWorksheet(this.ctx, () => store.sheet(name) ?? null);
    this.ctx.registerNullable(w);
    return w;
  }

  getActiveWorksheet(): FakeWorksheet {
    const store = this.ctx.host.store;
    return new FakeWorksheet(this.ctx, () => store.sheetById(store.activeSheetId ?? "") ?? null);
  }

  add(name?: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    const w = new FakeWorksheet(this.ctx, () => created);
    this.call(jsonBytes(name ?? ""), () => {
      created = this.ctx.host.store.addSheet(name);
    });
    return w;
  }

  getCount(): FakeClientResult<number> {
    const r = new FakeClientResult<number>();
    this.call(0, () => r.delivery(this.ctx.host.store.sheets.length));
    return r;
  }
}

export class FakeWorksheet extends ClientObject {
  readonly protection: FakeProtection;
  readonly freezePanes: FakeFreezePanes;
  readonly autoFilter: FakeAutoFilter;
  private bound: FakeSheet | null = null;

  constructor(
    ctx: FakeRequestContext,
    private readonly resolver: SheetResolver,
  ) {
    super(ctx);
    this.protection = new FakeProtection(ctx, this);
    this.freezePanes = new FakeFreezePanes(ctx, this);
    this.autoFilter = new FakeAutoFilter(ctx, this);
  }

  /** The sheet at sync time (proxies bind to the sheet they first find, as Excel's do). */
  resolve(): FakeSheet {
    const s = this.resolveOrNull();
    if (!s) throw new FakeRichApiError("ItemNotFound", "The requested resource doesn't exist.");
    return s;
  }

  resolveOrNull(): FakeSheet | null {
    if (this.bound && this.ctx.host.store.sheets.includes(this.bound)) return this.bound;
    const s = this.resolver();
    if (s) this.bound = s;
    return s;
  }

  protected override exists(): boolean {
    return this.resolveOrNull() !== null;
  }

  protected scalarProps(): readonly string[] {
    return ["name", "id", "position", "visibility", "tabColor", "standardWidth", "standardHeight"];
  }

  protected override child(name: string): ClientObject | undefined {
    if (name === "protection") return this.protection;
    if (name === "freezePanes") return this.freezePanes;
    return undefined;
  }

  protected readProp(name: string): unknown {
    const s = this.resolve();
    switch (name) {
      case "name":
        return s.name;
      case "id":
        return s.id;
      case "position":
        return this.ctx.host.store.sheets.indexOf(s);
      case "visibility":
        return s.visibility;
      case "tabColor":
        return s.tabColor ?? "";
      case "standardWidth":
        return STANDARD_WIDTH;
      case "standardHeight":
        return STANDARD_HEIGHT;
      default:
        throw new FakeRichApiError("InvalidArgument", `Worksheet has no property '${name}'.`);
    }
  }

  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.set("name", v, () => this.ctx.host.store.renameSheet(this.resolve(), v));
  }
  get id(): string {
    return this.read("id");
  }
  get position(): number {
    return this.read("position");
  }
  set position(v: number) {
    this.set("position", v, () => this.ctx.host.store.setPosition(this.resolve(), v));
  }
  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(v: string) {
    this.set("visibility", v, () => {
      this.ctx.require("1.2", "Worksheet.visibility (set)");
      if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden") throw new FakeRichApiError("InvalidArgument", `Bad visibility '${v}'.`);
      this.ctx.host.store.setVisibility(this.resolve(), v);
    });
  }
  get tabColor(): string {
    return this.read("tabColor");
  }
  set tabColor(v: string) {
    this.set("tabColor", v, () => {
      this.ctx.require("1.7", "Worksheet.tabColor");
      this.resolve().tabColor = v === "" ? null : v;
    });
  }
  get standardWidth(): number {
    return this.read("standardWidth");
  }

  delete(): void {
    this.call(0, () => {
      const s = this.resolve();
      this.ctx.host.store.deleteSheet(s);
    });
  }

  activate(): void {
    this.call(0, () => {
      const s = this.resolve();
      if (s.visibility !== "Visible") throw new FakeRichApiError("InvalidOperation", "A hidden worksheet cannot be activated.");
      this.ctx.host.store.activeSheetId = s.id;
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.resolve();
      if (address === undefined || address === "") return { sheet: s, rect: rect(1, 1, MAX_ROWS, MAX_COLS) };
      const p = parseQualified(address);
      if (!p || (p.sheet !== null && p.sheet.toLowerCase() !== s.name.toLowerCase())) {
        throw new FakeRichApiError("InvalidArgument", `The address '${address}' is not valid.`);
      }
      return { sheet: s, rect: p.rect };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      this.ctx.require("1.7", "getRangeByIndexes");
      const s = this.resolve();
      const r = rect(startRow + 1, startColumn + 1, startRow + rowCount, startColumn + columnCount);
      if (!Number.isInteger(startRow + startColumn + rowCount + columnCount) || rowCount < 1 || columnCount < 1 || !inGrid(r)) {
        throw new FakeRichApiError("InvalidArgument", `getRangeByIndexes(${startRow}, ${startColumn}, ${rowCount}, ${columnCount}) is outside the grid.`);
      }
      return { sheet: s, rect: r };
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.resolve();
      return { sheet: s, rect: this.ctx.host.store.usedRange(s, valuesOnly) ?? rect(1, 1, 1, 1) };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    const r = new FakeRange(this.ctx, () => {
      const s = this.resolve();
      const used = this.ctx.host.store.usedRange(s, valuesOnly);
      return used ? { sheet: s, rect: used } : null;
    });
    this.ctx.registerNullable(r);
    return r;
  }

  /** ExcelApi 1.9: several areas, "A1:B2,D4" (comma-separated, as en-US). */
  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, () => {
      this.ctx.require("1.9", "getRanges");
      const s = this.resolve();
      const areas = address.split(",").map((a) => {
        const p = parseQualified(a);
        if (!p) throw new FakeRichApiError("InvalidArgument", `The address '${address}' is not valid.`);
        return p.rect;
      });
      return { sheet: s, areas };
    });
  }
}

export class FakeProtection extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx);
  }
  protected scalarProps(): readonly string[] {
    return ["protected"];
  }
  protected readProp(name: string): unknown {
    if (name === "protected") return this.ws.resolve().protected;
    throw new FakeRichApiError("InvalidArgument", `WorksheetProtection has no property '${name}'.`);
  }
  get protected(): boolean {
    return this.read("protected");
  }
  /** Protecting a protected sheet throws AccessDenied since June 2026 builds (OfficeDev/office-js #6784). */
  protect(_options?: unknown, _password?: string): void {
    this.call(0, () => {
      const s = this.ws.resolve();
      if (s.protected) throw new FakeRichApiError("AccessDenied", "The sheet is already protected.");
      s.protected = true;
    });
  }
  unprotect(_password?: string): void {
    this.call(0, () => {
      this.ctx.require("1.7", "unprotect");
      const s = this.ws.resolve();
      if (!s.protected) throw new FakeRichApiError("AccessDenied", "The sheet is not protected.");
      s.protected = false;
    });
  }
}

export class FakeFreezePanes extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx);
  }
  protected scalarProps(): readonly string[] {
    return [];
  }
  protected readProp(name: string): unknown {
    throw new FakeRichApiError("InvalidArgument", `WorksheetFreezePanes has no property '${name}'.`);
  }
  private freeze(f: () => { rows: number; cols: number } | null): void {
    this.call(0, () => {
      this.ctx.require("1.7", "freezePanes");
      this.ws.resolve().freeze = f();
    });
  }
  freezeRows(count = 1): void {
    this.freeze(() => ({ rows: count, cols: 0 }));
  }
  freezeColumns(count = 1): void {
    this.freeze(() => ({ rows: 0, cols: count }));
  }
  freezeAt(frozen: FakeRange | string): void {
    this.freeze(() => {
      const r = typeof frozen === "string" ? parseQualified(frozen)?.rect : frozen.resolveRect().rect;
      if (!r) throw new FakeRichApiError("InvalidArgument", "Bad range.");
      return { rows: r.bottom, cols: r.right };
    });
  }
  unfreeze(): void {
    this.freeze(() => null);
  }
  getLocationOrNullObject(): FakeRange {
    const r = new FakeRange(this.ctx, () => {
      const s = this.ws.resolve();
      if (!s.freeze) return null;
      return { sheet: s, rect: rect(1, 1, Math.max(1, s.freeze.rows), Math.max(1, s.freeze.cols)) };
    });
    this.ctx.registerNullable(r);
    return r;
  }
}

export class FakeAutoFilter extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx);
  }
  protected scalarProps(): readonly string[] {
    return ["enabled"];
  }
  protected readProp(name: string): unknown {
    if (name === "enabled") return this.ws.resolve().autoFilter !== null;
    throw new FakeRichApiError("InvalidArgument", `AutoFilter has no property '${name}'.`);
  }
  apply(range: FakeRange | string): void {
    this.call(0, () => {
      this.ctx.require("1.9", "AutoFilter.apply");
      const s = this.ws.resolve();
      const r = typeof range === "string" ? parseQualified(range)?.rect : range.resolveRect().rect;
      if (!r) throw new FakeRichApiError("InvalidArgument", "Bad range.");
      s.autoFilter = r;
    });
  }
  remove(): void {
    this.call(0, () => {
      this.ctx.require("1.9", "AutoFilter.remove");
      this.ws.resolve().autoFilter = null;
    });
  }
}

// ---- ranges ----------------------------------------------------------------------------------

interface Resolved {
  readonly sheet: FakeSheet;
  readonly rect: Rect;
}

type RangeResolver = () => Resolved | null;

const ARRAY_PROPS = new Set(["values", "formulas", "numberFormat", "valueTypes", "text", "formulasLocal", "numberFormatLocal", "formulasR1C1"]);

export class FakeRange extends ClientObject {
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: FakeConditionalFormatCollection;
  readonly dataValidation: FakeDataValidation;
  private bound: Resolved | null = null;

  constructor(
    ctx: FakeRequestContext,
    private readonly resolver: RangeResolver,
  ) {
    super(ctx);
    this.format = new FakeRangeFormat(ctx, this);
    this.conditionalFormats = new FakeConditionalFormatCollection(ctx, this);
    this.dataValidation = new FakeDataValidation(ctx, this);
  }

  resolveRect(): Resolved {
    if (this.bound) return this.bound;
    const r = this.resolver();
    if (!r) throw new FakeRichApiError("ItemNotFound", "The range does not exist.");
    this.bound = r;
    return r;
  }

  protected override exists(): boolean {
    if (this.bound) return true;
    const r = this.resolver();
    if (r) this.bound = r;
    return r !== null;
  }

  protected scalarProps(): readonly string[] {
    return ["address", "rowCount", "columnCount", "rowIndex", "columnIndex", "values", "formulas", "numberFormat", "valueTypes", "text"];
  }

  protected override child(name: string): ClientObject | undefined {
    if (name === "format") return this.format;
    return undefined;
  }

  protected readProp(name: string): unknown {
    const { sheet, rect: r } = this.resolveRect();
    const store = this.ctx.host.store;
    if (ARRAY_PROPS.has(name)) {
      const cells = (r.bottom - r.top + 1) * (r.right - r.left + 1);
      // A 2026 docs change says Range.values may also come back null past the limit (office-js-docs-pr #5821).
      if (cells > this.ctx.host.limits.readCells) {
        throw new FakeRichApiError("RangeExceedsLimit", `The cell count in the range (${cells}) has exceeded the maximum supported number.`);
      }
    }
    const grid = (f: (row: number, col: number) => unknown) => {
      const out: unknown[][] = [];
      for (let row = r.top; row <= r.bottom; row++) {
        const line: unknown[] = [];
        for (let col = r.left; col <= r.right; col++) line.push(f(row, col));
        out.push(line);
      }
      return out;
    };
    switch (name) {
      case "address":
      case "addressLocal":
        return qualifiedAddress(sheet.name, r);
      case "rowCount":
        return r.bottom - r.top + 1;
      case "columnCount":
        return r.right - r.left + 1;
      case "rowIndex":
        return r.top - 1;
      case "columnIndex":
        return r.left - 1;
      case "cellCount":
        return (r.bottom - r.top + 1) * (r.right - r.left + 1);
      case "isEntireColumn":
        return r.top === 1 && r.bottom === MAX_ROWS;
      case "isEntireRow":
        return r.left === 1 && r.right === MAX_COLS;
      case "values":
        return grid((row, col) => cellValue(store.cell(sheet, row, col)));
      case "text":
        return grid((row, col) => {
          const v = cellValue(store.cell(sheet, row, col));
          return typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
        });
      case "formulas":
      case "formulasLocal":
        return grid((row, col) => {
          const c = store.cell(sheet, row, col);
          return c?.formula ?? cellValue(c);
        });
      case "numberFormat":
      case "numberFormatLocal":
        return grid((row, col) => store.cell(sheet, row, col)?.numberFormat ?? GENERAL);
      case "valueTypes":
        return grid((row, col) => valueType(store.cell(sheet, row, col)));
      case "columnHidden": {
        const hidden = [...range(r.left, r.right)].map((c) => sheet.colHidden.has(c));
        return hidden.every(Boolean) ? true : hidden.some(Boolean) ? null : false;
      }
      case "rowHidden": {
        const hidden = [...range(r.top, r.bottom)].map((c) => sheet.rowHidden.has(c));
        return hidden.every(Boolean) ? true : hidden.some(Boolean) ? null : false;
      }
      default:
        throw new FakeRichApiError("InvalidArgument", `Range has no property '${name}'.`);
    }
  }

  get address(): string {
    return this.read("address");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get text(): string[][] {
    return this.read("text");
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(v: unknown[][]) {
    this.writeArray("values", v, (s, row, col, x) => this.ctx.host.store.writeInput(s, row, col, x));
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(v: unknown[][]) {
    this.writeArray("formulas", v, (s, row, col, x) => this.ctx.host.store.writeInput(s, row, col, x));
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.writeArray("numberFormat", v, (s, row, col, x) => this.ctx.host.store.setNumberFormat(s, row, col, String(x)));
  }
  get columnHidden(): boolean {
    return this.read("columnHidden");
  }
  set columnHidden(v: boolean) {
    this.set("columnHidden", v, () => {
      const { sheet, rect: r } = this.resolveRect();
      for (const c of range(r.left, r.right)) {
        if (v) sheet.colHidden.add(c);
        else sheet.colHidden.delete(c);
      }
    });
  }
  set rowHidden(v: boolean) {
    this.set("rowHidden", v, () => {
      const { sheet, rect: r } = this.resolveRect();
      for (const c of range(r.top, r.bottom)) {
        if (v) sheet.rowHidden.add(c);
        else sheet.rowHidden.delete(c);
      }
    });
  }

  /** A 2-D array whose shape must match the range; null entries leave their cell unchanged. */
  private writeArray(name: string, v: unknown[][], write: (s: FakeSheet, row: number, col: number, x: unknown) => void): void {
    this.ctx.enqueue({
      bytes: jsonBytes(v) + name.length,
      run: () => {
        const { sheet, rect: r } = this.resolveRect();
        const rows = r.bottom - r.top + 1;
        const cols = r.right - r.left + 1;
        if (!Array.isArray(v) || v.length !== rows || v.some((line) => !Array.isArray(line) || line.length !== cols)) {
          throw new FakeRichApiError(
            "InvalidArgument",
            `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rectAddress(r)}).`,
          );
        }
        guardWrite(sheet);
        for (let i = 0; i < rows; i++) {
          for (let j = 0; j < cols; j++) {
            const x = v[i][j];
            if (x === null) continue;
            write(sheet, r.top + i, r.left + j, x);
          }
        }
      },
    });
  }

  clear(applyTo: "All" | "Contents" | "Formats" | "Hyperlinks" | "RemoveHyperlinks" = "All"): void {
    this.call(jsonBytes(applyTo), () => {
      const { sheet, rect: r } = this.resolveRect();
      guardWrite(sheet);
      if (applyTo === "All" || applyTo === "Contents" || applyTo === "Formats") this.ctx.host.store.clear(sheet, r, applyTo);
    });
  }

  /** Only whole rows or whole columns move other cells in the fake. */
  delete(shift: "Up" | "Left"): void {
    this.call(0, () => this.structural("delete", shift === "Up" ? "row" : "col"));
  }

  insert(shift: "Down" | "Right"): FakeRange {
    this.call(0, () => this.structural("insert", shift === "Down" ? "row" : "col"));
    return this;
  }

  private structural(kind: "insert" | "delete", axis: "row" | "col"): void {
    const { sheet, rect: r } = this.resolveRect();
    guardWrite(sheet);
    const whole = axis === "row" ? r.left === 1 && r.right === MAX_COLS : r.top === 1 && r.bottom === MAX_ROWS;
    if (!whole) {
      throw new FakeRichApiError("InvalidOperation", "The fake Excel only inserts and deletes whole rows or whole columns.");
    }
    const at = axis === "row" ? r.top : r.left;
    const count = axis === "row" ? r.bottom - r.top + 1 : r.right - r.left + 1;
    this.ctx.host.store.structural(sheet, kind, axis, at, count);
  }

  select(): void {
    this.call(0, () => {
      const { sheet, rect: r } = this.resolveRect();
      const store = this.ctx.host.store;
      if (sheet.visibility !== "Visible") throw new FakeRichApiError("InvalidOperation", "Cannot select on a hidden worksheet.");
      store.activeSheetId = sheet.id;
      store.selection = { sheetId: sheet.id, areas: [r] };
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.derive((r) => rect(r.top + row, r.left + column, r.top + row, r.left + column));
  }

  getEntireColumn(): FakeRange {
    return this.derive((r) => rect(1, r.left, MAX_ROWS, r.right));
  }

  getEntireRow(): FakeRange {
    return this.derive((r) => rect(r.top, 1, r.bottom, MAX_COLS));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derive((r) => rect(r.top, r.left, r.bottom + deltaRows, r.right + deltaColumns));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derive((r) => rect(r.top + rowOffset, r.left + columnOffset, r.bottom + rowOffset, r.right + columnOffset));
  }

  private derive(f: (r: Rect) => Rect): FakeRange {
    return new FakeRange(this.ctx, () => {
      const { sheet, rect: r } = this.resolveRect();
      const n = f(r);
      if (!inGrid(n)) throw new FakeRichApiError("InvalidArgument", "The range is outside the grid.");
      return { sheet, rect: n };
    });
  }

  /**
   * ExcelApi 1.9. When the destination is an exact multiple of the source in rows and columns the
   * source is repeated to fill it (OfficeDev/office-js #2674); otherwise it is pasted once at the
   * top-left, expanding the destination. Relative references move like any paste (shiftFormula).
   */
  copyFrom(source: FakeRange | string, copyType: "All" | "Formulas" | "Values" | "Formats" = "All", skipBlanks = false, transpose = false): void {
    this.call(jsonBytes(typeof source === "string" ? source : "") + 16, () => {
      this.ctx.require("1.9", "Range.copyFrom");
      if (transpose) throw new FakeRichApiError("InvalidOperation", "transpose is not modelled by the fake.");
      const dest = this.resolveRect();
      let src: Resolved;
      if (typeof source === "string") {
        const p = parseQualified(source);
        if (!p) throw new FakeRichApiError("InvalidArgument", `Bad address '${source}'.`);
        src = { sheet: p.sheet ? this.ctx.host.store.mustSheet(p.sheet) : dest.sheet, rect: p.rect };
      } else {
        src = source.resolveRect();
      }
      guardWrite(dest.sheet);
      const store = this.ctx.host.store;
      const sr = src.rect.bottom - src.rect.top + 1;
      const sc = src.rect.right - src.rect.left + 1;
      const dr = dest.rect.bottom - dest.rect.top + 1;
      const dc = dest.rect.right - dest.rect.left + 1;
      const tile = dr % sr === 0 && dc % sc === 0;
      const rows = tile ? dr : sr;
      const cols = tile ? dc : sc;
      if (!inGrid(rect(dest.rect.top, dest.rect.left, dest.rect.top + rows - 1, dest.rect.left + cols - 1))) {
        throw new FakeRichApiError("InvalidArgument", "The paste does not fit on the sheet.");
      }
      const sourceCells = new Map<number, ReturnType<FakeWorkbookStore["cell"]>>();
      for (let i = 0; i < sr; i++) for (let j = 0; j < sc; j++) sourceCells.set(i * sc + j, store.cell(src.sheet, src.rect.top + i, src.rect.left + j));
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
          const si = i % sr;
          const sj = j % sc;
          const c = sourceCells.get(si * sc + sj);
          const row = dest.rect.top + i;
          const col = dest.rect.left + j;
          if (skipBlanks && (!c || (c.value === undefined && c.formula === undefined))) continue;
          if (copyType === "All" || copyType === "Formulas" || copyType === "Values") {
            if (c?.formula !== undefined && copyType !== "Values") {
              const moved = shiftFormula(c.formula.slice(1), row - (src.rect.top + si), col - (src.rect.left + sj));
              store.writeStored(dest.sheet, row, col, { kind: "formula", formula: `=${moved}` });
            } else if (c?.formula !== undefined) {
              store.writeStored(dest.sheet, row, col, { kind: "value", value: "#CALC!", error: true });
            } else if (c?.value !== undefined) {
              store.writeStored(dest.sheet, row, col, { kind: "value", value: c.value, error: c.error, quotePrefix: c.quotePrefix });
            } else {
              store.writeStored(dest.sheet, row, col, { kind: "empty" });
            }
          }
          if (copyType === "All" || copyType === "Formats") {
            store.setNumberFormat(dest.sheet, row, col, c?.numberFormat ?? GENERAL);
            store.setFormat(dest.sheet, row, col, { ...DEFAULT_FORMAT, ...(c?.format ?? {}) });
          }
        }
      }
    });
  }
}

/** What `values` reports for a cell. The fake does not calculate: a formula cell reads as #CALC!. */
function cellValue(c: ReturnType<FakeWorkbookStore["cell"]>): unknown {
  if (!c) return "";
  if (c.formula !== undefined) return "#CALC!";
  return c.value ?? "";
}

function valueType(c: ReturnType<FakeWorkbookStore["cell"]>): string {
  if (!c || (c.value === undefined && c.formula === undefined)) return "Empty";
  if (c.formula !== undefined || c.error) return "Error";
  if (typeof c.value === "number") return "Double";
  if (typeof c.value === "boolean") return "Boolean";
  return "String";
}

function* range(a: number, b: number): Generator<number> {
  for (let i = a; i <= b; i++) yield i;
}

function guardWrite(s: FakeSheet): void {
  if (s.protected) throw new FakeRichApiError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet ('${s.name}').`);
}

export class FakeRangeAreas extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly resolver: () => { sheet: FakeSheet; areas: Rect[] },
  ) {
    super(ctx);
  }
  protected scalarProps(): readonly string[] {
    return ["address", "areaCount"];
  }
  protected readProp(name: string): unknown {
    const { sheet, areas } = this.resolver();
    if (name === "address") return areas.map((a) => qualifiedAddress(sheet.name, a)).join(",");
    if (name === "areaCount") return areas.length;
    throw new FakeRichApiError("InvalidArgument", `RangeAreas has no property '${name}'.`);
  }
  get address(): string {
    return this.read("address");
  }
  select(): void {
    this.call(0, () => {
      const { sheet, areas } = this.resolver();
      const store = this.ctx.host.store;
      store.activeSheetId = sheet.id;
      store.selection = { sheetId: sheet.id, areas };
    });
  }
}

// ---- formats ---------------------------------------------------------------------------------

/** Reads a format property over a range: the common value, or null when cells differ (Excel). */
function common<T>(store: FakeWorkbookStore, sheet: FakeSheet, r: Rect, f: (fmt: CellFormat) => T): T | null {
  let first = true;
  let value: T | null = null;
  for (let row = r.top; row <= r.bottom; row++) {
    for (let col = r.left; col <= r.right; col++) {
      const v = f({ ...DEFAULT_FORMAT, ...(store.cell(sheet, row, col)?.format ?? {}) });
      if (first) {
        value = v;
        first = false;
      } else if (v !== value) return null;
    }
  }
  return value;
}

export class FakeRangeFormat extends ClientObject {
  readonly fill: FakeFill;
  readonly font: FakeFont;

  constructor(
    ctx: FakeRequestContext,
    readonly range: FakeRange,
  ) {
    super(ctx);
    this.fill = new FakeFill(ctx, this);
    this.font = new FakeFont(ctx, this);
  }

  protected scalarProps(): readonly string[] {
    return ["columnWidth", "rowHeight", "wrapText", "verticalAlignment", "horizontalAlignment"];
  }

  protected override child(name: string): ClientObject | undefined {
    if (name === "fill") return this.fill;
    if (name === "font") return this.font;
    return undefined;
  }

  protected readProp(name: string): unknown {
    const { sheet, rect: r } = this.range.resolveRect();
    const store = this.ctx.host.store;
    switch (name) {
      case "columnWidth": {
        const ws = [...range(r.left, r.right)].map((c) => sheet.colWidths.get(c) ?? STANDARD_WIDTH);
        return ws.every((w) => w === ws[0]) ? ws[0] : null;
      }
      case "rowHeight": {
        const hs = [...range(r.top, Math.min(r.bottom, r.top + 10_000))].map((c) => sheet.rowHeights.get(c) ?? STANDARD_HEIGHT);
        return hs.every((h) => h === hs[0]) ? hs[0] : null;
      }
      case "wrapText":
        return common(store, sheet, r, (f) => f.wrap);
      case "verticalAlignment":
        return common(store, sheet, r, (f) => f.vAlign);
      case "horizontalAlignment":
        return common(store, sheet, r, (f) => f.hAlign);
      default:
        throw new FakeRichApiError("InvalidArgument", `RangeFormat has no property '${name}'.`);
    }
  }

  applyFormat(patch: CellFormat): void {
    const { sheet, rect: r } = this.range.resolveRect();
    guardWrite(sheet);
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) this.ctx.host.store.setFormat(sheet, row, col, patch);
  }

  get columnWidth(): number {
    return this.read("columnWidth");
  }
  set columnWidth(v: number) {
    this.set("columnWidth", v, () => {
      const { sheet, rect: r } = this.range.resolveRect();
      for (const c of range(r.left, r.right)) {
        if (v === STANDARD_WIDTH) sheet.colWidths.delete(c);
        else sheet.colWidths.set(c, v);
      }
    });
  }
  get rowHeight(): number {
    return this.read("rowHeight");
  }
  set rowHeight(v: number) {
    this.set("rowHeight", v, () => {
      const { sheet, rect: r } = this.range.resolveRect();
      for (const c of range(r.top, r.bottom)) {
        if (v === STANDARD_HEIGHT) sheet.rowHeights.delete(c);
        else sheet.rowHeights.set(c, v);
      }
    });
  }
  get wrapText(): boolean {
    return this.read("wrapText");
  }
  set wrapText(v: boolean) {
    this.set("wrapText", v, () => this.applyFormat({ wrap: v }));
  }
  get verticalAlignment(): string {
    return this.read("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this.set("verticalAlignment", v, () => this.applyFormat({ vAlign: v }));
  }
  get horizontalAlignment(): string {
    return this.read("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this.set("horizontalAlignment", v, () => this.applyFormat({ hAlign: v }));
  }
  autofitColumns(): void {
    this.call(0, () => undefined);
  }
}

export class FakeFill extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly format: FakeRangeFormat,
  ) {
    super(ctx);
  }
  protected scalarProps(): readonly string[] {
    return ["color"];
  }
  protected readProp(name: string): unknown {
    if (name !== "color") throw new FakeRichApiError("InvalidArgument", `RangeFill has no property '${name}'.`);
    const { sheet, rect: r } = this.format.range.resolveRect();
    const c = common(this.ctx.host.store, sheet, r, (f) => f.fill);
    // No fill reads as white, as in Excel.
    return c === "" ? "#FFFFFF" : c;
  }
  get color(): string {
    return this.read("color");
  }
  set color(v: string) {
    this.set("color", v, () => this.format.applyFormat({ fill: normalizeColor(v) }));
  }
  clear(): void {
    this.call(0, () => this.format.applyFormat({ fill: "" }));
  }
}

export class FakeFont extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly format: FakeRangeFormat,
  ) {
    super(ctx);
  }
  protected scalarProps(): readonly string[] {
    return ["bold", "italic", "color", "size", "name"];
  }
  protected readProp(name: string): unknown {
    const { sheet, rect: r } = this.format.range.resolveRect();
    const store = this.ctx.host.store;
    switch (name) {
      case "bold":
        return common(store, sheet, r, (f) => f.bold);
      case "italic":
        return common(store, sheet, r, (f) => f.italic);
      case "color":
        return common(store, sheet, r, (f) => f.color);
      case "size":
        return common(store, sheet, r, (f) => f.size);
      case "name":
        return common(store, sheet, r, (f) => f.fontName);
      default:
        throw new FakeRichApiError("InvalidArgument", `RangeFont has no property '${name}'.`);
    }
  }
  get bold(): boolean {
    return this.read("bold");
  }
  set bold(v: boolean) {
    this.set("bold", v, () => this.format.applyFormat({ bold: v }));
  }
  get italic(): boolean {
    return this.read("italic");
  }
  set italic(v: boolean) {
    this.set("italic", v, () => this.format.applyFormat({ italic: v }));
  }
  get color(): string {
    return this.read("color");
  }
  set color(v: string) {
    this.set("color", v, () => this.format.applyFormat({ color: normalizeColor(v) }));
  }
  get size(): number {
    return this.read("size");
  }
  set size(v: number) {
    this.set("size", v, () => this.format.applyFormat({ size: v }));
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.set("name", v, () => this.format.applyFormat({ fontName: v }));
  }
}

function normalizeColor(v: string): string {
  if (v === "") return "";
  const hex = /^#?([0-9a-f]{6})$/i.exec(v);
  if (hex) return `#${hex[1].toUpperCase()}`;
  const named: Record<string, string> = { white: "#FFFFFF", black: "#000000", yellow: "#FFFF00", red: "#FF0000" };
  const n = named[v.toLowerCase()];
  if (!n) throw new FakeRichApiError("InvalidArgument", `Bad color '${v}'.`);
  return n;
}

// ---- conditional formats and validation -------------------------------------------------------

export class FakeConditionalFormatCollection extends ClientObject {
  private itemsState: FakeConditionalFormat[] | null = null;

  constructor(
    ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }

  protected scalarProps(): readonly string[] {
    return ["items"];
  }
  protected readProp(name: string): unknown {
    throw new FakeRichApiError("InvalidArgument", `ConditionalFormatCollection has no property '${name}'.`);
  }
  override loadNow(): Delivery {
    this.ctx.require("1.6", "conditionalFormats");
    const { sheet, rect: r } = this.range.resolveRect();
    const items = this.ctx.host.store.conditionalFormatsIn(sheet, r).map((cf) => ({ ...cf, areas: [...cf.areas] }));
    return { bytes: jsonBytes(items), deliver: () => (this.itemsState = items) };
  }
  /** Plain snapshots of the rules (type, formula, areas) after load + sync. */
  get items(): FakeConditionalFormat[] {
    if (!this.itemsState) throw notLoaded("items");
    return this.itemsState;
  }

  add(type: string): FakeConditionalFormatProxy {
    const proxy = new FakeConditionalFormatProxy(this.ctx);
    this.call(jsonBytes(type), () => {
      this.ctx.require("1.6", "conditionalFormats.add");
      const { sheet, rect: r } = this.range.resolveRect();
      guardWrite(sheet);
      proxy.target = this.ctx.host.store.addConditionalFormat(sheet, r, type);
    });
    return proxy;
  }

  clearAll(): void {
    this.call(0, () => {
      this.ctx.require("1.6", "conditionalFormats.clearAll");
      const { sheet, rect: r } = this.range.resolveRect();
      guardWrite(sheet);
      this.ctx.host.store.clearConditionalFormats(sheet, r);
    });
  }

  getCount(): FakeClientResult<number> {
    const out = new FakeClientResult<number>();
    this.call(0, () => {
      const { sheet, rect: r } = this.range.resolveRect();
      return out.delivery(this.ctx.host.store.conditionalFormatsIn(sheet, r).length);
    });
    return out;
  }
}

/** A custom (formula) conditional format: `custom.rule.formula`, `custom.format.fill/font`. */
export class FakeConditionalFormatProxy extends ClientObject {
  target: FakeConditionalFormat | null = null;
  readonly custom: {
    readonly rule: { formula: string };
    readonly format: { readonly fill: { color: string }; readonly font: { color: string; bold: boolean; italic: boolean } };
  };

  constructor(ctx: FakeRequestContext) {
    super(ctx);
    const self = this;
    const setter = (apply: (cf: FakeConditionalFormat, v: unknown) => void) => (v: unknown) =>
      self.ctx.enqueue({
        bytes: jsonBytes(v),
        run: () => {
          if (!self.target) throw new FakeRichApiError("ItemNotFound", "The conditional format does not exist.");
          apply(self.target, v);
        },
      });
    const unreadable = () => {
      throw notLoaded("custom");
    };
    const setFormula = setter((cf, v) => (cf.formula = String(v)));
    const setFill = setter((cf, v) => (cf.fill = normalizeColor(String(v))));
    const setFont = setter((cf, v) => (cf.fontColor = normalizeColor(String(v))));
    const setBold = setter((cf, v) => (cf.bold = Boolean(v)));
    const setItalic = setter((cf, v) => (cf.italic = Boolean(v)));
    this.custom = {
      rule: Object.defineProperty({} as { formula: string }, "formula", { get: unreadable, set: setFormula }),
      format: {
        fill: Object.defineProperty({} as { color: string }, "color", { get: unreadable, set: setFill }),
        font: Object.defineProperties({} as { color: string; bold: boolean; italic: boolean }, {
          color: { get: unreadable, set: setFont },
          bold: { get: unreadable, set: setBold },
          italic: { get: unreadable, set: setItalic },
        }),
      },
    };
  }

  protected scalarProps(): readonly string[] {
    return ["priority", "stopIfTrue", "type"];
  }
  protected readProp(name: string): unknown {
    if (!this.target) throw new FakeRichApiError("ItemNotFound", "The conditional format does not exist.");
    if (name === "priority") return this.target.priority;
    if (name === "stopIfTrue") return this.target.stopIfTrue;
    if (name === "type") return this.target.type;
    throw new FakeRichApiError("InvalidArgument", `ConditionalFormat has no property '${name}'.`);
  }
  set priority(v: number) {
    this.set("priority", v, () => {
      if (!this.target) throw new FakeRichApiError("ItemNotFound", "The conditional format does not exist.");
      this.target.priority = v;
    });
  }
  set stopIfTrue(v: boolean) {
    this.set("stopIfTrue", v, () => {
      if (!this.target) throw new FakeRichApiError("ItemNotFound", "The conditional format does not exist.");
      this.target.stopIfTrue = v;
    });
  }
}

export class FakeDataValidation extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  protected scalarProps(): readonly string[] {
    return ["rule", "type", "ignoreBlanks"];
  }
  protected readProp(name: string): unknown {
    const { sheet, rect: r } = this.range.resolveRect();
    const v = sheet.validations.find((x) => x.areas.some((a) => a.top <= r.top && a.bottom >= r.bottom && a.left <= r.left && a.right >= r.right));
    if (name === "rule") return v?.rule ?? {};
    if (name === "type") return v ? Object.keys(v.rule as object)[0] ?? "None" : "None";
    if (name === "ignoreBlanks") return v?.ignoreBlanks ?? true;
    throw new FakeRichApiError("InvalidArgument", `DataValidation has no property '${name}'.`);
  }
  get rule(): unknown {
    return this.read("rule");
  }
  set rule(v: unknown) {
    this.set("rule", v, () => {
      const { sheet, rect: r } = this.range.resolveRect();
      guardWrite(sheet);
      // Excel refuses a second rule over cells that already have one: clear() first.
      if (sheet.validations.some((x) => x.areas.some((a) => a.top <= r.bottom && a.bottom >= r.top && a.left <= r.right && a.right >= r.left))) {
        throw new FakeRichApiError("InvalidOperation", "The range already has a data validation rule; clear it first.");
      }
      sheet.validations.push({ areas: [r], rule: structuredClone(v), ignoreBlanks: true });
    });
  }
  set errorAlert(v: unknown) {
    this.set("errorAlert", v, () => {
      const { sheet, rect: r } = this.range.resolveRect();
      const x = sheet.validations.find((d) => d.areas.some((a) => a.top === r.top && a.left === r.left));
      if (x) x.errorAlert = structuredClone(v);
    });
  }
  set ignoreBlanks(v: boolean) {
    this.set("ignoreBlanks", v, () => {
      const { sheet, rect: r } = this.range.resolveRect();
      const x = sheet.validations.find((d) => d.areas.some((a) => a.top === r.top && a.left === r.left));
      if (x) x.ignoreBlanks = v;
    });
  }
  clear(): void {
    this.call(0, () => {
      const { sheet, rect: r } = this.range.resolveRect();
      guardWrite(sheet);
      this.ctx.host.store.clearValidation(sheet, r);
    });
  }
}

// ---- names and settings ------------------------------------------------------------------------

export class FakeNamedItemCollection extends ClientObject {
  private itemsState: FakeNamedItem[] | null = null;
  protected scalarProps(): readonly string[] {
    return ["items"];
  }
  protected readProp(name: string): unknown {
    throw new FakeRichApiError("InvalidArgument", `NamedItemCollection has no property '${name}'.`);
  }
  get items(): FakeNamedItem[] {
    if (!this.itemsState) throw notLoaded("items");
    return this.itemsState;
  }
  override loadNow(paths: LoadPaths): Delivery {
    const names = [...this.ctx.host.store.names.keys()];
    const items = names.map((n) => new FakeNamedItem(this.ctx, n));
    const ds = items.map((i) => i.loadNow(paths.filter((p) => p !== "items").map((p) => p.replace(/^items\//, "")).concat(["name", "formula"])));
    return { bytes: ds.reduce((n, d) => n + d.bytes, 0), deliver: () => (ds.forEach((d) => d.deliver()), (this.itemsState = items)) };
  }
  add(name: string, reference: FakeRange | string, comment = ""): FakeNamedItem {
    const item = new FakeNamedItem(this.ctx, name.toLowerCase());
    this.call(jsonBytes(typeof reference === "string" ? reference : "") + jsonBytes(name), () => {
      const store = this.ctx.host.store;
      if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) throw new FakeRichApiError("InvalidArgument", `Bad name '${name}'.`);
      if (store.names.has(name.toLowerCase())) throw new FakeRichApiError("ItemAlreadyExists", `The name '${name}' already exists.`);
      let formula: string;
      if (typeof reference === "string") formula = reference.startsWith("=") ? reference : `=${reference}`;
      else {
        const r = reference.resolveRect();
        formula = `=${qualifiedAddress(r.sheet.name, r.rect, true)}`;
      }
      store.names.set(name.toLowerCase(), { name, formula, comment, visible: true });
    });
    return item;
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, name.toLowerCase());
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    const item = new FakeNamedItem(this.ctx, name.toLowerCase(), true);
    this.ctx.registerNullable(item);
    return item;
  }
}

export class FakeNamedItem extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly key: string,
    private readonly nullable = false,
  ) {
    super(ctx);
  }
  private target() {
    const n = this.ctx.host.store.names.get(this.key);
    if (!n && !this.nullable) throw new FakeRichApiError("ItemNotFound", `The name '${this.key}' does not exist.`);
    return n ?? null;
  }
  protected override exists(): boolean {
    return this.ctx.host.store.names.has(this.key);
  }
  protected scalarProps(): readonly string[] {
    return ["name", "formula", "type", "visible", "comment"];
  }
  protected readProp(name: string): unknown {
    const n = this.target();
    if (!n) return null;
    switch (name) {
      case "name":
        return n.name;
      case "formula":
        return n.formula;
      case "type":
        return "Range";
      case "visible":
        return n.visible;
      case "comment":
        return n.comment;
      default:
        throw new FakeRichApiError("InvalidArgument", `NamedItem has no property '${name}'.`);
    }
  }
  get name(): string {
    return this.read("name");
  }
  get formula(): string {
    return this.read("formula");
  }
  set visible(v: boolean) {
    this.set("visible", v, () => {
      const n = this.target();
      if (n) n.visible = v;
    });
  }
  delete(): void {
    this.call(0, () => {
      if (!this.target()) return;
      this.ctx.host.store.names.delete(this.key);
    });
  }
}

export class FakeSettingCollection extends ClientObject {
  private itemsState: FakeSetting[] | null = null;
  protected scalarProps(): readonly string[] {
    return ["items"];
  }
  protected readProp(name: string): unknown {
    throw new FakeRichApiError("InvalidArgument", `SettingCollection has no property '${name}'.`);
  }
  get items(): FakeSetting[] {
    if (!this.itemsState) throw notLoaded("items");
    return this.itemsState;
  }
  override loadNow(): Delivery {
    this.ctx.require("1.4", "workbook.settings");
    const items = [...this.ctx.host.store.settings.keys()].map((k) => new FakeSetting(this.ctx, k));
    const ds = items.map((i) => i.loadNow(["key", "value"]));
    return { bytes: ds.reduce((n, d) => n + d.bytes, 0), deliver: () => (ds.forEach((d) => d.deliver()), (this.itemsState = items)) };
  }
  add(key: string, value: unknown): FakeSetting {
    this.call(jsonBytes(key) + jsonBytes(value), () => {
      this.ctx.require("1.4", "workbook.settings");
      // Settings are JSON: what comes back is what JSON makes of it.
      this.ctx.host.store.settings.set(key, JSON.parse(JSON.stringify(value)));
    });
    return new FakeSetting(this.ctx, key);
  }
  getItem(key: string): FakeSetting {
    return new FakeSetting(this.ctx, key);
  }
  getItemOrNullObject(key: string): FakeSetting {
    const s = new FakeSetting(this.ctx, key, true);
    this.ctx.registerNullable(s);
    return s;
  }
}

export class FakeSetting extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly settingKey: string,
    private readonly nullable = false,
  ) {
    super(ctx);
  }
  protected override exists(): boolean {
    return this.ctx.host.store.settings.has(this.settingKey);
  }
  protected scalarProps(): readonly string[] {
    return ["key", "value"];
  }
  protected readProp(name: string): unknown {
    const store = this.ctx.host.store;
    if (!store.settings.has(this.settingKey)) {
      if (this.nullable) return null;
      throw new FakeRichApiError("ItemNotFound", `The setting '${this.settingKey}' does not exist.`);
    }
    if (name === "key") return this.settingKey;
    if (name === "value") return store.settings.get(this.settingKey);
    throw new FakeRichApiError("InvalidArgument", `Setting has no property '${name}'.`);
  }
  get key(): string {
    return this.read("key");
  }
  get value(): unknown {
    return this.read("value");
  }
  set value(v: unknown) {
    this.set("value", v, () => this.ctx.host.store.settings.set(this.settingKey, JSON.parse(JSON.stringify(v))));
  }
  delete(): void {
    this.call(0, () => void this.ctx.host.store.settings.delete(this.settingKey));
  }
}
