/**
 * The headless writer's file as exceljs reads it back: tests look at what a partner opens, not
 * at an object in memory.
 */
import ExcelJS from "exceljs";
import { SheetData } from "../../src/domain/workbook";
import { WorkbookPlan } from "../../src/layout/types";
import { workbookBytes } from "../../src/xlsx/writer";

export async function writtenWorkbook(inputSheets: readonly SheetData[], plan: WorkbookPlan): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs types load() with an older Buffer declaration than @types/node 20.
  await wb.xlsx.load((await workbookBytes(inputSheets, plan)) as unknown as ArrayBuffer);
  return wb;
}
