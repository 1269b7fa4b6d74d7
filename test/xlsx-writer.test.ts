/**
 * The headless writer's file (src/xlsx), read back from its bytes: the package, what it asks of
 * Excel on open, shared formulas and the values stored with them, styles by index, links, and
 * how it carries text that XML cannot hold. Opening and recalculating it in LibreOffice,
 * Gnumeric and exceljs: test/xlsx-engines.test.ts. Its speed and memory: bench/writers.ts.
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { Writable } from "stream";
import * as zlib from "zlib";
import { reconcileImports } from "../src/cli/run";
import { scanFolder } from "../src/cli/folder";
import fc from "fast-check";
import { fileFormula } from "../src/layout/a1";
import { formulaXml } from "../src/xlsx/cells";
import { fileText, xmlText } from "../src/xlsx/text";
import { workbookBytes, writeWorkbook } from "../src/xlsx/writer";
import { crc32Table } from "../src/xlsx/crc32";
import { STYLE } from "../src/xlsx/stylesheet";
import { labelsByTone } from "../src/layout/styles";
import { WorkbookPlan } from "../src/layout/types";
import { RawWorkbook, readRawWorkbook } from "./support/sheet-cells";
import { SYNTH, expectedFormulaValues, syntheticPlan } from "./support/synthetic-plan";
import { exportWith } from "./support/injection";
import { readZip } from "./support/zip";
import { writtenWorkbook } from "./support/written";

const AS_OF = "2026-11-24";

function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(cmd, args, (error, stdout, stderr) => (error ? reject(new Error(`${cmd}: ${error.message} ${stderr}`)) : resolve(`${stdout}${stderr}`.trim()))),
  );
}

describe("workbook settings", () => {
  test("the file asks for a full calculation on load (Excel recalculates TODAY() and every formula when it opens)", async () => {
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
    // The same read straight from the XML, decoding _xHHHH_ as ECMA-376 says.
    const raw = readRawWorkbook(await workbookBytes(out.inputSheets, out.plan));
    for (const t of texts) expect(raw.sharedStrings).toContain(t);
  });

  test("text with leading or trailing spaces keeps them (xml:space=\"preserve\")", async () => {
    const texts = ["  two before", "after  ", " both ", "\tTab"];
    const raw = readRawWorkbook(await workbookBytes([{ name: "T", rows: [texts] }], { schemaVersion: 1, names: [], sheets: [] }));
    expect(["A1", "B1", "C1", "D1"].map((r) => raw.sheet("T").cells.get(r)!.v)).toEqual(texts);
    expect(raw.parts.get("xl/sharedStrings.xml")!.toString("utf8")).toContain('<t xml:space="preserve">  two before</t>');
  });
});

describe("the package (ECMA-376 Part 2)", () => {
  let bytes: Buffer;
  beforeAll(async () => {
    const s = syntheticPlan(40);
    bytes = await workbookBytes(s.inputSheets, s.plan);
  });

  test("every part is well-formed XML (xmllint) and declared in [Content_Types].xml", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-xlsx-parts-"));
    const entries = readZip(bytes);
    const types = entries.find((e) => e.name === "[Content_Types].xml")!.data.toString("utf8");
    for (const e of entries) {
      const file = path.join(dir, e.name.replace(/[/[\]]/g, "_"));
      await fs.writeFile(file, e.data);
      await expect(run("xmllint", ["--noout", file])).resolves.toBe("");
      if (e.name.endsWith(".xml") && e.name !== "[Content_Types].xml") expect(types).toContain(`PartName="/${e.name}"`);
    }
    expect(entries.map((e) => e.name)).toEqual(expect.arrayContaining(["xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"]));
  });

  test("the zip's checksums and sizes hold (unzip -t)", async () => {
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "csp-xlsx-zip-")), "synthetic.xlsx");
    await fs.writeFile(file, bytes);
    await expect(run("unzip", ["-tq", file])).resolves.toMatch(/No errors detected/);
  });

  test("CRC-32 without zlib.crc32 (node < 20.15) gives the same checksums", () => {
    const data = Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 256));
    expect(crc32Table(data)).toBe(zlib.crc32(data) >>> 0);
    expect(crc32Table(data.subarray(500), crc32Table(data.subarray(0, 500)))).toBe(zlib.crc32(data) >>> 0);
    expect(crc32Table(Buffer.from("123456789"))).toBe(0xcbf43926);
  });

  test("a slow output gets the same bytes, in order (the writer waits for it)", async () => {
    const s = syntheticPlan(20_000);
    const chunks: Buffer[] = [];
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk);
        setImmediate(done);
      },
    });
    await writeWorkbook(slow, s.inputSheets, s.plan);
    const bytes = Buffer.concat(chunks);
    expect(bytes.equals(await workbookBytes(s.inputSheets, s.plan))).toBe(true);
    expect(readRawWorkbook(bytes).sheet(SYNTH.sheet).cells.get(`C${SYNTH.top + 20_000}`)!.v).toBe(((19_999 * 7) % 50) * 2);
  });

  test("an output that fails stops the write with its error instead of hanging", async () => {
    const s = syntheticPlan(20_000);
    let written = 0;
    const failing = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, done) {
        written += chunk.length;
        // Asynchronously, as a disk or a socket fails.
        setImmediate(() => done(written > 200_000 ? new Error("disk full") : null));
      },
    });
    await expect(writeWorkbook(failing, s.inputSheets, s.plan)).rejects.toThrow("disk full");
    await expect(writeWorkbook(path.join(os.tmpdir(), "no-such-folder-csp", "x.xlsx"), s.inputSheets, s.plan)).rejects.toThrow(/ENOENT/);
  });

  test("the same plan gives the same bytes", async () => {
    const s = syntheticPlan(40);
    expect((await workbookBytes(s.inputSheets, s.plan)).equals(bytes)).toBe(true);
  });
});

describe("shared formulas and stored values", () => {
  const s = syntheticPlan(30);
  let wb: RawWorkbook;
  beforeAll(async () => {
    wb = readRawWorkbook(await workbookBytes(s.inputSheets, s.plan));
  });

  test("a uniform column is one shared formula: the text on its first row, the range it covers, then only the share's index", () => {
    const cells = wb.sheet(SYNTH.sheet).cells;
    const first = SYNTH.top + 1;
    const last = SYNTH.top + s.rows;
    const master = cells.get(`D${first}`)!;
    expect(master).toMatchObject({ f: `B${first}+$B$${first}`, sharedRef: `D${first}:D${last}` });
    const si = master.si!;
    for (let r = first + 1; r <= last; r++) {
      const c = cells.get(`D${r}`)!;
      expect(c.si).toBe(si);
      expect(c.f).toBeUndefined();
    }
    // Each uniform column has its own share.
    const shares = new Set([...cells.values()].filter((c) => c.sharedRef).map((c) => c.si));
    expect(shares.size).toBe(8);
    // A per-row formula column is written row by row.
    expect(cells.get(`K${first + 2}`)).toMatchObject({ f: `"row "&3`, si: undefined });
  });

  test("a block of one row holds a plain formula", async () => {
    const one = syntheticPlan(1);
    const raw = readRawWorkbook(await workbookBytes(one.inputSheets, one.plan));
    expect(raw.sheet(SYNTH.sheet).cells.get(`C${SYNTH.top + 1}`)).toMatchObject({ f: `B${SYNTH.top + 1}*2`, si: undefined, sharedRef: undefined, v: 0 });
  });

  test("every formula cell stores the plan's value: numbers, 0, text, \"\", TRUE and FALSE, each with its type", () => {
    const expected = expectedFormulaValues(s);
    let checked = 0;
    for (const [sheet, values] of expected) {
      const cells = wb.sheet(sheet).cells;
      for (const [ref, v] of values) {
        const c = cells.get(ref)!;
        expect({ ref, v: c.v, t: c.t }).toEqual({ ref, v, t: typeof v === "string" ? "str" : typeof v === "boolean" ? "b" : "n" });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
    const stored = [...wb.sheet(SYNTH.sheet).cells.values()].filter((c) => c.f !== undefined || c.si !== undefined).map((c) => c.v);
    expect(stored).toEqual(expect.arrayContaining([0, "", "big", "small", true, false, 43.75]));
  });

  test("a formula the plan gives no value has no <v> (never a made-up 0)", async () => {
    const plan: WorkbookPlan = {
      schemaVersion: 1,
      names: [],
      sheets: [{ name: "S", role: "generated", visible: true, blocks: [{ id: "b", top: 1, left: 1, rows: 3, columns: [{ header: "F", cell: (i) => ({ f: `${i}+1` }) }, { header: "U", uniform: true, cell: (i) => ({ f: `A${i + 2}*2` }) }] }], cells: [] }],
    };
    const raw = readRawWorkbook(await workbookBytes([], plan));
    const cells = raw.sheet("S").cells;
    for (const ref of ["A2", "A3", "A4", "B2", "B3", "B4"]) expect(cells.get(ref)!.v).toBeNull();
    expect(raw.sheet("S").xml).not.toMatch(/<\/f><v>|<f [^>]*\/><v>/);
    // A plan that marks a column uniform without its formula field still gets one shared formula.
    expect(cells.get("B2")).toMatchObject({ f: "A2*2", sharedRef: "B2:B4" });
  });

  test("text, numbers, booleans and error values of the input stay what they were; text is never a formula", async () => {
    const input = [{ name: "In", rows: [["h1", "h2", "h3", "h4"], ["=1+1", 12.5, true, { error: "#N/A" }], ["@SUM(1)", -0.001, false, null]] }];
    const raw = readRawWorkbook(await workbookBytes(input, { schemaVersion: 1, names: [], sheets: [] }));
    const cells = raw.sheet("In").cells;
    expect([...cells.values()].some((c) => c.f !== undefined)).toBe(false);
    expect(["A2", "B2", "C2", "D2", "A3", "B3", "C3"].map((r) => cells.get(r)!.v)).toEqual(["=1+1", 12.5, true, { error: "#N/A" }, "@SUM(1)", -0.001, false]);
    expect(cells.has("D3")).toBe(false);
    expect(cells.get("A1")!.s).toBe(STYLE.bold);
  });
});

describe("styles by index", () => {
  const s = syntheticPlan(5);
  let wb: RawWorkbook;
  let styles: string;
  beforeAll(async () => {
    wb = readRawWorkbook(await workbookBytes(s.inputSheets, s.plan));
    styles = wb.parts.get("xl/styles.xml")!.toString("utf8");
  });
  const xfs = () => [.../<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1].matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
  const fonts = () => [...styles.matchAll(/<font>([\s\S]*?)<\/font>/g)].map((m) => m[1]);
  const xfOf = (ref: string) => xfs()[wb.sheet(SYNTH.sheet).cells.get(ref)!.s];
  const fontOf = (ref: string) => fonts()[Number(/fontId="(\d+)"/.exec(xfOf(ref))![1])];

  test("fonts are named: Calibri 11 by default", () => {
    expect(fonts()[0]).toMatch(/<sz val="11"\/>.*<name val="Calibri"\/>/);
    for (const f of fonts().slice(0, 6)) expect(f).toMatch(/<name val="Calibri"\/>/);
  });

  test("headers: bold white on the header fill, wrapped", () => {
    const x = xfOf(`A${SYNTH.top}`);
    expect(x).toMatch(/wrapText="1"/);
    expect(fontOf(`A${SYNTH.top}`)).toMatch(/<b\/>.*rgb="FFFFFFFF"/);
    expect(styles).toContain('<fgColor rgb="FF1F4E79"/>');
  });

  test("date, integer and money columns carry their number formats", () => {
    const first = SYNTH.top + 1;
    expect(styles).toMatch(/<numFmt numFmtId="164" formatCode="yyyy-mm-dd"\/>/);
    expect(xfOf(`L${first}`)).toMatch(/numFmtId="164"/);
    expect(xfOf(`B${first}`)).toMatch(/numFmtId="1"/);
    expect(xfOf(`J${first}`)).toMatch(/numFmtId="4"/);
    expect(xfOf("B2")).toMatch(/numFmtId="164"/);
  });

  test("free cells: title, label, note", () => {
    expect(fontOf("A1")).toMatch(/<b\/>.*<sz val="14"\/>/);
    expect(fontOf("A2")).toMatch(/<b\/>/);
    expect(fontOf("C2")).toMatch(/<i\/>.*rgb="FF6C757D"/);
  });

  test("verdict colours: one dxf per tone, one rule per tone on the verdict column", () => {
    const xml = wb.sheet(SYNTH.sheet).xml;
    const first = SYNTH.top + 1;
    const cf = /<conditionalFormatting sqref="([^"]+)">([\s\S]*?)<\/conditionalFormatting>/.exec(xml)!;
    expect(cf[1]).toBe(`O${first}:O${SYNTH.top + 5}`);
    const rules = [...cf[2].matchAll(/dxfId="(\d+)"/g)].map((m) => Number(m[1]));
    expect(rules).toEqual([...labelsByTone().keys()].map((_t, k) => k));
    expect([...styles.matchAll(/<dxf>/g)].length).toBe(rules.length);
    expect(cf[2]).toContain(`O${first}=&quot;`.replace("&quot;", '"'));
  });

  test("dropdown, filter, frozen panes, tab colour, widths and hidden columns", () => {
    const xml = wb.sheet(SYNTH.sheet).xml;
    expect(xml).toMatch(/<dataValidation type="list"[^>]*sqref="N4:N8"><formula1>"Keep,Exclude"<\/formula1>/);
    expect(xml).toMatch(/<autoFilter ref="A3:P8"\/>/);
    expect(xml).toMatch(/<pane xSplit="1" ySplit="3" topLeftCell="B4" activePane="bottomRight" state="frozen"\/>/);
    expect(xml).toContain('<tabColor rgb="FF2F6FB2"/>');
    expect(xml).toMatch(/<col min="1" max="1" width="14" customWidth="1"\/>/);
    expect(xml).toMatch(/<col min="16" max="16" width="[\d.]+" hidden="1"\/>/);
    // Input sheets keep their header row frozen.
    expect(wb.sheet(SYNTH.input).xml).toMatch(/<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/);
  });

  test("links: the text in a link style and a hyperlink to a place in the workbook", () => {
    const xml = wb.sheet(SYNTH.sheet).xml;
    const first = SYNTH.top + 1;
    expect(xml).toContain(`<hyperlink ref="M${first}" location="'Lookup ü'!A2" display="to 1"/>`);
    expect(wb.sheet(SYNTH.sheet).cells.get(`M${first}`)!.v).toBe("to 1");
    expect(fontOf(`M${first}`)).toMatch(/<u val="single"\/>.*rgb="FF0563C1"/);
    expect(wb.parts.has("xl/worksheets/_rels/sheet1.xml.rels")).toBe(false);
  });
});

describe("workbook part", () => {
  test("sheet order: generated visible sheets, input sheets with their additions, hidden helpers; names with quotes and accents", async () => {
    const s = syntheticPlan(3);
    const wb = readRawWorkbook(await workbookBytes(s.inputSheets, s.plan));
    expect(wb.sheets.map((x) => x.name)).toEqual([SYNTH.sheet, SYNTH.input, SYNTH.lookup]);
    const book = wb.parts.get("xl/workbook.xml")!.toString("utf8");
    expect(book).toContain(`<sheet name="Lookup ü" sheetId="3" state="hidden" r:id="rId3"/>`);
    expect(book).toContain(`<definedName name="Synth_First">'Zoë''s data'!$B$4</definedName>`);
    expect(book).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Zoë''s data'!$A$3:$P$6</definedName>`);
    // The input sheet's block beside its data, as a shared formula with values.
    expect(wb.sheet(SYNTH.input).cells.get("C3")).toMatchObject({ si: 0, v: 2 });
  });
});

describe("formula text in the file", () => {
  test.each([
    ["IF(IFNA(A1,0)>1,1,0)", "IF(_xlfn.IFNA(A1,0)&gt;1,1,0)"],
    ['"IFNA(" & A1', '"IFNA(" &amp; A1'],
    ["'IFNA(x'!A1+UNICHAR(65)", "'IFNA(x'!A1+_xlfn.UNICHAR(65)"],
    ["MYIFNA(1)+X.IFNA(2)", "MYIFNA(1)+X.IFNA(2)"],
    ["SUM(A1:A3)<>0", "SUM(A1:A3)&lt;&gt;0"],
  ])("%s is written as %s (Excel 2010+ functions prefixed with _xlfn., as in a1.ts fileFormula)", (f, xml) => {
    expect(formulaXml(f)).toBe(xml);
  });

  test("the quick check gives fileFormula's text for any formula", () => {
    const parts = ["IFNA", "IF", "UNICHAR", "AGGREGATE", "SUM", "(", ")", '"', "'", "A1", ",", ".", "_", "x", " ", "&", "<"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 30 }), (p) => {
        const f = p.join("");
        expect(formulaXml(f)).toBe(xmlText(fileFormula(f)));
      }),
      { numRuns: 2000, seed: 14 },
    );
  });
});

describe("reading without widening (issue 11): widths, wrapped rows, data bars", () => {
  const data = {
    name: "FR subscriptions",
    rows: [
      ["Source file", "Subscription ID", "Qty"],
      ["from/FR/Transports Lefèvre SA.csv", "0b2f6c1e-1111-4a4a-9e9e-123456789abc", "40"],
      ["x", "short", "1"],
    ],
  };
  const plan: WorkbookPlan = {
    schemaVersion: 3,
    names: [],
    sheets: [
      {
        name: "Summary",
        role: "generated",
        visible: true,
        cells: [],
        blocks: [
          {
            id: "t",
            top: 1,
            left: 1,
            rows: 2,
            columns: [
              { header: "Name", width: 20, cell: (i) => ["A", "B"][i] },
              { header: "Next step", width: 30, wrap: true, cell: (i) => ["one line", "a text long enough to need three lines in a column this narrow"][i] },
              { header: "Count", width: 12, cell: (i) => [3, 0][i], dataBar: { max: "MAX($C$2:$C$3)" } },
              { header: "Label", width: 12, align: "right", cell: () => "x" },
            ],
            heights: { header: 30, row: (i) => (i === 1 ? 45 : undefined) },
          },
        ],
      },
      { name: "FR subscriptions", role: "data", visible: true, cells: [], blocks: [{ id: "added", top: 1, left: 4, rows: 2, columns: [{ header: "Verdict", width: 26, cell: () => "Done" }] }] },
    ],
  };
  let wb: RawWorkbook;
  beforeAll(async () => {
    wb = readRawWorkbook(await workbookBytes([data], plan));
  });

  test("the input sheet's columns are as wide as their longest text, the plan's block as the plan says", () => {
    const xml = wb.sheet("FR subscriptions").xml;
    expect(xml).toContain('<col min="1" max="1" width="34" customWidth="1"/>');
    expect(xml).toContain('<col min="2" max="2" width="37" customWidth="1"/>');
    // A short column keeps Excel's default width at least.
    expect(xml).toContain('<col min="3" max="3" width="8.43" customWidth="1"/>');
    expect(xml).toContain('<col min="4" max="4" width="26" customWidth="1"/>');
  });

  test("rows as tall as the plan says; a block with taller rows wraps and tops its cells; right alignment", () => {
    const sheet = wb.sheet("Summary");
    expect(sheet.xml).toContain('<row r="1" ht="30" customHeight="1">');
    expect(sheet.xml).toMatch(/<row r="2">/);
    expect(sheet.xml).toContain('<row r="3" ht="45" customHeight="1">');
    const styles = wb.parts.get("xl/styles.xml")!.toString("utf8");
    const xfs = [...styles.slice(styles.indexOf("<cellXfs")).matchAll(/<xf [^>]*?(?:\/>|>(.*?)<\/xf>)/g)].map((m) => m[1] ?? "");
    expect(xfs[sheet.cells.get("B2")!.s]).toBe('<alignment vertical="top" wrapText="1"/>');
    expect(xfs[sheet.cells.get("A2")!.s]).toBe('<alignment vertical="top"/>');
    expect(xfs[sheet.cells.get("D2")!.s]).toBe('<alignment horizontal="right"/>');
    // Cells of other sheets keep Excel's default alignment (no style attribute).
    expect(wb.sheet("FR subscriptions").cells.get("B2")!.s).toBe(STYLE.plain);
  });

  test("a data bar from 0 to the plan's maximum, drawn over the whole cell", () => {
    expect(wb.sheet("Summary").xml).toContain(
      '<conditionalFormatting sqref="C2:C3"><cfRule type="dataBar" priority="1"><dataBar minLength="0" maxLength="100"><cfvo type="num" val="0"/><cfvo type="formula" val="MAX($C$2:$C$3)"/><color rgb="FF638EC6"/></dataBar></cfRule></conditionalFormatting>',
    );
  });
});
