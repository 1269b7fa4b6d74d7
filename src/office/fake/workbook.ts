/**
 * The workbook and the application: Excel.Workbook, Excel.WorkbookProtection, Excel.Application
 * (learn.microsoft.com/javascript/api/excel/excel.workbook, excel.workbookprotection,
 * excel.application).
 *
 * - `protection` (ExcelApi 1.7) is the structure protection of Review → Protect Workbook: while it
 *   is on, no sheet may be added, deleted, renamed, moved, hidden or shown
 *   (docs/excel/excel-add-ins-workbooks.md, "Protect workbook structure").
 * - `suspendApiCalculationUntilNextSync` (ExcelApi 1.6) lasts one request; "Once set, it is the
 *   developer's responsibility to re-calc the workbook, to ensure that any dependencies are
 *   propagated" (Application reference). So content written under it leaves the workbook
 *   uncalculated (`store.calculated`) until `calculate("Full")` or `calculate("FullRebuild")`,
 *   which mark every cell dirty. `calculate("Recalculate")` only recalculates cells Excel
 *   "has marked as dirty" (Excel.CalculationType): whether writes made under the suspension are
 *   marked is not documented, so the fake does not count on it.
 */
import { Gate } from "./api-sets";
import { ClientObject } from "./client-object";
import { FakeRequestContext } from "./context";
import { FakeRichApiError } from "./errors";
import { FakeNamedItemCollection } from "./names";
import { FakeRange } from "./range";
import { FakeSettingCollection } from "./settings";
import { FakeTableCollection } from "./tables";
import { FakeWorksheetCollection } from "./worksheet";
import { rect } from "../rects";

export class FakeWorkbook extends ClientObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly settings: FakeSettingCollection;
  readonly tables: FakeTableCollection;
  readonly protection: FakeWorkbookProtection;
  readonly application: FakeApplication;

  constructor(ctx: FakeRequestContext) {
    super(ctx, "Workbook", []);
    this.worksheets = new FakeWorksheetCollection(ctx, this.via("worksheets", "get"));
    this.names = new FakeNamedItemCollection(ctx, this.via("names", "get"));
    this.settings = new FakeSettingCollection(ctx, this.via("settings", "get"));
    this.tables = new FakeTableCollection(ctx, null, this.via("tables", "get"));
    this.protection = new FakeWorkbookProtection(ctx, this.via("protection", "get"));
    this.application = new FakeApplication(ctx, this.via("application", "get"));
  }

  protected scalarProps(): readonly string[] {
    return ["name"];
  }

  protected override child(name: string): ClientObject | undefined {
    if (name === "protection") return this.protection;
    return undefined;
  }

  protected readProp(name: string): unknown {
    if (name === "name") return "Book1.xlsx";
    throw new FakeRichApiError("InvalidArgument", `Workbook has no property '${name}'.`);
  }

  getSelectedRange(): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const store = this.ctx.host.store;
        const sel = store.selection;
        const sheet = sel ? store.sheetById(sel.sheetId) : store.sheetById(store.activeSheetId ?? "");
        if (!sheet) throw new FakeRichApiError("ItemNotFound", "Nothing is selected.");
        return { sheet, rect: sel?.areas[0] ?? rect(1, 1, 1, 1) };
      },
      this.via("getSelectedRange"),
    );
  }
}

export class FakeWorkbookProtection extends ClientObject {
  constructor(ctx: FakeRequestContext, origin: readonly Gate[]) {
    super(ctx, "WorkbookProtection", origin);
  }
  protected scalarProps(): readonly string[] {
    return ["protected"];
  }
  protected readProp(name: string): unknown {
    if (name === "protected") return this.ctx.host.store.structureProtected;
    throw new FakeRichApiError("InvalidArgument", `WorkbookProtection has no property '${name}'.`);
  }
  get protected(): boolean {
    return this.read("protected");
  }
  protect(_password?: string): void {
    this.call("protect", 0, () => {
      this.ctx.host.store.structureProtected = true;
    });
  }
  unprotect(_password?: string): void {
    this.call("unprotect", 0, () => {
      this.ctx.host.store.structureProtected = false;
    });
  }
}

export class FakeApplication extends ClientObject {
  constructor(ctx: FakeRequestContext, origin: readonly Gate[]) {
    super(ctx, "Application", origin);
  }

  protected scalarProps(): readonly string[] {
    return ["calculationMode"];
  }

  protected readProp(name: string): unknown {
    if (name === "calculationMode") return "Automatic";
    throw new FakeRichApiError("InvalidArgument", `Application has no property '${name}'.`);
  }

  get calculationMode(): string {
    return this.read("calculationMode");
  }

  /** Calculation stays suspended until the next sync only. */
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.markSuspended();
    const gates = this.needs("suspendApiCalculationUntilNextSync", "call");
    this.ctx.enqueue({ bytes: 0, read: true, run: () => this.ctx.requireMembers(gates) });
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.call("suspendScreenUpdatingUntilNextSync", 0, () => undefined);
  }

  calculate(calculationType: string): void {
    this.call("calculate", 16, () => {
      if (calculationType !== "Recalculate" && calculationType !== "Full" && calculationType !== "FullRebuild") {
        throw new FakeRichApiError("InvalidArgument", `Bad calculation type '${calculationType}'.`);
      }
      if (calculationType !== "Recalculate") this.ctx.host.store.calculated = true;
    });
  }
}
