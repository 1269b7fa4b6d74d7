/**
 * Spec §3 "Customer key", §7.7 – §7.9, §2.2: who a file (or a row) is about.
 */
import { parseGuid } from "../../src/domain/text";
import { ExportSet, customerNamed, groupsOf, guid, problemList, rowsOf, Sub } from "./support/exports";

const E3: Sub = { offer: "Office 365 E3", qty: "5", status: "Suspended" };
const E3_NEW: Sub = { offer: "Office 365 E3", qty: "5", status: "Active" };

const keyOfFile = (set: ExportSet, source: string) => {
  const { result } = set.run();
  const rows = rowsOf(result, source);
  expect(rows.length).toBeGreaterThan(0);
  return result.customers[rows[0].customer];
};

describe("§7.7 GUID file names are Microsoft IDs (braces allowed, any case)", () => {
  const id = "3f1c2b4a-9d8e-4f7a-b6c5-d4e3f2a1b0c9";
  test.each([id, id.toUpperCase(), `{${id}}`, `{${id.toUpperCase()}}`, `{${id.slice(0, 19)}${id.slice(19).toUpperCase()}}`])("%s", (name) => {
    expect(parseGuid(name)).toBe(id);
    const set = new ExportSet().oldList("FR", [{ id, name: "Contoso Ltd" }]).old("FR", name, [E3]);
    const c = keyOfFile(set, `from/FR/${name}.csv`);
    expect([c.key, c.microsoftId, c.name]).toEqual([`id:${id}`, id, "Contoso Ltd"]);
    expect(set.run().result.problems).toEqual([]);
  });

  test("a GUID that is in no list is still that Microsoft ID (no lookup, no problem)", () => {
    const set = new ExportSet().oldList("FR", [{ id: guid(), name: "Other" }]).old("FR", id, [E3]);
    const { result } = set.run();
    expect(problemList(result.problems)).toEqual([]);
    const c = keyOfFile(set, `from/FR/${id}.csv`);
    expect([c.key, c.microsoftId, c.name]).toEqual([`id:${id}`, id, id]);
  });

  test.each(["3f1c2b4a-9d8e-4f7a-b6c5-d4e3f2a1b0c", "3f1c2b4a9d8e4f7ab6c5d4e3f2a1b0c9", "3f1c2b4a-9d8e-4f7a-b6c5-d4e3f2a1b0cg", "(3f1c2b4a-9d8e-4f7a-b6c5-d4e3f2a1b0c9)"])(
    "%s is not a GUID",
    (s) => {
      expect(parseGuid(s)).toBeNull();
    },
  );

  test("code's choice: a single unbalanced brace is tolerated", () => {
    expect(parseGuid("{3f1c2b4a-9d8e-4f7a-b6c5-d4e3f2a1b0c9")).toBe(id);
    expect(parseGuid("3f1c2b4a-9d8e-4f7a-b6c5-d4e3f2a1b0c9}")).toBe(id);
  });
});

describe("§7.7 a name is matched as a primary domain, then as a company name (normalized)", () => {
  const id = guid();
  const list = [{ id, name: "Contoso Ltd", domain: "contoso.onmicrosoft.com" }];

  test.each(["contoso.onmicrosoft.com", "CONTOSO.onmicrosoft.COM"])("domain %s", (name) => {
    const set = new ExportSet().oldList("FR", list).old("FR", name, [E3]);
    expect(keyOfFile(set, `from/FR/${name}.csv`).key).toBe(`id:${id}`);
    expect(set.run().result.problems).toEqual([]);
  });

  test.each(["Contoso Ltd", "contoso ltd", "CONTOSO  LTD", "Contoso Ltd™", "Ｃｏｎｔｏｓｏ Ltd"])("company name %j", (name) => {
    const set = new ExportSet().oldList("FR", list).old("FR", name, [E3]);
    expect(keyOfFile(set, `from/FR/${name}.csv`).key).toBe(`id:${id}`);
    expect(set.run().result.problems).toEqual([]);
  });

  test("the domain is tried before the company name", () => {
    const byDomain = guid();
    const byName = guid();
    const set = new ExportSet()
      .oldList("FR", [
        { id: byName, name: "fabrikam.com" },
        { id: byDomain, name: "Fabrikam SA", domain: "fabrikam.com" },
      ])
      .old("FR", "fabrikam.com", [E3]);
    expect(keyOfFile(set, "from/FR/fabrikam.com.csv").key).toBe(`id:${byDomain}`);
  });

  test("a file's base name is its name without the last extension only", () => {
    const id2 = guid();
    const set = new ExportSet().oldList("FR", [{ id: id2, name: "Contoso.v2" }]).old("FR", "Contoso.v2", [E3]);
    expect(keyOfFile(set, "from/FR/Contoso.v2.csv").key).toBe(`id:${id2}`);
  });
});

describe("§7.7 search order: own account's list, then the new account's, then other old accounts' in name order", () => {
  const [fr, nl, to, de] = [guid(), guid(), guid(), guid()];
  const lists = () =>
    new ExportSet()
      .oldList("FR", [{ id: fr, name: "Contoso" }])
      .oldList("NL", [{ id: nl, name: "Contoso" }])
      .oldList("DE", [{ id: de, name: "Other GmbH" }]);

  test("each old account's file resolves through its own list first", () => {
    const set = lists().newList([{ id: to, name: "Contoso" }]).old("FR", "Contoso", [E3]).old("NL", "Contoso", [E3]);
    expect(keyOfFile(set, "from/FR/Contoso.csv").key).toBe(`id:${fr}`);
    expect(keyOfFile(set, "from/NL/Contoso.csv").key).toBe(`id:${nl}`);
  });

  test("its own list even when the list's folder is spelled in another case (§6: names are case-insensitive)", () => {
    const set = new ExportSet()
      .oldList("fr", [{ id: fr, name: "Contoso" }])
      .newList([{ id: to, name: "Contoso" }])
      .old("FR", "Contoso", [E3]);
    expect(keyOfFile(set, "from/FR/Contoso.csv").key).toBe(`id:${fr}`);
  });

  test("a new-account file resolves through the new list", () => {
    const set = lists().newList([{ id: to, name: "Contoso" }]).new("Contoso", [E3_NEW]);
    expect(keyOfFile(set, "to/Contoso.csv").key).toBe(`id:${to}`);
  });

  test("an old account whose own list lacks the name: the new account's list comes next", () => {
    const set = lists().newList([{ id: to, name: "Contoso" }]).old("DE", "Contoso", [E3]);
    expect(keyOfFile(set, "from/DE/Contoso.csv").key).toBe(`id:${to}`);
  });

  test.each(["de", "DE"])("name order ignores the case of account names (§6): %s comes before FR either way", (spelling) => {
    const set = lists();
    set.files.splice(2, 1); // drop DE's list, put it back under the other spelling
    set.oldList(spelling, [{ id: de, name: "Contoso" }]).old("IT", "Contoso", [E3]);
    expect(keyOfFile(set, "from/IT/Contoso.csv").key).toBe(`id:${de}`);
  });

  test("then the other old accounts' lists, in name order (FR before NL)", () => {
    const set = lists().newList([{ id: to, name: "Somebody else" }]).old("DE", "Contoso", [E3]).new("Contoso", [E3_NEW]);
    expect(keyOfFile(set, "from/DE/Contoso.csv").key).toBe(`id:${fr}`);
    expect(keyOfFile(set, "to/Contoso.csv").key).toBe(`id:${fr}`);
  });
});

describe("§7.7 UNKNOWN_CUSTOMER", () => {
  test("a name matching two IDs in one list: UNKNOWN_CUSTOMER (row 0), keyed by the normalized name", () => {
    const [a, b] = [guid(), guid()];
    const { result } = new ExportSet()
      .oldList("FR", [
        { id: a, name: "Contoso" },
        { id: b, name: "CONTOSO" },
      ])
      .old("FR", "Contoso", [E3])
      .run();
    expect(problemList(result.problems)).toEqual([["from/FR/Contoso.csv", 0, "UNKNOWN_CUSTOMER"]]);
    const c = result.customers[rowsOf(result, "from/FR/Contoso.csv")[0].customer];
    expect([c.key, c.microsoftId]).toEqual(["name:contoso", null]);
    // The two listed customers stay in the report, and no export covers them.
    expect(result.customers.filter((x) => x.microsoftId === a || x.microsoftId === b).map((x) => x.verdict)).toEqual(["NO_EXPORT", "NO_EXPORT"]);
  });

  test("the same ID twice in one list (dual direct/indirect partner) is one customer, not ambiguous", () => {
    const id = guid();
    const { result, report } = new ExportSet()
      .oldList("FR", [
        { id, name: "Contoso" },
        { id, name: "Contoso" },
      ])
      .old("FR", "Contoso", [E3])
      .run();
    expect(result.problems).toEqual([]);
    expect(report.customers.map((c) => [c.customer, c.microsoftId])).toEqual([["Contoso", id]]);
  });

  test("a name matching nothing while lists exist: UNKNOWN_CUSTOMER; files of that name in several accounts are one customer", () => {
    const { result, report } = new ExportSet()
      .oldList("FR", [{ id: guid(), name: "Fabrikam" }])
      .old("FR", "Contoso Ltd", [E3])
      .new("contoso  LTD", [E3_NEW])
      .run();
    expect(problemList(result.problems)).toEqual([
      ["from/FR/Contoso Ltd.csv", 0, "UNKNOWN_CUSTOMER"],
      ["to/contoso  LTD.csv", 0, "UNKNOWN_CUSTOMER"],
    ]);
    const c = report.customers.find((x) => x.microsoftId === null)!;
    expect(c.groups.map((g) => [g.offer, g.required, g.newSeats, g.verdict])).toEqual([["office 365 e3", 5, 5, "DONE"]]);
  });

  test("without any customer list, a name is the customer key and no problem", () => {
    const { result } = new ExportSet().old("FR", "Contoso Ltd", [E3]).new("CONTOSO LTD", [E3_NEW]).run();
    expect(result.problems).toEqual([]);
    expect(result.customers.map((c) => c.key)).toEqual(["name:contoso ltd"]);
  });
});

describe("§7.8 files with their own customer column", () => {
  const [a, b, c] = [guid(), guid(), guid()];
  const list = [
    { id: a, name: "Alpha Ltd", domain: "alpha.onmicrosoft.com" },
    { id: b, name: "Beta GmbH" },
    { id: c, name: "Gamma SA" },
  ];

  test("each row names its customer by Microsoft ID, company name or domain; empty cells fall back to the file name", () => {
    const { result } = new ExportSet()
      .oldList("FR", list)
      .old("FR", "Gamma SA", [
        { offer: "Office 365 E3", qty: "1", status: "Active", cols: { "Microsoft ID": a.toUpperCase(), Customer: "" } },
        { offer: "Office 365 E3", qty: "2", status: "Active", cols: { "Microsoft ID": "", Customer: "beta gmbh" } },
        { offer: "Office 365 E3", qty: "4", status: "Active", cols: { "Microsoft ID": "", Customer: "" } },
      ])
      .old("FR", "anything", [{ offer: "Office 365 E1", qty: "8", status: "Active", cols: { Domain: "ALPHA.onmicrosoft.com" } }])
      .run();
    expect(result.problems).toEqual([]);
    const seats = (name: string) => groupsOf(result, name).map((g) => [g.offerKey, g.totals.R]);
    expect(seats("Alpha Ltd")).toEqual([
      ["office 365 e1", 8],
      ["office 365 e3", 1],
    ]);
    expect(seats("Beta GmbH")).toEqual([["office 365 e3", 2]]);
    expect(seats("Gamma SA")).toEqual([["office 365 e3", 4]]);
  });

  test("the file covers exactly the customers it has rows for (the others of the list are NO_EXPORT)", () => {
    const { result } = new ExportSet()
      .oldList("FR", list)
      .old("FR", "all customers", [{ offer: "Office 365 E3", qty: "1", status: "Expired", cols: { Customer: "Alpha Ltd" } }])
      .run();
    expect(problemList(result.problems)).toEqual([]);
    expect(result.customers.map((x) => [x.name, x.verdict])).toEqual([
      ["Alpha Ltd", "CLOSED"],
      ["Beta GmbH", "NO_EXPORT"],
      ["Gamma SA", "NO_EXPORT"],
    ]);
  });

  test("a header-only file with a customer column covers nobody (code's reading of §7.8 'exactly the customers it has rows for')", () => {
    const { result } = new ExportSet().oldList("FR", [list[0]]).old("FR", "Alpha Ltd", [], [...["Subscription ID", "Subscription", "Quantity", "Status", "Customer"]]).run();
    expect(customerNamed(result, "Alpha Ltd").verdict).toBe("NO_EXPORT");
  });

  test("a header-only file WITHOUT a customer column still covers its customer, even next to a file with one in the same account", () => {
    const { result } = new ExportSet()
      .oldList("FR", list)
      .old("FR", "all", [{ offer: "Office 365 E3", qty: "1", status: "Expired", cols: { Customer: "Alpha Ltd" } }])
      .old("FR", "Beta GmbH", [])
      .run();
    expect(result.customers.map((x) => [x.name, x.verdict])).toEqual([
      ["Alpha Ltd", "CLOSED"],
      ["Beta GmbH", "CLOSED"],
      ["Gamma SA", "NO_EXPORT"],
    ]);
  });

  test("BAD_CUSTOMER_ID: a Microsoft ID cell that is not a GUID is a problem at its row; the row falls back to its name, then the file", () => {
    const { result } = new ExportSet()
      .oldList("FR", list)
      .old("FR", "Gamma SA", [
        { offer: "Office 365 E3", qty: "1", status: "Active", cols: { "Microsoft ID": "n/a", Customer: "Beta GmbH" } },
        { offer: "Office 365 E3", qty: "2", status: "Active", cols: { "Microsoft ID": "12345", Customer: "" } },
      ])
      .run();
    expect(problemList(result.problems)).toEqual([
      ["from/FR/Gamma SA.csv", 2, "BAD_CUSTOMER_ID"],
      ["from/FR/Gamma SA.csv", 3, "BAD_CUSTOMER_ID"],
    ]);
    expect(groupsOf(result, "Beta GmbH")[0].totals.R).toBe(1);
    expect(groupsOf(result, "Gamma SA")[0].totals.R).toBe(2);
  });

  test("a customer cell matching no list entry is UNKNOWN_CUSTOMER at its first row, keyed by the normalized name", () => {
    const { result } = new ExportSet()
      .oldList("FR", list)
      .old("FR", "Alpha Ltd", [
        { offer: "Office 365 E3", qty: "1", status: "Active", cols: { Customer: "Delta BV" } },
        { offer: "Office 365 E3", qty: "2", status: "Active", cols: { Customer: "DELTA  BV" } },
        { offer: "Office 365 E3", qty: "3", status: "Active", cols: { Customer: "Alpha Ltd" } },
      ])
      .run();
    expect(problemList(result.problems)).toEqual([["from/FR/Alpha Ltd.csv", 2, "UNKNOWN_CUSTOMER"]]);
    const delta = result.customers.find((x) => x.key === "name:delta bv")!;
    expect([delta.name, delta.microsoftId]).toEqual(["Delta BV", null]);
    expect(result.groups[delta.groups[0]].totals.R).toBe(3);
  });
});

describe("§7.9 CONFLICTING_CUSTOMER: two old accounts give one company name different Microsoft IDs", () => {
  test("reported against both customer lists at the conflicting rows; each account's files resolve through their own list", () => {
    const [fr, nl] = [guid(), guid()];
    const { result } = new ExportSet()
      .oldList("FR", [
        { id: guid(), name: "Someone" },
        { id: fr, name: "Contoso" },
      ])
      .oldList("NL", [{ id: nl, name: "contoso" }])
      .old("FR", "Contoso", [E3])
      .old("NL", "Contoso", [E3])
      .run();
    expect(problemList(result.problems).filter((p) => p[2] === "CONFLICTING_CUSTOMER")).toEqual([
      ["from/FR/Customers.csv", 3, "CONFLICTING_CUSTOMER"],
      ["from/NL/Customers.csv", 2, "CONFLICTING_CUSTOMER"],
    ]);
    expect(result.problems.find((p) => p.source === "from/FR/Customers.csv")!.message).toContain(nl);
    expect(keyOf(result, "from/FR/Contoso.csv")).toBe(`id:${fr}`);
    expect(keyOf(result, "from/NL/Contoso.csv")).toBe(`id:${nl}`);
  });

  test("the same name with the same ID in two old lists is one customer and no problem (a split customer)", () => {
    const id = guid();
    const { result } = new ExportSet()
      .oldList("FR", [{ id, name: "Contoso" }])
      .oldList("NL", [{ id, name: "Contoso" }])
      .old("FR", "Contoso", [E3])
      .old("NL", id, [E3])
      .run();
    expect(result.problems).toEqual([]);
    expect(result.customers).toHaveLength(1);
    expect(result.groups[0].totals.R).toBe(10);
  });

  test("the new account's list does not take part", () => {
    const { result } = new ExportSet()
      .oldList("FR", [{ id: guid(), name: "Contoso" }])
      .newList([{ id: guid(), name: "Contoso" }])
      .run();
    expect(result.problems).toEqual([]);
  });

  function keyOf(result: ReturnType<ExportSet["run"]>["result"], source: string): string {
    return result.customers[rowsOf(result, source)[0].customer].key;
  }
});

describe("§2.2 customer lists", () => {
  test("BAD_CUSTOMER_ID: an entry whose Microsoft ID is not a GUID is a problem at its row and is keyed by its name", () => {
    const { result } = new ExportSet()
      .oldList("FR", [
        { id: guid(), name: "Alpha" },
        { id: "not-a-guid", name: "Beta" },
      ])
      .old("FR", "Beta", [E3])
      .run();
    expect(problemList(result.problems)).toEqual([["from/FR/Customers.csv", 3, "BAD_CUSTOMER_ID"]]);
    const beta = customerNamed(result, "Beta");
    expect([beta.key, beta.microsoftId]).toEqual(["name:beta", null]);
    expect(beta.groups).toHaveLength(1);
  });

  test("braced upper-case IDs in a list are the same customers as lower-case ones", () => {
    const id = guid();
    const { result } = new ExportSet().oldList("FR", [{ id: `{${id.toUpperCase()}}`, name: "Alpha" }]).old("FR", id, [E3]).run();
    expect(result.problems).toEqual([]);
    expect(result.customers.map((c) => [c.name, c.microsoftId])).toEqual([["Alpha", id]]);
  });

  test.each([
    [["ID Microsoft", "Nom de la société", "Nom de domaine principal", "Relation"]],
    [["Id. de Microsoft", "Nombre de la empresa", "Nombre de dominio principal", "Relación"]],
    [["Microsoft ID", "会社名", "プライマリ ドメイン名", "関係"]],
  ])("a localized list %j is used for lookups", (header) => {
    const id = guid();
    const set = new ExportSet().raw("from/FR/Customers.csv", [header, [id, "Société Générale de Test", "sgt.onmicrosoft.com", "x"]]);
    set.old("FR", "sgt.onmicrosoft.com", [E3]).old("FR", "société générale de test", [{ ...E3, offer: "Office 365 E1" }]);
    const { result } = set.run();
    expect(result.problems).toEqual([]);
    expect(result.customers.map((c) => [c.name, c.microsoftId, c.groups.length])).toEqual([["Société Générale de Test", id, 2]]);
  });
});
