/**
 * samples/EXPECTED.md "Money at stake": the command's figures on the bundled samples equal the
 * hand calculation (test/fixtures/samples-money-expected.ts) for every old row, group and
 * customer, and the totals; and the billing files change no verdict.
 */
import * as path from "path";
import { RunOutput, runFolder } from "../../src/cli/run";
import { chargeKey } from "../../src/domain/charges";
import { Money, inCents, rowMoney } from "../../src/domain/money";
import { SAMPLES_AS_OF, SAMPLES_CUSTOMERS, SAMPLES_PROBLEMS, SAMPLES_TOTALS } from "../fixtures/samples-expected";
import { Figures, MONEY_CUSTOMERS, MONEY_ROWS, MONEY_TOTALS } from "../fixtures/samples-money-expected";

const SAMPLES = path.join(__dirname, "..", "..", "samples");
const figures = (m: Money): Figures => m.map((x) => [x.currency, x.soFar, x.perDay]);

describe("samples/EXPECTED.md: money at stake from samples/billing", () => {
  let out: RunOutput;
  const progress: string[] = [];

  beforeAll(async () => {
    out = await runFolder({ folder: SAMPLES, out: null, json: null, asOf: SAMPLES_AS_OF, today: SAMPLES_AS_OF }, (l) => progress.push(l));
  });

  test("both billing files are read: one legacy, one new commerce", () => {
    expect(out.report.money.files).toEqual(MONEY_TOTALS.files);
    expect(progress).toContain("money: 122 charge lines read, 90 counted for old subscriptions, 32 unmatched");
  });

  test("every old row: the figures of the hand calculation, and none for the rows without a line", () => {
    const got: Record<string, Figures> = {};
    out.result.rows.forEach((r, i) => {
      const m = rowMoney(out.money, i);
      if (m.length > 0) got[chargeKey(r.subscriptionId)] = figures(inCents(m));
    });
    expect(got).toEqual(MONEY_ROWS);
  });

  test.each(SAMPLES_CUSTOMERS.map((c) => [c.customer] as const))("%s: customer and group figures", (name) => {
    const c = out.report.customers.find((x) => x.customer === name)!;
    const want = MONEY_CUSTOMERS[name] ?? { money: [], groups: {} };
    expect(figures(c.money)).toEqual(want.money);
    expect(Object.fromEntries(c.groups.filter((g) => g.money.length > 0).map((g) => [g.offer, figures(g.money)]))).toEqual(want.groups);
  });

  test("the totals per currency, unmatched and duplicate lines", () => {
    expect(out.report.money).toEqual(MONEY_TOTALS);
  });

  test("the billing files change no verdict, no total and no problem", () => {
    expect(out.report.totals).toEqual(SAMPLES_TOTALS);
    expect(out.report.problems.map((p) => [p.source, p.row, p.code])).toEqual(SAMPLES_PROBLEMS);
    for (const want of SAMPLES_CUSTOMERS) expect(out.report.customers.find((c) => c.customer === want.customer)!.verdict).toBe(want.verdict);
  });
});
