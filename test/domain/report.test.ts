/**
 * Spec §6 report.json shape, §7.11 who is in the report, §7.15 report fields.
 */
import { ExportSet, guid, Sub } from "./support/exports";

const r = (status: string, qty: number | string = 5, offer = "Office 365 E3", cols?: Sub["cols"]): Sub => ({ offer, qty: String(qty), status, cols });

describe("§6 report.json shape", () => {
  const id = guid();
  const { report } = new ExportSet()
    .oldList("FR", [{ id, name: "Contoso Ltd" }])
    .offerMap([["Office 365 Business Premium", "Microsoft 365 Business Standard"]])
    .old("FR", "Contoso Ltd", [r("Active", 25), r("Suspended", 3, "Office 365 Business Premium"), r("Active", 1, "Microsoft Azure"), r("Active", "x")])
    .new("Contoso Ltd", [r("Active", 3, "Microsoft 365 Business Standard"), { offer: "Azure plan", status: "Active" }, { offer: "Azure plan", status: "Active" }])
    .run("2026-11-24");

  test("top level: asOf, warnings, customers, problems, totals, actions (§8), money (§9) — nothing else", () => {
    expect(Object.keys(report)).toEqual(["asOf", "warnings", "customers", "problems", "totals", "actions", "money"]);
    expect(report.warnings).toEqual([]);
    expect(report.asOf).toBe("2026-11-24");
  });

  test("a customer: customer, microsoftId, verdict, problems (its problem rows), groups, money (§9)", () => {
    expect(report.customers).toHaveLength(1);
    const c = report.customers[0];
    expect(Object.keys(c)).toEqual(["customer", "microsoftId", "verdict", "problems", "groups", "money"]);
    expect([c.customer, c.microsoftId, c.verdict, c.problems]).toEqual(["Contoso Ltd", id, "OLD_STILL_ACTIVE", 1]);
  });

  test("a group: offer (the offer key), azure, required, newSeats, verdict, notes, money (§9)", () => {
    const groups = report.customers[0].groups;
    for (const g of groups) {
      expect(Object.keys(g)).toEqual(["offer", "azure", "required", "newSeats", "verdict", "notes", "money"]);
      expect([typeof g.offer, typeof g.azure, typeof g.required, typeof g.newSeats, typeof g.verdict, Array.isArray(g.notes)]).toEqual([
        "string",
        "boolean",
        "number",
        "number",
        "string",
        true,
      ]);
    }
    const byOffer = Object.fromEntries(groups.map((g) => [g.offer, [g.azure, g.required, g.newSeats, g.verdict, g.notes]]));
    expect(byOffer).toEqual({
      "office 365 e3": [false, 25, 0, "MISSING_NEW", []],
      "microsoft 365 business standard": [false, 3, 3, "DONE", ["reassign licenses"]],
      // Azure: required and newSeats are the counts of live old rows and active new rows.
      azure: [true, 1, 2, "OLD_STILL_ACTIVE", []],
    });
  });

  test("a problem: source, row, code, message", () => {
    expect(report.problems).toHaveLength(1);
    expect(Object.keys(report.problems[0])).toEqual(["source", "row", "code", "message"]);
    expect(report.problems[0]).toMatchObject({ source: "from/FR/Contoso Ltd.csv", row: 5, code: "BAD_QUANTITY" });
  });

  test("totals: customers, flagged, byVerdict", () => {
    expect(report.totals).toEqual({ customers: 1, flagged: 1, byVerdict: { OLD_STILL_ACTIVE: 1 } });
  });

  test("it survives JSON unchanged (no undefined, no functions, no dates)", () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  test("microsoftId is null for a customer known only by name", () => {
    const { report: rep } = new ExportSet().old("FR", "Fabrikam", [r("Active")]).run();
    expect(rep.customers.map((c) => [c.customer, c.microsoftId])).toEqual([["Fabrikam", null]]);
  });

  test("code's choice: customers in Summary order (customer-level verdicts, then severity, then name)", () => {
    const { report: rep } = new ExportSet()
      .old("FR", "A done", [r("Suspended")])
      .new("A done", [r("Active")])
      .old("FR", "B gap", [r("Suspended")])
      .old("FR", "C missing", [r("Active")])
      .old("FR", "D gap", [r("Suspended")])
      .run();
    expect(rep.customers.map((c) => [c.customer, c.verdict])).toEqual([
      ["B gap", "SERVICE_GAP"],
      ["D gap", "SERVICE_GAP"],
      ["C missing", "MISSING_NEW"],
      ["A done", "DONE"],
    ]);
  });
});

describe("§7.11 who is in the report", () => {
  const [listed, exported, newOnly, newWithExport] = [guid(), guid(), guid(), guid()];
  const { report } = new ExportSet()
    .oldList("FR", [
      { id: listed, name: "Listed Only" },
      { id: exported, name: "Exported" },
    ])
    .newList([
      { id: exported, name: "Exported" },
      { id: newOnly, name: "New List Only" },
      { id: newWithExport, name: "New Customer" },
    ])
    .old("FR", "Exported", [r("Suspended")])
    .new("Exported", [r("Active")])
    .new("New Customer", [r("Active")])
    .old("NL", "Header Only GmbH", [])
    .run();
  const verdicts = Object.fromEntries(report.customers.map((c) => [c.customer, c.verdict]));

  test("every customer of an old list, even with nothing to move (NO_EXPORT)", () => {
    expect(verdicts["Listed Only"]).toBe("NO_EXPORT");
  });

  test("every customer found in an export, a header-only export included", () => {
    expect(verdicts["Exported"]).toBe("DONE");
    expect(verdicts["New Customer"]).toBe("NEW_ONLY");
    expect(verdicts["Header Only GmbH"]).toBe("CLOSED");
  });

  test("customers only in the new account's list, with no export, are left out", () => {
    expect(verdicts).not.toHaveProperty("New List Only");
    expect(Object.keys(verdicts).sort()).toEqual(["Exported", "Header Only GmbH", "Listed Only", "New Customer"]);
    expect(report.totals.customers).toBe(4);
  });
});

describe("§7.15 a customer's name in the report", () => {
  const id = guid();

  test("the new account's list first", () => {
    const { report } = new ExportSet()
      .oldList("FR", [{ id, name: "Contoso SARL" }])
      .newList([{ id, name: "Contoso Ltd" }])
      .old("FR", id, [r("Suspended")])
      .new(id, [r("Active")])
      .run();
    expect(report.customers.map((c) => c.customer)).toEqual(["Contoso Ltd"]);
  });

  test("then its old accounts' (code's choice when two differ: account names in code-point order)", () => {
    const { report } = new ExportSet()
      .oldList("NL", [{ id, name: "Contoso BV" }])
      .oldList("FR", [{ id, name: "Contoso SARL" }])
      .old("NL", id, [r("Suspended")])
      .old("FR", id, [r("Suspended")])
      .run();
    expect(report.customers.map((c) => c.customer)).toEqual(["Contoso SARL"]);
  });

  test("else the customer cell of its rows", () => {
    const { report } = new ExportSet().old("FR", "export-2026", [r("Active", 5, "Office 365 E3", { Customer: "Fabrikam Inc." })]).run();
    expect(report.customers.map((c) => [c.customer, c.microsoftId])).toEqual([["Fabrikam Inc.", null]]);
  });

  test("else the file's base name (as written)", () => {
    const { report } = new ExportSet().old("FR", "fabrikam.onmicrosoft.com", [r("Active")]).old("NL", id.toUpperCase(), [r("Active", 1, "Office 365 E1")]).run();
    expect(report.customers.map((c) => [c.customer, c.microsoftId]).sort()).toEqual([
      [id.toUpperCase(), id],
      ["fabrikam.onmicrosoft.com", null],
    ]);
  });
});

describe("report.json warnings: exports of a whole side missing (issue 11; docs/DECISIONS.md)", () => {
  const warnings = (set: ExportSet) => set.run().report.warnings.map((w) => w.code);

  test("only the new account's exports: NO_OLD_ACCOUNT, though nothing is flagged", () => {
    const { report } = new ExportSet().new("Contoso Ltd", [r("Active")]).run();
    expect(report.totals.flagged).toBe(0);
    expect(report.warnings.map((w) => w.code)).toEqual(["NO_OLD_ACCOUNT"]);
  });

  test("only old accounts' exports: NO_NEW_ACCOUNT", () => {
    expect(warnings(new ExportSet().old("FR", "Contoso Ltd", [r("Active")]))).toEqual(["NO_NEW_ACCOUNT"]);
  });

  test("an old account's customer list is not an export: NO_OLD_ACCOUNT still", () => {
    expect(warnings(new ExportSet().oldList("FR", [{ id: guid(), name: "Contoso Ltd" }]).new("Contoso Ltd", [r("Active")]))).toEqual(["NO_OLD_ACCOUNT"]);
  });

  test("an export that could not be read still shows its side was exported (its problem says the rest)", () => {
    expect(warnings(new ExportSet().raw("from/FR/Contoso Ltd.csv", null, "The file could not be read").new("Contoso Ltd", [r("Active")]))).toEqual([]);
  });

  test("a header-only export counts: it says there are no subscriptions", () => {
    expect(warnings(new ExportSet().old("FR", "Contoso Ltd", []).new("Contoso Ltd", [r("Active")]))).toEqual([]);
  });
});
