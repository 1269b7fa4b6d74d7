/**
 * The headless writer's file (src/xlsx): what it asks of Excel on open, how it carries text
 * that XML cannot hold. (Its memory at 10k customers is measured by npm run bench.)
 */
import * as path from "path";
import { reconcileImports } from "../src/cli/run";
import { scanFolder } from "../src/cli/folder";
import { fileText } from "../src/xlsx/text";
import { workbookBytes } from "../src/xlsx/writer";
import { exportWith } from "./support/injection";
import { readZip } from "./support/zip";
import { writtenWorkbook } from "./support/written";

const AS_OF = "2026-11-24";

describe("workbook settings", () => {
  test("the file asks for a full calculation on load (its formulas carry no cached results)", async () => {
    const out = reconcileImports((await scanFolder(path.join(__dirname, "..", "samples"))).files, { asOf: AS_OF, fixedAsOf: true });
    const zip = readZip(await workbookBytes(out.inputSheets, out.plan));
    const book = zip.find((e) => e.name === "xl/workbook.xml")!.data.toString("utf8");
    expect(book).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    // Summary first, the hidden helpers last and hidden.
    const sheets = [...book.matchAll(/<sheet [^>]*\/>/g)].map(([tag]) => `${/name="([^"]+)"/.exec(tag)![1]}${tag.includes('state="hidden"') ? " (hidden)" : ""}`);
    expect(sheets[0]).toBe("Summary");
    expect(sheets.filter((s) => s.endsWith("(hidden)")).length).toBeGreaterThanOrEqual(3);
    expect(book).toMatch(/<definedName /);
  });
});

describe("text that XML cannot hold as it is (ECMA-376 ST_Xstring)", () => {
  test.each([
    ["a carriage return", "line 1\r\nline 2", "line 1_x000D_\nline 2"],
    ["a control character", "Contoso\u0001 Ltd", "Contoso_x0001_ Ltd"],
    ["a literal escape pattern", "ref _x0041_ here", "ref _x005F_x0041_ here"],
    ["tabs and line feeds, kept", "a\tb\nc", "a\tb\nc"],
    ["an underscore that is no escape", "ms_x_y_1234_", "ms_x_y_1234_"],
  ])("%s", (_what, text, written) => {
    expect(fileText(text)).toBe(written);
  });

  test("every such text reads back from the file exactly as it was", async () => {
    const texts = ["line 1\r\nline 2", "Contoso\u0001\u001F Ltd", "ref _x0041_ here", "_x005F_ itself", "\uFFFE?"];
    const out = reconcileImports(exportWith(texts, "FR"), { asOf: AS_OF, fixedAsOf: true });
    const wb = await writtenWorkbook(out.inputSheets, out.plan);
    const found = new Set<string>();
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === "string" && found.add(cell.value)))));
    for (const t of texts) expect(found.has(t)).toBe(true);
  });
});
