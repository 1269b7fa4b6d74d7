/**
 * Spec §6 billing/ and §9 input, on real files: the command streams reconciliation files from
 * billing/ (CSV through the streaming reader, .xlsx through exceljs's streaming reader) and gets
 * the lines a whole-file reading gets. Fixtures: test/fixtures/billing (README there).
 */
import { promises as fs, readFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { readBillingFiles } from "../../src/cli/billing";
import { main } from "../../src/cli/main";
import { readCsv } from "../../src/domain/readers/csv";
import { Report } from "../../src/domain/report";
import { readBilling } from "./support/billing";

const FIXTURES = path.join(__dirname, "..", "fixtures", "billing");
const E3 = "a1111111-0000-4000-8000-000000000001";
const BB = "a2222222-0000-4000-8000-000000000002";

describe("§9 files: a CSV streamed from disk reads as the same file read whole", () => {
  test("nce-november.csv: quoted commas and line breaks, CRLF, M/D/YYYY dates", async () => {
    const streamed = await readBillingFiles(FIXTURES, ["nce-november.csv"], null);
    const whole = readBilling([{ source: "nce-november.csv", grid: readCsv(new Uint8Array(readFileSync(path.join(FIXTURES, "nce-november.csv")))) }]);
    expect(streamed).toEqual(whole);
    expect(streamed.lines.all().map((l) => [l.key, l.row, l.start, l.end, l.amount, l.currency])).toEqual([
      [E3, 2, 46296, 46326, 226, "EUR"],
      [E3, 3, 46327, 46356, 226, "EUR"],
      [BB, 4, 46338, 46356, 7.22, "CHF"],
      [BB, 5, 46338, 46356, -7.22, "CHF"],
      [BB, 6, 46327, 46356, 57, "CHF"],
      ["ffffffff-0000-4000-8000-00000000ffff", 7, 46331, 46360, 247.2, "EUR"],
    ]);
  });

  test("lines of subscriptions not wanted are only counted", async () => {
    const d = await readBillingFiles(FIXTURES, ["nce-november.csv"], (k) => (k === E3 ? E3 : null));
    expect([d.lines.all().map((l) => l.row), d.unmatchedLines]).toEqual([[2, 3], 4]);
  });
});

describe("§9 files: .xlsx as well as .csv", () => {
  test("nce-november.xlsx (an empty first sheet, then real date and number cells) gives the lines of its CSV twin", async () => {
    const [csv, xlsx] = await Promise.all([readBillingFiles(FIXTURES, ["nce-november.csv"], null), readBillingFiles(FIXTURES, ["nce-november.xlsx"], null)]);
    const strip = (d: typeof csv) => d.lines.all().map(({ file: _f, ...l }) => l);
    expect(strip(xlsx)).toEqual(strip(csv));
    expect(xlsx.files).toEqual([{ source: "nce-november.xlsx", kind: "nce", lines: 6, state: "ok" }]);
  });

  test("a file that is no workbook is UNREADABLE_FILE; the other files still count", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-billing-"));
    try {
      await fs.writeFile(path.join(dir, "broken.xlsx"), "not a zip");
      await fs.copyFile(path.join(FIXTURES, "nce-november.csv"), path.join(dir, "nov.csv"));
      const d = await readBillingFiles(dir, ["nov.csv", "broken.xlsx"], null);
      expect(d.problems.map((p) => [p.source, p.row, p.code])).toEqual([["broken.xlsx", 0, "UNREADABLE_FILE"]]);
      expect(d.lines).toHaveLength(6);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe("§6 the command reads billing/ in its folder (any name, .csv or .xlsx, folder name in any case)", () => {
  let tmp: string;
  let report: Report;
  const stderr: string[] = [];

  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), "csp-billing-cmd-"));
    const put = async (rel: string, text: string) => {
      await fs.mkdir(path.dirname(path.join(tmp, rel)), { recursive: true });
      await fs.writeFile(path.join(tmp, rel), text);
    };
    await put("from/DE/Contoso.csv", `Subscription ID,Subscription,Quantity,Status\r\n${E3},Office 365 E3,10,Suspended\r\n${BB},Microsoft 365 Business Basic,10,Active\r\n`);
    await put(
      "to/Contoso.csv",
      "Subscription ID,Subscription,Quantity,Status,Start date\r\n" +
        "b0000000-0000-4000-8000-000000000001,Office 365 E3,10,Active,2026-11-05\r\n" +
        "b0000000-0000-4000-8000-000000000002,Microsoft 365 Business Basic,10,Active,2026-11-10\r\n",
    );
    await put("accounts.csv", "Account,Commerce\r\nDE,nce\r\n");
    await fs.mkdir(path.join(tmp, "Billing", "2026"), { recursive: true });
    await fs.copyFile(path.join(FIXTURES, "nce-november.xlsx"), path.join(tmp, "Billing", "2026", "November invoice.xlsx"));
    const code = await main([tmp, "--out", path.join(tmp, "out.xlsx"), "--json", path.join(tmp, "report.json"), "--as-of", "2026-11-24"], (l) => stderr.push(l));
    expect(code).toBe(0);
    report = JSON.parse(await fs.readFile(path.join(tmp, "report.json"), "utf8"));
  });
  afterAll(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  test("the figures: Office 365 E3 (suspended, new commerce) from 5 Nov, Business Basic from 10 Nov, in their currencies", () => {
    // E3: October ends before the overlap; November 5..24 = 20 of 30 days of 226.00 = 150.6667; per day 226 ÷ 30.
    // Business Basic: 57 × 15/30 = 28.50; the added and removed seats (12..30 Nov) cancel out; per day 57 ÷ 30.
    expect(report.customers[0].groups.map((g) => [g.offer, g.money])).toEqual([
      ["microsoft 365 business basic", [{ currency: "CHF", soFar: 28.5, perDay: 1.9 }]],
      ["office 365 e3", [{ currency: "EUR", soFar: 150.67, perDay: 7.53 }]],
    ]);
    expect(report.money).toEqual({
      byCurrency: [
        { currency: "CHF", soFar: 28.5, perDay: 1.9 },
        { currency: "EUR", soFar: 150.67, perDay: 7.53 },
      ],
      unmatchedLines: 1,
      duplicateLines: 0,
      files: [{ source: "Billing/2026/November invoice.xlsx", kind: "nce", lines: 6 }],
    });
  });

  test("the billing folder is read, not ignored, and says so on stderr", () => {
    expect(stderr).toContain("reading billing: 1 file");
    expect(stderr).toContain("money: 6 charge lines read, 5 counted for old subscriptions, 1 unmatched");
    expect(stderr.some((l) => /ignored/.test(l) && /Billing/.test(l))).toBe(false);
  });
});
