/**
 * One worksheet part (ECMA-376 Part 1 §18.3), produced row by row into a zip entry: the head
 * (tab colour, frozen panes, column widths), the rows, then the range-wide settings the schema
 * puts after them (filter, conditional formats, dropdowns, hyperlinks).
 *
 * A uniform column is one shared formula (§18.3.1.40): its first data row holds the text and
 * the range it covers, every other row only the share's index — Excel and LibreOffice parse the
 * text once, and the file carries it once. Each row still stores its own cached value.
 */
import { Cell } from "../domain/cells";
import { SheetData } from "../domain/workbook";
import { cellAddress, columnLetters, quote, rangeAddress } from "../layout/a1";
import { labelsByTone, toneRuleFormula } from "../layout/styles";
import { contentWidths } from "../layout/widths";
import { Block, ColumnSpec, FreeCell, PlanValue, SheetPlan, isFormula } from "../layout/types";
import { Hyperlink, formulaCell, formulaXml, hyperlinksXml, planCell, valueCell } from "./cells";
import { SharedStrings } from "./shared-strings";
import { STYLE, columnStyle, freeCellStyle, toneDxf } from "./stylesheet";
import { xmlAttr, xmlText } from "./text";
import { ZipEntryStream } from "./zip";

/** XML is handed to the compressor in pieces of about this many characters. */
const CHUNK = 1 << 18;
/** Width Excel gives a column it shows again after it was hidden with no width of its own. */
const DEFAULT_WIDTH = 9.140625;

export interface SheetToWrite {
  readonly name: string;
  readonly plan: SheetPlan | undefined;
  readonly data: SheetData | undefined;
  readonly hidden: boolean;
  /** The tab that is active when the workbook opens. */
  readonly selected: boolean;
}

/** A plan column at its place on the sheet, with how its rows are written. */
interface Placed {
  readonly col: number;
  readonly letters: string;
  readonly spec: ColumnSpec;
  readonly top: number;
  readonly last: number;
  readonly style: number;
  /** A shared formula: the master's <f> element, the children's, and each row's value. */
  readonly shared?: { readonly master: string; readonly child: string; readonly value?: (i: number) => PlanValue };
}

/** The text of a uniform column's first row, and where each row's value comes from. */
function uniformFormula(spec: ColumnSpec): { formula: string; value?: (i: number) => PlanValue } | null {
  if (!spec.uniform) return null;
  if (spec.formula !== undefined) return { formula: spec.formula, value: spec.value };
  // A plan that marks a column uniform without giving its formula: row 0's cell says it; the
  // values then come from each row's cell, if the plan gives them at all.
  const first = spec.cell(0);
  if (!isFormula(first)) return null;
  return { formula: first.f, value: first.v === undefined ? undefined : (i) => (spec.cell(i) as { v?: PlanValue }).v ?? null };
}

function placedColumns(plan: SheetPlan | undefined): Placed[] {
  const out: Placed[] = [];
  let si = 0;
  for (const b of plan?.blocks ?? []) {
    b.columns.forEach((spec, k) => {
      const col = b.left + k;
      const letters = columnLetters(col);
      const base = { col, letters, spec, top: b.top, last: b.top + b.rows, style: columnStyle(spec, b.heights?.row !== undefined) };
      const u = b.rows > 1 ? uniformFormula(spec) : null;
      if (!u) {
        out.push(base);
        return;
      }
      const ref = `${letters}${b.top + 1}:${letters}${b.top + b.rows}`;
      const master = `<f t="shared" ref="${ref}" si="${si}">${formulaXml(u.formula)}</f>`;
      out.push({ ...base, shared: { master, child: `<f t="shared" si="${si}"/>`, value: u.value } });
      si++;
    });
  }
  return out.sort((a, b) => a.col - b.col);
}

function freeze(s: SheetToWrite): { rows: number; cols: number } | undefined {
  return s.plan?.freeze ?? (s.data ? { rows: 1, cols: 0 } : undefined);
}

function sheetView(s: SheetToWrite): string {
  const f = freeze(s);
  const selected = s.selected ? ' tabSelected="1"' : "";
  if (!f || (f.rows === 0 && f.cols === 0)) return `<sheetViews><sheetView workbookViewId="0"${selected}/></sheetViews>`;
  const topLeft = cellAddress(f.cols + 1, f.rows + 1);
  const pane = f.rows && f.cols ? "bottomRight" : f.rows ? "bottomLeft" : "topRight";
  const split = `${f.cols ? ` xSplit="${f.cols}"` : ""}${f.rows ? ` ySplit="${f.rows}"` : ""}`;
  return (
    `<sheetViews><sheetView workbookViewId="0"${selected}>` +
    `<pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>` +
    "</sheetView></sheetViews>"
  );
}

/** The <cols> element: the plan's widths, and the input data's own widths (layout/widths.ts) where the plan sets none. */
function colsXml(placed: readonly Placed[], dataWidths: readonly number[]): string {
  const byCol = new Map<number, string>();
  for (const p of placed) {
    if (byCol.has(p.col) || (!p.spec.width && !p.spec.hidden)) continue;
    const width = p.spec.width ?? DEFAULT_WIDTH;
    byCol.set(p.col, `<col min="${p.col}" max="${p.col}" width="${width}"${p.spec.width ? ' customWidth="1"' : ""}${p.spec.hidden ? ' hidden="1"' : ""}/>`);
  }
  dataWidths.forEach((w, k) => {
    if (!byCol.has(k + 1)) byCol.set(k + 1, `<col min="${k + 1}" max="${k + 1}" width="${w}" customWidth="1"/>`);
  });
  const cols = [...byCol.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
  return cols.length ? `<cols>${cols.join("")}</cols>` : "";
}

/** The range of the sheet's filter (the last block that asks for one, as Excel has one per sheet). */
export function autoFilterRange(plan: SheetPlan | undefined): [number, number, number, number] | null {
  let range: [number, number, number, number] | null = null;
  for (const b of plan?.blocks ?? []) if (b.autoFilter) range = [b.left, b.top, b.left + b.columns.length - 1, b.top + Math.max(b.rows, 1)];
  return range;
}

function conditionalFormats(blocks: readonly Block[]): string {
  let priority = 1;
  const bars = dataBars(blocks, priority);
  priority += (bars.match(/<cfRule /g) ?? []).length;
  let out = "";
  for (const b of blocks) {
    if (b.rows === 0) continue;
    b.columns.forEach((spec, k) => {
      if (!spec.verdictColors) return;
      const c = b.left + k;
      const topLeft = cellAddress(c, b.top + 1);
      out += `<conditionalFormatting sqref="${rangeAddress(c, b.top + 1, c, b.top + b.rows)}">`;
      for (const [tone, labels] of labelsByTone()) {
        out += `<cfRule type="expression" dxfId="${toneDxf(tone)}" priority="${priority++}"><formula>${xmlText(toneRuleFormula(topLeft, labels))}</formula></cfRule>`;
      }
      out += "</conditionalFormatting>";
    });
  }
  return bars + out;
}

/** Excel's default data bar colour. */
export const DATA_BAR_COLOR = "638EC6";

/**
 * Data bars (§18.3.1.28): from 0 to the plan's maximum, drawn over the whole cell (minLength 0,
 * maxLength 100, where Excel 2007's defaults of 10 and 90 would draw a bar for a count of 0).
 */
function dataBars(blocks: readonly Block[], priority: number): string {
  let out = "";
  for (const b of blocks) {
    if (b.rows === 0) continue;
    b.columns.forEach((spec, k) => {
      if (!spec.dataBar) return;
      const c = b.left + k;
      out +=
        `<conditionalFormatting sqref="${rangeAddress(c, b.top + 1, c, b.top + b.rows)}"><cfRule type="dataBar" priority="${priority++}">` +
        `<dataBar minLength="0" maxLength="100"><cfvo type="num" val="0"/><cfvo type="formula" val="${xmlAttr(spec.dataBar.max)}"/><color rgb="FF${DATA_BAR_COLOR}"/></dataBar>` +
        "</cfRule></conditionalFormatting>";
    });
  }
  return out;
}

/** Heights of the rows that need more than one line, by sheet row. */
function rowHeights(blocks: readonly Block[]): Map<number, number> {
  const out = new Map<number, number>();
  const taller = (row: number, ht: number | undefined) => {
    if (ht !== undefined && ht > (out.get(row) ?? 0)) out.set(row, ht);
  };
  for (const b of blocks) {
    if (!b.heights) continue;
    taller(b.top, b.heights.header);
    const row = b.heights.row;
    if (row) for (let i = 0; i < b.rows; i++) taller(b.top + 1 + i, row(i));
  }
  return out;
}

function dataValidations(blocks: readonly Block[]): string {
  const items: string[] = [];
  for (const b of blocks) {
    if (b.rows === 0) continue;
    b.columns.forEach((spec, k) => {
      if (!spec.input) return;
      const c = b.left + k;
      const error = `Use one of: ${spec.input.join(", ")}`;
      items.push(
        `<dataValidation type="list" errorStyle="warning" allowBlank="1" showErrorMessage="1" errorTitle="CSP Reconcile" error="${xmlAttr(error)}" ` +
          `sqref="${rangeAddress(c, b.top + 1, c, b.top + b.rows)}"><formula1>${xmlText(quote(spec.input.join(",")))}</formula1></dataValidation>`,
      );
    });
  }
  return items.length ? `<dataValidations count="${items.length}">${items.join("")}</dataValidations>` : "";
}

function rowsByNumber(cells: readonly FreeCell[]): Map<number, FreeCell[]> {
  const free = new Map<number, FreeCell[]>();
  for (const fc of cells) {
    const list = free.get(fc.row);
    if (list) list.push(fc);
    else free.set(fc.row, [fc]);
  }
  return free;
}

function widest(data: SheetData | undefined): number {
  let w = 0;
  for (const r of data?.rows ?? []) if (r.length > w) w = r.length;
  return w;
}

/**
 * Writes the sheet into `entry`: the input rows as the importer laid them out (values only,
 * text stays text), the plan's blocks beside or instead of them and its free cells — each
 * later one winning where they meet — then the range-wide settings.
 */
export async function writeSheetXml(entry: ZipEntryStream, s: SheetToWrite, strings: SharedStrings): Promise<void> {
  const { plan, data } = s;
  const placed = placedColumns(plan);
  const free = rowsByNumber(plan?.cells ?? []);
  let lastRow = data?.rows.length ?? 0;
  let maxCol = widest(data);
  for (const p of placed) {
    lastRow = Math.max(lastRow, p.last);
    maxCol = Math.max(maxCol, p.col);
  }
  for (const [r, list] of free) {
    lastRow = Math.max(lastRow, r);
    for (const fc of list) maxCol = Math.max(maxCol, fc.col);
  }
  const tab = plan?.tabColor ? `<sheetPr><tabColor rgb="FF${plan.tabColor}"/></sheetPr>` : "";
  const dimension = lastRow > 0 && maxCol > 0 ? rangeAddress(1, 1, maxCol, lastRow) : "A1";
  let buf =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `${tab}<dimension ref="${dimension}"/>${sheetView(s)}<sheetFormatPr defaultRowHeight="15"/>${colsXml(placed, data ? contentWidths(data.rows) : [])}<sheetData>`;

  const links: Hyperlink[] = [];
  const heights = rowHeights(plan?.blocks ?? []);
  const letters = Array.from({ length: maxCol + 1 }, (_, c) => (c === 0 ? "" : columnLetters(c)));
  const slots: string[] = new Array<string>(maxCol + 1).fill("");
  for (let r = 1; r <= lastRow; r++) {
    const cells: readonly Cell[] | undefined = data?.rows[r - 1];
    if (cells) {
      const style = r === 1 ? STYLE.bold : STYLE.plain;
      for (let i = 0; i < cells.length; i++) if (cells[i] != null) slots[i + 1] = valueCell(letters[i + 1] + r, cells[i], style, strings);
    }
    for (const p of placed) {
      if (r < p.top || r > p.last) continue;
      const ref = p.letters + r;
      if (r === p.top) {
        slots[p.col] = valueCell(ref, p.spec.header, STYLE.header, strings);
        continue;
      }
      const i = r - p.top - 1;
      const sh = p.shared;
      if (sh) slots[p.col] = formulaCell(ref, i === 0 ? sh.master : sh.child, sh.value?.(i), p.style);
      else slots[p.col] = planCell(ref, p.spec.cell(i), p.style, strings, links);
    }
    const fcs = free.get(r);
    if (fcs) for (const fc of fcs) slots[fc.col] = planCell(letters[fc.col] + r, fc.value, freeCellStyle(fc.style), strings, links);
    let row = "";
    for (let c = 1; c <= maxCol; c++) {
      if (slots[c] !== "") {
        row += slots[c];
        slots[c] = "";
      }
    }
    const ht = heights.get(r);
    if (ht !== undefined) buf += `<row r="${r}" ht="${ht}" customHeight="1">${row}</row>`;
    else if (row !== "") buf += `<row r="${r}">${row}</row>`;
    if (buf.length > CHUNK) {
      await entry.write(Buffer.from(buf, "utf8"));
      buf = "";
    }
  }
  buf += "</sheetData>";
  const filter = autoFilterRange(plan);
  if (filter) buf += `<autoFilter ref="${rangeAddress(...filter)}"/>`;
  buf += conditionalFormats(plan?.blocks ?? []) + dataValidations(plan?.blocks ?? []) + hyperlinksXml(links);
  buf += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
  await entry.write(Buffer.from(buf, "utf8"));
}
