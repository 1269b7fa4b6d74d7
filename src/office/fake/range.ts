/**
 * Ranges: Excel.Range and Excel.RangeAreas (learn.microsoft.com/javascript/api/excel/excel.range,
 * excel.rangeareas).
 *
 * - `values`, `formulas` and `formulasR1C1` take a 2-D array the shape of the range; a null entry
 *   leaves its cell unchanged (docs/excel/excel-add-ins-blank-null-values.md). What is stored is
 *   what typing the text would store (input.ts), within Excel's limits (store.ts).
 * - `formulasR1C1` is read and written in R1C1 notation relative to each cell; Excel keeps the
 *   formula once and shows it in A1 through `formulas`.
 * - `copyFrom` repeats a source over a destination that is an exact multiple of it
 *   (OfficeDev/office-js #2674), else pastes it once at the top-left; relative references move
 *   as in any paste: the formula keeps its R1C1 text, and a reference pushed off the sheet
 *   becomes #REF!.
 * - `hyperlink` (ExcelApi 1.7; excel.range#excel-excel-range-hyperlink-member and
 *   excel.rangehyperlink): setting it links every cell of the range and puts `textToDisplay`
 *   in the top-left one ("the string that is displayed in the top left most cell in the
 *   range"), as text; reading it gives the top-left cell's link, or null when it has none (the
 *   reference does not say what an unlinked cell gives). A link survives writes of values and
 *   formulas and clear("Contents"); clear("All"), clear("Hyperlinks") and
 *   clear("RemoveHyperlinks") (ExcelApi 1.7, excel.clearapplyto) take it away.
 * - Reading more than 5,000,000 cells of one range fails (RangeExceedsLimit); a 2026 docs change
 *   says `values` may also come back null past the limit (office-js-docs-pr #5821).
 */
import { fromR1C1, toR1C1 } from "../../layout/a1";
import { MAX_COLS, MAX_ROWS, Rect, inGrid, parseQualified, qualifiedAddress, rect, rectAddress } from "../rects";
import { Gate } from "./api-sets";
import { ClientObject, span } from "./client-object";
import { FakeRequestContext, jsonBytes } from "./context";
import { FakeConditionalFormatCollection } from "./conditional-formats";
import { FakeDataValidation } from "./data-validation";
import { FakeRichApiError, guardWrite } from "./errors";
import { FakeRangeFormat } from "./format";
import { Stored, interpretInput } from "./input";
import { CellRec, DEFAULT_FORMAT, FakeSheet, GENERAL } from "./store";

export interface Resolved {
  readonly sheet: FakeSheet;
  readonly rect: Rect;
}

type RangeResolver = () => Resolved | null;

const ARRAY_PROPS = new Set(["values", "formulas", "numberFormat", "valueTypes", "text", "formulasLocal", "numberFormatLocal", "formulasR1C1"]);

/** What `values` reports for a cell. The fake does not calculate: a formula cell reads as #CALC!. */
function cellValue(c: CellRec | undefined): unknown {
  if (!c) return "";
  if (c.formula !== undefined) return "#CALC!";
  return c.value ?? "";
}

function valueType(c: CellRec | undefined): string {
  if (!c || (c.value === undefined && c.formula === undefined)) return "Empty";
  if (c.formula !== undefined || c.error) return "Error";
  if (typeof c.value === "number") return "Double";
  if (typeof c.value === "boolean") return "Boolean";
  return "String";
}

export class FakeRange extends ClientObject {
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: FakeConditionalFormatCollection;
  readonly dataValidation: FakeDataValidation;
  private bound: Resolved | null = null;

  constructor(
    ctx: FakeRequestContext,
    private readonly resolver: RangeResolver,
    origin: readonly Gate[],
  ) {
    super(ctx, "Range", origin);
    this.format = new FakeRangeFormat(ctx, this, this.via("format", "get"));
    this.conditionalFormats = new FakeConditionalFormatCollection(ctx, this, this.via("conditionalFormats", "get"));
    this.dataValidation = new FakeDataValidation(ctx, this, this.via("dataValidation", "get"));
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
      case "formulasR1C1":
        return grid((row, col) => {
          const c = store.cell(sheet, row, col);
          return c?.formula !== undefined ? `=${toR1C1(c.formula.slice(1), row, col)}` : cellValue(c);
        });
      case "numberFormat":
      case "numberFormatLocal":
        return grid((row, col) => store.cell(sheet, row, col)?.numberFormat ?? GENERAL);
      case "valueTypes":
        return grid((row, col) => valueType(store.cell(sheet, row, col)));
      case "hyperlink": {
        const c = store.cell(sheet, r.top, r.left);
        if (!c?.hyperlink) return null;
        return { ...c.hyperlink, textToDisplay: String(cellValue(c)) };
      }
      case "columnHidden": {
        const hidden = [...span(r.left, r.right)].map((c) => sheet.colHidden.has(c));
        return hidden.every(Boolean) ? true : hidden.some(Boolean) ? null : false;
      }
      case "rowHidden": {
        const hidden = [...span(r.top, r.bottom)].map((c) => sheet.rowHidden.has(c));
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
    this.writeArray("values", v, (x) => interpretInput(x, this.ctx.host.store.currentYear));
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(v: unknown[][]) {
    this.writeArray("formulas", v, (x) => interpretInput(x, this.ctx.host.store.currentYear));
  }
  get formulasR1C1(): unknown[][] {
    return this.read("formulasR1C1");
  }
  set formulasR1C1(v: unknown[][]) {
    this.writeArray("formulasR1C1", v, (x, row, col) => {
      const st = interpretInput(x, this.ctx.host.store.currentYear);
      if (st.kind !== "formula") return st;
      const a1 = fromR1C1(st.formula.slice(1), row, col);
      return { kind: "formula", formula: `=${a1}` };
    });
  }
  get hyperlink(): Excel.RangeHyperlink | null {
    return this.read("hyperlink");
  }
  set hyperlink(v: Excel.RangeHyperlink) {
    this.set("hyperlink", v, () => {
      const { sheet, rect: r } = this.resolveRect();
      guardWrite(sheet);
      if (!v || (typeof v.address !== "string" && typeof v.documentReference !== "string")) {
        throw new FakeRichApiError("InvalidArgument", "A hyperlink needs an address or a documentReference.");
      }
      const store = this.ctx.host.store;
      const link = {
        ...(v.address !== undefined ? { address: v.address } : {}),
        ...(v.documentReference !== undefined ? { documentReference: v.documentReference } : {}),
        ...(v.screenTip !== undefined ? { screenTip: v.screenTip } : {}),
      };
      if (typeof v.textToDisplay === "string") {
        store.writeArea(sheet, rect(r.top, r.left, r.top, r.left), () => (v.textToDisplay === "" ? { kind: "empty" } : { kind: "value", value: v.textToDisplay! }));
      }
      store.setHyperlinks(sheet, r, link);
    });
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.set("numberFormat", v, () => {
      const { sheet, rect: r } = this.checkShape("numberFormat", v);
      for (let i = 0; i <= r.bottom - r.top; i++) {
        for (let j = 0; j <= r.right - r.left; j++) {
          const x = v[i][j];
          if (x !== null) this.ctx.host.store.setNumberFormat(sheet, r.top + i, r.left + j, String(x));
        }
      }
    });
  }
  get columnHidden(): boolean {
    return this.read("columnHidden");
  }
  set columnHidden(v: boolean) {
    this.set("columnHidden", v, () => {
      const { sheet, rect: r } = this.resolveRect();
      for (const c of span(r.left, r.right)) {
        if (v) sheet.colHidden.add(c);
        else sheet.colHidden.delete(c);
      }
    });
  }
  get rowHidden(): boolean {
    return this.read("rowHidden");
  }
  set rowHidden(v: boolean) {
    this.set("rowHidden", v, () => {
      const { sheet, rect: r } = this.resolveRect();
      for (const c of span(r.top, r.bottom)) {
        if (v) sheet.rowHidden.add(c);
        else sheet.rowHidden.delete(c);
      }
    });
  }

  private checkShape(name: string, v: unknown[][]): Resolved {
    const resolved = this.resolveRect();
    const r = resolved.rect;
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    if (!Array.isArray(v) || v.length !== rows || v.some((line) => !Array.isArray(line) || line.length !== cols)) {
      throw new FakeRichApiError(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rectAddress(r)}, ${name}).`,
      );
    }
    guardWrite(resolved.sheet);
    return resolved;
  }

  /** A 2-D array whose shape must match the range; null entries leave their cell unchanged. */
  private writeArray(name: string, v: unknown[][], stored: (x: unknown, row: number, col: number) => Stored): void {
    this.set(name, v, () => {
      const { sheet, rect: r } = this.checkShape(name, v);
      this.ctx.host.store.writeArea(sheet, r, (row, col) => {
        const x = v[row - r.top][col - r.left];
        return x === null ? null : stored(x, row, col);
      });
    });
  }

  clear(applyTo: "All" | "Contents" | "Formats" | "Hyperlinks" | "RemoveHyperlinks" = "All"): void {
    this.call("clear", jsonBytes(applyTo), () => {
      const { sheet, rect: r } = this.resolveRect();
      guardWrite(sheet);
      const store = this.ctx.host.store;
      if (applyTo === "All" || applyTo === "Contents" || applyTo === "Formats") store.clear(sheet, r, applyTo);
      if (applyTo === "Hyperlinks") store.setHyperlinks(sheet, r, null);
      if (applyTo === "RemoveHyperlinks") {
        store.setHyperlinks(sheet, r, null);
        store.clear(sheet, r, "Formats");
      }
    });
  }

  /** Only whole rows or whole columns move other cells in the fake. */
  delete(shift: "Up" | "Left"): void {
    this.call("delete", 0, () => this.structural("delete", shift === "Up" ? "row" : "col"));
  }

  insert(shift: "Down" | "Right"): FakeRange {
    this.call("insert", 0, () => this.structural("insert", shift === "Down" ? "row" : "col"));
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
    this.call("select", 0, () => {
      const { sheet, rect: r } = this.resolveRect();
      const store = this.ctx.host.store;
      if (sheet.visibility !== "Visible") throw new FakeRichApiError("InvalidOperation", "Cannot select on a hidden worksheet.");
      store.activeSheetId = sheet.id;
      store.selection = { sheetId: sheet.id, areas: [r] };
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.derive("getCell", (r) => rect(r.top + row, r.left + column, r.top + row, r.left + column));
  }

  getEntireColumn(): FakeRange {
    return this.derive("getEntireColumn", (r) => rect(1, r.left, MAX_ROWS, r.right));
  }

  getEntireRow(): FakeRange {
    return this.derive("getEntireRow", (r) => rect(r.top, 1, r.bottom, MAX_COLS));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derive("getResizedRange", (r) => rect(r.top, r.left, r.bottom + deltaRows, r.right + deltaColumns));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derive("getOffsetRange", (r) => rect(r.top + rowOffset, r.left + columnOffset, r.bottom + rowOffset, r.right + columnOffset));
  }

  getRowsBelow(count = 1): FakeRange {
    return this.derive("getRowsBelow", (r) => rect(r.bottom + 1, r.left, r.bottom + count, r.right));
  }

  getColumnsAfter(count = 1): FakeRange {
    return this.derive("getColumnsAfter", (r) => rect(r.top, r.right + 1, r.bottom, r.right + count));
  }

  private derive(member: string, f: (r: Rect) => Rect): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const { sheet, rect: r } = this.resolveRect();
        const n = f(r);
        if (!inGrid(n)) throw new FakeRichApiError("InvalidArgument", "The range is outside the grid.");
        return { sheet, rect: n };
      },
      this.via(member),
    );
  }

  copyFrom(source: FakeRange | string, copyType: "All" | "Formulas" | "Values" | "Formats" = "All", skipBlanks = false, transpose = false): void {
    this.call("copyFrom", jsonBytes(typeof source === "string" ? source : "") + 16, () => {
      if (transpose) throw new FakeRichApiError("InvalidOperation", "transpose is not modelled by the fake.");
      const dest = this.resolveRect();
      const store = this.ctx.host.store;
      let src: Resolved;
      if (typeof source === "string") {
        const p = parseQualified(source);
        if (!p) throw new FakeRichApiError("InvalidArgument", `Bad address '${source}'.`);
        src = { sheet: p.sheet ? store.mustSheet(p.sheet) : dest.sheet, rect: p.rect };
      } else {
        src = source.resolveRect();
      }
      guardWrite(dest.sheet);
      const sr = src.rect.bottom - src.rect.top + 1;
      const sc = src.rect.right - src.rect.left + 1;
      const dr = dest.rect.bottom - dest.rect.top + 1;
      const dc = dest.rect.right - dest.rect.left + 1;
      const tile = dr % sr === 0 && dc % sc === 0;
      const area = rect(dest.rect.top, dest.rect.left, dest.rect.top + (tile ? dr : sr) - 1, dest.rect.left + (tile ? dc : sc) - 1);
      if (!inGrid(area)) throw new FakeRichApiError("InvalidArgument", "The paste does not fit on the sheet.");
      // The source as it was before the paste (source and destination may overlap).
      const cells: (CellRec | undefined)[] = [];
      for (let i = 0; i < sr; i++) for (let j = 0; j < sc; j++) cells.push(structuredClone(store.cell(src.sheet, src.rect.top + i, src.rect.left + j)));
      // A formula keeps its R1C1 text wherever it goes: worked out once per source cell.
      const r1c1 = cells.map((c, k) => (c?.formula !== undefined ? toR1C1(c.formula.slice(1), src.rect.top + Math.floor(k / sc), src.rect.left + (k % sc)) : null));
      const at = (row: number, col: number) => {
        const k = ((row - area.top) % sr) * sc + ((col - area.left) % sc);
        return { c: cells[k], r1c1: r1c1[k] };
      };
      if (copyType !== "Formats") {
        store.writeArea(dest.sheet, area, (row, col) => {
          const { c, r1c1: text } = at(row, col);
          if (skipBlanks && (!c || (c.value === undefined && c.formula === undefined))) return null;
          if (text !== null) {
            // "Values" pastes what the formula shows; the fake does not calculate.
            if (copyType === "Values") return { kind: "value", value: "#CALC!", error: true };
            return { kind: "formula", formula: `=${fromR1C1(text, row, col)}` };
          }
          if (c?.value !== undefined) return { kind: "value", value: c.value, error: c.error, quotePrefix: c.quotePrefix };
          return { kind: "empty" };
        });
      }
      if (copyType === "All" || copyType === "Formats") {
        for (let row = area.top; row <= area.bottom; row++) {
          for (let col = area.left; col <= area.right; col++) {
            const { c } = at(row, col);
            store.setNumberFormat(dest.sheet, row, col, c?.numberFormat ?? GENERAL);
            store.setFormat(dest.sheet, row, col, { ...DEFAULT_FORMAT, ...(c?.format ?? {}) });
          }
        }
      }
    });
  }
}

export class FakeRangeAreas extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly resolver: () => { sheet: FakeSheet; areas: Rect[] },
    origin: readonly Gate[],
  ) {
    super(ctx, "RangeAreas", origin);
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
  get areaCount(): number {
    return this.read("areaCount");
  }
  select(): void {
    this.call("select", 0, () => {
      const { sheet, areas } = this.resolver();
      const store = this.ctx.host.store;
      if (sheet.visibility !== "Visible") throw new FakeRichApiError("InvalidOperation", "Cannot select on a hidden worksheet.");
      store.activeSheetId = sheet.id;
      store.selection = { sheetId: sheet.id, areas };
    });
  }
}
