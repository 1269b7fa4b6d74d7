/**
 * PROTOTYPE (measured in docs/PERFORMANCE.md, not used by the product): the layout plan written
 * with exceljs's streaming WorkbookWriter instead of the in-memory Workbook of src/xlsx/writer.ts.
 * Rows are produced in order and committed, so memory stays bounded and no garbage collection has
 * to walk millions of live cell objects; uniform columns compute their formula text once.
 * It writes the same cells, formulas, formats, widths, validations, conditional formats, views
 * and names as buildWorkbook (bench/compare-writers.ts checks that cell for cell).
 */
import ExcelJS from "exceljs";
import { Cell, isCellError } from "../src/domain/cells";
import { SheetData } from "../src/domain/workbook";
import { TONE_COLORS, ColumnSpec, PlanCell, SheetPlan, WorkbookPlan, isFormula, FreeCell } from "../src/layout/types";
import { cellAddress, columnLetters, fileFormula, quote, rangeAddress } from "../src/layout/a1";
import { DATE_FORMAT, labelsByTone, toneRuleFormula } from "../src/xlsx/writer";

const HEADER_FILL = "FF1F4E79";
const HEADER_FONT = "FFFFFFFF";

function toExcelValue(c: PlanCell | Cell): ExcelJS.CellValue {
  if (c === null || c === undefined) return null;
  if (typeof c === "object") {
    if (isCellError(c as Cell)) return { error: (c as { error: string }).error } as ExcelJS.CellErrorValue;
    return { formula: fileFormula((c as { f: string }).f) } as ExcelJS.CellFormulaValue;
  }
  return c;
}

interface Placed {
  readonly col: number;
  readonly spec: ColumnSpec;
  readonly top: number;
  readonly rows: number;
  readonly numFmt?: string;
  /** Uniform formula columns: the master's formula, computed once. */
  readonly shared: boolean;
}

function placedColumns(sheet: SheetPlan | undefined): Placed[] {
  const out: Placed[] = [];
  for (const b of sheet?.blocks ?? []) {
    b.columns.forEach((spec, k) => {
      const numFmt = spec.format === "date" ? DATE_FORMAT : spec.format === "integer" ? "0" : undefined;
      const shared = Boolean(spec.uniform && b.rows > 1 && isFormula(spec.cell(0)));
      out.push({ col: b.left + k, spec, top: b.top, rows: b.rows, numFmt, shared });
    });
  }
  return out;
}

function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, plan: SheetPlan | undefined, data: SheetData | undefined, hidden: boolean): void {
  const views = plan?.freeze ? [{ state: "frozen" as const, xSplit: plan.freeze.cols, ySplit: plan.freeze.rows }] : data ? [{ state: "frozen" as const, xSplit: 0, ySplit: 1 }] : [];
  const ws = wb.addWorksheet(name, {
    state: hidden ? "hidden" : "visible",
    views,
    properties: plan?.tabColor ? { tabColor: { argb: `FF${plan.tabColor}` } } : undefined,
  } as Partial<ExcelJS.AddWorksheetOptions>);
  const placed = placedColumns(plan);
  // Column widths and hidden columns must precede the first row in a streamed sheet.
  const maxCol = Math.max(0, ...placed.map((p) => p.col));
  if (maxCol > 0) {
    const cols: Partial<ExcelJS.Column>[] = Array.from({ length: maxCol }, () => ({}));
    for (const p of placed) cols[p.col - 1] = { ...(p.spec.width ? { width: p.spec.width } : {}), ...(p.spec.hidden ? { hidden: true } : {}) };
    ws.columns = cols as ExcelJS.Column[];
  }
  const free = new Map<number, FreeCell[]>();
  for (const fc of plan?.cells ?? []) free.set(fc.row, [...(free.get(fc.row) ?? []), fc]);
  const lastRow = Math.max(data?.rows.length ?? 0, ...placed.map((p) => p.top + p.rows), ...[...free.keys()]);
  for (let r = 1; r <= lastRow; r++) {
    const row = ws.getRow(r);
    const cells = data?.rows[r - 1];
    if (cells && cells.length > 0) {
      cells.forEach((c, i) => {
        const v = toExcelValue(c);
        if (v !== null) row.getCell(i + 1).value = v;
      });
      if (r === 1) row.font = { bold: true };
    }
    for (const p of placed) {
      if (r < p.top || r > p.top + p.rows) continue;
      const cell = row.getCell(p.col);
      if (r === p.top) {
        cell.value = p.spec.header;
        cell.font = { bold: true, color: { argb: HEADER_FONT } };
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
        cell.alignment = { vertical: "middle", wrapText: true };
        continue;
      }
      const i = r - p.top - 1;
      const first = p.top + 1;
      if (p.shared) {
        cell.value =
          i === 0
            ? ({ formula: fileFormula((p.spec.cell(0) as { f: string }).f), shareType: "shared", ref: rangeAddress(p.col, first, p.col, p.top + p.rows) } as unknown as ExcelJS.CellValue)
            : ({ sharedFormula: cellAddress(p.col, first) } as unknown as ExcelJS.CellValue);
      } else {
        cell.value = toExcelValue(p.spec.cell(i));
      }
      if (p.numFmt) cell.numFmt = p.numFmt;
    }
    for (const fc of free.get(r) ?? []) {
      const cell = row.getCell(fc.col);
      cell.value = toExcelValue(fc.value);
      if (fc.style === "title") cell.font = { bold: true, size: 14 };
      if (fc.style === "label") cell.font = { bold: true };
      if (fc.style === "note") cell.font = { italic: true, color: { argb: "FF6C757D" } };
      if (fc.style === "date") cell.numFmt = DATE_FORMAT;
    }
    row.commit();
  }
  for (const b of plan?.blocks ?? []) {
    b.columns.forEach((spec, k) => {
      const c = b.left + k;
      const first = b.top + 1;
      const last = b.top + b.rows;
      if (spec.input && b.rows > 0) {
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
  ws.commit();
}

/**
 * exceljs's streaming writer hard-codes an empty <calcPr>; the product's files ask for a full
 * calculation on load (their formulas carry no cached results), so the prototype does too.
 */
function fullCalcOnLoad(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const WorkbookXform = require("exceljs/lib/xlsx/xform/book/workbook-xform");
  const w = wb as unknown as { zip: { append(x: string, o: { name: string }): void }; _worksheets: unknown[]; _definedNames: { model: unknown }; views: unknown; addWorkbook(): Promise<void> };
  w.addWorkbook = async () => {
    const model = { worksheets: w._worksheets.filter(Boolean), definedNames: w._definedNames.model, views: w.views, properties: {}, calcProperties: { fullCalcOnLoad: true } };
    const xform = new WorkbookXform();
    xform.prepare(model);
    w.zip.append(xform.toXml(model), { name: "/xl/workbook.xml" });
  };
}

export async function writeWorkbookStreaming(file: string, inputSheets: readonly SheetData[], plan: WorkbookPlan): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  wb.creator = "csp-reconcile";
  fullCalcOnLoad(wb);
  const additions = new Map(plan.sheets.filter((s) => s.role === "data").map((s) => [s.name, s]));
  for (const s of plan.sheets.filter((x) => x.role === "generated" && x.visible)) writeSheet(wb, s.name, s, undefined, false);
  for (const d of inputSheets) writeSheet(wb, d.name, additions.get(d.name), d, false);
  for (const s of plan.sheets.filter((x) => x.role === "generated" && !x.visible)) writeSheet(wb, s.name, s, undefined, true);
  for (const n of plan.names) (wb as unknown as { definedNames: { add(ref: string, name: string): void } }).definedNames.add(n.ref, n.name);
  await wb.commit();
}
