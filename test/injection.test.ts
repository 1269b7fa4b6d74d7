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
import { writeWorkbook } from "../src/xlsx/writer";
import { Values, recalculate } from "./support/libreoffice";
import { checkWorkbook, summaryOrder } from "./support/workbook-check";
import { INJECTION_CORPUS, exportWith } from "./support/injection";

describe("formula injection", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-injection-"));
  });

  test("every text cell of the written workbook stays text; formulas are only the product's", async () => {
    const out = reconcileImports(exportWith(INJECTION_CORPUS, "FR"), { asOf: "2026-11-24", fixedAsOf: true });
    const file = path.join(dir, "injection.xlsx");
    await writeWorkbook(file, out.inputSheets, out.plan);
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
    // Every payload is in the workbook as the text it was, carriage returns included.
    for (const p of INJECTION_CORPUS) expect(texts.has(p)).toBe(true);
  });

  test("account names with quotes make sheet names that formulas still reach (recalculated in LibreOffice)", async () => {
    const out = reconcileImports(exportWith(["a", "b", "c"], `O'Brien "EU" & co`), { asOf: "2026-11-24", fixedAsOf: true });
    const file = path.join(dir, "quotes.xlsx");
    await writeWorkbook(file, out.inputSheets, out.plan);
    const values = await Values.read(await recalculate(file, path.join(dir, "lo")));
    expect(checkWorkbook(values, out.plan, out.result, summaryOrder(out.result))).toEqual([]);
  });
});
