/**
 * The Next steps sheet of spec §8 as the plan lays it out: one row per action of the engine, in
 * §8's order, every column a partner works with, Still needed compiled from STILL_NEEDED, Done
 * typed by the user and carried over by the action's key, the Summary's link to it. Its formula
 * values are checked in three engines by test/formulas.engines.test.ts.
 */
import * as path from "path";
import { scanFolder } from "../../src/cli/folder";
import { RunOutput, reconcileImports } from "../../src/cli/run";
import { ACTION_CODES, ACTION_LABEL, ACTION_TABLE, STILL_NEEDED, actionKeyDigest, deriveActions } from "../../src/domain/actions";
import { isoToSerial } from "../../src/domain/cells";
import { LABEL, severityRank } from "../../src/domain/verdicts";
import { compileActionCond } from "../../src/layout/formulas";
import { CALC, DONE_CHOICES, GENERATED, NEXT_STEPS, buildPlan } from "../../src/layout/plan";
import { NEXT_STEPS_LINK_ROW } from "../../src/layout/sheets/summary";
import { Block, SheetPlan, WorkbookPlan, isFormula, isLink } from "../../src/layout/types";
import { randomExports } from "../support/random-exports";

const AS_OF = "2026-11-24";

let samples: RunOutput;
beforeAll(async () => {
  samples = reconcileImports((await scanFolder(path.join(__dirname, "..", "..", "samples"))).files, { asOf: AS_OF, fixedAsOf: true });
});

const sheet = (plan: WorkbookPlan, name: string): SheetPlan => plan.sheets.find((s) => s.name === name)!;
const block = (plan: WorkbookPlan): Block => sheet(plan, GENERATED.nextSteps).blocks[0];
const value = (b: Block, col: number, i: number) => {
  const c = b.columns[col - b.left].cell(i);
  return isFormula(c) ? c.v : c;
};

/** The plan again from the same run, with what a user typed in Done before. */
function replan(out: RunOutput, previousDone: ReadonlyMap<string, string>): WorkbookPlan {
  const dataSheets = new Map(
    [...out.sheets]
      .filter(([name]) => out.plan.sheets.some((s) => s.role === "data" && s.name === name))
      .map(([name, data]) => [name, { name, data, usedWidth: out.plan.sheets.find((s) => s.name === name)!.blocks[0].left - 1 }]),
  );
  return buildPlan({
    result: out.result,
    dataSheets,
    records: out.records,
    accounts: out.result.accounts,
    offerMap: out.result.offerMap,
    fixedAsOf: isoToSerial(AS_OF)!,
    runAt: "2026-11-24T00:00:00.000Z",
    previousDone,
  });
}

describe("one row per action, in §8's order", () => {
  test("the samples: each action's account, customer, action, offer, IDs, seats, due date, sentence and key", () => {
    const actions = deriveActions(samples.result);
    const b = block(samples.plan);
    expect(b.rows).toBe(actions.length);
    expect(b.columns.filter((c) => !c.hidden).map((c) => c.header)).toEqual([
      "Account", "Customer", "Microsoft ID", "Action", "Offer", "Subscription IDs", "Seats", "Due", "Days of double billing", "What to do", "Still needed", "Done",
    ]);
    actions.forEach((a, i) => {
      expect(value(b, NEXT_STEPS.key, i)).toBe(actionKeyDigest(a.key));
      expect(value(b, NEXT_STEPS.customer, i)).toBe(a.customer);
      expect(value(b, NEXT_STEPS.microsoftId, i)).toBe(a.microsoftId ?? "");
      expect(value(b, NEXT_STEPS.action, i)).toBe(a.letExpire ? "Let old subscription expire" : ACTION_LABEL[a.action]);
      expect(value(b, NEXT_STEPS.account, i)).toBe({ new: "New account", microsoft: "Microsoft (Azure support)", customer: "Customer's tenant" }[a.account] ?? a.account);
      expect(value(b, NEXT_STEPS.ids, i)).toBe(a.subscriptionIds.join(", "));
      expect(value(b, NEXT_STEPS.seats, i)).toBe(a.seats ?? "");
      expect(value(b, NEXT_STEPS.due, i)).toBe(a.due === null ? "" : isoToSerial(a.due));
      expect(value(b, NEXT_STEPS.days, i)).toBe(a.doubleBillingDays ?? "");
      expect(value(b, NEXT_STEPS.text, i)).toBe(a.text);
      // Every action of the run is still needed at the run.
      expect(value(b, NEXT_STEPS.stillNeeded, i)).toBe("Yes");
      expect(value(b, NEXT_STEPS.done, i)).toBeNull();
    });
    // The sheet names the old accounts by name, so it can be filtered to one of them.
    const accounts = new Set(actions.map((_a, i) => value(b, NEXT_STEPS.account, i)));
    expect([...accounts].filter((a) => ["FR", "NL", "DE"].includes(String(a))).length).toBe(3);
  });

  test("every flagged customer of the samples has at least one row", () => {
    const b = block(samples.plan);
    const names = new Set(Array.from({ length: b.rows }, (_x, i) => value(b, NEXT_STEPS.customer, i)));
    const flagged = samples.result.customers.filter((c) => c.inReport && c.flagged);
    expect(flagged.length).toBeGreaterThan(10);
    expect(flagged.filter((c) => !names.has(c.name)).map((c) => c.name)).toEqual([]);
  });

  test("filtered by account, the samples give samples/EXPECTED.md's counts", () => {
    const b = block(samples.plan);
    const counts: Record<string, number> = {};
    for (let i = 0; i < b.rows; i++) counts[String(value(b, NEXT_STEPS.account, i))] = (counts[String(value(b, NEXT_STEPS.account, i))] ?? 0) + 1;
    expect(counts).toEqual({ FR: 4, NL: 3, DE: 4, "New account": 10, "Microsoft (Azure support)": 3, "Customer's tenant": 6 });
  });

  test("a sheet the user can filter and work through: filter buttons, the header frozen, the helper columns hidden", () => {
    const s = sheet(samples.plan, GENERATED.nextSteps);
    expect(s).toMatchObject({ role: "generated", visible: true, freeze: { rows: 1, cols: 0 } });
    expect(s.blocks[0].autoFilter).toBe(true);
    expect(samples.plan.sheets.map((x) => x.name).indexOf(GENERATED.nextSteps)).toBe(1);
    const b = s.blocks[0];
    expect(b.columns.slice(NEXT_STEPS.key - 1).every((c) => c.hidden)).toBe(true);
    expect(b.columns[NEXT_STEPS.done - 1].input).toEqual(DONE_CHOICES);
  });
});

describe("Done is the user's, kept by the action's key", () => {
  test("a re-run's plan puts each Done back on the action with the same key; keys no longer there are dropped", () => {
    const actions = deriveActions(samples.result);
    const done = new Map([
      [actions[0].key, "Yes"],
      [actions[actions.length - 1].key, "called them"],
      [JSON.stringify(["id:gone", "FR", "SUSPEND_OLD", "office 365 e3", ["x"]]), "Yes"],
    ]);
    const b = block(replan(samples, done));
    const got = Array.from({ length: b.rows }, (_x, i) => value(b, NEXT_STEPS.done, i));
    expect(got[0]).toBe("Yes");
    expect(got[got.length - 1]).toBe("called them");
    expect(got.filter((x) => x !== null)).toHaveLength(2);
  });
});

describe("the Summary links to the sheet", () => {
  test("a link in the Summary's top cells to the Next steps sheet, saying how many actions", () => {
    const cell = sheet(samples.plan, GENERATED.summary).cells.find((c) => c.row === NEXT_STEPS_LINK_ROW && c.col === 2)!;
    expect(isLink(cell.value)).toBe(true);
    expect(cell.value).toEqual({ text: `${block(samples.plan).rows} actions, account by account`, link: "'Next steps'!A1" });
  });
});

describe("Still needed is STILL_NEEDED compiled, one formula for every code", () => {
  const ref = (name: string) => `[${name}]`;

  test("a choice is compared as the workbook holds it: the customer verdict's label, the group's rank, the row's status code", () => {
    expect(compileActionCond({ op: "in", name: "customerVerdict", values: ["NO_EXPORT"] }, ref)).toBe(`[customerVerdict]="${LABEL.NO_EXPORT}"`);
    expect(compileActionCond({ op: "in", name: "groupVerdict", values: ["SERVICE_GAP", "NEW_NOT_ACTIVE"] }, ref)).toBe(
      `OR([groupVerdict]=${severityRank("SERVICE_GAP")},[groupVerdict]=${severityRank("NEW_NOT_ACTIVE")})`,
    );
    expect(compileActionCond({ op: "in", name: "rowStatus", values: ["active", "pending"] }, ref)).toBe("OR([rowStatus]=1,[rowStatus]=2)");
    expect(compileActionCond({ op: "not", arg: { op: "flag", name: "azure" } }, ref)).toBe("[azure]<>1");
    expect(compileActionCond({ op: "cmp", name: "accountA", rel: ">", rhs: 0 }, ref)).toBe("[accountA]>0");
  });

  test("the column's formula holds every code's condition, in ACTION_CODES order, chosen by the row's code number", () => {
    const b = block(samples.plan);
    const f = b.columns[NEXT_STEPS.stillNeeded - 1].formula!;
    expect(f).toMatch(/^IF\(\$AB2>0,"Re-run needed",IF\(CHOOSE\(\$N2,/);
    expect(ACTION_CODES).toHaveLength(new Set(ACTION_TABLE.map((l) => l.action)).size);
    for (const code of ACTION_CODES) expect(Object.keys(STILL_NEEDED)).toContain(code);
    // Short enough to store once per row (LibreOffice) and send once per row (ExcelApi 1.7).
    expect(f.length).toBeLessThan(450);
    const actions = deriveActions(samples.result);
    actions.forEach((a, i) => expect(value(b, NEXT_STEPS.code, i)).toBe(ACTION_CODES.indexOf(a.action) + 1));
  });
});

describe("CSP Calc keeps each account's rows of a group together (accountA)", () => {
  test.each([
    ["samples", () => samples],
    ["a random export set", () => reconcileImports(randomExports({ seed: 5, customers: 40 }), { asOf: AS_OF, fixedAsOf: true })],
  ])("%s: an account's rows in a group form one run", (_name, get) => {
    const b = sheet(get().plan, GENERATED.calc).blocks[0];
    const seen = new Set<string>();
    let prev = "";
    for (let i = 0; i < b.rows; i++) {
      const run = `${value(b, CALC.group, i)}|${value(b, CALC.accountKey, i)}`;
      if (run !== prev) {
        expect(seen.has(run)).toBe(false);
        seen.add(run);
      }
      prev = run;
    }
    expect(seen.size).toBeGreaterThan(10);
  });
});
