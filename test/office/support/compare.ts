/**
 * Cell-for-cell comparison of the fake workbook with the .xlsx the headless writer makes for the
 * same input: every value and formula (formulas after bareFormula, since a file carries _xlfn.
 * prefixes that office.js never shows), every number format, sheet visibility. The gateway's own
 * records on the state sheet (E:H) have no counterpart in the file and are left out.
 */
import ExcelJS from "exceljs";
import { dateToSerial } from "../../../src/domain/cells";
import { bareFormula } from "../../../src/layout/a1";
import { FakeWorkbookStore } from "../../../src/office/fake";
import { STATE_LEFT, STATE_SHEET, STATE_WIDTH } from "../../../src/office/state";
import { DATETIME_FORMAT } from "../../../src/office/plan-extents";

/** How exceljs reads built-in number format 22 (its table of built-in formats). */
const EXCELJS_BUILTIN_22 = 'm/d/yy "h":mm';

type Content = string | number | boolean | { formula: string } | { error: string } | null;

function fromWriter(cell: ExcelJS.Cell): Content {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) return { formula: bareFormula(cell.formula) };
    if ("error" in o) return { error: String(o.error) };
    // exceljs reads a number with a date format back as a Date: compare as the serial it was.
    if (v instanceof Date) return dateToSerial(v);
    return JSON.stringify(v);
  }
  if (typeof v === "string" && v === "") return null;
  return v as Content;
}

function fromFake(store: FakeWorkbookStore, sheet: string, row: number, col: number): Content {
  const c = store.cell(store.mustSheet(sheet), row, col);
  if (!c) return null;
  if (c.formula !== undefined) return { formula: bareFormula(c.formula.slice(1)) };
  if (c.error) return { error: String(c.value) };
  return c.value ?? null;
}

const isGatewayState = (sheet: string, col: number) => sheet === STATE_SHEET && col >= STATE_LEFT && col < STATE_LEFT + STATE_WIDTH;

export interface Comparison {
  readonly mismatches: string[];
  readonly cells: number;
  readonly formulas: number;
}

export function compareWithWriter(store: FakeWorkbookStore, wb: ExcelJS.Workbook, ignoreSheets: readonly string[] = ["Sheet1"]): Comparison {
  const mismatches: string[] = [];
  let cells = 0;
  let formulas = 0;
  const names = new Set<string>();
  wb.eachSheet((ws) => {
    names.add(ws.name);
    const sheet = store.sheet(ws.name);
    if (!sheet) {
      mismatches.push(`sheet "${ws.name}" is missing`);
      return;
    }
    const wantHidden = ws.state === "hidden" || ws.state === "veryHidden";
    if ((sheet.visibility !== "Visible") !== wantHidden) mismatches.push(`sheet "${ws.name}": visibility ${sheet.visibility}, file ${ws.state}`);
    const seen = new Set<string>();
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const want = fromWriter(cell);
        if (want === null) return;
        const r = Number(cell.row);
        const c = Number(cell.col);
        seen.add(`${r},${c}`);
        const got = fromFake(store, ws.name, r, c);
        cells++;
        if (typeof want === "object" && want && "formula" in want) formulas++;
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          mismatches.push(`${ws.name}!R${r}C${c}: workbook ${JSON.stringify(got)}, file ${JSON.stringify(want)}`);
        }
        const nf = store.cell(sheet, r, c)?.numberFormat ?? "General";
        // exceljs names built-in format 22 by its own code; the add-in sets Excel's en-US code of it.
        const wantNf = cell.numFmt === EXCELJS_BUILTIN_22 ? DATETIME_FORMAT : cell.numFmt || "General";
        if (nf !== wantNf) mismatches.push(`${ws.name}!R${r}C${c}: number format ${nf}, file ${wantNf}`);
      }),
    );
    // Nothing in the workbook that the file does not have.
    for (const [row, col, c] of store.cellsIn(sheet, { top: 1, left: 1, bottom: 1_048_576, right: 16_384 })) {
      if (seen.has(`${row},${col}`) || isGatewayState(ws.name, col)) continue;
      if (c.value === undefined && c.formula === undefined) continue;
      mismatches.push(`${ws.name}!R${row}C${col}: workbook has ${JSON.stringify(c.formula ?? c.value)}, the file nothing`);
    }
  });
  for (const s of store.sheets) {
    if (names.has(s.name) || ignoreSheets.includes(s.name)) continue;
    if (s.cells.size > 0) mismatches.push(`sheet "${s.name}" is not in the file`);
  }
  return { mismatches, cells, formulas };
}
