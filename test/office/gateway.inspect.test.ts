/**
 * inspect() finds the exports among the user's sheets (header row = first non-empty row, any
 * spec language), ignores the product's own sheets, and guesses account, role and customer from
 * sheet names and the customer lists; the pane's small writes (Sources, settings, selection) land
 * where a teammate finds them.
 */
import * as path from "path";
import { scanFolder } from "../../src/cli/folder";
import { Cell } from "../../src/domain/cells";
import { ImportFile } from "../../src/domain/importer";
import { GENERATED, SCHEMA_VERSION } from "../../src/layout/plan";
import { guessSheet } from "../../src/office/guess";
import { SETTING_AUTO_OPEN } from "../../src/office/state";
import { AS_OF, bench } from "./support/setup";

function paste(b: ReturnType<typeof bench>, sheet: string, rows: Cell[][], top = 1) {
  if (!b.fake.store.sheet(sheet)) b.fake.store.addSheet(sheet);
  rows.forEach((r, i) => r.forEach((v, j) => v !== null && b.fake.store.userWrite(sheet, top + i, j + 1, typeof v === "string" ? `'${v}` : v)));
}

const CONTOSO = "3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b";
const NORTHWIND = "b459071a-fb8a-4f9e-bf72-c46dca8fbe35";

function userWorkbook() {
  const b = bench();
  paste(b, "FR customers", [
    ["ID Microsoft", "Nom de la société", "Nom de domaine principal", "Relation"],
    [CONTOSO, "Contoso Ltd", "contoso.onmicrosoft.com", "Revendeur cloud"],
    [NORTHWIND, "Northwind Traders", "northwind.onmicrosoft.com", "Revendeur cloud"],
  ]);
  paste(b, "FR - Contoso Ltd", [
    ["ID d'abonnement", "Abonnement", "Quantité", "État", "Revendeur"],
    ["s1", "Office 365 E3", 25, "Actif", ""],
  ]);
  // Empty rows above: the header is the first non-empty row (§7.1).
  paste(b, "contoso.onmicrosoft.com", [["Subscription ID", "Subscription", "Quantity", "Status"], ["s2", "Office 365 E3", 25, "Active"]], 3);
  // A title above the header makes the title the header row: not an export.
  paste(b, "Report", [["Export of 2026-11-01"], ["Subscription ID", "Subscription", "Quantity", "Status"], ["s9", "Office 365 E3", 1, "Active"]]);
  paste(b, NORTHWIND.slice(0, 31), [
    ["Abonnement-ID", "Abonnement", "Menge", "Status"],
    ["s3", "Office 365 E1", 3, "Aktiv"],
  ]);
  paste(b, "New - Northwind", [
    ["Subscription ID", "Subscription", "Quantity", "Status", "Reseller"],
    ["n1", "Office 365 E1", 3, "Active", ""],
  ]);
  paste(b, "Notes", [["Call the customers on Monday"], ["Status", "Quantity"]]);
  // A sheet named like the product's helper is never an export, hidden or not.
  paste(b, GENERATED.calc, [["Group", "New", "Azure", "Status", "Quantity", "Subscription ID", "Subscription"]]);
  b.fake.store.mustSheet(GENERATED.calc).visibility = "Hidden";
  return b;
}

describe("inspect on sheets the user pasted", () => {
  test("finds the exports, their header rows, and guesses account, role and customer", async () => {
    const b = userWorkbook();
    const st = await b.gateway.inspect();
    const by = new Map(st.sheets.map((s) => [s.name, s]));
    expect([...by.keys()].sort()).toEqual(["FR - Contoso Ltd", "FR customers", "New - Northwind", NORTHWIND.slice(0, 31), "contoso.onmicrosoft.com"].sort());
    expect(by.get("FR - Contoso Ltd")).toMatchObject({ kind: "subscriptions", headerRow: 1, rows: 1, account: "FR", role: "from", customer: "Contoso Ltd", confirmed: false, imported: false });
    expect(by.get("contoso.onmicrosoft.com")).toMatchObject({ kind: "subscriptions", headerRow: 3, rows: 1, account: "FR", customer: "Contoso Ltd" });
    expect(by.get(NORTHWIND.slice(0, 31))).toMatchObject({ kind: "subscriptions", account: "FR", customer: "Northwind Traders" });
    expect(by.get("New - Northwind")).toMatchObject({ role: "to", account: "New", customer: "Northwind Traders" });
    expect(by.get("FR customers")).toMatchObject({ kind: "customers", account: "FR", customer: "" });
    expect(st.reconciled).toBe(false);
    expect(st.schemaVersion).toBeNull();
    expect(st.records).toEqual([]);
    expect(st.host.api).toBe("1.17");
  });

  test("guesses from names alone", () => {
    const known = [{ account: "DE", role: "from" as const }];
    expect(guessSheet("Contoso (DE)", known, [], false)).toEqual({ account: "DE", role: "from", customer: "Contoso" });
    expect(guessSheet("NL_Fabrikam BV", [], [], false)).toEqual({ account: "NL", role: "from", customer: "Fabrikam BV" });
    expect(guessSheet("to - Litware", [], [], false)).toEqual({ account: "New", role: "to", customer: "Litware" });
    expect(guessSheet("Adatum", [], [], false)).toEqual({ account: "", role: "from", customer: "Adatum" });
    // A trailing legal form is part of the company name, not an account code.
    expect(guessSheet("Transports Lefèvre SA", [], [], false)).toEqual({ account: "", role: "from", customer: "Transports Lefèvre SA" });
    expect(guessSheet("DE Müller AG", [], [], false)).toEqual({ account: "DE", role: "from", customer: "Müller AG" });
  });

  test("confirmed sources win over guesses", async () => {
    const b = userWorkbook();
    const st = await b.gateway.inspect();
    const sheet = st.sheets.find((s) => s.name === "FR - Contoso Ltd")!;
    await b.gateway.saveSources([{ file: sheet.name, kind: "subscriptions", account: "BE", role: "from", customer: "Contoso Ltd", sheet: sheet.name, rows: 1, state: "ok", message: "" }]);
    const again = await b.gateway.inspect();
    expect(again.sheets.find((s) => s.name === "FR - Contoso Ltd")).toMatchObject({ account: "BE", confirmed: true });
    expect(again.records).toHaveLength(1);
    // ...and a run reconciles the pasted sheet as the user confirmed it.
    await b.gateway.saveSettings({ ...again.settings, asOf: AS_OF });
    const outcome = await b.gateway.reconcile(b.onProgress);
    expect(outcome.report.customers.map((c) => c.customer)).toEqual(["Contoso Ltd"]);
  });
});

describe("inspect after importing the samples", () => {
  let files: ImportFile[];
  beforeAll(async () => {
    files = (await scanFolder(path.join(__dirname, "..", "..", "samples"))).files;
  });

  test("imported sheets are confirmed; settings come from the Accounts and Offer map tables", async () => {
    const b = bench();
    await b.gateway.importFiles(files, b.onProgress);
    const st = await b.gateway.inspect();
    const fr = st.sheets.find((s) => s.name === "FR subscriptions")!;
    expect(fr).toMatchObject({ imported: true, confirmed: true, account: "FR", role: "from", kind: "subscriptions", headerRow: 1 });
    expect(st.sheets.find((s) => s.name === "New customers")).toMatchObject({ kind: "customers", role: "to", confirmed: true });
    expect(st.settings.nceAccounts).toEqual(["DE"]);
    expect(st.settings.offerMap).toHaveLength(9);
    expect(st.settings.asOf).toBe("today");
    expect(st.records.length).toBeGreaterThan(30);
    await b.gateway.saveSettings({ ...st.settings, asOf: AS_OF, autoOpen: true });
    await b.gateway.reconcile(b.onProgress);
    const after = await b.gateway.inspect();
    expect(after.reconciled).toBe(true);
    expect(after.interrupted).toBe(false);
    expect(after.schemaVersion).toBe(SCHEMA_VERSION);
    expect(after.settings.asOf).toBe(AS_OF);
    expect(after.settings.autoOpen).toBe(true);
    expect(b.fake.store.settings.get(SETTING_AUTO_OPEN)).toBe(true);
    // Only exports are listed, never the product's sheets.
    expect(after.sheets.map((s) => s.name).filter((n) => /^(CSP |Summary|Groups|Sources)/.test(n))).toEqual([]);
  });

  test("the as-of date: a date typed in the Summary freezes it, 'today' puts TODAY() back", async () => {
    const b = bench();
    await b.gateway.importFiles(files, b.onProgress);
    await b.gateway.reconcile(b.onProgress);
    const summary = b.fake.store.mustSheet(GENERATED.summary);
    expect(b.fake.store.cell(summary, 2, 2)?.formula).toBe("=TODAY()");
    b.fake.store.userWrite(GENERATED.summary, 2, 2, "2026-11-24");
    expect((await b.gateway.inspect()).settings.asOf).toBe("2026-11-24");
    const frozen = await b.gateway.reconcile(b.onProgress);
    expect(frozen.report.asOf).toBe("2026-11-24");
    await b.gateway.saveSettings({ ...(await b.gateway.inspect()).settings, asOf: "today" });
    expect(b.fake.store.cell(summary, 2, 2)?.formula).toBe("=TODAY()");
  });
});

describe("select", () => {
  // RangeAreas.select is ExcelApi 1.18: Office 2021 (1.14) and 2024 (1.17) select the first run only.
  test.each(["1.18", "1.17", "1.9", "1.7"])("activates the sheet and selects the rows (several runs at once need ExcelApi 1.18): %s", async (api) => {
    const b = bench({ api });
    b.fake.store.addSheet("FR - Contoso Ltd");
    const outcome = await b.gateway.select("FR - Contoso Ltd", [5, 3, 4, 9]);
    const store = b.fake.store;
    expect(store.activeSheetId).toBe(store.mustSheet("FR - Contoso Ltd").id);
    const areas = store.selection!.areas.map((a) => [a.top, a.bottom, a.left, a.right]);
    if (api === "1.18") {
      expect(areas).toEqual([[3, 5, 1, 16_384], [9, 9, 1, 16_384]]);
      expect(outcome).toEqual({ selectedRows: 4, rows: 4 });
    } else {
      expect(areas).toEqual([[3, 5, 1, 16_384]]);
      expect(outcome).toEqual({ selectedRows: 3, rows: 4 });
    }
    // No request failed on the way (the old code tried getRanges().select() and fell back on the error).
    expect(b.fake.stats.log.filter((r) => r.failed)).toEqual([]);
  });

  test("a customer with rows scattered over thousands of runs: as many runs as one address may hold", async () => {
    const b = bench({ api: "1.18" });
    b.fake.store.addSheet("Big");
    const rows = Array.from({ length: 3000 }, (_x, i) => 10 + i * 2);
    const outcome = (await b.gateway.select("Big", rows)) as { selectedRows: number; rows: number };
    expect(outcome.rows).toBe(3000);
    expect(outcome.selectedRows).toBeGreaterThan(100);
    expect(outcome.selectedRows).toBeLessThan(3000);
    expect(b.fake.store.selection!.areas).toHaveLength(outcome.selectedRows);
  });
});
