/**
 * The formula check's own .xlsx reader: every cell's formula and stored value, typed as the
 * file types it, in the shapes our writer, LibreOffice and Gnumeric write.
 */
import { parseBook } from "../support/engines/xlsx-book";
import { xlsxPackage } from "../support/engines/package";
import { XBook } from "../support/engines/types";

function cell(book: XBook, sheet: string, address: string) {
  return book.sheets.get(sheet)?.cells.get(address);
}

describe("stored values, typed as the file types them", () => {
  const book = parseBook(
    xlsxPackage({
      strings: ["text", "", "<r><t>rich </t></r><r><t>runs</t></r><rPh><t>ふりがな</t></rPh>", "line_x000D_break", "_x005F_x0041_"],
      sheets: [
        {
          name: "Values",
          rows:
            `<row r="1"><c r="A1"><v>42.5</v></c><c r="B1" t="n"><v>0</v></c><c r="C1" t="s"><v>0</v></c><c r="D1" t="s"><v>1</v></c>` +
            `<c r="E1" t="b"><v>1</v></c><c r="F1" t="b"><v>0</v></c><c r="G1" t="e"><v>#N/A</v></c><c r="H1" s="3"/></row>` +
            `<row r="2"><c r="A2" t="inlineStr"><is><t>inline &amp; &lt;escaped&gt;</t></is></c><c r="B2" t="s"><v>2</v></c>` +
            `<c r="C2" t="s"><v>3</v></c><c r="D2" t="s"><v>4</v></c></row>`,
        },
      ],
    }),
  );

  test("numbers, shared strings, booleans and errors", () => {
    expect(cell(book, "Values", "A1")?.value).toBe(42.5);
    expect(cell(book, "Values", "B1")?.value).toBe(0);
    expect(cell(book, "Values", "C1")?.value).toBe("text");
    expect(cell(book, "Values", "D1")?.value).toBe("");
    expect(cell(book, "Values", "E1")?.value).toBe(true);
    expect(cell(book, "Values", "F1")?.value).toBe(false);
    expect(cell(book, "Values", "G1")?.value).toEqual({ error: "#N/A" });
  });

  test("a styled empty cell is no cell", () => {
    expect(cell(book, "Values", "H1")).toBeUndefined();
  });

  test("inline strings, rich text without phonetic runs, ST_Xstring escapes", () => {
    expect(cell(book, "Values", "A2")?.value).toBe("inline & <escaped>");
    expect(cell(book, "Values", "B2")?.value).toBe("rich runs");
    expect(cell(book, "Values", "C2")?.value).toBe("line\rbreak");
    expect(cell(book, "Values", "D2")?.value).toBe("_x0041_");
  });
});

describe("formula cells and their cached results", () => {
  const book = parseBook(
    xlsxPackage({
      strings: ["", "ab"],
      sheets: [
        {
          name: "F",
          rows:
            // Our writer: no result at all. LibreOffice: t="str" and an empty <v> for "".
            `<row r="1"><c r="A1"><f>1+1</f></c><c r="B1" t="str"><f aca="false">IF(1,"","x")</f><v></v></c>` +
            `<c r="C1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="D1"><f>1-1</f><v>0</v></c>` +
            `<c r="E1" t="b"><f>1=1</f><v>1</v></c><c r="F1" t="e"><f>NA()</f><v>#N/A</v></c></row>` +
            // Gnumeric: indented XML, a string result as a shared string.
            `<row r="2">\n  <c r="A2" t="s">\n    <f>IF(1,"","x")</f>\n    <v>0</v>\n  </c>\n  <c r="B2" t="s">\n    <f>"a"&amp;"b"</f>\n    <v>1</v>\n  </c>\n</row>`,
        },
      ],
    }),
  );

  test("a formula without a cached result has no value (not 0, not empty text)", () => {
    expect(cell(book, "F", "A1")).toEqual({ row: 1, col: 1, address: "A1", formula: "1+1", value: null });
  });

  test('the empty string result is "" whether stored as t="str" or as a shared string', () => {
    expect(cell(book, "F", "B1")?.value).toBe("");
    expect(cell(book, "F", "A2")?.value).toBe("");
    expect(cell(book, "F", "A2")?.formula).toBe('IF(1,"","x")');
  });

  test("string, zero, boolean and error results keep their types", () => {
    expect(cell(book, "F", "C1")?.value).toBe("ab");
    expect(cell(book, "F", "B2")?.value).toBe("ab");
    expect(cell(book, "F", "D1")?.value).toBe(0);
    expect(cell(book, "F", "E1")?.value).toBe(true);
    expect(cell(book, "F", "F1")?.value).toEqual({ error: "#N/A" });
  });
});

describe("shared formulas are expanded per cell", () => {
  const book = parseBook(
    xlsxPackage({
      sheets: [
        {
          name: "S",
          rows:
            `<row r="2"><c r="B2"><f t="shared" ref="B2:C4" si="0">A2+$A$1+'Other sheet'!A2&amp;"A2"</f><v>1</v></c>` +
            `<c r="C2"><f t="shared" si="0"/><v>2</v></c></row>` +
            `<row r="3"><c r="B3"><f t="shared" si="0"/></c><c r="D3"><f t="shared" ref="D3:D4" si="1">SUM($A3:A$3)</f></c></row>` +
            `<row r="4"><c r="C4"><f t="shared" si="0"/></c><c r="D4"><f t="shared" si="1"/></c></row>`,
        },
      ],
    }),
  );
  const f = (a: string) => cell(book, "S", a)?.formula;

  test("the master keeps its text; dependants move relative parts by their offset", () => {
    expect(f("B2")).toBe(`A2+$A$1+'Other sheet'!A2&"A2"`);
    expect(f("C2")).toBe(`B2+$A$1+'Other sheet'!B2&"A2"`);
    expect(f("B3")).toBe(`A3+$A$1+'Other sheet'!A3&"A2"`);
    expect(f("C4")).toBe(`B4+$A$1+'Other sheet'!B4&"A2"`);
    expect(f("D4")).toBe("SUM($A4:A$3)");
  });

  test("a dependant keeps its own cached value", () => {
    expect(cell(book, "S", "C2")?.value).toBe(2);
    expect(cell(book, "S", "B3")?.value).toBeNull();
  });

  test("a dependant without its master is an error, not a guess", () => {
    const broken = xlsxPackage({ sheets: [{ name: "S", rows: `<row r="1"><c r="A1"><f t="shared" si="7"/></c></row>` }] });
    expect(() => parseBook(broken)).toThrow(/si="7" has no master/);
  });
});

describe("the workbook part", () => {
  test("sheets in tab order, defined names, sheet-scoped names", () => {
    const book = parseBook(
      xlsxPackage({
        sheets: [
          { name: "Summary", rows: `<row r="2"><c r="B2"><v>46350</v></c></row>` },
          { name: "Q&A's", rows: "" },
        ],
        names: `<definedName name="CSP_AsOf">Summary!$B$2</definedName><definedName name="_xlnm.Print_Area" localSheetId="1">'Q&amp;A''s'!$A$1:$B$2</definedName>`,
      }),
    );
    expect([...book.sheets.keys()]).toEqual(["Summary", "Q&A's"]);
    expect(book.names).toEqual([
      { name: "CSP_AsOf", ref: "Summary!$B$2" },
      { name: "_xlnm.Print_Area", ref: "'Q&A''s'!$A$1:$B$2", sheet: "Q&A's" },
    ]);
  });

  test("a 1904-date workbook is refused (every date would be off by 1,462 days)", () => {
    const book = xlsxPackage({ sheets: [{ name: "S", rows: "" }], workbookPr: `<workbookPr date1904="1"/>` });
    expect(() => parseBook(book)).toThrow(/1904/);
  });

  test("only the sheets asked for are parsed", () => {
    const book = parseBook(
      xlsxPackage({ sheets: [{ name: "A", rows: "" }, { name: "B", rows: "" }] }),
      { sheets: (name) => name === "B" },
    );
    expect([...book.sheets.keys()]).toEqual(["B"]);
  });
});
