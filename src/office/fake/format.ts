/**
 * Cell formats: Excel.RangeFormat, Excel.RangeFill, Excel.RangeFont
 * (learn.microsoft.com/javascript/api/excel/excel.rangeformat, excel.rangefill, excel.rangefont).
 *
 * - A format property read over several cells is their common value, or null when they differ.
 * - `columnWidth` and `rowHeight` are in points (office-js #187); columns not sized have the
 *   sheet's standard width, which Worksheet.standardWidth gives in characters (store.ts converts).
 * - No fill reads as white (#FFFFFF), as in Excel.
 */
import { Rect } from "../rects";
import { Gate } from "./api-sets";
import { ClientObject, span } from "./client-object";
import { FakeRequestContext } from "./context";
import { FakeRichApiError, guardWrite } from "./errors";
import type { FakeRange } from "./range";
import { CellFormat, DEFAULT_FORMAT, FakeSheet, FakeWorkbookStore, STANDARD_HEIGHT } from "./store";

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

export function normalizeColor(v: string): string {
  if (v === "") return "";
  const hex = /^#?([0-9a-f]{6})$/i.exec(v);
  if (hex) return `#${hex[1].toUpperCase()}`;
  const named: Record<string, string> = { white: "#FFFFFF", black: "#000000", yellow: "#FFFF00", red: "#FF0000" };
  const n = named[v.toLowerCase()];
  if (!n) throw new FakeRichApiError("InvalidArgument", `Bad color '${v}'.`);
  return n;
}

export class FakeRangeFormat extends ClientObject {
  readonly fill: FakeFill;
  readonly font: FakeFont;

  constructor(
    ctx: FakeRequestContext,
    readonly owner: FakeRange,
    origin: readonly Gate[],
  ) {
    super(ctx, "RangeFormat", origin);
    this.fill = new FakeFill(ctx, this, this.via("fill", "get"));
    this.font = new FakeFont(ctx, this, this.via("font", "get"));
  }

  protected scalarProps(): readonly string[] {
    return ["columnWidth", "rowHeight", "useStandardHeight", "wrapText", "verticalAlignment", "horizontalAlignment"];
  }

  protected override child(name: string): ClientObject | undefined {
    if (name === "fill") return this.fill;
    if (name === "font") return this.font;
    return undefined;
  }

  protected readProp(name: string): unknown {
    const { sheet, rect: r } = this.owner.resolveRect();
    const store = this.ctx.host.store;
    switch (name) {
      case "columnWidth": {
        const ws = [...span(r.left, r.right)].map((c) => store.columnPoints(sheet, c));
        return ws.every((w) => w === ws[0]) ? ws[0] : null;
      }
      case "rowHeight": {
        const hs = [...span(r.top, Math.min(r.bottom, r.top + 10_000))].map((c) => sheet.rowHeights.get(c) ?? STANDARD_HEIGHT);
        return hs.every((h) => h === hs[0]) ? hs[0] : null;
      }
      case "useStandardHeight": {
        // True when every row has the standard height, false when none has, null for a mix.
        const std = [...span(r.top, Math.min(r.bottom, r.top + 10_000))].map((c) => !sheet.rowHeights.has(c));
        return std.every((x) => x === std[0]) ? std[0] : null;
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
    const { sheet, rect: r } = this.owner.resolveRect();
    guardWrite(sheet);
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) this.ctx.host.store.setFormat(sheet, row, col, patch);
  }

  /** Points. */
  get columnWidth(): number {
    return this.read("columnWidth");
  }
  set columnWidth(v: number) {
    this.set("columnWidth", v, () => {
      const { sheet, rect: r } = this.owner.resolveRect();
      for (const c of span(r.left, r.right)) this.ctx.host.store.setColumnPoints(sheet, c, v);
    });
  }
  get rowHeight(): number {
    return this.read("rowHeight");
  }
  set rowHeight(v: number) {
    this.set("rowHeight", v, () => {
      const { sheet, rect: r } = this.owner.resolveRect();
      for (const c of span(r.top, r.bottom)) {
        if (v === STANDARD_HEIGHT) sheet.rowHeights.delete(c);
        else sheet.rowHeights.set(c, v);
      }
    });
  }
  /**
   * ExcelApi 1.7: true gives the rows the standard height back. "This property is only intended
   * to be set to true. Setting it to false has no effect." (Excel.RangeFormat reference).
   */
  get useStandardHeight(): boolean {
    return this.read("useStandardHeight");
  }
  set useStandardHeight(v: boolean) {
    this.set("useStandardHeight", v, () => {
      if (v !== true) return;
      const { sheet, rect: r } = this.owner.resolveRect();
      for (const c of span(r.top, r.bottom)) sheet.rowHeights.delete(c);
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
    this.call("autofitColumns", 0, () => undefined);
  }
}

export class FakeFill extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly owner: FakeRangeFormat,
    origin: readonly Gate[],
  ) {
    super(ctx, "RangeFill", origin);
  }
  protected scalarProps(): readonly string[] {
    return ["color"];
  }
  protected readProp(name: string): unknown {
    if (name !== "color") throw new FakeRichApiError("InvalidArgument", `RangeFill has no property '${name}'.`);
    const { sheet, rect: r } = this.owner.owner.resolveRect();
    const c = common(this.ctx.host.store, sheet, r, (f) => f.fill);
    return c === "" ? "#FFFFFF" : c;
  }
  get color(): string {
    return this.read("color");
  }
  set color(v: string) {
    this.set("color", v, () => this.owner.applyFormat({ fill: normalizeColor(v) }));
  }
  clear(): void {
    this.call("clear", 0, () => this.owner.applyFormat({ fill: "" }));
  }
}

export class FakeFont extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly owner: FakeRangeFormat,
    origin: readonly Gate[],
  ) {
    super(ctx, "RangeFont", origin);
  }
  protected scalarProps(): readonly string[] {
    return ["bold", "italic", "color", "size", "name", "underline"];
  }
  protected readProp(name: string): unknown {
    const { sheet, rect: r } = this.owner.owner.resolveRect();
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
      case "underline":
        return common(store, sheet, r, (f) => f.underline);
      default:
        throw new FakeRichApiError("InvalidArgument", `RangeFont has no property '${name}'.`);
    }
  }
  get bold(): boolean {
    return this.read("bold");
  }
  set bold(v: boolean) {
    this.set("bold", v, () => this.owner.applyFormat({ bold: v }));
  }
  get italic(): boolean {
    return this.read("italic");
  }
  set italic(v: boolean) {
    this.set("italic", v, () => this.owner.applyFormat({ italic: v }));
  }
  get color(): string {
    return this.read("color");
  }
  set color(v: string) {
    this.set("color", v, () => this.owner.applyFormat({ color: normalizeColor(v) }));
  }
  get size(): number {
    return this.read("size");
  }
  set size(v: number) {
    this.set("size", v, () => this.owner.applyFormat({ size: v }));
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.set("name", v, () => this.owner.applyFormat({ fontName: v }));
  }
  get underline(): string {
    return this.read("underline");
  }
  set underline(v: string) {
    this.set("underline", v, () => {
      if (!UNDERLINES.includes(v)) throw new FakeRichApiError("InvalidArgument", `'${v}' is not a RangeUnderlineStyle.`);
      this.owner.applyFormat({ underline: v });
    });
  }
}

/** Excel.RangeUnderlineStyle. */
const UNDERLINES = ["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"];
