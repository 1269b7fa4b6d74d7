/**
 * Data validation: Excel.DataValidation (learn.microsoft.com/javascript/api/excel/excel.datavalidation;
 * docs/excel/excel-add-ins-data-validation.md). Every member is ExcelApi 1.8 — Excel 2019 and
 * Mac 16.9–16.16 (ExcelApi 1.7) have none of it, so reaching `Range.dataValidation` there fails.
 *
 * Excel refuses a second rule over cells that already have one: `clear()` first.
 */
import { Gate } from "./api-sets";
import { ClientObject } from "./client-object";
import { FakeRequestContext } from "./context";
import { FakeRichApiError, guardWrite } from "./errors";
import type { FakeRange } from "./range";

export class FakeDataValidation extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly owner: FakeRange,
    origin: readonly Gate[],
  ) {
    super(ctx, "DataValidation", origin);
  }
  protected scalarProps(): readonly string[] {
    return ["rule", "type", "ignoreBlanks"];
  }
  protected readProp(name: string): unknown {
    const { sheet, rect: r } = this.owner.resolveRect();
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
      const { sheet, rect: r } = this.owner.resolveRect();
      guardWrite(sheet);
      if (sheet.validations.some((x) => x.areas.some((a) => a.top <= r.bottom && a.bottom >= r.top && a.left <= r.right && a.right >= r.left))) {
        throw new FakeRichApiError("InvalidOperation", "The range already has a data validation rule; clear it first.");
      }
      sheet.validations.push({ areas: [r], rule: structuredClone(v), ignoreBlanks: true });
    });
  }
  set errorAlert(v: unknown) {
    this.set("errorAlert", v, () => {
      const { sheet, rect: r } = this.owner.resolveRect();
      const x = sheet.validations.find((d) => d.areas.some((a) => a.top === r.top && a.left === r.left));
      if (x) x.errorAlert = structuredClone(v);
    });
  }
  set ignoreBlanks(v: boolean) {
    this.set("ignoreBlanks", v, () => {
      const { sheet, rect: r } = this.owner.resolveRect();
      const x = sheet.validations.find((d) => d.areas.some((a) => a.top === r.top && a.left === r.left));
      if (x) x.ignoreBlanks = v;
    });
  }
  clear(): void {
    this.call("clear", 0, () => {
      const { sheet, rect: r } = this.owner.resolveRect();
      guardWrite(sheet);
      this.ctx.host.store.clearValidation(sheet, r);
    });
  }
}
