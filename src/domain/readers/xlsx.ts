/**
 * Reading .xlsx exports with exceljs: the first worksheet that has cells, as typed cells.
 * Dates become serial numbers, as office.js would hand them over.
 */
import type { CellValue, Workbook } from "exceljs";
import { Cell, dateToSerial } from "../cells";

/**
 * `cached` is the cell model's result: exceljs leaves a falsy cached result (0, FALSE) out of
 * `cell.value` when it reads a file (exceljs issues #1528, #2943) but keeps it in `cell.model`.
 */
export function toCell(v: CellValue, cached?: CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join("");
    if ("error" in v) return { error: String(v.error) };
    if ("formula" in v || "sharedFormula" in v) {
      // A cached "" comes back as no result at all, which reads the same: an empty cell.
      const result = (v as { result?: CellValue }).result ?? cached;
      return result === undefined ? null : toCell(result as CellValue);
    }
    if ("text" in v) return String((v as { text: unknown }).text);
  }
  return String(v);
}

export function sheetToGrid(ws: import("exceljs").Worksheet): Cell[][] {
  const rows: Cell[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = toCell(cell.value, (cell.model as { result?: CellValue }).result);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  return rows;
}

export async function readXlsx(bytes: Uint8Array, load: () => Promise<typeof import("exceljs")>): Promise<Cell[][]> {
  const ExcelJS = await load();
  const wb: Workbook = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  for (const ws of wb.worksheets) {
    const grid = sheetToGrid(ws);
    if (grid.some((r) => r.some((c) => c !== null && c !== ""))) return grid;
  }
  return [];
}
