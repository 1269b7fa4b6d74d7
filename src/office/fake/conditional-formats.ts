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
import { FakeConditionalFormat, FakeDataBar, FakeDataBarRule } from "./store";

/** Excel.ConditionalFormatType. */
const CF_TYPES = ["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"];

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
      if (!CF_TYPES.includes(type)) throw new FakeRichApiError("InvalidArgument", `'${type}' is not a ConditionalFormatType.`);
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
  readonly dataBar: FakeDataBarConditionalFormat;

  constructor(ctx: FakeRequestContext, origin: readonly Gate[]) {
    super(ctx, "ConditionalFormat", origin);
    this.custom = new FakeCustomConditionalFormat(ctx, this, this.via("custom", "get"));
    this.dataBar = new FakeDataBarConditionalFormat(ctx, this, this.via("dataBar", "get"));
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

/**
 * Excel.DataBarConditionalFormat (learn.microsoft.com/javascript/api/excel/excel.databarconditionalformat):
 * only a rule added as "DataBar" has one ("The conditional format is not of type DataBar" otherwise).
 * Bounds are Excel.ConditionalDataBarRule: a type of Excel.ConditionalFormatRuleType, and a
 * formula ("=…" or a number) for the types that take one.
 */
const RULE_TYPES = ["Invalid", "Automatic", "LowestValue", "HighestValue", "Number", "Percent", "Formula", "Percentile"];
const WITH_FORMULA = ["Number", "Percent", "Formula", "Percentile"];

abstract class DataBarPart extends RulePart {
  /** `check` refuses a bad value before anything is stored. */
  protected setOnBar(name: string, v: unknown, apply: (bar: FakeDataBar) => void, check?: () => void): void {
    this.setOnRule(name, v, (cf) => {
      if (cf.type !== "DataBar") throw new FakeRichApiError("InvalidArgument", "The conditional format is not of type DataBar.");
      check?.();
      apply((cf.dataBar ??= {}));
    });
  }
}

function dataBarRule(v: unknown): FakeDataBarRule {
  const r = v as { type?: unknown; formula?: unknown } | null;
  const type = typeof r?.type === "string" ? r.type : "";
  if (!RULE_TYPES.includes(type)) throw new FakeRichApiError("InvalidArgument", `'${type}' is not a ConditionalFormatRuleType.`);
  if (WITH_FORMULA.includes(type) && (typeof r?.formula !== "string" || r.formula === "")) {
    throw new FakeRichApiError("InvalidArgument", `A ${type} bound needs a formula.`);
  }
  return WITH_FORMULA.includes(type) ? { type, formula: String(r!.formula) } : { type };
}

export class FakeDataBarConditionalFormat extends DataBarPart {
  readonly positiveFormat: FakeConditionalDataBarPositiveFormat;
  constructor(ctx: FakeRequestContext, cf: FakeConditionalFormatProxy, origin: readonly Gate[]) {
    super(ctx, "DataBarConditionalFormat", cf, origin);
    this.positiveFormat = new FakeConditionalDataBarPositiveFormat(ctx, cf, this.via("positiveFormat", "get"));
  }
  set lowerBoundRule(v: { type: string; formula?: string }) {
    this.setOnBar("lowerBoundRule", v, (bar) => (bar.lowerBoundRule = dataBarRule(v)), () => dataBarRule(v));
  }
  set upperBoundRule(v: { type: string; formula?: string }) {
    this.setOnBar("upperBoundRule", v, (bar) => (bar.upperBoundRule = dataBarRule(v)), () => dataBarRule(v));
  }
  set barDirection(v: string) {
    this.setOnBar("barDirection", v, (bar) => (bar.barDirection = v), () => {
      if (!["Context", "LeftToRight", "RightToLeft"].includes(v)) throw new FakeRichApiError("InvalidArgument", `'${v}' is not a ConditionalDataBarDirection.`);
    });
  }
  set showDataBarOnly(v: boolean) {
    this.setOnBar("showDataBarOnly", v, (bar) => (bar.showDataBarOnly = Boolean(v)));
  }
}

export class FakeConditionalDataBarPositiveFormat extends DataBarPart {
  constructor(ctx: FakeRequestContext, cf: FakeConditionalFormatProxy, origin: readonly Gate[]) {
    super(ctx, "ConditionalDataBarPositiveFormat", cf, origin);
  }
  set fillColor(v: string) {
    this.setOnBar("fillColor", v, (bar) => (bar.fillColor = normalizeColor(String(v))));
  }
  set gradientFill(v: boolean) {
    this.setOnBar("gradientFill", v, (bar) => (bar.gradientFill = Boolean(v)));
  }
}
