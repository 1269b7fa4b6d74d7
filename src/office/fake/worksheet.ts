/**
 * Worksheets: Excel.WorksheetCollection, Excel.Worksheet, Excel.WorksheetProtection,
 * Excel.WorksheetFreezePanes and Excel.AutoFilter (learn.microsoft.com/javascript/api/excel/
 * excel.worksheetcollection, excel.worksheet, excel.worksheetprotection,
 * excel.worksheetfreezepanes, excel.autofilter).
 *
 * - Adding, deleting, renaming, moving, hiding a sheet fails while the workbook's structure is
 *   protected (store.ts; docs/excel/excel-add-ins-workbooks.md "Protect workbook structure").
 * - `standardWidth` is in characters of the Normal style, unlike `RangeFormat.columnWidth` (points).
 * - Protecting a protected sheet, or unprotecting an unprotected one, throws AccessDenied since
 *   June 2026 builds (OfficeDev/office-js #6784).
 */
import { MAX_COLS, MAX_ROWS, inGrid, parseQualified, rect } from "../rects";
import { Gate } from "./api-sets";
import { ClientObject, FakeClientResult } from "./client-object";
import { Delivery, FakeRequestContext, jsonBytes } from "./context";
import { FakeRichApiError, notLoaded } from "./errors";
import { FakeRange, FakeRangeAreas } from "./range";
import { FakeSheet, STANDARD_HEIGHT } from "./store";
import { FakeTableCollection } from "./tables";

/** The longest multi-area address getRanges takes here (office-js #5198: ~8,200 characters failed). */
export const MAX_AREAS_ADDRESS = 8_192;

type SheetResolver = () => FakeSheet | null;

export class FakeWorksheetCollection extends ClientObject {
  private itemsState: FakeWorksheet[] | null = null;

  constructor(ctx: FakeRequestContext, origin: readonly Gate[]) {
    super(ctx, "WorksheetCollection", origin);
  }

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

  override loadNow(paths: string[]): Delivery {
    // `items` has no set of its own: the collection's (its navigation's) applies.
    this.ctx.requireMembers(this.origin);
    const itemPaths = paths.flatMap((p) => (p === "items" ? [] : [p.startsWith("items/") ? p.slice(6) : p]));
    const items = this.ctx.host.store.sheets.map((s) => new FakeWorksheet(this.ctx, () => s, this.origin));
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
    return new FakeWorksheet(this.ctx, () => store.mustSheet(name), this.via("getItem"));
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    const store = this.ctx.host.store;
    const w = new FakeWorksheet(this.ctx, () => store.sheet(name) ?? null, this.via("getItemOrNullObject"));
    this.ctx.registerNullable(w);
    return w;
  }

  getActiveWorksheet(): FakeWorksheet {
    const store = this.ctx.host.store;
    return new FakeWorksheet(this.ctx, () => store.sheetById(store.activeSheetId ?? "") ?? null, this.via("getActiveWorksheet"));
  }

  add(name?: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    const w = new FakeWorksheet(this.ctx, () => created, this.via("add"));
    this.call("add", jsonBytes(name ?? ""), () => {
      created = this.ctx.host.store.addSheet(name);
    });
    return w;
  }

  getCount(): FakeClientResult<number> {
    const r = new FakeClientResult<number>();
    this.call("getCount", 0, () => r.delivery(this.ctx.host.store.sheets.length));
    return r;
  }
}

export class FakeWorksheet extends ClientObject {
  readonly protection: FakeWorksheetProtection;
  readonly freezePanes: FakeFreezePanes;
  readonly autoFilter: FakeAutoFilter;
  readonly tables: FakeTableCollection;
  private bound: FakeSheet | null = null;

  constructor(
    ctx: FakeRequestContext,
    private readonly resolver: SheetResolver,
    origin: readonly Gate[],
  ) {
    super(ctx, "Worksheet", origin);
    this.protection = new FakeWorksheetProtection(ctx, this, this.via("protection", "get"));
    this.freezePanes = new FakeFreezePanes(ctx, this, this.via("freezePanes", "get"));
    this.autoFilter = new FakeAutoFilter(ctx, this, this.via("autoFilter", "get"));
    this.tables = new FakeTableCollection(ctx, () => this.resolve(), this.via("tables", "get"));
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
        return s.standardWidth;
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
      if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden") throw new FakeRichApiError("InvalidArgument", `Bad visibility '${v}'.`);
      this.ctx.host.store.setVisibility(this.resolve(), v);
    });
  }
  get tabColor(): string {
    return this.read("tabColor");
  }
  set tabColor(v: string) {
    this.set("tabColor", v, () => {
      this.resolve().tabColor = v === "" ? null : v;
    });
  }
  /** Characters of the Normal style's font (not points). */
  get standardWidth(): number {
    return this.read("standardWidth");
  }
  set standardWidth(v: number) {
    this.set("standardWidth", v, () => {
      if (!(v >= 0 && v <= 255)) throw new FakeRichApiError("InvalidArgument", `Bad standard width ${v}.`);
      this.resolve().standardWidth = v;
    });
  }
  get standardHeight(): number {
    return this.read("standardHeight");
  }

  delete(): void {
    this.call("delete", 0, () => {
      const s = this.resolve();
      this.ctx.host.store.deleteSheet(s);
    });
  }

  activate(): void {
    this.call("activate", 0, () => {
      const s = this.resolve();
      if (s.visibility !== "Visible") throw new FakeRichApiError("InvalidOperation", "A hidden worksheet cannot be activated.");
      this.ctx.host.store.activeSheetId = s.id;
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const s = this.resolve();
        if (address === undefined || address === "") return { sheet: s, rect: rect(1, 1, MAX_ROWS, MAX_COLS) };
        const p = parseQualified(address);
        if (!p || (p.sheet !== null && p.sheet.toLowerCase() !== s.name.toLowerCase())) {
          throw new FakeRichApiError("InvalidArgument", `The address '${address}' is not valid.`);
        }
        return { sheet: s, rect: p.rect };
      },
      this.via("getRange"),
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const s = this.resolve();
        const r = rect(startRow + 1, startColumn + 1, startRow + rowCount, startColumn + columnCount);
        if (!Number.isInteger(startRow + startColumn + rowCount + columnCount) || rowCount < 1 || columnCount < 1 || !inGrid(r)) {
          throw new FakeRichApiError("InvalidArgument", `getRangeByIndexes(${startRow}, ${startColumn}, ${rowCount}, ${columnCount}) is outside the grid.`);
        }
        return { sheet: s, rect: r };
      },
      this.via("getRangeByIndexes"),
    );
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const r = rect(row + 1, column + 1, row + 1, column + 1);
        if (!inGrid(r)) throw new FakeRichApiError("InvalidArgument", `getCell(${row}, ${column}) is outside the grid.`);
        return { sheet: this.resolve(), rect: r };
      },
      this.via("getCell"),
    );
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const s = this.resolve();
        return { sheet: s, rect: this.ctx.host.store.usedRange(s, valuesOnly) ?? rect(1, 1, 1, 1) };
      },
      this.via("getUsedRange"),
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    const r = new FakeRange(
      this.ctx,
      () => {
        const s = this.resolve();
        const used = this.ctx.host.store.usedRange(s, valuesOnly);
        return used ? { sheet: s, rect: used } : null;
      },
      this.via("getUsedRangeOrNullObject"),
    );
    this.ctx.registerNullable(r);
    return r;
  }

  /** Several areas, "A1:B2,D4" (comma-separated, as en-US). */
  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(
      this.ctx,
      () => {
        const s = this.resolve();
        if (address.length > MAX_AREAS_ADDRESS) throw new FakeRichApiError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
        const areas = address.split(",").map((a) => {
          const p = parseQualified(a);
          if (!p) throw new FakeRichApiError("InvalidArgument", `The address '${address}' is not valid.`);
          return p.rect;
        });
        return { sheet: s, areas };
      },
      this.via("getRanges"),
    );
  }
}

export class FakeWorksheetProtection extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly ws: FakeWorksheet,
    origin: readonly Gate[],
  ) {
    super(ctx, "WorksheetProtection", origin);
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
  protect(_options?: unknown, password?: string): void {
    this.call("protect", 0, () => {
      // The password parameter came with ExcelApi 1.7 ("[Api set: ExcelApi 1.2 for options; 1.7 for password]").
      if (password !== undefined) this.ctx.requireSet("1.7", "WorksheetProtection.protect with a password");
      const s = this.ws.resolve();
      if (s.protected) throw new FakeRichApiError("AccessDenied", "The sheet is already protected.");
      s.protected = true;
    });
  }
  unprotect(_password?: string): void {
    this.call("unprotect", 0, () => {
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
    origin: readonly Gate[],
  ) {
    super(ctx, "WorksheetFreezePanes", origin);
  }
  protected scalarProps(): readonly string[] {
    return [];
  }
  protected readProp(name: string): unknown {
    throw new FakeRichApiError("InvalidArgument", `WorksheetFreezePanes has no property '${name}'.`);
  }
  private freeze(member: string, f: () => { rows: number; cols: number } | null): void {
    this.call(member, 0, () => {
      this.ws.resolve().freeze = f();
    });
  }
  freezeRows(count = 1): void {
    this.freeze("freezeRows", () => ({ rows: count, cols: 0 }));
  }
  freezeColumns(count = 1): void {
    this.freeze("freezeColumns", () => ({ rows: 0, cols: count }));
  }
  freezeAt(frozen: FakeRange | string): void {
    this.freeze("freezeAt", () => {
      const r = typeof frozen === "string" ? parseQualified(frozen)?.rect : frozen.resolveRect().rect;
      if (!r) throw new FakeRichApiError("InvalidArgument", "Bad range.");
      return { rows: r.bottom, cols: r.right };
    });
  }
  unfreeze(): void {
    this.freeze("unfreeze", () => null);
  }
  getLocationOrNullObject(): FakeRange {
    const r = new FakeRange(
      this.ctx,
      () => {
        const s = this.ws.resolve();
        if (!s.freeze) return null;
        return { sheet: s, rect: rect(1, 1, Math.max(1, s.freeze.rows), Math.max(1, s.freeze.cols)) };
      },
      this.via("getLocationOrNullObject"),
    );
    this.ctx.registerNullable(r);
    return r;
  }
}

export class FakeAutoFilter extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly ws: FakeWorksheet,
    origin: readonly Gate[],
  ) {
    super(ctx, "AutoFilter", origin);
  }
  protected scalarProps(): readonly string[] {
    return ["enabled"];
  }
  protected readProp(name: string): unknown {
    if (name === "enabled") return this.ws.resolve().autoFilter !== null;
    throw new FakeRichApiError("InvalidArgument", `AutoFilter has no property '${name}'.`);
  }
  apply(range: FakeRange | string): void {
    this.call("apply", 0, () => {
      const s = this.ws.resolve();
      const r = typeof range === "string" ? parseQualified(range)?.rect : range.resolveRect().rect;
      if (!r) throw new FakeRichApiError("InvalidArgument", "Bad range.");
      s.autoFilter = r;
    });
  }
  remove(): void {
    this.call("remove", 0, () => {
      this.ws.resolve().autoFilter = null;
    });
  }
}
