/**
 * Spec §6 folder layout, §7.14: the headless command's folder scan (src/cli/folder.ts) and
 * reconcileImports (src/cli/run.ts) on small fixture folders.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { scanFolder } from "../../src/cli/folder";
import { reconcileImports } from "../../src/cli/run";
import { RUN_WARNING_TEXT } from "../../src/domain/warnings";

const FOLDERS = path.join(__dirname, "..", "fixtures", "folders");
const run = async (root: string) => {
  const scan = await scanFolder(root);
  return { scan, out: reconcileImports(scan.files, { asOf: "2026-11-24", fixedAsOf: true, runAt: "2026-11-24T00:00:00Z" }) };
};

describe("§6 folder layout: mixed-case names, .xlsx anywhere, files outside the layout ignored", () => {
  let result: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    result = await run(path.join(FOLDERS, "mixed-case"));
  });

  test("every file of the layout is read with its role, account and kind, whatever the case of its names", () => {
    const files = result.scan.files.map((f) => [f.path, f.role, f.account, f.kind, f.grid === null ? "unread" : "read"]);
    expect(files.sort()).toEqual(
      [
        ["ACCOUNTS.XLSX", "from", "", "accounts", "read"],
        ["FROM/Fr/CONTOSO SARL.XLSX", "from", "Fr", "subscriptions", "read"],
        ["FROM/Fr/CUSTOMERS.CSV", "from", "Fr", "customers", "read"],
        ["FROM/Fr/sub/fabrikam.onmicrosoft.com.csv", "from", "Fr", "subscriptions", "read"],
        ["FROM/nl/Customers.xlsx", "from", "nl", "customers", "read"],
        ["FROM/nl/NORTHWIND BV.csv", "from", "nl", "subscriptions", "read"],
        ["Offer-Map.xlsx", "from", "", "offerMap", "read"],
        ["To/contoso ltd.csv", "to", "New", "subscriptions", "read"],
        ["To/customers.csv", "to", "New", "customers", "read"],
        ["To/northwind.onmicrosoft.com.xlsx", "to", "New", "subscriptions", "read"],
        ["To/{F7A2C4E6-1B3D-4F5A-8E9C-2D4B6A8C0E22}.csv", "to", "New", "subscriptions", "read"],
      ].sort(),
    );
  });

  test("files outside the layout are ignored, not read", () => {
    expect(result.scan.ignored.sort()).toEqual(["FROM/loose.csv", "README.txt", "notes/extra.csv"]);
  });

  test("the report: identity through the .xlsx and .csv lists, the .xlsx offer map, the .xlsx accounts file (nl is new commerce)", () => {
    const { report } = result.out;
    expect(report.problems).toEqual([]);
    expect(report.customers.map((c) => [c.customer, c.microsoftId, c.verdict, c.groups.map((g) => [g.offer, g.required, g.newSeats, g.verdict, g.notes])])).toEqual([
      [
        "Northwind Traders",
        "9b8c7d6e-5f4a-4b3c-a2d1-e0f9a8b7c633",
        "NCE_STILL_BILLED",
        [["office 365 e3", 4, 4, "NCE_STILL_BILLED", ["transfer or cancel within 7 days"]]],
      ],
      [
        "Contoso Ltd",
        "3c1f0a9e-5b7d-4e2a-9c31-0d6f8a2b4e11",
        "DONE",
        [
          ["microsoft 365 business standard", 5, 5, "DONE", ["reassign licenses"]],
          ["office 365 e3", 10, 10, "DONE", []],
        ],
      ],
      ["Fabrikam SAS", "f7a2c4e6-1b3d-4f5a-8e9c-2d4b6a8c0e22", "DONE", [["office 365 e1", 3, 3, "DONE", []]]],
    ]);
    expect(report.totals).toEqual({ customers: 3, flagged: 1, byVerdict: { NCE_STILL_BILLED: 1, DONE: 2 } });
  });

  test("account commerce comes from ACCOUNTS.XLSX, matched case-insensitively", () => {
    expect(result.out.result.accounts.filter((a) => a.role === "from").map((a) => [a.account, a.commerce]).sort()).toEqual([
      ["Fr", "legacy"],
      ["nl", "nce"],
    ]);
  });
});

describe("§6 folder names are case-insensitive (generated, since case-twin folders cannot live in git on every file system)", () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), "csp-folder-"));
  });
  afterAll(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  const write = async (root: string, rel: string, text: string) => {
    await fs.mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await fs.writeFile(path.join(root, rel), text);
  };
  const HEADER = "Subscription ID,Subscription,Quantity,Status\n";

  test("from/fr and FROM/FR are one account: the same subscription ID in both is a DUPLICATE_ID", async () => {
    const root = path.join(tmp, "twins");
    await write(root, "from/fr/Contoso.csv", `${HEADER}dup,Office 365 E3,5,Suspended\n`);
    await write(root, "FROM/FR/Fabrikam.csv", `${HEADER}dup,Office 365 E3,5,Suspended\n`);
    await write(root, "TO/Contoso.csv", `${HEADER}n1,Office 365 E3,5,Active\n`);
    const { scan, out } = await run(root);
    expect(new Set(scan.files.filter((f) => f.role === "from").map((f) => f.account)).size).toBe(1);
    // Case-folded paths: "from/fr/contoso.csv" < "from/fr/fabrikam.csv", so Contoso's row counts.
    expect(out.report.problems.map((p) => [p.source, p.row, p.code])).toEqual([["FROM/FR/Fabrikam.csv", 2, "DUPLICATE_ID"]]);
    expect(out.report.customers.map((c) => [c.customer, c.verdict])).toEqual([
      ["Contoso", "DONE"],
      ["Fabrikam", "CLOSED"],
    ]);
  });

  test("offer-map.csv and accounts.csv in any case, read by their headers or first two columns", async () => {
    const root = path.join(tmp, "csv-settings");
    await write(root, "OFFER-MAP.CSV", "Old,New\nIntune,Microsoft Intune Plan 1\n");
    await write(root, "Accounts.Csv", "Commerce,Account\nnce,de\n");
    await write(root, "from/DE/Contoso.csv", `${HEADER}o1,Intune,5,Suspended\n`);
    await write(root, "to/Contoso.csv", `${HEADER}n1,Microsoft Intune Plan 1,5,Active\n`);
    const { out } = await run(root);
    expect(out.report.customers[0].groups.map((g) => [g.offer, g.verdict, g.notes])).toEqual([
      ["microsoft intune plan 1", "NCE_STILL_BILLED", ["transfer or cancel within 7 days"]],
    ]);
  });

  test("a folder with nothing in the layout reconciles to an empty report", async () => {
    const root = path.join(tmp, "empty");
    await write(root, "notes.txt", "nothing here");
    const { scan, out } = await run(root);
    expect(scan.ignored).toEqual(["notes.txt"]);
    // The command refuses such a folder (exit 2, test/cli.test.ts); the engine still answers, and warns.
    expect(out.report).toEqual({
      asOf: "2026-11-24",
      warnings: [
        { code: "NO_OLD_ACCOUNT", message: RUN_WARNING_TEXT.NO_OLD_ACCOUNT },
        { code: "NO_NEW_ACCOUNT", message: RUN_WARNING_TEXT.NO_NEW_ACCOUNT },
      ],
      customers: [],
      problems: [],
      totals: { customers: 0, flagged: 0, byVerdict: {} },
      actions: [],
      money: { byCurrency: [], unmatchedLines: 0, duplicateLines: 0, files: [] },
    });
  });
});
