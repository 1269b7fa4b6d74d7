/**
 * Spec §5 and §7.12: every problem code with its source and row (header = 1, 0 for the whole
 * file); bad input never stops the run and never loses a row; §3 duplicates and "Exclude";
 * §7.1, §7.3 – §7.5, §7.10.
 */
import { isExcluded, reconcile } from "../../src/domain/engine";
import { ExportSet, customerNamed, groupsOf, guid, onlyGroup, problemList, rowsOf, Sub } from "./support/exports";

const r = (id: string, status: string, qty: string | number = 5, offer = "Office 365 E3", cols?: Sub["cols"]): Sub => ({
  id,
  offer,
  qty: String(qty),
  status,
  cols,
});

describe("MISSING_COLUMN (§7.1)", () => {
  test("a subscription export without a required column: one problem, row 0; its rows form no group", () => {
    const { result } = new ExportSet()
      .raw("from/FR/Contoso.csv", [
        ["Subscription ID", "Subscription", "Status"],
        ["s1", "Office 365 E3", "Active"],
        ["s2", "Office 365 E1", "Active"],
      ])
      .new("Contoso", [r("n1", "Active", 5)])
      .run();
    expect(problemList(result.problems)).toEqual([["from/FR/Contoso.csv", 0, "MISSING_COLUMN"]]);
    expect(result.problems[0].message).toMatch(/Quantity/);
    // Only the new row is grouped: the old file's rows are not read.
    expect(result.groups.map((g) => [g.offerKey, g.verdict])).toEqual([["office 365 e3", "NEW_ONLY"]]);
  });

  test("several missing columns are still one problem", () => {
    const { result } = new ExportSet().raw("from/FR/Contoso.csv", [["Subscription ID", "Notes"], ["s1", "x"]]).run();
    expect(problemList(result.problems)).toEqual([["from/FR/Contoso.csv", 0, "MISSING_COLUMN"]]);
    expect(result.problems[0].message).toMatch(/Subscription, Quantity, Status/);
  });

  test("a customer list without a Microsoft ID column: MISSING_COLUMN row 0, and it is not used for lookups", () => {
    const { result } = new ExportSet()
      .raw("from/FR/Customers.csv", [
        ["Company name", "Primary domain name"],
        ["Contoso", "contoso.com"],
      ])
      .old("FR", "Contoso", [r("s1", "Active")])
      .run();
    // No usable list, so the file's name is not looked up (no UNKNOWN_CUSTOMER) and nobody is NO_EXPORT.
    expect(problemList(result.problems)).toEqual([["from/FR/Customers.csv", 0, "MISSING_COLUMN"]]);
    expect(result.customers.map((c) => [c.key, c.verdict])).toEqual([["name:contoso", "MISSING_NEW"]]);
  });
});

describe("BAD_QUANTITY (§7.4) and UNKNOWN_STATUS (§7.3)", () => {
  test("each at its own row; BAD_QUANTITY rows still count for A/S/P, UNKNOWN_STATUS rows count nowhere", () => {
    const { result } = new ExportSet()
      .old("FR", "Contoso", [r("s1", "Suspended", 10), r("s2", "Active", "ten"), r("s3", "Gone?", 99), r("s4", "", 1)])
      .new("Contoso", [r("n1", "Active", 10), r("n2", "Pending", "2.5")])
      .run();
    expect(problemList(result.problems)).toEqual([
      ["from/FR/Contoso.csv", 3, "BAD_QUANTITY"],
      ["from/FR/Contoso.csv", 4, "UNKNOWN_STATUS"],
      ["from/FR/Contoso.csv", 5, "UNKNOWN_STATUS"],
      ["to/Contoso.csv", 3, "BAD_QUANTITY"],
    ]);
    expect(result.problems[2].message).toMatch(/empty/i);
    const t = onlyGroup(result).totals;
    expect([t.oldRows, t.oldLive, t.R, t.A, t.S, t.newRows, t.N, t.P]).toEqual([2, 2, 10, 1, 1, 2, 10, 1]);
  });

  test("an unreadable quantity on a gone row is still reported", () => {
    const { result } = new ExportSet().old("FR", "Contoso", [r("s1", "Expired", "-2")]).run();
    expect(problemList(result.problems)).toEqual([["from/FR/Contoso.csv", 2, "BAD_QUANTITY"]]);
    expect(onlyGroup(result).verdict).toBe("CLOSED");
  });
});

describe("EMPTY_OFFER (§7.5)", () => {
  test("a row without an offer name is a problem and is left out", () => {
    const { result } = new ExportSet()
      .old("FR", "Contoso", [r("s1", "Active", 5, ""), r("s2", "Suspended", 3)])
      .run();
    expect(problemList(result.problems)).toEqual([["from/FR/Contoso.csv", 2, "EMPTY_OFFER"]]);
    expect(result.groups.map((g) => [g.offerKey, g.totals.R, g.totals.A])).toEqual([["office 365 e3", 3, 0]]);
    expect(rowsOf(result, "from/FR/Contoso.csv").map((x) => [x.subscriptionId, x.outcome, x.group === null])).toEqual([
      ["s1", "empty-offer", true],
      ["s2", "grouped", false],
    ]);
  });

  test("an unknown offer ID does not place it either, and the message says the row is left out", () => {
    const { result } = new ExportSet().old("FR", "Contoso", [r("s1", "Active", 5, "", { "Offer ID": "5A1B2C3D-0000-4000-8000-000000000001" })]).run();
    expect(problemList(result.problems)).toEqual([["from/FR/Contoso.csv", 2, "EMPTY_OFFER"]]);
    expect(result.problems[0].message).toMatch(/not reconciled/);
    expect(result.groups).toEqual([]);
  });

  test("kept when its offer ID makes it Azure", () => {
    const { result } = new ExportSet().old("FR", "Contoso", [r("s1", "Active", "", "", { "Offer ID": "MS-AZR-0145P" })]).run();
    expect(problemList(result.problems)).toEqual([["from/FR/Contoso.csv", 2, "EMPTY_OFFER"]]);
    expect(result.problems[0].message).not.toMatch(/not reconciled/);
    expect(result.groups.map((g) => [g.offerKey, g.verdict])).toEqual([["azure", "AZURE_PENDING"]]);
  });

  test("a usage-based unit type without a name or offer ID does not place it: only the offer ID can", () => {
    const { result } = new ExportSet().old("FR", "Contoso", [r("s1", "Active", 1, "", { "Unit type": "Usage-based" })]).run();
    expect(problemList(result.problems)).toEqual([["from/FR/Contoso.csv", 2, "EMPTY_OFFER"]]);
    expect(result.problems[0].message).toMatch(/not reconciled/);
    expect(result.groups).toEqual([]);
  });

  test("kept when its offer ID is in the offer map (as an old offer or as a target)", () => {
    const { result } = new ExportSet()
      .offerMap([["OLD-ID-1", "Microsoft 365 E3"], ["Office 365 E5", "NEW-ID-9"]])
      .old("FR", "Contoso", [r("s1", "Suspended", 5, "", { "Offer ID": "old-id-1" })])
      .new("Contoso", [r("n1", "Active", 5, "", { "Offer ID": "NEW-ID-9" }), r("n2", "Active", 5, "Microsoft 365 E3")])
      .run();
    expect(problemList(result.problems)).toEqual([
      ["from/FR/Contoso.csv", 2, "EMPTY_OFFER"],
      ["to/Contoso.csv", 2, "EMPTY_OFFER"],
    ]);
    expect(result.groups.map((g) => [g.offerKey, g.totals.R, g.totals.N]).sort()).toEqual([
      ["microsoft 365 e3", 5, 5],
      ["new-id-9", 0, 5],
    ]);
  });

  test("a customer whose only row has no offer is still covered and in the report", () => {
    const id = guid();
    const { result } = new ExportSet().oldList("FR", [{ id, name: "Contoso" }]).old("FR", "Contoso", [r("s1", "Active", 5, "")]).run();
    expect(result.customers.map((c) => [c.name, c.verdict, c.groups.length])).toEqual([["Contoso", "CLOSED", 0]]);
  });
});

describe("DUPLICATE_ID (§3, §7.10)", () => {
  test("twice in one file: the first row counts, the later one is the problem", () => {
    const { result } = new ExportSet().old("FR", "Contoso", [r("dup", "Suspended", 4), r("s2", "Suspended", 1), r("dup", "Suspended", 4)]).run();
    expect(problemList(result.problems)).toEqual([["from/FR/Contoso.csv", 4, "DUPLICATE_ID"]]);
    expect(result.problems[0].message).toContain("from/FR/Contoso.csv row 2");
    expect(onlyGroup(result).totals.R).toBe(5);
  });

  test("across files of one account: the first in code-point order of the case-folded relative paths counts", () => {
    // Raw code points would put "Zeta" (Z = 0x5A) before "alpha" (a = 0x61); case-folded, "alpha" comes first.
    const { result } = new ExportSet()
      .old("FR", "Zeta", [r("dup", "Active", 7)])
      .old("FR", "alpha", [r("dup", "Active", 3)])
      .run();
    expect(problemList(result.problems)).toEqual([["from/FR/Zeta.csv", 2, "DUPLICATE_ID"]]);
    expect(groupsOf(result, "alpha")[0].totals.R).toBe(3);
    expect(groupsOf(result, "Zeta")).toEqual([]);
  });

  test("code points, not UTF-16 code units: U+FF41 (ａ) sorts before U+1F600 (😀)", () => {
    // In UTF-16, 😀 is D83D DE00, which a naive string sort puts before FF41.
    const { result } = new ExportSet()
      .old("FR", "\u{1F600} Smile", [r("dup", "Active", 7)])
      .old("FR", "\uFF41 Wide", [r("dup", "Active", 3)])
      .run();
    expect(problemList(result.problems)).toEqual([["from/FR/\u{1F600} Smile.csv", 2, "DUPLICATE_ID"]]);
  });

  test("the accounts' folders take part in the order: from/FR/… before to/…, but the same ID in an old and the new account is not a duplicate", () => {
    const { result } = new ExportSet().old("FR", "Contoso", [r("same", "Suspended", 5)]).new("Contoso", [r("same", "Active", 5)]).run();
    expect(problemList(result.problems)).toEqual([["to/Contoso.csv", 2, "SAME_ID_OLD_NEW"]]);
  });

  test("the same ID in two old accounts is not a duplicate (each account counts its own)", () => {
    const { result } = new ExportSet().old("FR", "Contoso", [r("same", "Suspended", 5)]).old("NL", "Contoso", [r("same", "Suspended", 2)]).run();
    expect(result.problems).toEqual([]);
    expect(onlyGroup(result).totals.R).toBe(7);
  });

  test("code's choice: IDs compare case-insensitively (GUIDs)", () => {
    const { result } = new ExportSet().old("FR", "Contoso", [r("ABC-1", "Active", 5), r("abc-1", "Active", 5)]).run();
    expect(problemList(result.problems)).toEqual([["from/FR/Contoso.csv", 3, "DUPLICATE_ID"]]);
  });

  test("a duplicate counts nowhere, whatever its status", () => {
    const { result } = new ExportSet().old("FR", "Contoso", [r("dup", "Suspended", 5), r("dup", "Active", 50)]).new("Contoso", [r("n", "Active", 5)]).run();
    const g = onlyGroup(result);
    expect([g.totals.R, g.totals.A, g.verdict]).toEqual([5, 0, "DONE"]);
  });
});

describe("SAME_ID_OLD_NEW (§7.10)", () => {
  test("both rows count; the new row gets the problem", () => {
    const { result } = new ExportSet().old("FR", "Contoso", [r("shared", "Active", 5)]).new("Contoso", [r("SHARED", "Active", 5)]).run();
    expect(problemList(result.problems)).toEqual([["to/Contoso.csv", 2, "SAME_ID_OLD_NEW"]]);
    expect(result.problems[0].message).toContain("FR");
    const g = onlyGroup(result);
    expect([g.totals.R, g.totals.A, g.totals.N, g.verdict]).toEqual([5, 1, 5, "OLD_STILL_ACTIVE"]);
  });
});

describe("UNREADABLE_FILE and EMPTY_FILE (§7.12)", () => {
  test("an unreadable file: one problem, row 0, with the reason; the run goes on", () => {
    const { result } = new ExportSet()
      .raw("from/FR/Broken.xlsx", null, "The file could not be read: invalid zip")
      .old("FR", "Contoso", [r("s1", "Active")])
      .run();
    expect(problemList(result.problems)).toEqual([["from/FR/Broken.xlsx", 0, "UNREADABLE_FILE"]]);
    expect(result.problems[0].message).toContain("invalid zip");
    // The file covers the customer of its name, whose subscriptions are therefore unknown (§4 rule 2).
    expect(result.customers.map((c) => [c.name, c.verdict])).toEqual([
      ["Broken", "UNREADABLE_EXPORT"],
      ["Contoso", "MISSING_NEW"],
    ]);
  });

  test("§4 rule 2: an unreadable or an empty file covers its customer, like a header-only or MISSING_COLUMN file, and makes it Export unreadable", () => {
    const id = guid();
    const { result } = new ExportSet()
      .oldList("FR", [{ id, name: "Contoso" }])
      .raw("from/FR/Contoso.csv", null, "The file could not be read")
      .oldList("NL", [{ id, name: "Contoso" }])
      .raw("from/NL/Contoso.csv", [])
      .run();
    expect(problemList(result.problems)).toEqual([
      ["from/FR/Contoso.csv", 0, "UNREADABLE_FILE"],
      ["from/NL/Contoso.csv", 0, "EMPTY_FILE"],
    ]);
    expect(result.customers.map((c) => [c.verdict, c.unreadableFiles.map((f) => f.code)])).toEqual([["UNREADABLE_EXPORT", ["UNREADABLE_FILE", "EMPTY_FILE"]]]);
  });
});

describe("§4 problem rows: rows listed with BAD_QUANTITY, UNKNOWN_STATUS, EMPTY_OFFER, DUPLICATE_ID or SAME_ID_OLD_NEW", () => {
  const rowsOfCustomers = (result: ReturnType<ExportSet["run"]>["result"]) => Object.fromEntries(result.customers.map((c) => [c.name, c.problemRows]));

  test("each code makes its row a problem row of the row's customer", () => {
    const { result, report } = new ExportSet()
      .old("FR", "Quantity", [r("q1", "Active", "ten")])
      .old("FR", "Status", [r("s1", "Transferred", 5)])
      .old("FR", "Offer", [r("o1", "Active", 5, "")])
      .old("FR", "Duplicate", [r("d1", "Suspended", 5), r("d1", "Suspended", 5)])
      .new("New side", [r("q1", "Active", 5)])
      .old("FR", "Clean", [r("c1", "Suspended", 5)])
      .run();
    expect(rowsOfCustomers(result)).toEqual({ Quantity: 1, Status: 1, Offer: 1, Duplicate: 1, "New side": 1, Clean: 0 });
    expect(report.customers.map((c) => [c.customer, c.problems]).sort()).toEqual(
      [["Clean", 0], ["Duplicate", 1], ["New side", 1], ["Offer", 1], ["Quantity", 1], ["Status", 1]],
    );
    // The row carries its codes; SAME_ID_OLD_NEW is on the new row.
    expect(result.rows.filter((x) => x.problems.length > 0).map((x) => [result.sources[x.source].source, x.row, x.problems])).toEqual([
      ["from/FR/Duplicate.csv", 3, ["DUPLICATE_ID"]],
      ["from/FR/Offer.csv", 2, ["EMPTY_OFFER"]],
      ["from/FR/Quantity.csv", 2, ["BAD_QUANTITY"]],
      ["from/FR/Status.csv", 2, ["UNKNOWN_STATUS"]],
      ["to/New side.csv", 2, ["SAME_ID_OLD_NEW"]],
    ]);
  });

  test("a row with several problems counts once", () => {
    const { result } = new ExportSet().old("FR", "Contoso", [r("s1", "Gone?", "x", "")]).run();
    expect(problemList(result.problems)).toEqual([
      ["from/FR/Contoso.csv", 2, "UNKNOWN_STATUS"],
      ["from/FR/Contoso.csv", 2, "BAD_QUANTITY"],
      ["from/FR/Contoso.csv", 2, "EMPTY_OFFER"],
    ]);
    expect([result.rows[0].problems, result.customers[0].problemRows]).toEqual([["UNKNOWN_STATUS", "BAD_QUANTITY", "EMPTY_OFFER"], 1]);
  });

  test("rows of a file with a customer column count for the customer each row names", () => {
    const { result } = new ExportSet()
      .raw("from/FR/All.csv", [
        ["Subscription ID", "Subscription", "Quantity", "Status", "Company name"],
        ["a1", "Office 365 E3", "x", "Active", "Alpha"],
        ["a2", "Office 365 E3", "y", "Active", "Alpha"],
        ["b1", "Office 365 E3", "5", "Activ", "Beta"],
        ["g1", "Office 365 E3", "5", "Active", "Gamma"],
      ])
      .run();
    expect(rowsOfCustomers(result)).toEqual({ Alpha: 2, Beta: 1, Gamma: 0 });
  });

  test("problems of a file or of a customer list are no problem rows: MISSING_COLUMN, UNKNOWN_CUSTOMER, BAD_CUSTOMER_ID", () => {
    const { result } = new ExportSet()
      .oldList("FR", [{ id: "n/a", name: "Known" }])
      .raw("from/FR/Broken.csv", [["Subscription ID", "Status"], ["x", "Active"]])
      .raw("from/FR/Cells.csv", [
        ["Subscription ID", "Subscription", "Quantity", "Status", "Microsoft ID", "Company name"],
        ["c1", "Office 365 E3", "5", "Active", "not-a-guid", "Stranger"],
      ])
      .run();
    expect(problemList(result.problems).map((p) => p[2]).sort()).toEqual(["BAD_CUSTOMER_ID", "BAD_CUSTOMER_ID", "MISSING_COLUMN", "UNKNOWN_CUSTOMER", "UNKNOWN_CUSTOMER"]);
    expect(result.customers.every((c) => c.problemRows === 0)).toBe(true);
  });

  test("code's choice: a problem row the user excluded is no problem row (it counts nowhere, §3); the Problems list keeps it", () => {
    const exclude = { Decision: "Exclude" };
    const { result, report } = new ExportSet()
      .old("FR", "Contoso", [
        r("s1", "Suspended", 5),
        r("s1", "Suspended", 5, "Office 365 E3", exclude),
        r("s2", "Active", "ten", "Office 365 E3", exclude),
        r("s3", "Gone?", 5, "Office 365 E3", exclude),
      ])
      .new("Contoso", [r("n1", "Active", 5)])
      .run();
    expect(problemList(result.problems)).toEqual([
      ["from/FR/Contoso.csv", 3, "DUPLICATE_ID"],
      ["from/FR/Contoso.csv", 4, "BAD_QUANTITY"],
      ["from/FR/Contoso.csv", 5, "UNKNOWN_STATUS"],
    ]);
    const c = customerNamed(result, "Contoso");
    expect([c.verdict, c.problemRows, c.flagged, report.totals.flagged]).toEqual(["DONE", 0, false, 0]);
  });
});

describe('§3 the decision column: "Exclude" counts nowhere', () => {
  test.each(["Exclude", "exclude", "  EXCLUDE  ", "\u00A0Exclude"])("%j excludes", (v) => {
    expect(isExcluded(v)).toBe(true);
  });
  test.each(["Excluded", "Exclude?", "yes", "x", "", null, 1, true])("%j does not", (v) => {
    expect(isExcluded(v as never)).toBe(false);
  });

  test("an excluded row is out of R, A, S, N, P and of the old/new row counts", () => {
    const { result } = new ExportSet()
      .old("FR", "Contoso", [r("s1", "Suspended", 5), r("s2", "Active", 7, "Office 365 E3", { Decision: "Exclude" })])
      .new("Contoso", [r("n1", "Active", 5), r("n2", "Pending", 9, "Office 365 E3", { Decision: "exclude" })])
      .run();
    expect(result.problems).toEqual([]);
    const g = onlyGroup(result);
    expect([g.totals.oldRows, g.totals.R, g.totals.A, g.totals.S, g.totals.newRows, g.totals.N, g.totals.P, g.verdict]).toEqual([
      1, 5, 0, 1, 1, 5, 0, "DONE",
    ]);
  });
});

describe("§5 text that looks like a formula is text", () => {
  test("offer names, statuses and quantities starting with = + - @ are read as text, never evaluated", () => {
    const { result } = new ExportSet()
      .old("FR", "Contoso", [r("s1", "Suspended", 5, "=HYPERLINK(\"x\")"), r("s2", "=1+1", 5, "@SUM(A1)"), r("s3", "Active", "=2+3", "+E3")])
      .run();
    expect(problemList(result.problems)).toEqual([
      ["from/FR/Contoso.csv", 3, "UNKNOWN_STATUS"],
      ["from/FR/Contoso.csv", 4, "BAD_QUANTITY"],
    ]);
    expect(result.groups.map((g) => g.offerKey).sort()).toEqual(["+e3", '=hyperlink("x")', "@sum(a1)"]);
  });
});

describe("§5 bad input never stops the run and never loses a row", () => {
  test("every kind of problem at once: each listed once, with source and row; the good customer is still reconciled", () => {
    const [a, b] = [guid(), guid()];
    const set = new ExportSet()
      .oldList("FR", [
        { id: a, name: "Good Ltd" },
        { id: "n/a", name: "Odd Ltd" },
        { id: b, name: "Twin" },
      ])
      .oldList("NL", [{ id: guid(), name: "Twin" }])
      .raw("from/FR/Broken.csv", [["Subscription ID", "Status"], ["x", "Active"]])
      .raw("from/FR/Gone.xlsx", null, "The file could not be read")
      .raw("from/FR/Nothing.csv", [])
      .old("FR", "Good Ltd", [r("g1", "Active", "abc"), r("g2", "Weird", 1), r("g3", "Active", 1, ""), r("g1", "Active", 1)])
      .old("FR", "Nobody Inc", [r("x1", "Active", 1)])
      .new("Good Ltd", [r("g3", "Active", 1, "Office 365 E1")]);
    const { input, result } = set.run();
    expect(problemList(result.problems)).toEqual([
      ["from/FR/Customers.csv", 3, "BAD_CUSTOMER_ID"],
      ["from/FR/Customers.csv", 4, "CONFLICTING_CUSTOMER"],
      ["from/NL/Customers.csv", 2, "CONFLICTING_CUSTOMER"],
      ["from/FR/Broken.csv", 0, "MISSING_COLUMN"],
      // The broken file still covers its customer (§7.1), so its name is looked up, and "Broken" is in no list.
      ["from/FR/Broken.csv", 0, "UNKNOWN_CUSTOMER"],
      ["from/FR/Gone.xlsx", 0, "UNREADABLE_FILE"],
      ["from/FR/Gone.xlsx", 0, "UNKNOWN_CUSTOMER"],
      ["from/FR/Good Ltd.csv", 2, "BAD_QUANTITY"],
      ["from/FR/Good Ltd.csv", 3, "UNKNOWN_STATUS"],
      ["from/FR/Good Ltd.csv", 4, "EMPTY_OFFER"],
      ["from/FR/Good Ltd.csv", 5, "DUPLICATE_ID"],
      ["from/FR/Nobody Inc.csv", 0, "UNKNOWN_CUSTOMER"],
      ["from/FR/Nothing.csv", 0, "EMPTY_FILE"],
      ["from/FR/Nothing.csv", 0, "UNKNOWN_CUSTOMER"],
      ["to/Good Ltd.csv", 2, "SAME_ID_OLD_NEW"],
    ]);
    for (const p of result.problems) expect(p.message.length).toBeGreaterThan(10);
    // Every data row of every readable file is accounted for in the result.
    const dataRows = input.subscriptions.filter((s) => !s.state).reduce((n, s) => n + s.rows.length, 0);
    expect(result.rows).toHaveLength(dataRows);
    // reconcile is pure: the same input gives the same result.
    expect(reconcile(input)).toEqual(result);
  });
});
