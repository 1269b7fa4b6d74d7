/**
 * Spec §8 / issue 12 point 2: `csp-reconcile … --actions next-steps.csv` — the actions as CSV in
 * UTF-8 with a BOM, RFC 4180 quoting, and no text that a spreadsheet would run as a formula.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { CSV_COLUMNS, NEUTRALIZER, ReportAction, actionsCsv, csvField, deriveActions, reportAction } from "../../src/domain/actions";
import { readCsv } from "../../src/domain/readers/csv";
import { Report } from "../../src/domain/report";
import { ExportSet } from "./support/exports";

const action = (over: Partial<ReportAction>): ReportAction => ({
  customer: "Contoso",
  microsoftId: "3f1c0000-0000-4000-8000-000000000001",
  account: "FR",
  action: "SUSPEND_OLD",
  offer: "office 365 e3",
  subscriptionIds: ["s1"],
  seats: 25,
  due: null,
  doubleBillingDays: 12,
  text: "In account FR, suspend Office 365 E3 s1 of Contoso (25 seats).",
  ...over,
});

const bytes = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));

describe("the file: UTF-8 with a BOM, a header line, CRLF line ends", () => {
  const csv = actionsCsv([action({}), action({ account: "NL", subscriptionIds: ["a", "b"], seats: null, doubleBillingDays: null, microsoftId: null })]);

  test("starts with the UTF-8 BOM (EF BB BF), so Excel reads it as UTF-8 in any locale", () => {
    expect([...Buffer.from(csv, "utf8").subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  test("one header line, then one line per action, each ended by CRLF", () => {
    const lines = csv.slice(1).split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe("");
    expect(lines[0]).toBe(CSV_COLUMNS.join(","));
    expect(csv.slice(1).replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  test("the report's fields in order; null is an empty field; numbers as digits; subscription IDs in one cell", () => {
    expect(readCsv(bytes(csv))).toEqual([
      [...CSV_COLUMNS],
      ["Contoso", "3f1c0000-0000-4000-8000-000000000001", "FR", "SUSPEND_OLD", "office 365 e3", "s1", "25", "", "12", "In account FR, suspend Office 365 E3 s1 of Contoso (25 seats)."],
      ["Contoso", "", "NL", "SUSPEND_OLD", "office 365 e3", "a b", "", "", "", "In account FR, suspend Office 365 E3 s1 of Contoso (25 seats)."],
    ]);
  });
});

describe("RFC 4180 quoting", () => {
  test.each([
    ["plain", "plain"],
    ["Smit, Jansen & Zonen", '"Smit, Jansen & Zonen"'],
    ['The "Best" Bakery', '"The ""Best"" Bakery"'],
    ["two\r\nlines", '"two\r\nlines"'],
    ["line\nfeed", '"line\nfeed"'],
    ["", ""],
  ])("%j → %j", (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  test("a quoted field reads back as it was", () => {
    const tricky = action({ customer: 'Smit, "Jansen"\r\n& Zonen', text: "a, b; c" });
    const [, row] = readCsv(bytes(actionsCsv([tricky])));
    expect([row[0], row[9]]).toEqual(['Smit, "Jansen"\r\n& Zonen', "a, b; c"]);
  });
});

describe("text that looks like a formula is never run by a spreadsheet", () => {
  test.each(["=HYPERLINK(\"http://x\",\"y\")", "+E3", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"])("%j gets a leading zero-width space", (value) => {
    const field = csvField(value);
    // Quoted or not, the field's first character is no formula sign.
    const unquoted = field.startsWith('"') ? field.slice(1) : field;
    expect(unquoted.startsWith(NEUTRALIZER)).toBe(true);
    expect(readCsv(bytes(`x\r\n${field}\r\n`))[1][0]).toBe(`${NEUTRALIZER}${value}`);
  });

  test.each(["Contoso", "Müller", "ab=c", "a-b", "'=1"])("%j is left as it is", (value) => {
    expect(csvField(value)).toBe(value);
  });

  test("a customer and an offer named like formulas, from the exports to the CSV; report.json keeps them exact", () => {
    const run = new ExportSet().old("FR", "=cmd", [{ id: "s1", offer: "@SUM(A1)", qty: "5", status: "Active" }]).run();
    const acts = deriveActions(run.result).map(reportAction);
    expect(acts.map((a) => [a.customer, a.offer])).toEqual([["=cmd", "@sum(a1)"]]);
    const [, row] = readCsv(bytes(actionsCsv(acts)));
    expect([row[0], row[4]]).toEqual([`${NEUTRALIZER}=cmd`, `${NEUTRALIZER}@sum(a1)`]);
    // The sentence starts with our own words, never with the customer's.
    expect(String(row[9]).startsWith("In the new account")).toBe(true);
  });
});

describe("csp-reconcile <folder> --out … --actions next-steps.csv", () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), "csp-actions-"));
  });
  afterAll(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  test("on the samples: the CSV holds report.json's actions, line for line", async () => {
    const [csvPath, jsonPath] = [path.join(tmp, "next-steps.csv"), path.join(tmp, "report.json")];
    const stderr: string[] = [];
    const code = await main(
      [path.join(__dirname, "..", "..", "samples"), "--out", path.join(tmp, "r.xlsx"), "--json", jsonPath, "--actions", csvPath, "--as-of", "2026-11-24"],
      (l) => stderr.push(l),
    );
    expect([code, stderr.filter((l) => l.startsWith("csp-reconcile:"))]).toEqual([0, []]);
    expect(stderr).toContain(`writing next steps: ${csvPath}`);
    const report: Report = JSON.parse(await fs.readFile(jsonPath, "utf8"));
    const rows = readCsv(new Uint8Array(await fs.readFile(csvPath)));
    expect(report.actions.length).toBeGreaterThan(20);
    expect(rows.slice(1)).toEqual(
      report.actions.map((a) => [a.customer, a.microsoftId ?? "", a.account, a.action, a.offer ?? "", a.subscriptionIds.join(" "), a.seats === null ? "" : String(a.seats), a.due ?? "", a.doubleBillingDays === null ? "" : String(a.doubleBillingDays), a.text]),
    );
  });

  test("report.json's actions carry exactly §8's fields, in its order", async () => {
    const report: Report = JSON.parse(await fs.readFile(path.join(tmp, "report.json"), "utf8"));
    for (const a of report.actions) {
      expect(Object.keys(a)).toEqual(["customer", "microsoftId", "account", "action", "offer", "subscriptionIds", "seats", "due", "doubleBillingDays", "text"]);
    }
  });

  test("without --actions no CSV is written", async () => {
    const dir = path.join(tmp, "none");
    await fs.mkdir(dir);
    expect(await main([path.join(__dirname, "..", "..", "samples"), "--out", path.join(dir, "r.xlsx"), "--as-of", "2026-11-24"], () => undefined)).toBe(0);
    expect(await fs.readdir(dir)).toEqual(["r.xlsx"]);
  });
});
