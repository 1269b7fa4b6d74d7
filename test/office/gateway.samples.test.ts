/**
 * The gateway imports the bundled samples into Excel (the fake), reconciles, and the workbook
 * holds exactly what the headless command writes to a file for the same exports: every value,
 * every formula, every number format. Within Excel on the web's limits.
 */
import * as path from "path";
import { scanFolder } from "../../src/cli/folder";
import { reconcileImports, runFolder } from "../../src/cli/run";
import { customerOutcomes } from "../../src/office/reconcile";
import { ENGLISH_WORDS, actionSentence } from "../../src/domain/actions";
import { AdviceItem, adviceText } from "../../src/domain/advice";
import { ImportFile } from "../../src/domain/importer";
import { writtenWorkbook } from "../support/written";
import { compareWithWriter } from "./support/compare";
import { AS_OF, RUN_AT, bench, importAndReconcile } from "./support/setup";

let files: ImportFile[];

beforeAll(async () => {
  files = (await scanFolder(path.join(__dirname, "..", "..", "samples"))).files;
});

async function expected(fs: readonly ImportFile[]) {
  const out = reconcileImports(fs, { asOf: AS_OF, fixedAsOf: true, runAt: RUN_AT.toISOString() });
  return { out, wb: await writtenWorkbook(out.inputSheets, out.plan) };
}

describe.each(["1.9", "1.7"])("bundled samples on an ExcelApi %s host", (api) => {
  test("the workbook equals the headless writer's file cell for cell", async () => {
    const b = bench({ api });
    const { outcome } = await importAndReconcile(b, files);
    const { out, wb } = await expected(files);
    const cmp = compareWithWriter(b.fake.store, wb);
    expect(cmp.mismatches).toEqual([]);
    expect(cmp.formulas).toBeGreaterThan(500);
    // Same engine result as the command.
    expect(outcome.report).toEqual(out.report);
    expect(outcome.customers.length).toBe(out.report.customers.length);
    // Limits: every request and response under 5 MB; with our budgets under about 2 MB
    // (writes) and 3 MB (reads, which halve a chunk that fails).
    expect(b.fake.stats.largestRequestBytes).toBeLessThan(2.1 * 1024 * 1024);
    expect(b.fake.stats.largestResponseBytes).toBeLessThan(3.1 * 1024 * 1024);
    expect(b.fake.stats.log.every((r) => !r.failed)).toBe(true);
    // eslint-disable-next-line no-console
    console.log(
      `samples, ExcelApi ${api}: ${b.fake.stats.requests} requests in all (reconcile: ${outcome.stats.requests}), largest request ${b.fake.stats.largestRequestBytes} bytes, largest response ${b.fake.stats.largestResponseBytes} bytes`,
    );
  });
});

test("every write request of a run suspends calculation until its sync; the last calculates the workbook", async () => {
  const b = bench();
  await b.gateway.importFiles(files, b.onProgress);
  b.fake.resetStats();
  b.progress.length = 0;
  await b.gateway.reconcile(b.onProgress);
  const writes = b.fake.stats.log.filter((r) => r.writes > 0);
  expect(writes.length).toBeGreaterThan(1);
  expect(writes.slice(0, -1).every((r) => r.suspendedCalculation)).toBe(true);
  expect(writes[writes.length - 1]).toMatchObject({ calls: 1, suspendedCalculation: false });
  expect(b.fake.store.calculated).toBe(true);
  const fractions = b.progress.map((p) => p.fraction);
  expect(fractions[fractions.length - 1]).toBe(1);
  expect([...fractions].sort((x, y) => x - y)).toEqual(fractions);
});

test("uniform columns are filled with copyFrom on ExcelApi 1.9: far fewer bytes than full arrays", async () => {
  const sizes: Record<string, number> = {};
  for (const api of ["1.7", "1.9"]) {
    const b = bench({ api });
    await b.gateway.importFiles(files, b.onProgress);
    b.fake.resetStats();
    await b.gateway.reconcile(b.onProgress);
    sizes[api] = b.fake.stats.totalRequestBytes;
  }
  expect(sizes["1.9"]).toBeLessThan(sizes["1.7"] * 0.8);
});

test("the comparison notices a changed value, a changed formula and an extra cell", async () => {
  const b = bench();
  await importAndReconcile(b, files);
  const { wb } = await expected(files);
  const store = b.fake.store;
  const calc = store.mustSheet("CSP Calc");
  const [[row, col]] = store.cellsIn(calc, { top: 2, left: 11, bottom: 2, right: 11 });
  store.writeStored(calc, row, col, { kind: "formula", formula: "=1" });
  store.userWrite("Summary", 1, 1, "Changed title");
  store.userWrite("Groups", 500, 3, "stray");
  const cmp = compareWithWriter(store, wb);
  expect(cmp.mismatches).toHaveLength(3);
});

describe("Next steps (spec §8) in the outcome: the engine's actions, with the rows of the subscriptions they name", () => {
  test("the report's actions, in order, each with its account kind, its facts and the workbook rows holding its subscription IDs", async () => {
    const b = bench();
    const { outcome } = await importAndReconcile(b, files);
    const { out } = await expected(files);
    expect(outcome.actions.map((a) => [a.customer, a.account, a.action, a.subscriptionIds, a.seats, a.due, a.doubleBillingDays, a.text])).toEqual(
      out.report.actions.map((a) => [a.customer, a.account, a.action, a.subscriptionIds, a.seats, a.due, a.doubleBillingDays, a.text]),
    );
    expect(outcome.actions.length).toBeGreaterThan(20);
    // The facts say the sentence again: the pane can say it in French or Dutch from them.
    for (const a of outcome.actions) expect(actionSentence(ENGLISH_WORDS, a.sentence)).toBe(a.text);
    const kinds = new Set(outcome.actions.map((a) => a.accountKind));
    expect(kinds).toEqual(new Set(["old", "new", "microsoft", "customer"]));
    for (const a of outcome.actions) expect(a.accountKind === "old").toBe(!["new", "microsoft", "customer"].includes(a.account));
    let selectable = 0;
    for (const a of outcome.actions) {
      // Each named subscription ID is on exactly the rows given (one row per ID), in the account's sheet.
      expect(a.rows.length).toBe(a.subscriptionIds.length);
      a.rows.forEach((at, k) => {
        const sheet = b.fake.store.mustSheet(at.sheet);
        const cells = Array.from({ length: 12 }, (_, c) => b.fake.store.cell(sheet, at.row, c + 1)?.value);
        expect(cells).toContain(a.subscriptionIds[k]);
        if (a.accountKind === "old") expect(at.sheet).toBe(`${a.account} subscriptions`);
        selectable++;
      });
      const customer = outcome.customers.find((c) => c.index === a.customerIndex);
      expect(customer?.name).toBe(a.customer);
    }
    expect(selectable).toBeGreaterThan(10);
  });

  test("a customer card's groups carry their advice: days of double billing, the date to let an old subscription expire", async () => {
    const b = bench();
    const { outcome } = await importAndReconcile(b, files);
    const lefevre = outcome.customers.find((c) => c.name === "Transports Lefèvre SA")!;
    expect(lefevre.groups.find((g) => g.verdict === "OLD_STILL_ACTIVE")?.advice).toEqual([
      { kind: "doubleBilling", days: 22 },
      { kind: "letExpire", date: "2026-12-18" },
    ]);
    const { out } = await expected(files);
    // The same advice as report.json's notes, customer for customer (the card lists groups most severe first).
    const said = (c: { groups: readonly { notes?: readonly string[]; advice?: readonly AdviceItem[] }[] }) =>
      c.groups.flatMap((g) => g.notes ?? g.advice!.map(adviceText)).sort();
    for (const c of outcome.customers) expect(said(c)).toEqual(said(out.report.customers.find((r) => r.customer === c.name)!));
    expect(out.report.customers.flatMap(said).length).toBeGreaterThan(5);
  });
});

test("a customer's money at stake in the outcome is report.json's (§9, in cents), given the billing files' lines", async () => {
  const out = await runFolder({ folder: path.join(__dirname, "..", "..", "samples"), out: null, json: null, asOf: AS_OF, today: AS_OF }, () => undefined);
  const customers = customerOutcomes(out.result, [], out.money);
  for (const c of customers) expect(c.money).toEqual(out.report.customers.find((r) => r.customer === c.name)!.money);
  expect(customers.find((c) => c.name === "Transports Lefèvre SA")!.money).toEqual([{ currency: "EUR", soFar: 596.3, perDay: 24.61 }]);
  // Without billing lines (the pane today): no figures at all.
  expect(customerOutcomes(out.result).every((c) => c.money.length === 0)).toBe(true);
});
