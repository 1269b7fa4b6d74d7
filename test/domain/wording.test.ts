/**
 * The next steps (src/domain/verdicts.ts NEXT_STEP) say only what the verdict's rule guarantees
 * (issue 11: "Service gap" said "Nothing is live in either account" while a suspended old
 * subscription was there). Every combination of small group figures is evaluated by the
 * verdict table itself.
 */
import { GroupNumber, NEXT_STEP, groupVerdict } from "../../src/domain/verdicts";

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

describe("no next step contradicts the advice it carries (issue 11 point 6)", () => {
  test("a verdict whose group can hold an active old row (and so 'let it expire on <date>') never tells to suspend without deferring to that advice", () => {
    const withActiveOld = new Set<string>();
    for (const g of groups()) if (g.nums.A > 0) withActiveOld.add(groupVerdict(g.nums, g.azure));
    expect(withActiveOld.size).toBeGreaterThan(3);
    for (const v of withActiveOld) {
      const step = NEXT_STEP[v as keyof typeof NEXT_STEP];
      // "suspend it", "suspend the old one", "before suspending": an instruction, not a state.
      if (/\bsuspend(ing\b| it\b| the old)/i.test(step)) expect(`${v}: ${step}`).toMatch(/unless the advice says to let it expire/);
    }
  });

  test("Done, which can carry 'reassign licenses', does not say there is nothing to do", () => {
    expect(NEXT_STEP.DONE).not.toMatch(/nothing to do/i);
  });
});
