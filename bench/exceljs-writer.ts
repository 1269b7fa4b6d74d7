/**
 * The command's previous writer (exceljs 4.4's streaming WorkbookWriter, as of commit bc5455f),
 * kept only so that bench/writers.ts can time it beside src/xlsx on the same plan. Not used
 * by the product; docs/DESIGN.md says why it was replaced.
 */
import { Writable } from "stream";
import ExcelJS from "exceljs";
import { Cell, isCellError } from "../src/domain/cells";
import { SheetData } from "../src/domain/workbook";
import { cellAddress, columnLetters, fileFormula, quote, rangeAddress } from "../src/layout/a1";
import { HEADER_FILL, HEADER_FONT, NOTE_FONT, labelsByTone, toneRuleFormula } from "../src/layout/styles";
import { fileText } from "../src/xlsx/text";
import { ColumnSpec, FreeCell, PlanCell, SheetPlan, TONE_COLORS, WorkbookPlan, isFormula } from "../src/layout/types";

export { labelsByTone, toneRuleFormula };

export const DATE_FORMAT = "yyyy-mm-dd";

/**
 * Every cell gets one of these shared style objects, assigned whole and never mutated: exceljs
 * renders a style to XML to find its id unless it has seen the very same object before (a
 * WeakMap in its StylesXform), and cell.numFmt = … would give each cell a fresh object. Per-cell
 * styles made the 10k-customer write take over a minute, most of it in addStyleModel.
 */
const STYLE: Record<"plain" | "header" | "dataHeader" | "date" | "datetime" | "integer" | "title" | "label" | "note", Partial<ExcelJS.Style>> = {
  plain: {},
  header: {
    font: { bold: true, color: { argb: `FF${HEADER_FONT}` } },
    fill: { type: "pattern", pattern: "solid", fgColor: { argb: `FF${HEADER_FILL}` } },
    alignment: { vertical: "middle", wrapText: true },
  },
  dataHeader: { font: { bold: true } },
  date: { numFmt: DATE_FORMAT },
  datetime: { numFmt: "m/d/yyyy h:mm" },
  integer: { numFmt: "0" },
  title: { font: { bold: true, size: 14 } },
  label: { font: { bold: true } },
  note: { font: { italic: true, color: { argb: `FF${NOTE_FONT}` } } },
};

function toExcelValue(c: PlanCell | Cell): ExcelJS.CellValue {
  if (c === null || c === undefined) return null;
  // Links came with the new plan types; the old writer wrote such text as plain text.
  if (typeof c === "object" && "link" in c) return fileText(c.text);
  if (typeof c === "object") {
    if (isCellError(c as Cell)) return { error: (c as { error: string }).error } as ExcelJS.CellErrorValue;
    return { formula: fileFormula((c as { f: string }).f) } as ExcelJS.CellFormulaValue;
  }
  return typeof c === "string" ? fileText(c) : c;
}

/** A plan column at its place on the sheet. */
interface Placed {
  readonly col: number;
  readonly spec: ColumnSpec;
  readonly top: number;
  readonly last: number;
  readonly style: Partial<ExcelJS.Style>;
  /** Row 0's formula text when the column is written as one shared formula. */
  readonly shared?: string;
}

function placedColumns(sheet: SheetPlan | undefined): Placed[] {
  const out: Placed[] = [];
  for (const b of sheet?.blocks ?? []) {
    b.columns.forEach((spec, k) => {
      const style = spec.format === "date" ? STYLE.date : spec.format === "integer" ? STYLE.integer : STYLE.plain;
      const first = spec.uniform && b.rows > 1 ? spec.cell(0) : null;
      const shared = first !== null && isFormula(first) ? fileFormula(first.f) : undefined;
      out.push({ col: b.left + k, spec, top: b.top, last: b.top + b.rows, style, shared });
    });
  }
  return out;
}

function writeHeader(cell: ExcelJS.Cell, text: string): void {
  cell.value = fileText(text);
  cell.style = STYLE.header;
}

function writeFreeCell(cell: ExcelJS.Cell, fc: FreeCell): void {
  cell.value = toExcelValue(fc.value);
  cell.style = fc.style ? STYLE[fc.style] : STYLE.plain;
}

/** Validations, conditional formats and filters: range-wide, written after the rows. */
function writeRanges(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  for (const b of plan.blocks) {
    const first = b.top + 1;
    const last = b.top + b.rows;
    b.columns.forEach((spec, k) => {
      const c = b.left + k;
      if (spec.input && b.rows > 0) {
        // exceljs supports range validations but its typings omit the collection.
        (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(rangeAddress(c, first, c, last), {
          type: "list",
          allowBlank: true,
          formulae: [quote(spec.input.join(","))],
          showErrorMessage: true,
          errorStyle: "warning",
          errorTitle: "CSP Reconcile",
          error: `Use one of: ${spec.input.join(", ")}`,
        });
      }
      if (spec.verdictColors && b.rows > 0) {
        const topLeft = `${columnLetters(c)}${first}`;
        let priority = 1;
        const rules = [...labelsByTone()].map(([tone, labels]) => ({
          type: "expression",
          priority: priority++,
          formulae: [toneRuleFormula(topLeft, labels)],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${TONE_COLORS[tone].fill}` } },
            font: { color: { argb: `FF${TONE_COLORS[tone].font}` } },
          },
        })) as ExcelJS.ConditionalFormattingRule[];
        ws.addConditionalFormatting({ ref: rangeAddress(c, first, c, last), rules });
      }
    });
    if (b.autoFilter) ws.autoFilter = rangeAddress(b.left, b.top, b.left + b.columns.length - 1, b.top + Math.max(b.rows, 1));
  }
}

/**
 * One sheet: the input rows as the importer laid them out (values only, text stays text), the
 * plan's blocks beside or instead of them, its free cells, then the range-wide settings.
 */
async function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, plan: SheetPlan | undefined, data: SheetData | undefined, hidden: boolean): Promise<void> {
  const freeze = plan?.freeze ?? (data ? { rows: 1, cols: 0 } : undefined);
  const ws = wb.addWorksheet(name, {
    state: hidden ? "hidden" : "visible",
    views: freeze ? [{ state: "frozen", xSplit: freeze.cols, ySplit: freeze.rows }] : [],
    properties: plan?.tabColor ? { tabColor: { argb: `FF${plan.tabColor}` } } : undefined,
  } as Partial<ExcelJS.AddWorksheetOptions>);
  const placed = placedColumns(plan);
  // A streamed sheet writes <cols> before its first row: widths and hidden columns go first.
  const maxCol = Math.max(0, ...placed.map((p) => p.col));
  if (maxCol > 0) {
    const cols: Partial<ExcelJS.Column>[] = Array.from({ length: maxCol }, () => ({}));
    for (const p of placed) cols[p.col - 1] = { ...(p.spec.width ? { width: p.spec.width } : {}), ...(p.spec.hidden ? { hidden: true } : {}) };
    ws.columns = cols as ExcelJS.Column[];
  }
  const free = new Map<number, FreeCell[]>();
  for (const fc of plan?.cells ?? []) {
    const list = free.get(fc.row);
    if (list) list.push(fc);
    else free.set(fc.row, [fc]);
  }
  const lastRow = Math.max(data?.rows.length ?? 0, ...placed.map((p) => p.last), ...free.keys());
  for (let r = 1; r <= lastRow; r++) {
    const row = ws.getRow(r);
    const cells = data?.rows[r - 1];
    if (cells && cells.length > 0) {
      const style = r === 1 ? STYLE.dataHeader : STYLE.plain;
      cells.forEach((c, i) => {
        const v = toExcelValue(c);
        if (v === null) return;
        const cell = row.getCell(i + 1);
        cell.value = v;
        cell.style = style;
      });
    }
    for (const p of placed) {
      if (r < p.top || r > p.last) continue;
      const cell = row.getCell(p.col);
      if (r === p.top) {
        writeHeader(cell, p.spec.header);
        continue;
      }
      const first = p.top + 1;
      if (p.shared !== undefined) {
        // A shared formula: Excel and LibreOffice store and parse the text once.
        cell.value = (r === first
          ? { formula: p.shared, shareType: "shared", ref: rangeAddress(p.col, first, p.col, p.last) }
          : { sharedFormula: cellAddress(p.col, first) }) as unknown as ExcelJS.CellValue;
      } else {
        cell.value = toExcelValue(p.spec.cell(r - first));
      }
      cell.style = p.style;
    }
    for (const fc of free.get(r) ?? []) writeFreeCell(row.getCell(fc.col), fc);
    row.commit();
    // Committed rows wait in the sheet's stream until the zip takes them: let it, now and then,
    // or a 100k-row sheet sits in memory as XML text.
    if (r % 2000 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  if (plan) writeRanges(ws, plan);
  ws.commit();
}

/**
 * The files carry formulas without cached results, so they ask Excel for a full calculation
 * on load. exceljs's streaming writer hard-codes an empty <calcPr> (exceljs 4.4.0,
 * lib/stream/xlsx/workbook-writer.js addWorkbook), so that one step is done here with the
 * same xform; test/xlsx-writer.test.ts checks the attribute in the written file.
 */
function askFullCalcOnLoad(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const WorkbookXform = require("exceljs/lib/xlsx/xform/book/workbook-xform");
  const w = wb as unknown as {
    zip: { append(x: string, o: { name: string }): void };
    _worksheets: unknown[];
    _definedNames: { model: unknown };
    views: unknown;
    addWorkbook(): Promise<void>;
  };
  w.addWorkbook = async () => {
    const model = { worksheets: w._worksheets.filter(Boolean), definedNames: w._definedNames.model, views: w.views, properties: {}, calcProperties: { fullCalcOnLoad: true } };
    const xform = new WorkbookXform();
    xform.prepare(model);
    w.zip.append(xform.toXml(model), { name: "/xl/workbook.xml" });
  };
}

/**
 * Writes the workbook to a file path or a stream: generated sheets first (Summary on top), then
 * the input sheets with the reconciliation columns beside their data, then hidden helpers.
 */
export async function writeWorkbook(target: string | Writable, inputSheets: readonly SheetData[], plan: WorkbookPlan): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...(typeof target === "string" ? { filename: target } : { stream: target }),
    useSharedStrings: true,
    useStyles: true,
  });
  wb.creator = "csp-reconcile";
  askFullCalcOnLoad(wb);
  const additions = new Map(plan.sheets.filter((s) => s.role === "data").map((s) => [s.name, s]));
  for (const s of plan.sheets) if (s.role === "generated" && s.visible) await writeSheet(wb, s.name, s, undefined, false);
  for (const d of inputSheets) await writeSheet(wb, d.name, additions.get(d.name), d, false);
  for (const s of plan.sheets) if (s.role === "generated" && !s.visible) await writeSheet(wb, s.name, s, undefined, true);
  for (const n of plan.names) (wb as unknown as { definedNames: { add(ref: string, name: string): void } }).definedNames.add(n.ref, n.name);
  await wb.commit();
}
