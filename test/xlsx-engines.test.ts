/**
 * The headless writer's file in the programs a partner's colleagues open it with: exceljs (the
 * product's own reader), LibreOffice and Gnumeric. Both engines recalculate the file and must
 * find every formula — shared formulas expanded with their relative and absolute references —
 * and get the very values the file stores; opened without recalculation, the stored values are
 * what they show.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { PlanValue, WorkbookPlan } from "../src/layout/types";
import { writeWorkbook } from "../src/xlsx/writer";
import { gnumericRecalculate, gnumericSheetsAsCsv } from "./support/gnumeric";
import { recalculate } from "./support/libreoffice";
import { RawWorkbook, Stored, readRawWorkbook } from "./support/sheet-cells";
import { QUOTED_REF, SYNTH, SyntheticPlan, expectedFormulaValues, syntheticPlan } from "./support/synthetic-plan";

/** A formula whose stored value is wrong on purpose: recalculation must change it, a viewer shows it. */
const SENTINEL = { sheet: SYNTH.lookup, ref: "C1", f: "1+1", stored: 3, computed: 2 };

function withSentinel(s: SyntheticPlan): SyntheticPlan {
  const plan: WorkbookPlan = {
    ...s.plan,
    sheets: s.plan.sheets.map((sh) => (sh.name === SENTINEL.sheet ? { ...sh, cells: [...sh.cells, { row: 1, col: 3, value: { f: SENTINEL.f, v: SENTINEL.stored } }] } : sh)),
  };
  return { ...s, plan };
}

/** An engine's value against the stored one: booleans may come back as 1/0, numbers to 1e-9. */
function same(engine: Stored, stored: PlanValue): boolean {
  if (typeof stored === "boolean") return engine === stored || engine === (stored ? 1 : 0);
  if (typeof stored === "number") return typeof engine === "number" && Math.abs(engine - stored) <= 1e-9 * Math.max(1, Math.abs(stored));
  if (stored === "") return engine === "" || engine === null;
  return engine === stored;
}

/** Every formula cell the plan writes whose engine value differs from the stored one. */
function mismatches(s: SyntheticPlan, wb: RawWorkbook, skip: readonly { sheet: string; ref: string }[] = []): string[] {
  const bad: string[] = [];
  let formulas = 0;
  for (const [sheet, values] of expectedFormulaValues(s)) {
    const cells = wb.sheet(sheet).cells;
    for (const [ref, v] of values) {
      if ([SENTINEL, ...skip].some((x) => x.sheet === sheet && x.ref === ref)) continue;
      formulas++;
      const c = cells.get(ref);
      if (!c || (c.f === undefined && c.si === undefined)) bad.push(`${sheet}!${ref}: no formula`);
      else if (!same(c.v, v)) bad.push(`${sheet}!${ref}: ${JSON.stringify(c.v)} (stored ${JSON.stringify(v)})`);
    }
  }
  if (formulas < 200) bad.push(`only ${formulas} formulas checked`);
  return bad;
}

describe("the written file in other programs", () => {
  const s = withSentinel(syntheticPlan(60));
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-xlsx-engines-"));
    file = path.join(dir, "synthetic.xlsx");
    await writeWorkbook(file, s.inputSheets, s.plan);
  });

  test("exceljs opens it: sheets, states, values, formulas, frozen panes, hidden columns, dropdowns", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      [SYNTH.sheet, "visible"],
      [SYNTH.input, "visible"],
      [SYNTH.lookup, "hidden"],
    ]);
    const ws = wb.getWorksheet(SYNTH.sheet)!;
    const first = SYNTH.top + 1;
    expect(ws.getCell(`A${first + 2}`).value).toBe("K-2");
    expect(ws.getCell(`C${first}`).value).toMatchObject({ formula: `B${first}*2` });
    expect(ws.getCell(`C${first + 3}`).value).toMatchObject({ sharedFormula: `C${first}`, result: 42 });
    expect(ws.getCell(`E${first + 4}`).value).toMatchObject({ result: "big" });
    expect(ws.getColumn(16).hidden).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: SYNTH.top });
    expect(ws.getCell(`N${first}`).dataValidation).toMatchObject({ type: "list", formulae: ['"Keep,Exclude"'] });
    expect(ws.getCell(`L${first}`).numFmt).toBe("yyyy-mm-dd");
    expect(wb.definedNames.getRanges("Synth_First").ranges).toEqual([`'Zoë''s data'!$B$${first}`]);
  });

  test("LibreOffice recalculates every formula, shared ones expanded, to the values the file stores", async () => {
    const recalculated = readRawWorkbook(await fs.readFile(await recalculate(file, path.join(dir, "lo"))));
    expect(recalculated.sheet(SENTINEL.sheet).cells.get(SENTINEL.ref)!.v).toBe(SENTINEL.computed);
    expect(recalculated.sheet(QUOTED_REF.sheet).cells.get(QUOTED_REF.ref)!.v).toBe(350);
    expect(mismatches(s, recalculated)).toEqual([]);
  });

  test("Gnumeric recalculates every formula, shared ones expanded, to the values the file stores", async () => {
    const recalculated = readRawWorkbook(await fs.readFile(await gnumericRecalculate(file)));
    expect(recalculated.sheet(SENTINEL.sheet).cells.get(SENTINEL.ref)!.v).toBe(SENTINEL.computed);
    // Gnumeric 1.12.55 cannot parse a quoted sheet name holding both a non-ASCII letter and a
    // doubled apostrophe ('Zoë''s data'!B9: "Invalid expression"; 'Zoe''s data' and 'Zoë data'
    // parse): that one reference is LibreOffice's to check.
    expect(mismatches(s, recalculated, [QUOTED_REF])).toEqual([]);
  });

  test("without recalculating, Gnumeric shows the stored values (as Excel's Protected View and file previews do)", async () => {
    const [main, , lookup] = await gnumericSheetsAsCsv(file);
    expect(lookup.split("\n")[0].split(",")[2]).toBe(String(SENTINEL.stored));
    // Data row 5 (0-based; CSV line SYNTH.top + 5): qty 35 → Double 70, Plus first 35, Size "big", Flag TRUE.
    const row = main.split("\n")[SYNTH.top + 5].split(",");
    expect(row.slice(1, 6)).toEqual(["35", "70", "35", "big", "TRUE"]);
  });
});
