/**
 * Issue 13 point 3, spec §9: the workbook shows the money at stake. On the samples with their
 * billing/ folder the Summary carries "Double billing so far" and "Per day" per currency for every
 * customer, the total per currency at the top with where the figures come from, the Groups sheet
 * each group's, and the Next steps rows that stop the billing their cost per day — all equal to
 * the hand calculation of samples/EXPECTED.md (test/fixtures/samples-money-expected.ts). Money
 * never changes anything else in the workbook, and a run without billing files shows none.
 */
import * as path from "path";
import { scanFolder } from "../../src/cli/folder";
import { RunOutput, reconcileImports } from "../../src/cli/run";
import { readBillingFiles } from "../../src/cli/billing";
import { ACTION_TABLE, deriveActions } from "../../src/domain/actions";
import { ImportFile } from "../../src/domain/importer";
import { BillingReader, chargeKey, readBillingGrid } from "../../src/domain/charges";
import { wantedKeys } from "../../src/domain/money";
import { GENERATED, SUMMARY, SUMMARY_TOP } from "../../src/layout/plan";
import { NEXT_STEPS_CURRENCY, NEXT_STEPS_PER_DAY } from "../../src/layout/sheets/next-steps";
import { SUMMARY_ROWS } from "../../src/layout/sheets/summary";
import { formatAmount } from "../../src/layout/money";
import { Block, ColumnSpec, PlanCell, SheetPlan, WorkbookPlan, isFormula } from "../../src/layout/types";
import { Figures, MONEY_CUSTOMERS, MONEY_ROWS } from "../fixtures/samples-money-expected";
import { SAMPLES_AS_OF } from "../fixtures/samples-expected";

const SAMPLES = path.join(__dirname, "..", "..", "samples");

const OPTIONS = { asOf: SAMPLES_AS_OF, fixedAsOf: true, runAt: "2026-11-24T08:30:00.000Z" };

let files: ImportFile[];
let withMoney: RunOutput;
let without: RunOutput;
beforeAll(async () => {
  const scan = await scanFolder(SAMPLES);
  files = scan.files;
  without = reconcileImports(files, OPTIONS);
  // As the command reads billing/: streamed, keeping the lines of the run's old subscriptions.
  withMoney = reconcileImports(files, OPTIONS, await readBillingFiles(SAMPLES, scan.billing, wantedKeys(without.result)));
});

const sheet = (plan: WorkbookPlan, name: string): SheetPlan => plan.sheets.find((s) => s.name === name)!;
const table = (plan: WorkbookPlan, name: string): Block => sheet(plan, name).blocks[sheet(plan, name).blocks.length - 1];
const shown = (c: PlanCell) => (isFormula(c) ? c.v : c);
const column = (b: Block, header: string): ColumnSpec | undefined => b.columns.find((c) => c.header === header);
const values = (b: Block, header: string) => Array.from({ length: b.rows }, (_x, i) => shown(column(b, header)!.cell(i)));
const freeCell = (s: SheetPlan, row: number, col: number) => s.cells.find((c) => c.row === row && c.col === col)?.value;

/** The hand figures by currency, or null where a currency has none. */
function expected(figures: Figures | undefined, currency: string): { soFar: number | null; perDay: number | null } {
  const f = figures?.find(([c]) => c === currency);
  return f ? { soFar: f[1], perDay: f[2] } : { soFar: null, perDay: null };
}

describe("Summary: per customer and currency, the total at the top", () => {
  test("one pair of columns per currency, named for it, after the table's own columns (none of which moves)", () => {
    const b = table(withMoney.plan, GENERATED.summary);
    const before = table(without.plan, GENERATED.summary);
    expect(b.columns.slice(0, before.columns.length).map((c) => c.header)).toEqual(before.columns.map((c) => c.header));
    expect(b.columns.slice(before.columns.length).map((c) => [c.header, c.format, c.hidden ?? false])).toEqual([
      ["Double billing so far (CHF)", "money", false],
      ["Per day (CHF)", "money", false],
      ["Double billing so far (EUR)", "money", false],
      ["Per day (EUR)", "money", false],
    ]);
    expect(SUMMARY.newListPresent).toBe(before.columns.length);
  });

  test("every customer's figures are the hand calculation's; customers without a charge line show none", () => {
    const b = table(withMoney.plan, GENERATED.summary);
    const names = values(b, "Customer");
    let withFigures = 0;
    for (const currency of ["CHF", "EUR"]) {
      const soFar = values(b, `Double billing so far (${currency})`);
      const perDay = values(b, `Per day (${currency})`);
      names.forEach((name, i) => {
        const want = expected(MONEY_CUSTOMERS[String(name)]?.money, currency);
        expect({ name, currency, soFar: soFar[i], perDay: perDay[i] }).toEqual({ name, currency, ...want });
        if (want.soFar !== null) withFigures++;
      });
    }
    expect(withFigures).toBe(Object.keys(MONEY_CUSTOMERS).length);
  });

  test("the money is written as values of the run, never as formulas", () => {
    for (const name of [GENERATED.summary, GENERATED.groups, GENERATED.nextSteps]) {
      const b = table(withMoney.plan, name);
      for (const c of b.columns.filter((x) => /Double billing so far|Per day|Currency/.test(x.header))) {
        expect(c.uniform).toBeFalsy();
        for (let i = 0; i < b.rows; i++) expect(isFormula(c.cell(i))).toBe(false);
      }
    }
  });

  test("the top says the total per currency, that it is pre-tax, from the files given and never converted", () => {
    const s = sheet(withMoney.plan, GENERATED.summary);
    expect(freeCell(s, SUMMARY_ROWS.lines, 1)).toBe("Money at stake");
    const line = String(freeCell(s, SUMMARY_ROWS.lines, 2));
    expect(line).toBe(
      "CHF 28.50 so far, 1.90 a day; EUR 917.30 so far, 52.11 a day (to 2026-11-24; pre-tax, from the reconciliation files given (2 files), never converted; per customer in the last columns).",
    );
    // The table stays where it was: the money takes the free row under the run's figures.
    expect(table(withMoney.plan, GENERATED.summary).top).toBe(SUMMARY_TOP);
    expect(s.freeze).toEqual({ rows: SUMMARY_TOP, cols: 1 });
    expect(freeCell(sheet(without.plan, GENERATED.summary), SUMMARY_ROWS.lines, 1)).toBeUndefined();
  });

  test("with warnings too, the warnings take the next row and the table moves one row down (12 frozen rows at most)", async () => {
    const oldOnly = files.filter((f) => f.role === "from");
    const base = reconcileImports(oldOnly, OPTIONS);
    const billing = await readBillingFiles(SAMPLES, (await scanFolder(SAMPLES)).billing, wantedKeys(base.result));
    const out = reconcileImports(oldOnly, OPTIONS, billing);
    const s = sheet(out.plan, GENERATED.summary);
    expect(freeCell(s, SUMMARY_ROWS.lines, 1)).toBe("Money at stake");
    // No new account: no overlap, nothing so far; the old subscriptions still bill every day.
    expect(String(freeCell(s, SUMMARY_ROWS.lines, 2))).toMatch(/^CHF 0\.00 so far, 1\.90 a day; EUR 0\.00 so far, 52\.11 a day \(/);
    expect(String(freeCell(s, SUMMARY_ROWS.lines + 1, 1))).toMatch(/^Warning: No export of the new account/);
    expect(table(out.plan, GENERATED.summary).top).toBe(SUMMARY_TOP + 1);
    expect(s.freeze!.rows).toBe(12);
  });

  test("amounts are written with thousands separators and cents, credits with a minus", () => {
    expect([1234.5, 0, -157.26, 1_000_000, 0.004, -0.004].map(formatAmount)).toEqual(["1,234.50", "0.00", "-157.26", "1,000,000.00", "0.00", "0.00"]);
  });
});

describe("Groups: each group's figures per currency", () => {
  test("the hand calculation's figures for every group with charge lines, none elsewhere", () => {
    const b = table(withMoney.plan, GENERATED.groups);
    const names = values(b, "Customer");
    const offers = values(b, "Offer");
    let shownGroups = 0;
    for (const currency of ["CHF", "EUR"]) {
      const soFar = values(b, `Double billing so far (${currency})`);
      const perDay = values(b, `Per day (${currency})`);
      names.forEach((name, k) => {
        const g = withMoney.result.groups.find((x) => withMoney.result.customers[x.customer].name === name && x.offerLabel === offers[k])!;
        const want = expected(MONEY_CUSTOMERS[String(name)]?.groups[g.offerKey], currency);
        expect({ name, offer: offers[k], soFar: soFar[k], perDay: perDay[k] }).toEqual({ name, offer: offers[k], ...want });
        if (want.soFar !== null) shownGroups++;
      });
    }
    expect(shownGroups).toBe(Object.values(MONEY_CUSTOMERS).reduce((n, c) => n + Object.keys(c.groups).length, 0));
  });
});

describe("Next steps: the rows that stop the billing carry their cost per day", () => {
  test("SUSPEND_OLD and CANCEL_NCE rows: the old row's per day and currency; every other action: none", () => {
    const b = table(withMoney.plan, GENERATED.nextSteps);
    const actions = deriveActions(withMoney.result);
    const perDay = values(b, NEXT_STEPS_PER_DAY);
    const currency = values(b, NEXT_STEPS_CURRENCY);
    const stops = new Set(ACTION_TABLE.filter((l) => l.scope === "oldRow").map((l) => l.action));
    expect([...stops].sort()).toEqual(["CANCEL_NCE", "SUSPEND_OLD"]);
    let carried = 0;
    actions.forEach((a, i) => {
      const f = stops.has(a.action) ? MONEY_ROWS[chargeKey(a.subscriptionIds[0])]?.[0] : undefined;
      expect({ action: a.action, ids: a.subscriptionIds, perDay: perDay[i], currency: currency[i] }).toEqual({
        action: a.action,
        ids: a.subscriptionIds,
        perDay: f ? f[2] : null,
        currency: f ? f[0] : null,
      });
      if (f) carried++;
    });
    // Lefèvre's E3 (SUSPEND_OLD, 24.61 EUR), Müller's and Rousseau's new-commerce rows (CANCEL_NCE).
    expect(carried).toBeGreaterThanOrEqual(3);
    expect(perDay.filter((x) => x !== null)).toEqual(expect.arrayContaining([24.61, 17.17, 7.53]));
  });

  test("without billing files the sheet has no money columns", () => {
    const b = table(without.plan, GENERATED.nextSteps);
    expect(column(b, NEXT_STEPS_PER_DAY)).toBeUndefined();
    expect(column(b, NEXT_STEPS_CURRENCY)).toBeUndefined();
  });
});

describe("money changes nothing else in the workbook", () => {
  test("every cell of every sheet is the same with and without the billing files, but the money's own", () => {
    const isMoney = (h: string) => /^(Double billing so far|Per day) \([A-Z]{3}\)$/.test(h) || h === NEXT_STEPS_PER_DAY || h === NEXT_STEPS_CURRENCY;
    const dump = (plan: WorkbookPlan) =>
      plan.sheets.map((s) => ({
        name: s.name,
        cells: s.cells.filter((c) => c.row !== SUMMARY_ROWS.lines || s.name !== GENERATED.summary).map((c) => [c.row, c.col, shown(c.value)]),
        blocks: s.blocks.map((b) => ({
          top: b.top,
          left: b.left,
          columns: b.columns
            .filter((c) => !isMoney(c.header))
            .map((c) => [c.header, c.formula ?? null, Array.from({ length: b.rows }, (_x, i) => JSON.stringify(c.cell(i)))]),
        })),
      }));
    expect(dump(withMoney.plan)).toEqual(dump(without.plan));
  });

  test("without billing files there is no money line and no money column", () => {
    for (const s of without.plan.sheets) for (const b of s.blocks) expect(b.columns.some((c) => /Double billing so far|Per day/.test(c.header))).toBe(false);
  });
});

describe("billing files' problems are on the Problems sheet and counted at the top", () => {
  test("a file missing a column and an unreadable date: MISSING_COLUMN and BAD_VALUE rows after the exports' problems, counted at the top", () => {
    const reader = new BillingReader(wantedKeys(without.result));
    readBillingGrid(reader, "billing/no currency.csv", [
      ["SubscriptionId", "ChargeStartDate", "ChargeEndDate", "Subtotal"],
      ["3297c969-a12d-482b-a3f5-8c30e0e29095", "2026-11-11", "2026-12-10", "515.00"],
    ]);
    readBillingGrid(reader, "billing/bad date.csv", [
      ["SubscriptionId", "ChargeStartDate", "ChargeEndDate", "Subtotal", "Currency"],
      ["3297c969-a12d-482b-a3f5-8c30e0e29095", "2026-11-11", "soon", "515.00", "EUR"],
    ]);
    const out = reconcileImports(files, OPTIONS, reader.data());
    const problems = table(out.plan, GENERATED.problems);
    expect(values(problems, "Code")).toEqual([...without.result.problems.map((p) => p.code), "MISSING_COLUMN", "BAD_VALUE"]);
    expect(values(problems, "Source").slice(-2)).toEqual(["billing/no currency.csv", "billing/bad date.csv"]);
    expect(values(problems, "Row").slice(-2)).toEqual([0, 2]);
    const count = freeCell(sheet(out.plan, GENERATED.summary), SUMMARY_ROWS.problems, 2) as { text: string };
    expect(count.text).toBe(`${without.result.problems.length + 2} problems: see the Problems sheet`);
    expect(out.report.problems).toHaveLength(without.result.problems.length + 2);
  });
});
