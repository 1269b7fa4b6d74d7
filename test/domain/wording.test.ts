/**
 * The next steps (src/domain/verdicts.ts NEXT_STEP) say only what the verdict's rule guarantees
 * (issue 11: "Service gap" said "Nothing is live in either account" while a suspended old
 * subscription was there). Every combination of small group figures is evaluated by the
 * verdict table itself.
 */
import { groupAdvice } from "../../src/domain/advice";
import { CustomerVerdict, GroupNumber, NEXT_STEP, groupVerdict } from "../../src/domain/verdicts";
import { ExportSet, Sub } from "./support/exports";

/** Every consistent group (live ≤ rows, A ≤ live, Snce ≤ live − A, P ≤ new live) with figures up to 2. */
function* groups(): Generator<{ nums: Record<GroupNumber, number>; azure: boolean; suspended: number }> {
  const up = [0, 1, 2];
  for (const oldRows of up)
    for (const oldLive of up.filter((n) => n <= oldRows))
      for (const A of up.filter((n) => n <= oldLive))
        for (const Snce of up.filter((n) => n <= oldLive - A))
          for (const newLive of up)
            for (const P of up.filter((n) => n <= newLive))
              for (const N of up)
                for (const R of up)
                  for (const azure of [false, true]) yield { nums: { oldRows, oldLive, A, Snce, newLive, P, R, N }, azure, suspended: oldLive - A };
}

describe("Service gap: the next step says the old subscription is suspended, since it always is", () => {
  test("every Service gap group has a suspended old row, none active or pending, and no active seat or pending row in the new account", () => {
    let seen = 0;
    for (const g of groups()) {
      if (groupVerdict(g.nums, g.azure) !== "SERVICE_GAP") continue;
      seen++;
      expect([g.suspended > 0, g.nums.A, g.nums.N, g.nums.P]).toEqual([true, 0, 0, 0]);
    }
    expect(seen).toBeGreaterThan(10);
  });

  test("so its next step speaks of a suspended old subscription, and never says nothing is live", () => {
    expect(NEXT_STEP.SERVICE_GAP).toMatch(/suspended/);
    expect(NEXT_STEP.SERVICE_GAP).not.toMatch(/nothing is live/i);
  });

  test("Closed, where nothing is live, still says so", () => {
    for (const g of groups()) if (groupVerdict(g.nums, g.azure) === "CLOSED") expect([g.nums.oldLive, g.nums.newLive]).toEqual([0, 0]);
    expect(NEXT_STEP.CLOSED).toMatch(/Nothing is live/);
  });
});

describe("Advice where people look (issue 11 point 6): a customer's next step never contradicts its groups' advice", () => {
  const r = (id: string, status: string, qty: number, cols?: Sub["cols"]): Sub => ({ id, offer: "Office 365 E3", qty: String(qty), status, cols });
  const ending = { "Commitment end date": "2026-12-18" };
  /** An old legacy subscription whose commitment ends within 30 days, beside each kind of new account. */
  const cases: [string, Sub[]][] = [
    ["new active, same seats", [r("n1", "Active", 40, { "Creation date": "2026-11-02" })]],
    ["no new subscription", []],
    ["new active, fewer seats", [r("n1", "Active", 30)]],
    ["new pending", [r("n1", "Pending", 40)]],
  ];
  const runs = cases.map(([what, news]) => {
    const set = new ExportSet().old("FR", "Contoso", [r("f1", "Active", 40, ending)]);
    const run = (news.length > 0 ? set.new("Contoso", news) : set).run("2026-11-24");
    const c = run.result.customers.find((x) => x.name === "Contoso")!;
    const advice = c.groups.flatMap((g) => groupAdvice(run.result.groups[g], run.result.rows, run.result.asOf));
    return { what, verdict: c.verdict, advice };
  });

  test("the advice says 'let it expire on 2026-12-18' whatever the new account holds", () => {
    for (const x of runs) expect(x.advice).toContainEqual({ kind: "letExpire", date: "2026-12-18" });
    expect(new Set(runs.map((x) => x.verdict))).toEqual(new Set(["OLD_STILL_ACTIVE", "MISSING_NEW", "SEATS_SHORT", "NEW_NOT_ACTIVE"]));
    expect(runs[0].advice).toContainEqual({ kind: "doubleBilling", days: 22 });
  });

  test.each(runs.map((x) => [x.verdict, x.what]))("%s (%s): the next step sets no deadline and prescribes no suspension that letting it expire would break", (verdict) => {
    const step = NEXT_STEP[verdict as CustomerVerdict];
    expect(step).not.toMatch(/\btoday\b|\bnow\b|same day/i);
    expect(step).not.toMatch(/\bsuspend(ing)?\b(?![^(]*expire)/i);
  });

  test("Old still active names letting it expire among the ways to stop the old subscription", () => {
    expect(NEXT_STEP.OLD_STILL_ACTIVE).toMatch(/let it expire/);
  });

  test("Done with 'reassign licenses': the next step leaves the licenses to reassign (nothing to do in Partner Center only)", () => {
    const run = new ExportSet()
      .offerMap([["Office 365 Business Premium", "Microsoft 365 Business Standard"]])
      .old("FR", "Contoso", [{ id: "f1", offer: "Office 365 Business Premium", qty: "5", status: "Suspended" }])
      .new("Contoso", [{ id: "n1", offer: "Microsoft 365 Business Standard", qty: "5", status: "Active" }])
      .run();
    const c = run.result.customers.find((x) => x.name === "Contoso")!;
    expect(c.verdict).toBe("DONE");
    expect(groupAdvice(run.result.groups[c.groups[0]], run.result.rows, run.result.asOf)).toEqual([{ kind: "reassign" }]);
    expect(NEXT_STEP.DONE).toBe("Nothing to do in Partner Center.");
  });
});
