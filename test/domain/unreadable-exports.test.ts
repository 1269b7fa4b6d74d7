/**
 * Issue 11 point 1, spec §4 customer rule 2 and Flagged, §7.1, §7.7, §7.8: a broken export never
 * makes a customer look finished. Real files (test/fixtures/folders/unreadable), through the
 * command as a user runs it.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { scanFolder } from "../../src/cli/folder";
import { reconcileImports } from "../../src/cli/run";
import { Report } from "../../src/domain/report";

const FOLDER = path.join(__dirname, "..", "fixtures", "folders", "unreadable");

describe("test/fixtures/folders/unreadable through the command", () => {
  let tmp: string;
  let report: Report;
  let code: number;
  const stderr: string[] = [];
  const customer = (name: string) => report.customers.find((c) => c.customer === name)!;

  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), "csp-unreadable-"));
    code = await main([FOLDER, "--out", path.join(tmp, "r.xlsx"), "--json", path.join(tmp, "report.json"), "--as-of", "2026-11-24"], (l) => stderr.push(l));
    report = JSON.parse(await fs.readFile(path.join(tmp, "report.json"), "utf8"));
  });
  afterAll(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  test("the run completes (exit 0) and says how many customers are flagged", () => {
    expect(code).toBe(0);
    expect(stderr).toContain("reconciled: 8 customers, 7 flagged, 5 problems");
  });

  test("'Quantité' renamed 'Qté' in a French export: the customer is Export unreadable and flagged, and the problem is listed", () => {
    const c = customer("Librairie Lambert");
    expect([c.verdict, c.problems, c.groups.map((g) => [g.offer, g.verdict])]).toEqual(["UNREADABLE_EXPORT", 0, [["office 365 e3", "NEW_ONLY"]]]);
    expect(report.problems.filter((p) => p.source === "from/FR/Librairie Lambert.csv").map((p) => [p.row, p.code, p.message])).toEqual([
      [0, "MISSING_COLUMN", expect.stringContaining("Missing column Quantity")],
    ]);
  });

  test("UNREADABLE_FILE (an .xlsx that is no workbook) and EMPTY_FILE (0 bytes) cover the customer of their file name", () => {
    expect([customer("Imprimerie Noir").verdict, customer("Garage Blanc").verdict]).toEqual(["UNREADABLE_EXPORT", "UNREADABLE_EXPORT"]);
    expect(report.problems.filter((p) => p.row === 0 && p.code !== "MISSING_COLUMN").map((p) => [p.source, p.code])).toEqual([
      ["from/FR/Garage Blanc.csv", "EMPTY_FILE"],
      ["from/FR/Imprimerie Noir.xlsx", "UNREADABLE_FILE"],
    ]);
  });

  test("§7.8 a file with a customer column and no Aantal column covers each customer its rows name, and its own (an empty cell)", () => {
    expect(["Kok BV", "Smit BV", "Van Dijk BV"].map((n) => customer(n).verdict)).toEqual(["UNREADABLE_EXPORT", "UNREADABLE_EXPORT", "UNREADABLE_EXPORT"]);
    // The same account's readable export of another customer is untouched.
    expect([customer("Jansen BV").verdict, customer("Jansen BV").problems]).toEqual(["DONE", 0]);
  });

  test("a Done customer with one problem row (a duplicate subscription ID) is flagged", () => {
    const c = customer("Fleuriste Roux");
    expect([c.verdict, c.problems]).toEqual(["DONE", 1]);
    expect(report.totals).toEqual({ customers: 8, flagged: 7, byVerdict: { UNREADABLE_EXPORT: 6, DONE: 2 } });
  });

  test("Export unreadable comes right after Not exported in the Summary order: first in this report", () => {
    expect(report.customers.map((c) => c.verdict)).toEqual([...new Array(6).fill("UNREADABLE_EXPORT"), "DONE", "DONE"]);
  });
});

describe("the engine's facts for the workbook, the report and the actions", () => {
  test("each unreadable customer carries the files that cover it, with their account and problem", async () => {
    const { result } = reconcileImports((await scanFolder(FOLDER)).files, { asOf: "2026-11-24", fixedAsOf: true });
    const facts = Object.fromEntries(
      result.customers.map((c) => [c.name, [c.unreadableExport, c.flagged, c.unreadableFiles.map((f) => `${f.account}:${f.source}:${f.code}`)]]),
    );
    expect(facts).toEqual({
      "Fleuriste Roux": [false, true, []],
      "Garage Blanc": [true, true, ["FR:from/FR/Garage Blanc.csv:EMPTY_FILE"]],
      "Imprimerie Noir": [true, true, ["FR:from/FR/Imprimerie Noir.xlsx:UNREADABLE_FILE"]],
      "Jansen BV": [false, false, []],
      "Kok BV": [true, true, ["NL:from/NL/vandijk.onmicrosoft.com.csv:MISSING_COLUMN"]],
      "Librairie Lambert": [true, true, ["FR:from/FR/Librairie Lambert.csv:MISSING_COLUMN"]],
      "Smit BV": [true, true, ["NL:from/NL/vandijk.onmicrosoft.com.csv:MISSING_COLUMN"]],
      "Van Dijk BV": [true, true, ["NL:from/NL/vandijk.onmicrosoft.com.csv:MISSING_COLUMN"]],
    });
  });
});
