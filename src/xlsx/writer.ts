/**
 * The layout plan written as an .xlsx file with exceljs (the headless command's writer).
 * The task pane's writer (src/office) applies the same plan to the open workbook.
 */
import ExcelJS from "exceljs";
import { Cell, isCellError } from "../domain/cells";
import { SheetData } from "../domain/workbook";
import { cellAddress, columnLetters, fileFormula, quote, rangeAddress } from "../layout/a1";
import { HEADER_FILL, HEADER_FONT, NOTE_FONT, labelsByTone, toneRuleFormula } from "../layout/styles";

export { labelsByTone, toneRuleFormula };
import { Block, ColumnSpec, PlanCell, SheetPlan, TONE_COLORS, WorkbookPlan, isFormula } from "../layout/types";

export const DATE_FORMAT = "yyyy-mm-dd";

function toExcelValue(c: PlanCell | Cell): ExcelJS.CellValue {
  if (c === null || c === undefined) return null;
  if (typeof c === "object") {
    if (isCellError(c as Cell)) return { error: (c as { error: string }).error } as ExcelJS.CellErrorValue;
    return { formula: fileFormula((c as { f: string }).f) } as ExcelJS.CellFormulaValue;
  }
  return c;
}

function writeHeader(ws: ExcelJS.Worksheet, row: number, col: number, text: string): void {
  const cell = ws.getCell(row, col);
  cell.value = text;
  cell.font = { bold: true, color: { argb: `FF${HEADER_FONT}` } };
  cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${HEADER_FILL}` } };
  cell.alignment = { vertical: "middle", wrapText: true };
}

function writeBlock(ws: ExcelJS.Worksheet, block: Block, dataSheet: boolean): void {
  block.columns.forEach((col: ColumnSpec, k: number) => {
    const c = block.left + k;
    writeHeader(ws, block.top, c, col.header);
    const column = ws.getColumn(c);
    // On data sheets the user's own widths win; our columns get a sensible default once.
    if (col.width && (!dataSheet || column.width === undefined)) column.width = col.width;
    if (col.hidden) column.hidden = true;
    const numFmt = col.format === "date" ? DATE_FORMAT : col.format === "integer" ? "0" : undefined;
    const first = block.top + 1;
    const last = block.top + block.rows;
    for (let i = 0; i < block.rows; i++) {
      const row = first + i;
      const cell = ws.getCell(row, c);
      const v = col.cell(i);
      if (col.uniform && block.rows > 1 && isFormula(v)) {
        // A shared formula: Excel and LibreOffice store and parse the text once.
        cell.value =
          i === 0
            ? ({ formula: fileFormula(v.f), shareType: "shared", ref: rangeAddress(c, first, c, last) } as unknown as ExcelJS.CellValue)
            : ({ sharedFormula: cellAddress(c, first) } as unknown as ExcelJS.CellValue);
      } else {
        cell.value = toExcelValue(v);
      }
      if (numFmt) cell.numFmt = numFmt;
    }
    if (col.input && block.rows > 0) {
      // exceljs supports range validations but its typings omit the collection.
      (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(rangeAddress(c, first, c, last), {
        type: "list",
        allowBlank: true,
        formulae: [quote(col.input.join(","))],
        showErrorMessage: true,
        errorStyle: "warning",
        errorTitle: "CSP Reconcile",
        error: `Use one of: ${col.input.join(", ")}`,
      });
    }
    if (col.verdictColors && block.rows > 0) {
      const topLeft = `${columnLetters(c)}${first}`;
      const rules: ExcelJS.ConditionalFormattingRule[] = [];
      let priority = 1;
      for (const [tone, labels] of labelsByTone()) {
        const { fill, font } = TONE_COLORS[tone];
        rules.push({
          type: "expression",
          priority: priority++,
          formulae: [toneRuleFormula(topLeft, labels)],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${fill}` } },
            font: { color: { argb: `FF${font}` } },
          },
        } as ExcelJS.ConditionalFormattingRule);
      }
      ws.addConditionalFormatting({ ref: rangeAddress(c, first, c, last), rules });
    }
  });
  if (block.autoFilter) {
    ws.autoFilter = rangeAddress(block.left, block.top, block.left + block.columns.length - 1, block.top + Math.max(block.rows, 1));
  }
}

function writeSheetPlan(ws: ExcelJS.Worksheet, sheet: SheetPlan): void {
  for (const block of sheet.blocks) writeBlock(ws, block, sheet.role === "data");
  for (const fc of sheet.cells) {
    const cell = ws.getCell(fc.row, fc.col);
    cell.value = toExcelValue(fc.value);
    if (fc.style === "title") cell.font = { bold: true, size: 14 };
    if (fc.style === "label") cell.font = { bold: true };
    if (fc.style === "note") cell.font = { italic: true, color: { argb: `FF${NOTE_FONT}` } };
    if (fc.style === "date") cell.numFmt = DATE_FORMAT;
  }
  if (sheet.freeze) {
    ws.views = [{ state: "frozen", xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows }];
  }
  if (sheet.tabColor) ws.properties.tabColor = { argb: `FF${sheet.tabColor}` };
}

/** Input sheets as the importer laid them out: values only, text stays text. */
function writeDataSheet(ws: ExcelJS.Worksheet, data: SheetData): void {
  data.rows.forEach((cells, r) => {
    if (cells.length === 0) return;
    const row = ws.getRow(r + 1);
    row.values = cells.map((c) => toExcelValue(c)) as ExcelJS.CellValue[];
    if (r === 0) row.font = { bold: true };
  });
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: 1 }];
}

/**
 * Builds the workbook: generated sheets first (Summary on top), then the input sheets with the
 * reconciliation columns beside their data, then hidden helpers.
 */
export function buildWorkbook(inputSheets: readonly SheetData[], plan: WorkbookPlan): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "csp-reconcile";
  wb.calcProperties.fullCalcOnLoad = true;
  const visible = plan.sheets.filter((s) => s.role === "generated" && s.visible);
  const hidden = plan.sheets.filter((s) => s.role === "generated" && !s.visible);
  const additions = new Map(plan.sheets.filter((s) => s.role === "data").map((s) => [s.name, s]));
  for (const s of visible) writeSheetPlan(wb.addWorksheet(s.name), s);
  for (const data of inputSheets) {
    const ws = wb.addWorksheet(data.name);
    writeDataSheet(ws, data);
    const add = additions.get(data.name);
    if (add) writeSheetPlan(ws, add);
  }
  for (const s of hidden) writeSheetPlan(wb.addWorksheet(s.name, { state: "hidden" }), s);
  for (const n of plan.names) wb.definedNames.add(n.ref, n.name);
  return wb;
}

export async function writeWorkbookFile(path: string, inputSheets: readonly SheetData[], plan: WorkbookPlan): Promise<void> {
  await buildWorkbook(inputSheets, plan).xlsx.writeFile(path);
}
