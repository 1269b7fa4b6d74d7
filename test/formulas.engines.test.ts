/**
 * Every formula of the written workbook gives the same value in LibreOffice, Gnumeric and
 * HyperFormula (issue 14 §4), and the recalculated workbook gives the engine's verdicts in each
 * of them: on the bundled samples, on seeded random export sets and on formula-looking text,
 * before and after Status and Quantity cells are changed in the file. When the writer stores
 * formula results, each engine must also equal the stored value of every formula cell.
 * How it works: docs/DESIGN.md "Proving it without Excel".
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { RunOutput, reconcileImports } from "../src/cli/run";
import { scanFolder } from "../src/cli/folder";
import { ImportFile } from "../src/domain/importer";
import { reconcile } from "../src/domain/engine";
import { readWorkbook } from "../src/domain/workbook";
import { isoToSerial } from "../src/domain/cells";
import { writeWorkbook } from "../src/xlsx/writer";
import { Edit, applyToSheets, editedInputSheets, expectedAfterEdits, pickEdits } from "./support/edits";
import { ENGINE_LABEL, EngineName, FormulaCheck, checkFormulas } from "./support/engines/three-engines";
import { EngineValues } from "./support/engines/values";
import { INJECTION_CORPUS, exportWith } from "./support/injection";
import { randomExports } from "./support/random-exports";
import { checkWorkbook, summaryOrder } from "./support/workbook-check";
import { deriveActions } from "../src/domain/actions";
import { recogniseSubscriptionHeader } from "../src/domain/headers";
import { GENERATED, NEXT_STEPS, STATUS_CELL } from "../src/layout/plan";
import { RERUN_LABEL } from "../src/domain/verdicts";
import { readBillingFiles } from "../src/cli/billing";
import { BillingData } from "../src/domain/charges";
import { wantedKeys } from "../src/domain/money";

const AS_OF = "2026-11-24";




const ENGINES = Object.keys(ENGINE_LABEL) as EngineName[];
const REPORT = process.env.FORMULA_ENGINES_REPORT === "1";

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "csp-engines-"));
});
afterAll(async () => {
  if (!REPORT) await fs.rm(tmp, { recursive: true, force: true });
});

interface Outcome {
  readonly check: FormulaCheck;
  /** The semantic check (test/support/workbook-check) of each engine's values: must be empty. */
  readonly verdicts: Record<EngineName, string[]>;
  readonly rows: number;
  readonly actions: number;
}


async function recalcAndCheck(out: RunOutput, name: string, edits: readonly Edit[] = []): Promise<Outcome> {
  // The file as a user leaves it after typing into Status and Quantity cells: the data cells
  // hold the new values while every formula (and any stored result) is the one planned for the
  // old data, so stored results are only compared on the unedited file.
  const file = path.join(tmp, `${name}.xlsx`);
  await writeWorkbook(file, editedInputSheets(out, edits), out.plan);
  const check = await checkFormulas(file, path.join(tmp, name), { compareStored: edits.length === 0 });
  const expected = expectedAfterEdits(out, edits, AS_OF);
  const counts = { rows: 0, groups: 0, customers: 0, actions: 0 };
  const verdicts = {} as Record<EngineName, string[]>;
  for (const engine of ENGINES) {
    verdicts[engine] = checkWorkbook(new EngineValues(check.values[engine]), out.plan, expected, summaryOrder(out.result), engine === "libreoffice" ? counts : undefined, out.result);
  }
  if (REPORT) report(name, check);
  return { check, verdicts, rows: counts.rows, actions: counts.actions };
}

function report(name: string, check: FormulaCheck): void {
  const s = check.seconds;
  const lines = [
    `${name}: ${check.formulaCells} formula cells; LibreOffice ${s.libreoffice.toFixed(2)} s, Gnumeric ${s.gnumeric.toFixed(2)} s, HyperFormula ${s.hyperformula.toFixed(2)} s`,
    ...check.known.flatMap((k) => [
      `  ${k.id} in ${ENGINE_LABEL[k.engine]}: ${k.disagreeing} of ${k.cells} cells differ, ${k.downstream} cells downstream; before pinning:`,
      ...k.columns.map((c) => `    ${c}`),
    ]),
  ];
  console.log(lines.join("\n"));
}

function expectAgreement(o: Outcome): void {
  expect(o.check.disagreements).toEqual([]);
  expect(o.check.staleKnown).toEqual([]);
  // Issue 14 §2: every formula cell stores the engine's value, and every engine equals it.
  expect(o.check.stored.state).toBe("all");
  expect(o.check.stored.mismatches).toEqual([]);
  expect(o.verdicts).toEqual({ libreoffice: [], gnumeric: [], hyperformula: [] });
}

function run(files: ImportFile[], billing?: BillingData): RunOutput {
  return reconcileImports(files, { asOf: AS_OF, fixedAsOf: true }, billing);
}

/** The samples' billing/ read as the command reads it, for the old subscriptions of `files`. */
async function samplesBilling(files: ImportFile[]): Promise<BillingData> {
  const samples = path.join(__dirname, "..", "samples");
  return readBillingFiles(samples, (await scanFolder(samples)).billing, wantedKeys(run(files).result));
}

describe("every formula cell: LibreOffice = Gnumeric = HyperFormula = stored value, and the engine's verdicts", () => {
  test("bundled samples with their billing files, then after editing Status and Quantity cells", async () => {
    const scan = await scanFolder(path.join(__dirname, "..", "samples"));
    // With billing/, as the command runs on the folder: the money columns and line are in the workbook.
    const out = run(scan.files, await samplesBilling(scan.files));
    expect(out.report.money.byCurrency.length).toBe(2);
    const first = await recalcAndCheck(out, "samples");
    expectAgreement(first);
    expect(first.rows).toBeGreaterThan(50);
    expect(first.actions).toBeGreaterThan(20);
    expect(first.check.formulaCells).toBeGreaterThan(500);
    const edits = pickEdits(out, 7, 25);
    expectAgreement(await recalcAndCheck(out, "samples-edited", edits));
    // The edits changed something the engine sees, or this would prove nothing.
    const after = reconcile(readWorkbook(applyToSheets(out.sheets, edits), isoToSerial(AS_OF)!));
    expect(after.groups.map((g) => g.verdict)).not.toEqual(out.result.groups.map((g) => g.verdict));
  });

  test("Next steps: Still needed of a SUSPEND_OLD turns to No once its old row's Status reads Suspendu", async () => {
    const scan = await scanFolder(path.join(__dirname, "..", "samples"));
    const out = run(scan.files);
    const actions = deriveActions(out.result);
    const k = actions.findIndex((a) => a.action === "SUSPEND_OLD");
    expect(k).toBeGreaterThanOrEqual(0);
    const old = out.result.rows[actions[k].rows[0]];
    const header = recogniseSubscriptionHeader(out.sheets.get(old.at!.sheet)!.rows[0]);
    const edit: Edit = { sheet: old.at!.sheet, row: old.at!.row, col: header.fields.status! + 1, value: "Suspendu" };
    const o = await recalcAndCheck(out, "samples-suspended", [edit]);
    expectAgreement(o);
    for (const engine of ENGINES) {
      expect([engine, new EngineValues(o.check.values[engine]).text(GENERATED.nextSteps, k + 2, NEXT_STEPS.stillNeeded)]).toEqual([engine, "No"]);
    }
  });

  test("the Summary one row lower: the money line and a warning above the table", async () => {
    const oldOnly = (await scanFolder(path.join(__dirname, "..", "samples"))).files.filter((f) => f.role === "from");
    const out = run(oldOnly, await samplesBilling(oldOnly));
    const summary = out.plan.sheets.find((s) => s.name === GENERATED.summary)!;
    expect(summary.blocks.find((b) => b.id === "summary")!.top).toBe(12);
    expectAgreement(await recalcAndCheck(out, "samples-old-only"));
  });

  const seeds = (process.env.FORMULA_SEEDS ?? "101,202,303").split(",").map(Number);
  test.each(seeds)("random export set, seed %i, before and after edits", async (seed) => {
    const out = run(randomExports({ seed, customers: 40 }));
    expectAgreement(await recalcAndCheck(out, `random-${seed}`));
    expectAgreement(await recalcAndCheck(out, `random-${seed}-edited`, pickEdits(out, seed + 1, 40)));
  });

  test("formula-looking text in every input cell, and sheet names with quotes", async () => {
    // Text with a carriage return is left out: the engines read it differently from the file
    // itself (LibreOffice turns CR LF into LF, Gnumeric does not decode _x000D_), whatever
    // formula reads it. docs/DESIGN.md "Proving it without Excel" has the measurements.
    const corpus = INJECTION_CORPUS.filter((p) => !p.includes("\r"));
    const out = run(exportWith(corpus, `O'Brien "EU" & co`));
    expectAgreement(await recalcAndCheck(out, "injection"));
  });

  describe("the Stale check (Re-run needed), which compares each subscription ID's last 12 characters", () => {
    /** The Summary's Workbook status in each engine, for the file with `edits` typed into it. */
    async function statusAfter(out: RunOutput, name: string, edits: readonly Edit[]): Promise<Record<EngineName, string>> {
      const file = path.join(tmp, `${name}.xlsx`);
      await writeWorkbook(file, editedInputSheets(out, edits), out.plan);
      const check = await checkFormulas(file, path.join(tmp, name), { compareStored: false });
      expect(check.disagreements).toEqual([]);
      return Object.fromEntries(ENGINES.map((e) => [e, new EngineValues(check.values[e]).text(GENERATED.summary, STATUS_CELL.row, STATUS_CELL.col)])) as Record<EngineName, string>;
    }
    const everywhere = (text: string) => Object.fromEntries(ENGINES.map((e) => [e, text]));

    test("two rows of an export sorted the other way round, or one ID's last character changed: Re-run needed in every engine", async () => {
      const scan = await scanFolder(path.join(__dirname, "..", "samples"));
      const out = run(scan.files);
      const olds = out.result.rows.filter((r) => r.role === "from" && r.at && r.subscriptionId);
      const a = olds[0];
      const b = olds.find((r) => r.at!.sheet === a.at!.sheet && r.subscriptionId !== a.subscriptionId)!;
      const idCol = recogniseSubscriptionHeader(out.sheets.get(a.at!.sheet)!.rows[0]).fields.subscriptionId! + 1;
      const swapped: Edit[] = [
        { sheet: a.at!.sheet, row: a.at!.row, col: idCol, value: b.subscriptionId },
        { sheet: b.at!.sheet, row: b.at!.row, col: idCol, value: a.subscriptionId },
      ];
      expect(await statusAfter(out, "stale-swapped", swapped)).toEqual(everywhere(`${RERUN_LABEL}: keys or offer map changed`));
      const last = a.subscriptionId!.slice(-1) === "0" ? "1" : "0";
      const retyped: Edit[] = [{ sheet: a.at!.sheet, row: a.at!.row, col: idCol, value: a.subscriptionId!.slice(0, -1) + last }];
      expect(await statusAfter(out, "stale-retyped", retyped)).toEqual(everywhere(`${RERUN_LABEL}: keys or offer map changed`));
    });

    test("IDs ending in characters outside the BMP read the same in every engine: up to date until one is changed", async () => {
      const ids = ["sub-😀", "x😀😀😀😀😀😀y", "😀".repeat(12), "abcdefghijk😀", "1234567890ab", "😀abcdefghijklm"];
      const out = run(exportWith(ids, "FR"));
      expect(await statusAfter(out, "stale-astral", [])).toEqual(everywhere("Up to date with the last run"));
      // A reconciled row whose ID is kept whole (a surrogate in its last 12 units): its last emoji changed.
      const row = out.result.rows.find((r) => r.subscriptionId === "x😀😀😀😀😀😀y" && r.group !== null)!;
      expect(row).toBeDefined();
      const idCol = recogniseSubscriptionHeader(out.sheets.get(row.at!.sheet)!.rows[0]).fields.subscriptionId! + 1;
      const edit: Edit = { sheet: row.at!.sheet, row: row.at!.row, col: idCol, value: "x😀😀😀😀😀😁y" };
      expect(await statusAfter(out, "stale-astral-changed", [edit])).toEqual(everywhere(`${RERUN_LABEL}: keys or offer map changed`));
    });
  });

  // A large set by hand: FORMULA_ENGINES_CUSTOMERS=1000 npx jest test/formulas.engines.test.ts
  const big = Number(process.env.FORMULA_ENGINES_CUSTOMERS ?? 0);
  if (big > 0) {
    test(`random export set of ${big} customers`, async () => {
      expectAgreement(await recalcAndCheck(run(randomExports({ seed: 1, customers: big })), `random-${big}`));
    }, 1_800_000);
  }

});
