/**
 * Spec §4 "Customer verdict", problem rows and "Flagged", §7.1, §7.7, §7.8, §7.11 (customers
 * without groups are CLOSED).
 */
import { reconcile } from "../../src/domain/engine";
import { EngineInput } from "../../src/domain/model";
import { CUSTOMER_ORDER, isFlagged } from "../../src/domain/verdicts";
import { ExportSet, customerNamed, guid, problemList, Sub } from "./support/exports";
import { SPEC_NOT_FLAGGED, SPEC_SEVERITY, SpecGroupVerdict } from "./support/spec-table";

const r = (status: string, qty = 5, offer = "Office 365 E3", cols?: Sub["cols"]): Sub => ({ offer, qty: String(qty), status, cols });

describe("§4 customer rule 1: NO_EXPORT", () => {
  const id = guid();

  test("clause 1: in an old account's list, and no export of that account covers it", () => {
    const { result } = new ExportSet().oldList("FR", [{ id, name: "Contoso" }]).run();
    expect(customerNamed(result, "Contoso").verdict).toBe("NO_EXPORT");
  });

  test("clause 1 holds even when the new account has its export, and even with nothing left to move (§7.11)", () => {
    const { result } = new ExportSet()
      .oldList("FR", [{ id, name: "Contoso" }])
      .newList([{ id, name: "Contoso" }])
      .new("Contoso", [r("Active")])
      .run();
    const c = customerNamed(result, "Contoso");
    expect([c.verdict, result.groups[c.groups[0]].verdict]).toEqual(["NO_EXPORT", "NEW_ONLY"]);
  });

  test("clause 1 per account: listed by FR and NL, exported only from FR", () => {
    const { result } = new ExportSet()
      .oldList("FR", [{ id, name: "Contoso" }])
      .oldList("NL", [{ id, name: "Contoso" }])
      .old("FR", "Contoso", [r("Suspended")])
      .new("Contoso", [r("Active")])
      .run();
    const c = customerNamed(result, "Contoso");
    expect([c.verdict, c.missingExports]).toEqual(["NO_EXPORT", [{ account: "NL", role: "from" }]]);
  });

  test("the accounts whose export is missing: every old account of clause 1 (in name order), then the new account of clause 2", () => {
    const { result } = new ExportSet()
      .oldList("NL", [{ id, name: "Contoso" }])
      .oldList("DE", [{ id, name: "Contoso" }])
      .oldList("FR", [{ id, name: "Contoso" }])
      .newList([{ id, name: "Contoso" }])
      .old("FR", "Contoso", [r("Active")])
      .run();
    const c = customerNamed(result, "Contoso");
    expect([c.verdict, c.missingExports]).toEqual([
      "NO_EXPORT",
      [
        { account: "DE", role: "from" },
        { account: "NL", role: "from" },
        { account: "New", role: "to" },
      ],
    ]);
  });

  test("a customer that is not NO_EXPORT misses no export", () => {
    const { result } = new ExportSet().oldList("FR", [{ id, name: "Contoso" }]).old("FR", "Contoso", [r("Active")]).new("Contoso", []).run();
    expect(customerNamed(result, "Contoso").missingExports).toEqual([]);
  });

  test("an export of another old account does not cover it", () => {
    const { result } = new ExportSet()
      .oldList("FR", [{ id, name: "Contoso" }])
      .old("NL", id, [r("Suspended")])
      .new("Contoso", [r("Active")])
      .run();
    expect(customerNamed(result, "Contoso").verdict).toBe("NO_EXPORT");
  });

  test("a header-only export covers its customer: it says 'no subscriptions'", () => {
    const { result } = new ExportSet().oldList("FR", [{ id, name: "Contoso" }]).old("FR", "Contoso", []).run();
    const c = customerNamed(result, "Contoso");
    expect([c.verdict, c.groups]).toEqual(["CLOSED", []]);
  });

  test("an export missing a required column still covers its customer (§7.1): Export unreadable, not Not exported", () => {
    const { result } = new ExportSet()
      .oldList("FR", [{ id, name: "Contoso" }])
      .raw("from/FR/Contoso.csv", [
        ["Subscription ID", "Subscription", "Status"],
        ["s1", "Office 365 E3", "Active"],
      ])
      .run();
    expect(result.problems.map((p) => [p.source, p.row, p.code])).toEqual([["from/FR/Contoso.csv", 0, "MISSING_COLUMN"]]);
    const c = customerNamed(result, "Contoso");
    expect([c.verdict, c.groups, c.missingExports]).toEqual(["UNREADABLE_EXPORT", [], []]);
  });

  test("clause 2: in the new account's list, with live old rows, and no export of the new account covers it", () => {
    const { result } = new ExportSet()
      .newList([{ id, name: "Contoso" }])
      .old("FR", "Contoso", [r("Suspended")])
      .run();
    expect(customerNamed(result, "Contoso").verdict).toBe("NO_EXPORT");
  });

  test("clause 2 does not apply when a (header-only) new export covers it: then the groups speak", () => {
    const { result } = new ExportSet()
      .newList([{ id, name: "Contoso" }])
      .old("FR", "Contoso", [r("Suspended")])
      .new("Contoso", [])
      .run();
    expect(customerNamed(result, "Contoso").verdict).toBe("SERVICE_GAP");
  });

  test("clause 2 does not apply when no old row is live", () => {
    const { result } = new ExportSet()
      .newList([{ id, name: "Contoso" }])
      .old("FR", "Contoso", [r("Expired"), r("Übertragen")])
      .run();
    expect(customerNamed(result, "Contoso").verdict).toBe("CLOSED");
  });

  test("NO_EXPORT comes before UNREADABLE_EXPORT: listed by FR and NL, the FR export unreadable, no NL export", () => {
    const { result } = new ExportSet()
      .oldList("FR", [{ id, name: "Contoso" }])
      .oldList("NL", [{ id, name: "Contoso" }])
      .raw("from/FR/Contoso.csv", null, "The file could not be read")
      .run();
    const c = customerNamed(result, "Contoso");
    expect([c.verdict, c.unreadableExport, c.missingExports]).toEqual(["NO_EXPORT", true, [{ account: "NL", role: "from" }]]);
  });

  test("NO_EXPORT comes before RELATIONSHIP_PENDING", () => {
    const { result } = new ExportSet()
      .oldList("FR", [{ id, name: "Contoso" }])
      .newList([{ id: guid(), name: "Somebody else" }])
      .old("NL", id, [r("Active")])
      .run();
    expect(customerNamed(result, "Contoso").verdict).toBe("NO_EXPORT");
  });
});


/** A French export whose Quantité header was mangled to Qté (issue 11's case). */
const frenchQte = (rows: [string, string, string, string][]) => [["ID d'abonnement", "Abonnement", "Qté", "État", "Revendeur"], ...rows.map((x) => [...x, ""])];

describe("§4 customer rule 2: UNREADABLE_EXPORT (a covering export has MISSING_COLUMN, UNREADABLE_FILE or EMPTY_FILE)", () => {
  const id = guid();

  test("MISSING_COLUMN: 'Quantité' renamed 'Qté' no longer turns Old still active into New only", () => {
    const exports = (fr: (string | null)[][]) =>
      new ExportSet()
        .oldList("FR", [{ id, name: "Contoso" }])
        .newList([{ id, name: "Contoso" }])
        .raw("from/FR/Contoso.csv", fr)
        .new("Contoso", [r("Active", 10)])
        .run();
    // With its Quantité header intact, the customer is Old still active.
    const readable = exports([["ID d'abonnement", "Abonnement", "Quantité", "État", "Revendeur"], ["s1", "Office 365 E3", "10", "Actif", ""]]);
    expect(customerNamed(readable.result, "Contoso").verdict).toBe("OLD_STILL_ACTIVE");
    const { result, report } = exports(frenchQte([["s1", "Office 365 E3", "10", "Actif"]]));
    const c = customerNamed(result, "Contoso");
    // Its subscriptions are unknown: the groups of its readable exports still show, but the customer is not finished.
    expect([c.verdict, c.unreadableExport, c.flagged, result.groups[c.groups[0]].verdict]).toEqual(["UNREADABLE_EXPORT", true, true, "NEW_ONLY"]);
    expect(c.unreadableFiles).toEqual([
      { source: "from/FR/Contoso.csv", account: "FR", role: "from", code: "MISSING_COLUMN", message: expect.stringContaining("Quantity") },
    ]);
    expect(report.totals).toEqual({ customers: 1, flagged: 1, byVerdict: { UNREADABLE_EXPORT: 1 } });
  });

  test("UNREADABLE_FILE: a file that could not be decoded covers the customer of its file name", () => {
    const { result } = new ExportSet()
      .oldList("FR", [{ id, name: "Contoso" }])
      .raw("from/FR/Contoso.xlsx", null, "The file could not be read: not a zip file")
      .new("Contoso", [r("Active")])
      .run();
    const c = customerNamed(result, "Contoso");
    expect([c.verdict, c.unreadableFiles.map((f) => [f.source, f.code])]).toEqual(["UNREADABLE_EXPORT", [["from/FR/Contoso.xlsx", "UNREADABLE_FILE"]]]);
  });

  test("EMPTY_FILE: an empty download covers its customer too (only a header-only export says 'no subscriptions')", () => {
    const { result } = new ExportSet().oldList("FR", [{ id, name: "Contoso" }]).raw("from/FR/Contoso.csv", []).new("Contoso", [r("Active")]).run();
    const c = customerNamed(result, "Contoso");
    expect([c.verdict, c.unreadableFiles.map((f) => [f.source, f.code])]).toEqual(["UNREADABLE_EXPORT", [["from/FR/Contoso.csv", "EMPTY_FILE"]]]);
  });

  test("an unreadable export of the new account covers the customer for the new account (not NO_EXPORT clause 2)", () => {
    const { result } = new ExportSet()
      .newList([{ id, name: "Contoso" }])
      .old("FR", "Contoso", [r("Active")])
      .raw("to/Contoso.csv", [])
      .run();
    const c = customerNamed(result, "Contoso");
    expect([c.verdict, c.newCovered, c.unreadableFiles.map((f) => [f.account, f.role, f.code])]).toEqual(["UNREADABLE_EXPORT", true, [["New", "to", "EMPTY_FILE"]]]);
  });

  test("§7.8 a file with its own customer column covers exactly the customers its rows name; an empty cell falls back to the file name", () => {
    const [kok, smit, dijk, other] = [guid(), guid(), guid(), guid()];
    const { result } = new ExportSet()
      .oldList("NL", [
        { id: kok, name: "Kok BV" },
        { id: smit, name: "Smit BV", domain: "smitbv.onmicrosoft.com" },
        { id: dijk, name: "Van Dijk BV", domain: "vandijk.onmicrosoft.com" },
        { id: other, name: "Other BV" },
      ])
      .raw("from/NL/vandijk.onmicrosoft.com.csv", [
        ["Abonnements-id", "Abonnement", "Status", "Bedrijfsnaam", "Primaire domeinnaam", "Microsoft-id"],
        ["s1", "Office 365 E3", "Actief", "Kok BV", "", ""],
        ["s2", "Office 365 E3", "Actief", "", "smitbv.onmicrosoft.com", ""],
        ["s3", "Office 365 E3", "Actief", "", "", ""],
        ["s4", "Office 365 E3", "Actief", "Kok BV", "", kok],
      ])
      .old("NL", "Other BV", [r("Suspended")])
      .run();
    const verdicts = Object.fromEntries(result.customers.map((c) => [c.name, [c.verdict, c.unreadableFiles.map((f) => f.source)]]));
    expect(verdicts).toEqual({
      "Kok BV": ["UNREADABLE_EXPORT", ["from/NL/vandijk.onmicrosoft.com.csv"]],
      "Smit BV": ["UNREADABLE_EXPORT", ["from/NL/vandijk.onmicrosoft.com.csv"]],
      "Van Dijk BV": ["UNREADABLE_EXPORT", ["from/NL/vandijk.onmicrosoft.com.csv"]],
      "Other BV": ["SERVICE_GAP", []],
    });
    // Only the file's own problem: its customer cells are read to find whom it covers, nothing else.
    expect(problemList(result.problems)).toEqual([["from/NL/vandijk.onmicrosoft.com.csv", 0, "MISSING_COLUMN"]]);
  });

  test("§7.8 a broken file with a customer column but no rows covers nobody: its file-name customer is then Not exported", () => {
    const { result } = new ExportSet()
      .oldList("FR", [{ id, name: "Contoso" }])
      .raw("from/FR/Contoso.csv", [["Subscription ID", "Subscription", "Status", "Company name"]])
      .run();
    const c = customerNamed(result, "Contoso");
    expect([c.verdict, c.flagged, c.missingExports]).toEqual(["NO_EXPORT", true, [{ account: "FR", role: "from" }]]);
  });

  test("a sheet the user opened without a required column covers the customers its rows name (no Sources state)", () => {
    const [a, b] = [guid(), guid()];
    const input: EngineInput = {
      subscriptions: [
        {
          source: "My sheet",
          account: "FR",
          role: "from",
          baseName: "My sheet",
          header: ["Subscription ID", "Subscription", "Status", "Microsoft ID"],
          rows: [
            { cells: ["s1", "Office 365 E3", "Active", a], row: 2, at: { sheet: "My sheet", row: 2 } },
            { cells: ["s2", "Office 365 E3", "Active", b], row: 3, at: { sheet: "My sheet", row: 3 } },
          ],
        },
      ],
      customerLists: [],
      offerMap: [],
      accounts: [],
      asOf: 46350,
    };
    const result = reconcile(input);
    expect(result.customers.map((c) => [c.microsoftId, c.verdict])).toEqual([
      [a, "UNREADABLE_EXPORT"],
      [b, "UNREADABLE_EXPORT"],
    ].sort());
    // Its rows stay in the result (the workbook marks them "not reconciled"), each with its customer.
    expect(result.rows.map((x) => [x.outcome, result.customers[x.customer].microsoftId])).toEqual([
      ["missing-column", a],
      ["missing-column", b],
    ]);
  });

  test("a Sources line whose sheet is empty or gone is an unreadable export of its customer", () => {
    const set = new ExportSet().oldList("FR", [{ id, name: "Contoso" }]).new("Contoso", [r("Active")]);
    const input = set.input();
    // As if the user had cleared or deleted the sheet the Sources table names for Contoso's FR export.
    const withFr = reconcile({
      ...input,
      subscriptions: [
        ...input.subscriptions,
        { source: "from/FR/Contoso.csv", account: "FR", role: "from", baseName: "Contoso", header: [], rows: [], state: { code: "EMPTY_FILE", message: "The sheet is empty" } },
      ],
    });
    expect(customerNamed(withFr, "Contoso").verdict).toBe("UNREADABLE_EXPORT");
  });

  test("UNREADABLE_EXPORT comes before RELATIONSHIP_PENDING, and is in the Summary order right after NO_EXPORT", () => {
    const { result } = new ExportSet()
      .oldList("FR", [{ id, name: "Contoso" }])
      .newList([{ id: guid(), name: "Somebody else" }])
      .old("NL", id, [r("Active")])
      .raw("from/FR/Contoso.csv", [])
      .run();
    expect(customerNamed(result, "Contoso").verdict).toBe("UNREADABLE_EXPORT");
    expect(CUSTOMER_ORDER.slice(0, 3)).toEqual(["NO_EXPORT", "UNREADABLE_EXPORT", "RELATIONSHIP_PENDING"]);
  });

  test("a readable export next to the unreadable one does not clear it", () => {
    const { result } = new ExportSet()
      .oldList("FR", [{ id, name: "Contoso" }])
      .oldList("NL", [{ id, name: "Contoso" }])
      .old("NL", "Contoso", [r("Suspended")])
      .raw("from/FR/Contoso.csv", frenchQte([["s1", "Office 365 E3", "5", "Actif"]]))
      .new("Contoso", [r("Active")])
      .run();
    expect(customerNamed(result, "Contoso").verdict).toBe("UNREADABLE_EXPORT");
  });
});

describe("§4 customer rule 3: RELATIONSHIP_PENDING", () => {
  const id = guid();

  test("a new list is present, the customer is not in it, and it has live old rows", () => {
    const { result } = new ExportSet()
      .oldList("FR", [{ id, name: "Contoso" }])
      .newList([{ id: guid(), name: "Somebody else" }])
      .old("FR", "Contoso", [r("Active")])
      .run();
    const c = customerNamed(result, "Contoso");
    expect([c.verdict, result.groups[c.groups[0]].verdict]).toEqual(["RELATIONSHIP_PENDING", "MISSING_NEW"]);
  });

  test("a header-only new list counts as present", () => {
    const { result } = new ExportSet().raw("to/Customers.csv", [["Microsoft ID", "Company name"]]).old("FR", id, [r("Suspended")]).run();
    expect(result.customers[0].verdict).toBe("RELATIONSHIP_PENDING");
  });

  test("not without a new list: the groups speak", () => {
    const { result } = new ExportSet().oldList("FR", [{ id, name: "Contoso" }]).old("FR", "Contoso", [r("Active")]).run();
    expect(customerNamed(result, "Contoso").verdict).toBe("MISSING_NEW");
  });

  test("not when every old row is gone", () => {
    const { result } = new ExportSet()
      .oldList("FR", [{ id, name: "Contoso" }])
      .newList([{ id: guid(), name: "Somebody else" }])
      .old("FR", "Contoso", [r("Deleted")])
      .run();
    expect(customerNamed(result, "Contoso").verdict).toBe("CLOSED");
  });

  test("not when the customer is in the new list", () => {
    const { result } = new ExportSet()
      .newList([{ id, name: "Contoso" }])
      .old("FR", "Contoso", [r("Active")])
      .new("Contoso", [r("Active")])
      .run();
    expect(customerNamed(result, "Contoso").verdict).toBe("OLD_STILL_ACTIVE");
  });
});

/** The smallest rows that give one group each verdict, each with its own offer. */
const RECIPES: Record<SpecGroupVerdict, { old: Sub[]; new: Sub[] }> = {
  SERVICE_GAP: { old: [r("Suspended", 5, "Gap")], new: [] },
  OLD_STILL_ACTIVE: { old: [r("Active", 5, "Still")], new: [r("Active", 5, "Still")] },
  NCE_STILL_BILLED: { old: [r("Suspended", 5, "Nce", { "Offer ID": "CFQ7TTC0LCHC:0002" })], new: [r("Active", 5, "Nce")] },
  MISSING_NEW: { old: [r("Active", 5, "Missing")], new: [] },
  SEATS_SHORT: { old: [r("Suspended", 5, "Short")], new: [r("Active", 3, "Short")] },
  NEW_NOT_ACTIVE: { old: [r("Active", 5, "Pending new")], new: [r("Pending", 5, "Pending new")] },
  AZURE_PENDING: { old: [r("Active", 1, "Microsoft Azure")], new: [] },
  SEATS_OVER: { old: [r("Suspended", 5, "Over")], new: [r("Active", 7, "Over")] },
  NEW_ONLY: { old: [], new: [r("Active", 5, "Only new")] },
  DONE: { old: [r("Suspended", 5, "Done")], new: [r("Active", 5, "Done")] },
  CLOSED: { old: [r("Expired", 5, "Closed")], new: [] },
};

function customerWith(verdicts: readonly SpecGroupVerdict[]) {
  const old = verdicts.flatMap((v) => RECIPES[v].old);
  const neu = verdicts.flatMap((v) => RECIPES[v].new);
  const set = new ExportSet();
  if (old.length > 0) set.old("FR", "Contoso", old);
  if (neu.length > 0) set.new("Contoso", neu);
  return set.run();
}

describe("§4 customer rule 4: the most severe group verdict", () => {
  test.each(SPEC_SEVERITY)("a recipe gives exactly %s", (v) => {
    const { result } = customerWith([v]);
    expect(result.groups.map((g) => g.verdict)).toEqual([v]);
    expect(result.customers.map((c) => c.verdict)).toEqual([v]);
  });

  const pairs: [SpecGroupVerdict, SpecGroupVerdict][] = [];
  SPEC_SEVERITY.forEach((hi, i) => SPEC_SEVERITY.slice(i + 1).forEach((lo) => pairs.push([hi, lo])));
  test.each(pairs)("%s beats %s", (hi, lo) => {
    for (const order of [[hi, lo], [lo, hi]] as const) {
      const { result } = customerWith(order);
      expect(result.groups.map((g) => g.verdict).sort()).toEqual([hi, lo].sort());
      expect(result.customers.map((c) => c.verdict)).toEqual([hi]);
    }
  });

  test("all eleven at once: SERVICE_GAP", () => {
    const { result } = customerWith([...SPEC_SEVERITY].reverse());
    expect(result.groups).toHaveLength(11);
    expect(result.customers[0].verdict).toBe("SERVICE_GAP");
  });
});

describe("§7.11 a customer with no group that is neither NO_EXPORT nor RELATIONSHIP_PENDING is CLOSED", () => {
  test("covered by a header-only export", () => {
    const { result } = new ExportSet().old("FR", "Contoso", []).run();
    expect(result.customers.map((c) => [c.name, c.groups.length, c.verdict])).toEqual([["Contoso", 0, "CLOSED"]]);
  });

  test("whose only rows have an unknown status: its group counts nowhere and stays out of the report", () => {
    const { result, report } = new ExportSet().old("FR", "Contoso", [r("Transferred")]).run();
    expect(result.customers[0].verdict).toBe("CLOSED");
    // Its row is a problem row, so the customer is flagged though Closed.
    expect(report.customers).toEqual([{ customer: "Contoso", microsoftId: null, verdict: "CLOSED", problems: 1, groups: [], money: [] }]);
    expect(report.totals.flagged).toBe(1);
  });
});

describe("§4 flagged", () => {
  const all = [...SPEC_SEVERITY, "NO_EXPORT", "UNREADABLE_EXPORT", "RELATIONSHIP_PENDING"] as const;
  test("without problem rows: flagged = any verdict other than DONE, CLOSED, NEW_ONLY, SEATS_OVER", () => {
    for (const v of all) expect([v, isFlagged(v, 0)]).toEqual([v, !(SPEC_NOT_FLAGGED as readonly string[]).includes(v)]);
  });

  test("with at least one problem row: every verdict is flagged", () => {
    for (const v of all) expect([v, isFlagged(v, 1), isFlagged(v, 7)]).toEqual([v, true, true]);
  });

  test("a Done customer whose only trace of trouble is one problem row is flagged, in the engine and the report", () => {
    const { result, report } = new ExportSet()
      .old("FR", "Contoso", [
        { id: "s1", offer: "Office 365 E3", qty: "5", status: "Suspended" },
        { id: "s1", offer: "Office 365 E3", qty: "5", status: "Suspended" },
      ])
      .new("Contoso", [r("Active", 5)])
      .run();
    const c = customerNamed(result, "Contoso");
    expect([c.verdict, c.problemRows, c.flagged]).toEqual(["DONE", 1, true]);
    expect([report.customers[0].problems, report.totals.flagged]).toEqual([1, 1]);
  });

  test("the report's totals: one customer of each of the 13 group and rule verdicts, 9 of them flagged", () => {
    const set = new ExportSet();
    const ids = new Map(SPEC_SEVERITY.map((v) => [v, guid()]));
    for (const v of SPEC_SEVERITY) {
      // Every customer is exported from both accounts (header-only where it has no rows), so that
      // only its groups decide.
      set.old("FR", `Customer ${v}`, RECIPES[v].old).new(`Customer ${v}`, RECIPES[v].new);
    }
    set
      .oldList("FR", [
        ...SPEC_SEVERITY.map((v) => ({ id: ids.get(v)!, name: `Customer ${v}` })),
        { id: guid(), name: "Customer NO_EXPORT" },
        { id: guid(), name: "Customer RELATIONSHIP_PENDING" },
      ])
      .newList(SPEC_SEVERITY.map((v) => ({ id: ids.get(v)!, name: `Customer ${v}` })))
      .old("FR", "Customer RELATIONSHIP_PENDING", [r("Active")]);
    const { report } = set.run();
    expect(report.customers.map((c) => [c.customer, c.verdict]).sort()).toEqual(
      [...SPEC_SEVERITY, "NO_EXPORT", "RELATIONSHIP_PENDING"].map((v) => [`Customer ${v}`, v]).sort(),
    );
    const one = Object.fromEntries([...SPEC_SEVERITY, "NO_EXPORT", "RELATIONSHIP_PENDING"].map((v) => [v, 1]));
    expect(report.totals).toEqual({ customers: 13, flagged: 9, byVerdict: one });
  });
});
