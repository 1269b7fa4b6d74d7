/**
 * Spec §4 "Customer verdict" and "Flagged", §7.11 (customers without groups are CLOSED).
 */
import { isFlagged } from "../../src/domain/verdicts";
import { ExportSet, customerNamed, guid, Sub } from "./support/exports";
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
    expect(customerNamed(result, "Contoso").verdict).toBe("NO_EXPORT");
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

  test("an export missing a required column still covers its customer (§7.1)", () => {
    const { result } = new ExportSet()
      .oldList("FR", [{ id, name: "Contoso" }])
      .raw("from/FR/Contoso.csv", [
        ["Subscription ID", "Subscription", "Status"],
        ["s1", "Office 365 E3", "Active"],
      ])
      .run();
    expect(result.problems.map((p) => [p.source, p.row, p.code])).toEqual([["from/FR/Contoso.csv", 0, "MISSING_COLUMN"]]);
    const c = customerNamed(result, "Contoso");
    expect([c.verdict, c.groups]).toEqual(["CLOSED", []]);
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

  test("NO_EXPORT comes before RELATIONSHIP_PENDING", () => {
    const { result } = new ExportSet()
      .oldList("FR", [{ id, name: "Contoso" }])
      .newList([{ id: guid(), name: "Somebody else" }])
      .old("NL", id, [r("Active")])
      .run();
    expect(customerNamed(result, "Contoso").verdict).toBe("NO_EXPORT");
  });
});

describe("§4 customer rule 2: RELATIONSHIP_PENDING", () => {
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

describe("§4 customer rule 3: the most severe group verdict", () => {
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
    expect(report.customers).toEqual([{ customer: "Contoso", microsoftId: null, verdict: "CLOSED", groups: [], money: [] }]);
  });
});

describe("§4 flagged", () => {
  test("flagged = any verdict other than DONE, CLOSED, NEW_ONLY, SEATS_OVER", () => {
    const all = [...SPEC_SEVERITY, "NO_EXPORT", "RELATIONSHIP_PENDING"] as const;
    for (const v of all) expect([v, isFlagged(v)]).toEqual([v, !(SPEC_NOT_FLAGGED as readonly string[]).includes(v)]);
  });

  test("the report's totals: one customer of each of the 13 verdicts, 9 of them flagged", () => {
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
