/**
 * Tables (ListObjects): Excel.TableCollection, Excel.Table, Excel.TableColumnCollection
 * (learn.microsoft.com/javascript/api/excel/excel.tablecollection, excel.table,
 * excel.tablecolumncollection; docs/excel/excel-add-ins-tables.md). What Excel does to a table
 * when cells around it are written — auto-expansion, calculated columns, header text — is in
 * table-model.ts.
 *
 * - `add(address, true)` makes a table of a range whose first row is its header (Ctrl+T with "My
 *   table has headers"). Without headers Excel inserts a header row and shifts the data down
 *   (TableCollection.add reference); the fake does not model that and refuses.
 * - Tables may not overlap; names are unique in the workbook (tables and defined names).
 * - `resize` (ExcelApi 1.13): "The new range must overlap with the original table range and the
 *   headers (or the top of the table) must be in the same row."
 * - `convertToRange` (ExcelApi 1.2) keeps the cells; `delete` removes the table and its content.
 */
import { Rect, intersect, parseQualified, qualifiedAddress, rect } from "../rects";
import { Gate } from "./api-sets";
import { ClientObject, FakeClientResult } from "./client-object";
import { Delivery, FakeRequestContext, jsonBytes } from "./context";
import { FakeRichApiError, guardWrite, notLoaded } from "./errors";
import { FakeRange } from "./range";
import { FakeSheet } from "./store";
import { FakeTable, bodyRows, columnNames, normalizeHeaders, tablesOn, validTableName } from "./table-model";

export class FakeTableCollection extends ClientObject {
  private itemsState: FakeTableProxy[] | null = null;

  constructor(
    ctx: FakeRequestContext,
    /** The worksheet of `worksheet.tables`; null for `workbook.tables`. */
    private readonly sheet: (() => FakeSheet) | null,
    origin: readonly Gate[],
  ) {
    super(ctx, "TableCollection", origin);
  }

  private list(): FakeTable[] {
    const store = this.ctx.host.store;
    return this.sheet ? tablesOn(store, this.sheet()) : [...store.tables];
  }

  protected scalarProps(): readonly string[] {
    return ["items"];
  }
  protected readProp(name: string): unknown {
    if (name === "count") return this.list().length;
    throw new FakeRichApiError("InvalidArgument", `TableCollection has no property '${name}'.`);
  }
  get items(): FakeTableProxy[] {
    if (!this.itemsState) throw notLoaded("items");
    return this.itemsState;
  }
  get count(): number {
    return this.read("count");
  }
  override loadNow(paths: string[]): Delivery {
    if (paths.length === 1 && paths[0] === "count") return super.loadNow(paths);
    this.ctx.requireMembers(this.origin);
    const itemPaths = paths.flatMap((p) => (p === "items" ? [] : [p.startsWith("items/") ? p.slice(6) : p]));
    const items = this.list().map((t) => new FakeTableProxy(this.ctx, () => t, this.origin));
    const ds = items.map((i) => i.loadNow(itemPaths.length ? itemPaths : ["name", "id", "showHeaders", "showTotals", "style"]));
    return { bytes: ds.reduce((n, d) => n + d.bytes, 0), deliver: () => (ds.forEach((d) => d.deliver()), (this.itemsState = items)) };
  }

  add(address: FakeRange | string, hasHeaders: boolean): FakeTableProxy {
    let created: FakeTable | null = null;
    const proxy = new FakeTableProxy(this.ctx, () => created, this.via("add"));
    this.call("add", jsonBytes(typeof address === "string" ? address : "") + 8, () => {
      const store = this.ctx.host.store;
      let sheet: FakeSheet;
      let r: Rect;
      if (typeof address === "string") {
        const p = parseQualified(address);
        if (!p) throw new FakeRichApiError("InvalidArgument", `The address '${address}' is not valid.`);
        sheet = p.sheet !== null ? store.mustSheet(p.sheet) : this.sheet ? this.sheet() : (() => {
          throw new FakeRichApiError("InvalidArgument", "workbook.tables.add needs a sheet-qualified address.");
        })();
        r = p.rect;
      } else ({ sheet, rect: r } = address.resolveRect());
      if (this.sheet && this.sheet() !== sheet) throw new FakeRichApiError("InvalidArgument", "The range is on another sheet.");
      if (!hasHeaders) throw new FakeRichApiError("InvalidOperation", "The fake does not model tables added without headers (Excel inserts a header row).");
      guardWrite(sheet);
      if (r.bottom - r.top < 1) throw new FakeRichApiError("InvalidArgument", "A table needs a header row and at least one data row.");
      if (tablesOn(store, sheet).some((t) => intersect(t.range, r))) throw new FakeRichApiError("InvalidOperation", "A table can't overlap another table.");
      let name = `Table${store.nextTable++}`;
      while (store.tables.some((t) => t.name.toLowerCase() === name.toLowerCase()) || store.names.has(name.toLowerCase())) name = `Table${store.nextTable++}`;
      created = { id: `{TABLE-${store.nextTable}}`, name, sheetId: sheet.id, range: r, showHeaders: true, showTotals: false, style: "TableStyleMedium2" };
      store.tables.push(created);
      normalizeHeaders(store, sheet, created);
    });
    return proxy;
  }

  getItem(key: string): FakeTableProxy {
    return new FakeTableProxy(this.ctx, () => this.find(key) ?? null, this.via("getItem"));
  }
  getItemOrNullObject(key: string): FakeTableProxy {
    const p = new FakeTableProxy(this.ctx, () => this.find(key) ?? null, this.via("getItemOrNullObject"));
    this.ctx.registerNullable(p);
    return p;
  }
  getCount(): FakeClientResult<number> {
    const r = new FakeClientResult<number>();
    this.call("getCount", 0, () => r.delivery(this.list().length));
    return r;
  }
  private find(key: string): FakeTable | undefined {
    return this.list().find((t) => t.name.toLowerCase() === key.toLowerCase() || t.id === key);
  }
}

export class FakeTableProxy extends ClientObject {
  readonly columns: FakeTableColumnCollection;

  constructor(
    ctx: FakeRequestContext,
    private readonly resolver: () => FakeTable | null,
    origin: readonly Gate[],
  ) {
    super(ctx, "Table", origin);
    this.columns = new FakeTableColumnCollection(ctx, () => this.target(), this.via("columns", "get"));
  }

  target(): FakeTable {
    const t = this.resolver();
    if (!t || !this.ctx.host.store.tables.includes(t)) throw new FakeRichApiError("ItemNotFound", "The table does not exist.");
    return t;
  }
  private sheetOf(t: FakeTable): FakeSheet {
    const s = this.ctx.host.store.sheetById(t.sheetId);
    if (!s) throw new FakeRichApiError("ItemNotFound", "The table's sheet does not exist.");
    return s;
  }
  protected override exists(): boolean {
    const t = this.resolver();
    return Boolean(t && this.ctx.host.store.tables.includes(t));
  }
  protected scalarProps(): readonly string[] {
    return ["name", "id", "showHeaders", "showTotals", "style"];
  }
  protected readProp(name: string): unknown {
    const t = this.target();
    switch (name) {
      case "name":
        return t.name;
      case "id":
        return t.id;
      case "showHeaders":
        return t.showHeaders;
      case "showTotals":
        return t.showTotals;
      case "style":
        return t.style;
      default:
        throw new FakeRichApiError("InvalidArgument", `Table has no property '${name}'.`);
    }
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.set("name", v, () => {
      const store = this.ctx.host.store;
      const t = this.target();
      if (!validTableName(v)) throw new FakeRichApiError("InvalidArgument", `Bad table name '${v}'.`);
      if (store.tables.some((x) => x !== t && x.name.toLowerCase() === v.toLowerCase()) || store.names.has(v.toLowerCase())) {
        throw new FakeRichApiError("ItemAlreadyExists", `The name '${v}' already exists.`);
      }
      t.name = v;
    });
  }
  get id(): string {
    return this.read("id");
  }
  get showHeaders(): boolean {
    return this.read("showHeaders");
  }
  get showTotals(): boolean {
    return this.read("showTotals");
  }
  /** The totals row takes the row below the data (it must be free). */
  set showTotals(v: boolean) {
    this.set("showTotals", v, () => {
      const t = this.target();
      if (t.showTotals === v) return;
      const s = this.sheetOf(t);
      guardWrite(s);
      const store = this.ctx.host.store;
      if (v) {
        const below = rect(t.range.bottom + 1, t.range.left, t.range.bottom + 1, t.range.right);
        if (store.cellsIn(s, below).some(([, , c]) => c.value !== undefined || c.formula !== undefined)) {
          throw new FakeRichApiError("InvalidOperation", "The row below the table is not empty.");
        }
        t.range = rect(t.range.top, t.range.left, t.range.bottom + 1, t.range.right);
        // As Excel adds it: "Total" in the first column, a SUBTOTAL of the last (count, or sum for numbers).
        const last = t.range.right;
        const names = columnNames(store, s, t);
        const numeric = store.cellsIn(s, rect(t.range.top + 1, last, t.range.bottom - 1, last)).some(([, , c]) => typeof c.value === "number");
        store.writeStoredRaw(s, t.range.bottom, t.range.left, { kind: "value", value: "Total" });
        store.writeStoredRaw(s, t.range.bottom, last, { kind: "formula", formula: `=SUBTOTAL(${numeric ? 109 : 103},${t.name}[${names[names.length - 1]}])` });
      } else {
        store.clear(s, rect(t.range.bottom, t.range.left, t.range.bottom, t.range.right), "Contents");
        t.range = rect(t.range.top, t.range.left, t.range.bottom - 1, t.range.right);
      }
      t.showTotals = v;
    });
  }
  get style(): string {
    return this.read("style");
  }

  private part(member: string, f: (t: FakeTable) => Rect | null): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const t = this.target();
        const r = f(t);
        if (!r) throw new FakeRichApiError("ItemNotFound", `The table has no such part (${member}).`);
        return { sheet: this.sheetOf(t), rect: r };
      },
      this.via(member),
    );
  }
  getRange(): FakeRange {
    return this.part("getRange", (t) => t.range);
  }
  getHeaderRowRange(): FakeRange {
    return this.part("getHeaderRowRange", (t) => (t.showHeaders ? rect(t.range.top, t.range.left, t.range.top, t.range.right) : null));
  }
  getDataBodyRange(): FakeRange {
    return this.part("getDataBodyRange", (t) => {
      const b = bodyRows(t);
      return rect(b.top, t.range.left, b.bottom, t.range.right);
    });
  }
  getTotalRowRange(): FakeRange {
    return this.part("getTotalRowRange", (t) => (t.showTotals ? rect(t.range.bottom, t.range.left, t.range.bottom, t.range.right) : null));
  }

  resize(newRange: FakeRange | string): void {
    this.call("resize", jsonBytes(typeof newRange === "string" ? newRange : "") + 8, () => {
      const store = this.ctx.host.store;
      const t = this.target();
      const s = this.sheetOf(t);
      guardWrite(s);
      let r: Rect;
      if (typeof newRange === "string") {
        const p = parseQualified(newRange);
        if (!p) throw new FakeRichApiError("InvalidArgument", `The address '${newRange}' is not valid.`);
        r = p.rect;
      } else {
        const got = newRange.resolveRect();
        if (got.sheet !== s) throw new FakeRichApiError("InvalidArgument", "The new range is on another sheet.");
        r = got.rect;
      }
      if (r.top !== t.range.top || !intersect(r, t.range) || r.bottom - r.top < (t.showTotals ? 2 : 1)) {
        throw new FakeRichApiError("InvalidArgument", `The new range ${qualifiedAddress(s.name, r)} must overlap the table and keep its header row.`);
      }
      if (tablesOn(store, s).some((x) => x !== t && intersect(x.range, r))) throw new FakeRichApiError("InvalidOperation", "A table can't overlap another table.");
      t.range = r;
      normalizeHeaders(store, s, t);
    });
  }

  convertToRange(): FakeRange {
    let range: Rect | null = null;
    let sheet: FakeSheet | null = null;
    this.call("convertToRange", 0, () => {
      const store = this.ctx.host.store;
      const t = this.target();
      sheet = this.sheetOf(t);
      guardWrite(sheet);
      range = t.range;
      store.tables.splice(store.tables.indexOf(t), 1);
    });
    return new FakeRange(this.ctx, () => (sheet && range ? { sheet, rect: range } : null), this.via("convertToRange"));
  }

  delete(): void {
    this.call("delete", 0, () => {
      const store = this.ctx.host.store;
      const t = this.target();
      const s = this.sheetOf(t);
      guardWrite(s);
      store.tables.splice(store.tables.indexOf(t), 1);
      store.clear(s, t.range, "All");
    });
  }
}

export class FakeTableColumnCollection extends ClientObject {
  private itemsState: { readonly name: string }[] | null = null;
  constructor(
    ctx: FakeRequestContext,
    private readonly table: () => FakeTable,
    origin: readonly Gate[],
  ) {
    super(ctx, "TableColumnCollection", origin);
  }
  protected scalarProps(): readonly string[] {
    return ["count"];
  }
  protected readProp(name: string): unknown {
    const t = this.table();
    if (name === "count") return t.range.right - t.range.left + 1;
    throw new FakeRichApiError("InvalidArgument", `TableColumnCollection has no property '${name}'.`);
  }
  get count(): number {
    return this.read("count");
  }
  /** The columns as loaded (the fake gives their names, not TableColumn proxies). */
  get items(): { readonly name: string }[] {
    if (!this.itemsState) throw notLoaded("items");
    return this.itemsState;
  }
  override loadNow(paths: string[]): Delivery {
    if (!paths.some((p) => p === "items" || p.startsWith("items/"))) return super.loadNow(paths);
    this.ctx.requireMembers(this.origin);
    const t = this.table();
    const s = this.ctx.host.store.sheetById(t.sheetId)!;
    const items = columnNames(this.ctx.host.store, s, t).map((name) => ({ name }));
    return { bytes: jsonBytes(items), deliver: () => (this.itemsState = items) };
  }
}
