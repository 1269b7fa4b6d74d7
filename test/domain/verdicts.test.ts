/**
 * Spec §4, the group verdict table: one test per line, each with the smallest export set that
 * reaches exactly that line, through the public reconcile() API. Every case states its totals by
 * hand; the restated table (support/spec-table.ts) then shows that no earlier line applies.
 */
import { LABEL } from "../../src/domain/verdicts";
import { ExportSet, onlyGroup, Sub } from "./support/exports";
import { SPEC_LINES, SpecTotals, matchingLines } from "./support/spec-table";

const NCE_ID = { "Offer ID": "CFQ7TTC0LCHC:0002:CFQ7TTC0KLGP" };
const row = (status: string, qty: string | number = 5, cols?: Sub["cols"], offer = "Office 365 E3"): Sub => ({ offer, qty: String(qty), status, cols });
const azure = (status: string): Sub => ({ offer: "Azure plan", qty: "", status });

interface Case {
  readonly line: number;
  readonly why: string;
  readonly old: readonly Sub[];
  readonly new: readonly Sub[];
  readonly totals: Omit<SpecTotals, "azure">;
  readonly azure?: boolean;
}

const zero = { oldRows: 0, oldLive: 0, newRows: 0, newLive: 0, R: 0, A: 0, S: 0, Snce: 0, N: 0, P: 0 };

const CASES: Case[] = [
  { line: 1, why: "an expired old row, nothing new", old: [row("Expired")], new: [], totals: { ...zero, oldRows: 1 } },
  {
    line: 1,
    why: "only a cancelled new row (line 1 comes before line 2)",
    old: [],
    new: [row("Cancelled")],
    totals: { ...zero, newRows: 1 },
  },
  { line: 2, why: "only an active new row", old: [], new: [row("Active")], totals: { ...zero, newRows: 1, newLive: 1, N: 5 } },
  { line: 2, why: "only a pending new row", old: [], new: [row("Pending")], totals: { ...zero, newRows: 1, newLive: 1, P: 1 } },
  {
    line: 3,
    why: "the old row is deleted, the new one active",
    old: [row("Deleted")],
    new: [row("Active")],
    totals: { ...zero, oldRows: 1, newRows: 1, newLive: 1, N: 5 },
  },
  {
    line: 4,
    why: "the old row is deleted, the new one pending",
    old: [row("Deleted", 3)],
    new: [row("Pending", 3)],
    totals: { ...zero, oldRows: 1, newRows: 1, newLive: 1, P: 1 },
  },
  {
    line: 5,
    why: "Azure: the old one active and the new one active",
    azure: true,
    old: [azure("Active")],
    new: [azure("Active")],
    totals: { ...zero, oldRows: 1, oldLive: 1, R: 1, A: 1, newRows: 1, newLive: 1, N: 1 },
  },
  {
    line: 6,
    why: "Azure: the old one suspended by Microsoft, the new one active",
    azure: true,
    old: [azure("Suspended")],
    new: [azure("Active")],
    totals: { ...zero, oldRows: 1, oldLive: 1, R: 1, S: 1, newRows: 1, newLive: 1, N: 1 },
  },
  {
    line: 6,
    why: "Azure: two suspended old rows (one new commerce) and one active new row — R ≠ N and Snce do not matter",
    azure: true,
    old: [azure("Suspended"), { ...azure("Suspended"), cols: NCE_ID }],
    new: [azure("Active")],
    totals: { ...zero, oldRows: 2, oldLive: 2, R: 2, S: 2, Snce: 1, newRows: 1, newLive: 1, N: 1 },
  },
  {
    line: 7,
    why: "Azure: the old one active, nothing new",
    azure: true,
    old: [azure("Active")],
    new: [],
    totals: { ...zero, oldRows: 1, oldLive: 1, R: 1, A: 1 },
  },
  {
    line: 8,
    why: "Azure: the old one suspended, the new one pending",
    azure: true,
    old: [azure("Suspended")],
    new: [azure("Pending")],
    totals: { ...zero, oldRows: 1, oldLive: 1, R: 1, S: 1, newRows: 1, newLive: 1, P: 1 },
  },
  {
    line: 9,
    why: "Azure: the old one suspended, nothing new",
    azure: true,
    old: [azure("Suspended")],
    new: [],
    totals: { ...zero, oldRows: 1, oldLive: 1, R: 1, S: 1 },
  },
  {
    line: 10,
    why: "an active old row, nothing new",
    old: [row("Active")],
    new: [],
    totals: { ...zero, oldRows: 1, oldLive: 1, R: 5, A: 1 },
  },
  {
    line: 10,
    why: "a pending old row is still billing too",
    old: [row("Pending")],
    new: [],
    totals: { ...zero, oldRows: 1, oldLive: 1, R: 5, A: 1 },
  },
  {
    line: 11,
    why: "a suspended old row, nothing new",
    old: [row("Suspended")],
    new: [],
    totals: { ...zero, oldRows: 1, oldLive: 1, R: 5, S: 1 },
  },
  {
    line: 11,
    why: "a suspended old row and only a cancelled new row",
    old: [row("Suspended")],
    new: [row("Canceled")],
    totals: { ...zero, oldRows: 1, oldLive: 1, R: 5, S: 1, newRows: 1 },
  },
  {
    line: 12,
    why: "an active old row, the new one pending",
    old: [row("Active")],
    new: [row("Pending")],
    totals: { ...zero, oldRows: 1, oldLive: 1, R: 5, A: 1, newRows: 1, newLive: 1, P: 1 },
  },
  {
    line: 12,
    why: "an active old row, the new one suspended",
    old: [row("Active")],
    new: [row("Suspended")],
    totals: { ...zero, oldRows: 1, oldLive: 1, R: 5, A: 1, newRows: 1, newLive: 1, P: 1 },
  },
  {
    line: 13,
    why: "10 suspended old seats, 8 active new seats",
    old: [row("Suspended", 10)],
    new: [row("Active", 8)],
    totals: { ...zero, oldRows: 1, oldLive: 1, R: 10, S: 1, newRows: 1, newLive: 1, N: 8 },
  },
  {
    line: 13,
    why: "seats short comes before old still active",
    old: [row("Active", 10)],
    new: [row("Active", 8)],
    totals: { ...zero, oldRows: 1, oldLive: 1, R: 10, A: 1, newRows: 1, newLive: 1, N: 8 },
  },
  {
    line: 14,
    why: "the old one still active next to an equal new one",
    old: [row("Active")],
    new: [row("Active")],
    totals: { ...zero, oldRows: 1, oldLive: 1, R: 5, A: 1, newRows: 1, newLive: 1, N: 5 },
  },
  {
    line: 14,
    why: "old still active comes before seats over",
    old: [row("Active")],
    new: [row("Active", 9)],
    totals: { ...zero, oldRows: 1, oldLive: 1, R: 5, A: 1, newRows: 1, newLive: 1, N: 9 },
  },
  {
    line: 15,
    why: "a suspended new-commerce old row next to an equal new one",
    old: [row("Suspended", 5, NCE_ID)],
    new: [row("Active")],
    totals: { ...zero, oldRows: 1, oldLive: 1, R: 5, S: 1, Snce: 1, newRows: 1, newLive: 1, N: 5 },
  },
  {
    line: 15,
    why: "suspended but still billed comes before seats over",
    old: [row("Suspended", 5, NCE_ID)],
    new: [row("Active", 9)],
    totals: { ...zero, oldRows: 1, oldLive: 1, R: 5, S: 1, Snce: 1, newRows: 1, newLive: 1, N: 9 },
  },
  {
    line: 16,
    why: "5 suspended old seats, 7 active new seats",
    old: [row("Suspended")],
    new: [row("Active", 7)],
    totals: { ...zero, oldRows: 1, oldLive: 1, R: 5, S: 1, newRows: 1, newLive: 1, N: 7 },
  },
  {
    line: 17,
    why: "5 suspended legacy old seats, 5 active new seats",
    old: [row("Suspended")],
    new: [row("Active")],
    totals: { ...zero, oldRows: 1, oldLive: 1, R: 5, S: 1, newRows: 1, newLive: 1, N: 5 },
  },
  {
    line: 17,
    why: "several old subscriptions replaced by one new one, and a pending extra",
    old: [row("Suspended", 3), row("Suspended", 2), row("Expired", 40)],
    new: [row("Active", 5), row("Pending", 1)],
    totals: { ...zero, oldRows: 3, oldLive: 2, R: 5, S: 2, newRows: 2, newLive: 2, N: 5, P: 1 },
  },
];

describe("§4 group verdict table", () => {
  test("every line of the table has at least one case", () => {
    expect([...new Set(CASES.map((c) => c.line))].sort((a, b) => a - b)).toEqual(SPEC_LINES.map(([n]) => n));
  });

  describe.each(CASES.map((c) => [`line ${c.line}: ${c.why}`, c] as const))("%s", (_name, c) => {
    const set = new ExportSet();
    if (c.old.length > 0) set.old("FR", "Contoso", c.old);
    if (c.new.length > 0) set.new("Contoso", c.new);
    const { result, report } = set.run();
    const [, , code] = SPEC_LINES[c.line - 1];

    test("the group's totals are as worked out by hand", () => {
      expect(result.problems).toEqual([]);
      const g = onlyGroup(result);
      const { oldRows, oldLive, newRows, newLive, R, A, S, Snce, N, P } = g.totals;
      expect({ azure: g.azure, oldRows, oldLive, newRows, newLive, R, A, S, Snce, N, P }).toEqual({ azure: c.azure ?? false, ...c.totals });
    });

    test(`no earlier line applies; line ${c.line} gives ${code}`, () => {
      expect(matchingLines({ azure: c.azure ?? false, ...c.totals })[0]).toBe(c.line);
      expect(onlyGroup(result).verdict).toBe(code);
    });

    test("the report shows the group's verdict, R and N", () => {
      const g = report.customers[0].groups;
      expect(g).toHaveLength(1);
      expect([g[0].verdict, g[0].required, g[0].newSeats, g[0].azure]).toEqual([code, c.totals.R, c.totals.N, c.azure ?? false]);
    });

    test("every row of the group (old and new) shows the group's verdict", () => {
      const g = onlyGroup(result);
      expect(g.rows).toHaveLength(c.old.length + c.new.length);
      for (const i of g.rows) expect(result.groups[result.rows[i].group!].verdict).toBe(code);
    });
  });
});

describe("§4 labels", () => {
  test("each code has the spec's label", () => {
    expect(LABEL).toMatchObject({
      CLOSED: "Closed",
      NEW_ONLY: "New only",
      DONE: "Done",
      NEW_NOT_ACTIVE: "New not active",
      OLD_STILL_ACTIVE: "Old still active",
      AZURE_PENDING: "Azure: awaiting Microsoft",
      SERVICE_GAP: "Service gap",
      MISSING_NEW: "New subscription missing",
      SEATS_SHORT: "Seats short",
      NCE_STILL_BILLED: "Suspended but still billed",
      SEATS_OVER: "Seats over",
      NO_EXPORT: "Not exported",
      RELATIONSHIP_PENDING: "Relationship pending",
    });
  });
});

describe("§4 rows that count nowhere do not make a group old or new", () => {
  test("an old row with an unknown status is not an old row: the group is NEW_ONLY (line 2)", () => {
    const { result } = new ExportSet().old("FR", "Contoso", [row("Übertragen")]).new("Contoso", [row("Active")]).run();
    const g = onlyGroup(result);
    expect([g.totals.oldRows, g.verdict]).toEqual([0, "NEW_ONLY"]);
  });

  test("an excluded old row is not an old row either", () => {
    const { result } = new ExportSet()
      .old("FR", "Contoso", [row("Active", 5, { Decision: "Exclude" })])
      .new("Contoso", [row("Active")])
      .run();
    expect(onlyGroup(result).verdict).toBe("NEW_ONLY");
  });
});
