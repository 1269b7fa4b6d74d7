/**
 * Defined names: Excel.NamedItemCollection and Excel.NamedItem
 * (learn.microsoft.com/javascript/api/excel/excel.nameditemcollection, excel.nameditem).
 * A name follows Excel's rules (a letter, _ or \ first; not a cell reference) and is unique,
 * case-insensitively; its formula follows renamed and deleted sheets (store.ts).
 */
import { qualifiedAddress } from "../rects";
import { Gate } from "./api-sets";
import { ClientObject } from "./client-object";
import { Delivery, FakeRequestContext, jsonBytes } from "./context";
import { FakeRichApiError, notLoaded } from "./errors";
import type { FakeRange } from "./range";

export class FakeNamedItemCollection extends ClientObject {
  private itemsState: FakeNamedItem[] | null = null;
  constructor(ctx: FakeRequestContext, origin: readonly Gate[]) {
    super(ctx, "NamedItemCollection", origin);
  }
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
  override loadNow(paths: string[]): Delivery {
    this.ctx.requireMembers(this.origin);
    const names = [...this.ctx.host.store.names.keys()];
    const items = names.map((n) => new FakeNamedItem(this.ctx, n, false, this.origin));
    const ds = items.map((i) => i.loadNow(paths.filter((p) => p !== "items").map((p) => p.replace(/^items\//, "")).concat(["name"])));
    return { bytes: ds.reduce((n, d) => n + d.bytes, 0), deliver: () => (ds.forEach((d) => d.deliver()), (this.itemsState = items)) };
  }
  add(name: string, reference: FakeRange | string, comment = ""): FakeNamedItem {
    const item = new FakeNamedItem(this.ctx, name.toLowerCase(), false, this.via("add"));
    this.call("add", jsonBytes(typeof reference === "string" ? reference : "") + jsonBytes(name), () => {
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
    return new FakeNamedItem(this.ctx, name.toLowerCase(), false, this.via("getItem"));
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    const item = new FakeNamedItem(this.ctx, name.toLowerCase(), true, this.via("getItemOrNullObject"));
    this.ctx.registerNullable(item);
    return item;
  }
}

export class FakeNamedItem extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly key: string,
    private readonly nullable: boolean,
    origin: readonly Gate[],
  ) {
    super(ctx, "NamedItem", origin);
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
    return ["name", "type", "visible", "comment"];
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
    this.call("delete", 0, () => {
      if (!this.target()) return;
      this.ctx.host.store.names.delete(this.key);
    });
  }
}
