/**
 * The shape of the formula layer (issue 14): one formula per column in R1C1 terms, the value
 * stored with every formula, and hidden sheets whose layout follows the keys of the run only.
 * The values themselves are checked against three spreadsheet engines in
 * test/formulas.engines.test.ts.
 */
import * as path from "path";
import { scanFolder } from "../../src/cli/folder";
import { RunOutput, reconcileImports } from "../../src/cli/run";
import { toR1C1 } from "../../src/layout/a1";
import { GENERATED } from "../../src/layout/plan";
import { ColumnSpec, SheetPlan, WorkbookPlan, isFormula, isLink } from "../../src/layout/types";
import { randomExports } from "../support/random-exports";
import { applyToSheets, pickEdits } from "../support/edits";
import { readWorkbook } from "../../src/domain/workbook";
import { reconcile } from "../../src/domain/engine";
import { buildPlan } from "../../src/layout/plan";
import { isoToSerial } from "../../src/domain/cells";

const AS_OF = "2026-11-24";

function run(files: Parameters<typeof reconcileImports>[0]): RunOutput {
  return reconcileImports(files, { asOf: AS_OF, fixedAsOf: true });
}

let samples: RunOutput;
let random: RunOutput;
beforeAll(async () => {
  samples = run((await scanFolder(path.join(__dirname, "..", "..", "samples"))).files);
  random = run(randomExports({ seed: 77, customers: 30 }));
});

function* columns(plan: WorkbookPlan): Generator<{ sheet: SheetPlan; spec: ColumnSpec; rows: number; top: number; left: number }> {
  for (const sheet of plan.sheets) for (const b of sheet.blocks) for (const [k, spec] of b.columns.entries()) yield { sheet, spec, rows: b.rows, top: b.top, left: b.left + k };
}

describe("every formula column holds one formula in R1C1 terms", () => {
  test.each([
    ["samples", () => samples],
    ["a random export set", () => random],
  ])("%s", (_name, get) => {
    const plan = get().plan;
    let uniform = 0;
    for (const { sheet, spec, rows, top, left } of columns(plan)) {
      if (spec.uniform) {
        uniform++;
        expect(spec.formula).toBeDefined();
        const r1c1 = toR1C1(spec.formula!, top + 1, left);
        // Sampled rows: the same R1C1 text down the whole block.
        for (const i of [0, 1, Math.floor(rows / 2), rows - 1].filter((i) => i >= 0 && i < rows)) {
          const cell = spec.cell(i);
          expect(isFormula(cell)).toBe(true);
          if (isFormula(cell)) expect(toR1C1(cell.f, top + 1 + i, left)).toBe(r1c1);
        }
        continue;
      }
      // No formula outside a uniform column: no per-row formula text anywhere.
      for (let i = 0; i < rows; i++) {
        const cell = spec.cell(i);
        if (isFormula(cell)) expect(`${sheet.name}!${spec.header} row ${i}: ${cell.f}`).toBe("in a uniform column");
      }
    }
    expect(uniform).toBeGreaterThan(20);
  });
});

describe("links are cell hyperlinks, declared per column, on the product's own sheets", () => {
  test("every link cell sits in a column declared `links`, never on the user's export sheets", () => {
    for (const plan of [samples.plan, random.plan]) {
      let links = 0;
      for (const { sheet, spec, rows } of columns(plan)) {
        for (let i = 0; i < rows; i++) {
          const cell = spec.cell(i);
          if (!isLink(cell)) continue;
          links++;
          expect(spec.links ? `${sheet.role} sheet` : `${sheet.name}!${spec.header} row ${i} holds a link in a column not declared links`).toBe("generated sheet");
          expect(cell.link).toMatch(/^'[^']+(?:''[^']*)*'!A\d+$/);
        }
      }
      for (const sheet of plan.sheets) for (const c of sheet.cells) if (isLink(c.value)) expect(sheet.role).toBe("generated");
      expect(links).toBeGreaterThan(0);
    }
  });
});

describe("every formula carries the value the engine computed for it", () => {
  test("no formula cell without a stored value, in blocks and free cells", () => {
    for (const plan of [samples.plan, random.plan]) {
      for (const { sheet, spec, rows } of columns(plan)) {
        for (let i = 0; i < rows; i++) {
          const where = `${sheet.name}!${spec.header} row ${i}`;
          const stored = spec.uniform ? spec.value!(i) : (() => {
            const c = spec.cell(i);
            return isFormula(c) ? c.v : null;
          })();
          expect(stored === undefined ? `${where} has no stored value` : "stored").toBe("stored");
        }
      }
      for (const sheet of plan.sheets) {
        for (const c of sheet.cells) if (isFormula(c.value)) expect(c.value.v === undefined ? `${sheet.name} R${c.row}C${c.col} has no stored value` : "stored").toBe("stored");
      }
    }
  });
});

describe("the hidden sheets follow the keys of the run, not the verdicts", () => {
  test("Status and Quantity edits change stored values, never where a row or group sits", () => {
    const edits = pickEdits(samples, 5, 30);
    const edited = reconcile(readWorkbook(applyToSheets(samples.sheets, edits), isoToSerial(AS_OF)!));
    // The edits changed verdicts, or this would prove nothing.
    expect(edited.groups.map((g) => g.verdict)).not.toEqual(samples.result.groups.map((g) => g.verdict));
    const dataSheets = new Map([...samples.sheets].filter(([name]) => samples.plan.sheets.some((s) => s.role === "data" && s.name === name)).map(([name, data]) => [name, { name, data, usedWidth: samples.plan.sheets.find((s) => s.name === name)!.blocks[0].left - 1 }]));
    const plan = buildPlan({
      result: edited,
      dataSheets,
      records: samples.records,
      accounts: edited.accounts,
      offerMap: edited.offerMap,
      fixedAsOf: isoToSerial(AS_OF)!,
      runAt: "2026-11-24T00:00:00.000Z",
    });
    for (const name of [GENERATED.calc, GENERATED.groupCalc, GENERATED.customers, GENERATED.rows]) {
      const before = samples.plan.sheets.find((s) => s.name === name)!;
      const after = plan.sheets.find((s) => s.name === name)!;
      const positions = (s: SheetPlan) =>
        s.blocks.map((b) => ({ top: b.top, rows: b.rows, headers: b.columns.map((c) => c.header), formulas: b.columns.map((c) => c.formula ?? null), positions: b.columns.filter((c) => !c.uniform && /#|row|Pos|Group/.test(c.header)).map((c) => Array.from({ length: b.rows }, (_, i) => c.cell(i))) }));
      expect(positions(after)).toEqual(positions(before));
    }
  });
});
