/**
 * The shape of the formula layer (issue 14): one formula per column in R1C1 terms, the value
 * stored with every formula, and hidden sheets whose layout follows the keys of the run only.
 * The values themselves are checked against three spreadsheet engines in
 * test/formulas.engines.test.ts.
 */
import * as path from "path";
import { scanFolder } from "../../src/cli/folder";
import { RunOutput, reconcileImports } from "../../src/cli/run";
import { columnLetters, toR1C1 } from "../../src/layout/a1";
import { ADDED_HEADERS, EARLIER_ADDED_HEADERS, GENERATED } from "../../src/layout/plan";
import { recogniseSubscriptionHeader } from "../../src/domain/headers";
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

describe("the block beside the exports: the customer of each row, and blocks of an earlier schema", () => {
  test("its header names no subscription field, so a re-run never reads it as the row's customer", () => {
    const map = recogniseSubscriptionHeader([...ADDED_HEADERS]);
    expect(map.fields).toEqual({ decision: ADDED_HEADERS.indexOf("Decision") });
  });

  test("each reconciled row shows the engine's customer (a formula reading CSP Customers, with the name as its stored value)", () => {
    for (const out of [samples, random]) {
      for (const sheet of out.plan.sheets.filter((s) => s.role === "data")) {
        const b = sheet.blocks[0];
        const col = b.columns[ADDED_HEADERS.indexOf("Customer (reconciled)")];
        for (const r of out.result.rows.filter((x) => x.at?.sheet === sheet.name)) {
          const cell = col.cell(r.at!.row - b.top - 1);
          expect(isFormula(cell) && cell.f.includes(GENERATED.customers)).toBe(true);
          expect(isFormula(cell) ? cell.v : cell).toBe(out.result.customers[r.customer].name);
        }
      }
    }
  });

  test("a re-run over a schema 2 block (no customer column) writes the new block where it was and keeps the decisions", () => {
    const [old] = EARLIER_ADDED_HEADERS;
    const sheetName = samples.result.rows.find((r) => r.at && r.role === "from")!.at!.sheet;
    const data = samples.sheets.get(sheetName)!;
    const width = Math.max(...data.rows.map((r) => r.length));
    // The sheet as schema 2 left it: its block right after the data, with an Exclude typed in row 2.
    const rows = data.rows.map((r, k) => {
      const line = [...r, ...Array(width - r.length).fill(null)];
      return k === 0 ? [...line, ...old] : [...line, "Old still active", 1, 1, "", k === 1 ? "Exclude" : null];
    });
    const sheets = new Map(samples.sheets).set(sheetName, { name: sheetName, rows });
    const result = reconcile(readWorkbook(sheets, isoToSerial(AS_OF)!));
    // The engine read the decision where the user typed it.
    expect(result.rows.find((r) => r.at?.sheet === sheetName && r.at.row === 2)!.excluded).toBe(true);
    const dataSheets = new Map([...sheets].filter(([name]) => samples.plan.sheets.some((s) => s.role === "data" && s.name === name)).map(([name, d]) => [name, { name, data: d, usedWidth: Math.max(...d.rows.map((r) => r.length)) }]));
    const plan = buildPlan({ result, dataSheets, records: samples.records, accounts: result.accounts, offerMap: result.offerMap, fixedAsOf: isoToSerial(AS_OF)!, runAt: "2026-11-24T00:00:00.000Z" });
    const block = plan.sheets.find((s) => s.name === sheetName)!.blocks[0];
    expect(block.left).toBe(width + 1);
    expect(block.columns.map((c) => c.header)).toEqual([...ADDED_HEADERS]);
    const decision = block.columns[ADDED_HEADERS.indexOf("Decision")];
    expect(decision.cell(0)).toBe("Exclude");
    expect(decision.cell(1)).toBeNull();
    // CSP Rows reads the decision where the new block writes it.
    const rowsBlock = plan.sheets.find((s) => s.name === GENERATED.rows)!.blocks.find((b) => b.id === `rows:${sheetName}`)!;
    const code = rowsBlock.columns.find((c) => c.header === "Code")!;
    expect(code.formula).toContain(`$${columnLetters(block.left + ADDED_HEADERS.indexOf("Decision"))}2`);
    expect(code.value!(0)).toBe(0);
  });
});
