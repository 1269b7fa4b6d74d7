/**
 * The add-in's settings in the workbook, by two APIs over one store ("per file and add-in"):
 *
 * - Excel.SettingCollection / Excel.Setting (ExcelApi 1.4,
 *   learn.microsoft.com/javascript/api/excel/excel.settingcollection): read and written in the
 *   workbook directly, inside the add-in's requests.
 * - The Common API's Office.context.document.settings (Office.Settings,
 *   learn.microsoft.com/javascript/api/office/office.settings): a copy of the settings taken when
 *   the add-in starts; "The get, set, and remove methods operate only on the in-memory copy of the
 *   settings property bag. If your add-in is closed without calling saveAsync, the changes to
 *   settings during that session are lost" (docs/develop/persisting-add-in-state-and-settings.md),
 *   and saveAsync "persists the in-memory copy" — the whole bag, so a key written through
 *   SettingCollection after start-up is gone again when the copy is saved.
 *
 * Microsoft's docs staff: both "write to the same location", prefer the application-specific
 * SettingCollection (office-js-docs-reference #769). Values are JSON: what comes back is what
 * JSON makes of them.
 */
import { Gate } from "./api-sets";
import { ClientObject } from "./client-object";
import { Delivery, FakeRequestContext, jsonBytes } from "./context";
import { FakeRichApiError, notLoaded } from "./errors";
import type { FakeWorkbookStore } from "./store";

const json = (v: unknown) => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

export class FakeSettingCollection extends ClientObject {
  private itemsState: FakeSetting[] | null = null;
  constructor(ctx: FakeRequestContext, origin: readonly Gate[]) {
    super(ctx, "SettingCollection", origin);
  }
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
    this.ctx.requireMembers(this.origin);
    const items = [...this.ctx.host.store.settings.keys()].map((k) => new FakeSetting(this.ctx, k, false, this.origin));
    const ds = items.map((i) => i.loadNow(["key", "value"]));
    return { bytes: ds.reduce((n, d) => n + d.bytes, 0), deliver: () => (ds.forEach((d) => d.deliver()), (this.itemsState = items)) };
  }
  add(key: string, value: unknown): FakeSetting {
    this.call("add", jsonBytes(key) + jsonBytes(value), () => {
      this.ctx.host.store.settings.set(key, json(value));
    });
    return new FakeSetting(this.ctx, key, false, this.via("add"));
  }
  getItem(key: string): FakeSetting {
    return new FakeSetting(this.ctx, key, false, this.via("getItem"));
  }
  getItemOrNullObject(key: string): FakeSetting {
    const s = new FakeSetting(this.ctx, key, true, this.via("getItemOrNullObject"));
    this.ctx.registerNullable(s);
    return s;
  }
}

export class FakeSetting extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly settingKey: string,
    private readonly nullable: boolean,
    origin: readonly Gate[],
  ) {
    super(ctx, "Setting", origin);
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
    this.set("value", v, () => this.ctx.host.store.settings.set(this.settingKey, json(v)));
  }
  delete(): void {
    this.call("delete", 0, () => void this.ctx.host.store.settings.delete(this.settingKey));
  }
}

export interface AsyncResult {
  readonly status: "succeeded" | "failed";
}

/** Office.context.document.settings: the start-up copy, saved back whole by saveAsync. */
export class FakeCommonSettings {
  private copy: Map<string, unknown>;

  constructor(private readonly store: () => FakeWorkbookStore) {
    this.copy = new Map([...store().settings].map(([k, v]) => [k, json(v)]));
  }

  get(name: string): unknown {
    return this.copy.has(name) ? this.copy.get(name) : null;
  }
  set(name: string, value: unknown): void {
    this.copy.set(name, json(value));
  }
  remove(name: string): void {
    this.copy.delete(name);
  }
  saveAsync(options?: unknown, callback?: (r: AsyncResult) => void): void {
    const cb = typeof options === "function" ? (options as (r: AsyncResult) => void) : callback;
    const target = this.store().settings;
    target.clear();
    for (const [k, v] of this.copy) target.set(k, json(v));
    queueMicrotask(() => cb?.({ status: "succeeded" }));
  }
  refreshAsync(callback?: (r: AsyncResult & { value: unknown }) => void): void {
    this.copy = new Map([...this.store().settings].map(([k, v]) => [k, json(v)]));
    queueMicrotask(() => callback?.({ status: "succeeded", value: this }));
  }
}
