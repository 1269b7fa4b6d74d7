/**
 * Conditional formats: Excel.ConditionalFormatCollection, Excel.ConditionalFormat and the custom
 * (formula) rule with its format — Excel.CustomConditionalFormat, Excel.ConditionalFormatRule,
 * Excel.ConditionalRangeFormat, Excel.ConditionalRangeFill, Excel.ConditionalRangeFont
 * (learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection and the pages
 * linked from it; docs/excel/excel-add-ins-conditional-formatting.md). All ExcelApi 1.6.
 *
 * A new rule goes on top (priority 0) and the others move down; `clearAll` removes rules from the
 * cleared cells only (a rule over more keeps the rest of its cells).
 */
import { Gate } from "./api-sets";
import { ClientObject, FakeClientResult } from "./client-object";
import { Delivery, FakeRequestContext, jsonBytes } from "./context";
import { FakeRichApiError, guardWrite, notLoaded } from "./errors";
import { normalizeColor } from "./format";
import type { FakeRange } from "./range";
import { FakeConditionalFormat } from "./store";

export class FakeConditionalFormatCollection extends ClientObject {
  private itemsState: FakeConditionalFormat[] | null = null;

  constructor(
    ctx: FakeRequestContext,
    private readonly owner: FakeRange,
    origin: readonly Gate[],
  ) {
    super(ctx, "ConditionalFormatCollection", origin);
  }

  protected scalarProps(): readonly string[] {
    return ["items"];
  }
  protected readProp(name: string): unknown {
    throw new FakeRichApiError("InvalidArgument", `ConditionalFormatCollection has no property '${name}'.`);
  }
  override loadNow(): Delivery {
    this.ctx.requireMembers(this.origin);
    const { sheet, rect: r } = this.owner.resolveRect();
    const items = this.ctx.host.store.conditionalFormatsIn(sheet, r).map((cf) => ({ ...cf, areas: [...cf.areas] }));
    return { bytes: jsonBytes(items), deliver: () => (this.itemsState = items) };
  }
  /** Plain snapshots of the rules (type, formula, areas) after load + sync. */
  get items(): FakeConditionalFormat[] {
    if (!this.itemsState) throw notLoaded("items");
    return this.itemsState;
  }

  add(type: string): FakeConditionalFormatProxy {
    const proxy = new FakeConditionalFormatProxy(this.ctx, this.via("add"));
    this.call("add", jsonBytes(type), () => {
      const { sheet, rect: r } = this.owner.resolveRect();
      guardWrite(sheet);
      proxy.target = this.ctx.host.store.addConditionalFormat(sheet, r, type);
    });
    return proxy;
  }

  clearAll(): void {
    this.call("clearAll", 0, () => {
      const { sheet, rect: r } = this.owner.resolveRect();
      guardWrite(sheet);
      this.ctx.host.store.clearConditionalFormats(sheet, r);
    });
  }

  getCount(): FakeClientResult<number> {
    const out = new FakeClientResult<number>();
    this.call("getCount", 0, () => {
      const { sheet, rect: r } = this.owner.resolveRect();
      return out.delivery(this.ctx.host.store.conditionalFormatsIn(sheet, r).length);
    });
    return out;
  }
}

/** A rule's part that is set through a chain of navigation properties (custom.format.fill.color). */
abstract class RulePart extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    officeClass: string,
    protected readonly cf: FakeConditionalFormatProxy,
    origin: readonly Gate[],
  ) {
    super(ctx, officeClass, origin);
  }
  protected scalarProps(): readonly string[] {
    return [];
  }
  protected readProp(name: string): unknown {
    throw new FakeRichApiError("InvalidArgument", `${this.officeClass}.${name} is not readable in the fake.`);
  }
  protected setOnRule(name: string, v: unknown, apply: (cf: FakeConditionalFormat) => void): void {
    this.set(name, v, () => apply(this.cf.mustTarget()));
  }
}

export class FakeConditionalFormatProxy extends ClientObject {
  target: FakeConditionalFormat | null = null;
  readonly custom: FakeCustomConditionalFormat;

  constructor(ctx: FakeRequestContext, origin: readonly Gate[]) {
    super(ctx, "ConditionalFormat", origin);
    this.custom = new FakeCustomConditionalFormat(ctx, this, this.via("custom", "get"));
  }

  mustTarget(): FakeConditionalFormat {
    if (!this.target) throw new FakeRichApiError("ItemNotFound", "The conditional format does not exist.");
    return this.target;
  }

  protected scalarProps(): readonly string[] {
    return ["priority", "stopIfTrue", "type"];
  }
  protected readProp(name: string): unknown {
    const t = this.mustTarget();
    if (name === "priority") return t.priority;
    if (name === "stopIfTrue") return t.stopIfTrue;
    if (name === "type") return t.type;
    throw new FakeRichApiError("InvalidArgument", `ConditionalFormat has no property '${name}'.`);
  }
  set priority(v: number) {
    this.set("priority", v, () => (this.mustTarget().priority = v));
  }
  set stopIfTrue(v: boolean) {
    this.set("stopIfTrue", v, () => (this.mustTarget().stopIfTrue = v));
  }
}

export class FakeCustomConditionalFormat extends RulePart {
  readonly rule: FakeConditionalFormatRule;
  readonly format: FakeConditionalRangeFormat;
  constructor(ctx: FakeRequestContext, cf: FakeConditionalFormatProxy, origin: readonly Gate[]) {
    super(ctx, "CustomConditionalFormat", cf, origin);
    this.rule = new FakeConditionalFormatRule(ctx, cf, this.via("rule", "get"));
    this.format = new FakeConditionalRangeFormat(ctx, cf, this.via("format", "get"));
  }
}

export class FakeConditionalFormatRule extends RulePart {
  constructor(ctx: FakeRequestContext, cf: FakeConditionalFormatProxy, origin: readonly Gate[]) {
    super(ctx, "ConditionalFormatRule", cf, origin);
  }
  set formula(v: string) {
    this.setOnRule("formula", v, (cf) => (cf.formula = String(v)));
  }
}

export class FakeConditionalRangeFormat extends RulePart {
  readonly fill: FakeConditionalRangeFill;
  readonly font: FakeConditionalRangeFont;
  constructor(ctx: FakeRequestContext, cf: FakeConditionalFormatProxy, origin: readonly Gate[]) {
    super(ctx, "ConditionalRangeFormat", cf, origin);
    this.fill = new FakeConditionalRangeFill(ctx, cf, this.via("fill", "get"));
    this.font = new FakeConditionalRangeFont(ctx, cf, this.via("font", "get"));
  }
}

export class FakeConditionalRangeFill extends RulePart {
  constructor(ctx: FakeRequestContext, cf: FakeConditionalFormatProxy, origin: readonly Gate[]) {
    super(ctx, "ConditionalRangeFill", cf, origin);
  }
  set color(v: string) {
    this.setOnRule("color", v, (cf) => (cf.fill = normalizeColor(String(v))));
  }
}

export class FakeConditionalRangeFont extends RulePart {
  constructor(ctx: FakeRequestContext, cf: FakeConditionalFormatProxy, origin: readonly Gate[]) {
    super(ctx, "ConditionalRangeFont", cf, origin);
  }
  set color(v: string) {
    this.setOnRule("color", v, (cf) => (cf.fontColor = normalizeColor(String(v))));
  }
  set bold(v: boolean) {
    this.setOnRule("bold", v, (cf) => (cf.bold = Boolean(v)));
  }
  set italic(v: boolean) {
    this.setOnRule("italic", v, (cf) => (cf.italic = Boolean(v)));
  }
}
