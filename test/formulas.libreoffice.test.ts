/**
 * The live workbook, recalculated by a real spreadsheet engine (headless LibreOffice), gives
 * the engine's verdicts: on the bundled samples and on seeded random export sets, and again
 * after Status and Quantity cells are changed in the file (without re-running the product).
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { Cell } from "../src/domain/cells";
import { reconcile } from "../src/domain/engine";
import { SheetData, readWorkbook } from "../src/domain/workbook";
import { RunOutput, reconcileImports } from "../src/cli/run";
import { scanFolder } from "../src/cli/folder";
import { recogniseSubscriptionHeader } from "../src/domain/headers";
import { writeWorkbook } from "../src/xlsx/writer";
import { Values, recalculate } from "./support/libreoffice";
import { Rng, randomEdit, randomExports } from "./support/random-exports";
import { checkWorkbook, summaryOrder } from "./support/workbook-check";
import { isoToSerial } from "../src/domain/cells";

const AS_OF = "2026-11-24";
let tmp: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "csp-formulas-"));
});

interface Edit {
  sheet: string;
  row: number;
  col: number;
  value: Cell;
}

/** Picks rows of reconciled subscriptions and changes their Status and/or Quantity cells. */
function pickEdits(out: RunOutput, seed: number, count: number): Edit[] {
  const r = new Rng(seed);
  const rows = out.result.rows.filter((x) => x.at && x.group !== null);
  const edits: Edit[] = [];
  for (let k = 0; k < Math.min(count, rows.length); k++) {
    const row = r.pick(rows);
    const sheet = out.sheets.get(row.at!.sheet)!;
    const map = recogniseSubscriptionHeader(sheet.rows[0]);
    const e = randomEdit(r);
    if (e.status !== undefined) edits.push({ sheet: row.at!.sheet, row: row.at!.row, col: map.fields.status! + 1, value: e.status });
    if (e.quantity !== undefined) edits.push({ sheet: row.at!.sheet, row: row.at!.row, col: map.fields.quantity! + 1, value: e.quantity });
  }
  return edits;
}

function applyToSheets(sheets: Map<string, SheetData>, edits: readonly Edit[]): Map<string, SheetData> {
  const copy = new Map(sheets);
  for (const e of edits) {
    const s = copy.get(e.sheet)!;
    const rows = s.rows.map((r) => [...r]);
    rows[e.row - 1][e.col - 1] = e.value;
    copy.set(e.sheet, { name: s.name, rows });
  }
  return copy;
}

async function recalcAndCheck(out: RunOutput, name: string, edits: readonly Edit[] = []): Promise<{ mismatches: string[]; rows: number }> {
  // The file as a user leaves it after typing into Status and Quantity cells: the data cells
  // hold the new values while every formula is the one planned for the old data.
  const edited = applyToSheets(new Map(out.inputSheets.map((s) => [s.name, s])), edits);
  const file = path.join(tmp, `${name}.xlsx`);
  await writeWorkbook(file, [...edited.values()], out.plan);
  const values = await Values.read(await recalculate(file, path.join(tmp, `${name}-lo`)));
  // What the engine says for the edited data, read from the edited sheets like any run.
  const expected = edits.length ? reconcile(readWorkbook(applyToSheets(out.sheets, edits), isoToSerial(AS_OF)!)) : out.result;
  const counts = { rows: 0, groups: 0, customers: 0 };
  const mismatches = checkWorkbook(values, out.plan, expected, summaryOrder(out.result), counts, out.result);
  return { mismatches, rows: counts.rows };
}

describe("live formulas equal the engine in LibreOffice", () => {
  test("bundled samples, then after editing Status and Quantity cells", async () => {
    const scan = await scanFolder(path.join(__dirname, "..", "samples"));
    const out = reconcileImports(scan.files, { asOf: AS_OF, fixedAsOf: true });
    const first = await recalcAndCheck(out, "samples");
    expect(first.mismatches).toEqual([]);
    expect(first.rows).toBeGreaterThan(50);
    const edits = pickEdits(out, 7, 25);
    const edited = await recalcAndCheck(out, "samples-edited", edits);
    expect(edited.mismatches).toEqual([]);
    // The edits changed something the engine sees, or this would prove nothing.
    const after = reconcile(readWorkbook(applyToSheets(out.sheets, edits), isoToSerial(AS_OF)!));
    expect(after.groups.map((g) => g.verdict)).not.toEqual(out.result.groups.map((g) => g.verdict));
  });

  const seeds = (process.env.FORMULA_SEEDS ?? "101,202,303,404").split(",").map(Number);
  test.each(seeds)("random export set, seed %i, before and after edits", async (seed) => {
    const files = randomExports({ seed, customers: 40 });
    const out = reconcileImports(files, { asOf: AS_OF, fixedAsOf: true });
    const first = await recalcAndCheck(out, `random-${seed}`);
    expect(first.mismatches).toEqual([]);
    const edited = await recalcAndCheck(out, `random-${seed}-edited`, pickEdits(out, seed + 1, 40));
    expect(edited.mismatches).toEqual([]);
  });
});
