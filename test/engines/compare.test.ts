/**
 * The one equality rule of the formula check (docs/DECISIONS.md "Proving formulas").
 */
import { compareFormulaCells, mismatchLine, sameValue, summarize } from "../support/engines/compare";
import { parseBook } from "../support/engines/xlsx-book";
import { xlsxPackage } from "../support/engines/package";
import { BookValues } from "../support/engines/types";

describe("sameValue", () => {
  test("numbers: equal within rounding noise, not beyond", () => {
    expect(sameValue(0.1 + 0.2, 0.3)).toBe(true);
    expect(sameValue(46350, 46350 + 1e-6)).toBe(true);
    expect(sameValue(46350, 46351)).toBe(false);
    expect(sameValue(0, 1e-12)).toBe(true);
    expect(sameValue(0, 1e-6)).toBe(false);
  });

  test('"" is not 0, not FALSE and not "no value"; 1 is not TRUE; "1" is not 1', () => {
    expect(sameValue("", 0)).toBe(false);
    expect(sameValue("", false)).toBe(false);
    expect(sameValue("", null)).toBe(false);
    expect(sameValue(0, null)).toBe(false);
    expect(sameValue(1, true)).toBe(false);
    expect(sameValue("1", 1)).toBe(false);
    expect(sameValue(null, null)).toBe(true);
    expect(sameValue("", "")).toBe(true);
  });

  test("text exactly (case and spaces count); errors by type", () => {
    expect(sameValue("Done", "done")).toBe(false);
    expect(sameValue("a b", "a\u00a0b")).toBe(false);
    expect(sameValue({ error: "#N/A" }, { error: "#N/A" })).toBe(true);
    expect(sameValue({ error: "#N/A" }, { error: "#VALUE!" })).toBe(false);
    expect(sameValue({ error: "#N/A" }, "#N/A")).toBe(false);
  });
});

describe("compareFormulaCells", () => {
  const book = parseBook(
    xlsxPackage({
      sheets: [{ name: "S", rows: `<row r="1"><c r="A1" t="inlineStr"><is><t>Verdict</t></is></c></row><row r="2"><c r="A2"><f>1+1</f></c><c r="B2"><v>5</v></c></row><row r="3"><c r="A3"><f>2+2</f></c></row>` }],
    }),
  );
  const values = (a2: number, a3: number, b2: number): BookValues => new Map([["S", new Map([["A2", a2], ["A3", a3], ["B2", b2]])]]);

  test("only formula cells are compared, and each difference says where, which formula and both values", () => {
    const diff = compareFormulaCells(book, values(2, 4, 5), values(2, 5, 6));
    expect(diff.map((m) => mismatchLine(m, "LibreOffice", "Gnumeric"))).toEqual([`'S'!A3 =2+2: LibreOffice 4, Gnumeric 5`]);
    expect(summarize(book, diff, "LibreOffice", "Gnumeric")).toEqual([`'S'!A "Verdict": 1 cell(s); e.g. 'S'!A3 =2+2: LibreOffice 4, Gnumeric 5`]);
  });

  test("a cell missing from one side is 'no value', never equal to a value", () => {
    const diff = compareFormulaCells(book, values(2, 4, 5), new Map([["S", new Map([["A2", 2]])]]));
    expect(diff.map((m) => mismatchLine(m, "stored", "HyperFormula"))).toEqual([`'S'!A3 =2+2: stored 4, HyperFormula (no value)`]);
  });
});
