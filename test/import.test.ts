/**
 * Importing exports into account sheets (the layout both the pane and the command use) must
 * not change what the exports mean.
 */
import { reconcileImports } from "../src/cli/run";
import { ImportFile } from "../src/domain/importer";

const GUID_A = "11111111-1111-4111-8111-111111111111";
const GUID_B = "22222222-2222-4222-8222-222222222222";
const header = ["Subscription ID", "Subscription", "Quantity", "Status", "Reseller"];

describe("one account sheet holds the union of its files' columns", () => {
  const files: ImportFile[] = [
    { path: "from/FR/Customers.csv", role: "from", account: "FR", kind: "customers", grid: [["Microsoft ID", "Company name"], [GUID_A, "Alpha"], [GUID_B, "Beta"]] },
    // A file that names its customer on each row (§7.8) brings a Customer column to the sheet...
    { path: "from/FR/all.csv", role: "from", account: "FR", kind: "subscriptions", grid: [[...header, "Customer"], ["s1", "Office 365 E3", "5", "Active", "", "Alpha"]] },
    // ...but a header-only per-customer export still says "Beta has no subscriptions" (§4).
    { path: `from/FR/${GUID_B}.csv`, role: "from", account: "FR", kind: "subscriptions", grid: [header] },
  ];

  test("a header-only export keeps covering its customer", () => {
    const { report } = reconcileImports(files, { asOf: "2026-11-24", fixedAsOf: true });
    const beta = report.customers.find((c) => c.microsoftId === GUID_B)!;
    expect(beta.verdict).toBe("CLOSED");
    const alpha = report.customers.find((c) => c.microsoftId === GUID_A)!;
    expect(alpha.verdict).toBe("MISSING_NEW");
  });

  test("without the header-only export Beta is not exported", () => {
    const { report } = reconcileImports(files.slice(0, 2), { asOf: "2026-11-24", fixedAsOf: true });
    expect(report.customers.find((c) => c.microsoftId === GUID_B)!.verdict).toBe("NO_EXPORT");
  });
});

describe("text longer than an Excel cell holds", () => {
  test("is cut to 32,767 characters, and the file's Sources line says so", () => {
    const long = "n".repeat(40_000);
    const files: ImportFile[] = [
      { path: "from/FR/Contoso.csv", role: "from", account: "FR", kind: "subscriptions", grid: [header, ["s1", "Office 365 E3", "5", "Active", long], ["s2", "Visio", "1", "Active", "x".repeat(32_767)]] },
    ];
    const out = reconcileImports(files, { asOf: "2026-11-24", fixedAsOf: true });
    const cells = out.inputSheets.flatMap((s) => s.rows.flat()).filter((c): c is string => typeof c === "string");
    expect(Math.max(...cells.map((c) => c.length))).toBe(32_767);
    expect(cells).toContain("n".repeat(32_767));
    const record = out.records.find((r) => r.file === "from/FR/Contoso.csv")!;
    expect(record.rows).toBe(2);
    expect(record.message).toMatch(/^1 cell longer than Excel's 32,767 characters cut/);
  });

  test("in a file that is not read (a missing column), the rows kept on the Unread sheet are cut too, and the line says so", () => {
    const files: ImportFile[] = [
      { path: "from/FR/Contoso.csv", role: "from", account: "FR", kind: "subscriptions", grid: [["Subscription ID", "Subscription"], ["s1", "o".repeat(40_000)], ["s2", "p".repeat(33_000)]] },
    ];
    const out = reconcileImports(files, { asOf: "2026-11-24", fixedAsOf: true });
    const cells = out.inputSheets.flatMap((s) => s.rows.flat()).filter((c): c is string => typeof c === "string");
    expect(cells).toContain("o".repeat(32_767));
    expect(Math.max(...cells.map((c) => c.length))).toBe(32_767);
    const record = out.records.find((r) => r.file === "from/FR/Contoso.csv")!;
    expect(record.state).toBe("MISSING_COLUMN");
    expect(record.message).toMatch(/; 2 cells longer than Excel's 32,767 characters cut to that length/);
  });
});
