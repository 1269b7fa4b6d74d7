/**
 * A1 and R1C1 formula text (src/layout/a1.ts): a uniform column's formula is one R1C1 text in
 * every row, which is how the gateway writes it on ExcelApi 1.7–1.8 (Range.formulasR1C1) and how
 * the fake Excel — like Excel — moves references in a copy or a fill.
 */
import fc from "fast-check";
import { columnLetters, fromR1C1, shiftFormula, toR1C1 } from "../../src/layout/a1";
import { createFakeExcel } from "../../src/office/fake";

describe("toR1C1 and fromR1C1", () => {
  test.each([
    ["A1", 1, 1, "RC"],
    ["B3", 5, 1, "R[-2]C[1]"],
    ["$B$3", 5, 1, "R3C2"],
    ["B$3+$C4", 5, 1, "R3C[1]+R[-1]C3"],
    ["SUM('CSP Calc'!$K$120:$K$124)", 2, 4, "SUM('CSP Calc'!R120C11:R124C11)"],
    ["COUNTA('Offer map'!$A:$A)", 2, 4, "COUNTA('Offer map'!C1:C1)"],
    ["ROWS(2:4)", 3, 1, "ROWS(R[-1]:R[1])"],
    ['IF(A2="R1C1",LOG10(A2),CSP_AsOf)', 2, 2, 'IF(RC[-1]="R1C1",LOG10(RC[-1]),CSP_AsOf)'],
    ["1E3+XFD1048576", 1, 1, "1E3+R[1048575]C[16383]"],
  ])("%s at R%iC%i is %s, and back", (a1, row, col, r1c1) => {
    expect(toR1C1(a1, row, col)).toBe(r1c1);
    expect(fromR1C1(r1c1, row, col)).toBe(a1.replace("$A:$A", "$A:$A"));
  });

  test("the same R1C1 text in another row is the formula moved down, as shiftFormula moves it", () => {
    const f = "IF(COUNTIFS('CSP Calc'!$K$2:$K$9,$B2)>0,'CSP Groups'!P2&\" \"&C$1,\"\")";
    const r1c1 = toR1C1(f, 2, 5);
    for (const row of [3, 10, 5000]) expect(fromR1C1(r1c1, row, 5)).toBe(shiftFormula(f, row - 2, 0));
  });

  test("a reference moved off the sheet becomes #REF!, a range with such an end all of it", () => {
    expect(fromR1C1("R[-1]C+R1C1", 1, 1)).toBe("#REF!+$A$1");
    expect(fromR1C1("SUM(R[-1]C:RC)+SUM(R1C1:R[-1]C[1])", 1, 1)).toBe("SUM(#REF!)+SUM(#REF!)");
    expect(fromR1C1("RC[1]", 1, 16_384)).toBe("#REF!");
    expect(fromR1C1("R[1]C", 1_048_576, 1)).toBe("#REF!");
  });

  test("round trip on random references (property)", () => {
    const ref = fc.record({
      col: fc.integer({ min: 1, max: 16_384 }),
      row: fc.integer({ min: 1, max: 1_048_576 }),
      absCol: fc.boolean(),
      absRow: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(ref, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 1_048_576 }), fc.integer({ min: 1, max: 16_384 }), (refs, row, col) => {
        const f = refs.map((r) => `${r.absCol ? "$" : ""}${columnLetters(r.col)}${r.absRow ? "$" : ""}${r.row}`).join("+");
        return fromR1C1(toR1C1(f, row, col), row, col) === f;
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("the fake stores formulasR1C1 as Excel does, and copyFrom moves references like a paste", () => {
  test("one R1C1 text down a column reads back as each row's A1 formula", async () => {
    const f = createFakeExcel({ api: "1.7" });
    await f.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(1, 2, 3, 1).formulasR1C1 = [["=RC[-2]*R1C2"], ["=RC[-2]*R1C2"], ["=RC[-2]*R1C2"]];
    });
    const s = f.store.mustSheet("Sheet1");
    expect([2, 3, 4].map((r) => f.store.cell(s, r, 3)?.formula)).toEqual(["=A2*$B$1", "=A3*$B$1", "=A4*$B$1"]);
    const back = await f.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("C2:C4").load("formulasR1C1");
      await ctx.sync();
      return r.formulasR1C1;
    });
    expect(back).toEqual([["=RC[-2]*R1C2"], ["=RC[-2]*R1C2"], ["=RC[-2]*R1C2"]]);
  });

  test("copyFrom: ranges, whole columns and rows, other sheets; absolute parts stay; a reference pushed off the sheet is #REF!", async () => {
    const f = createFakeExcel({ api: "1.9" });
    f.store.addSheet("Other");
    await f.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("C2").formulas = [["=SUM(A1:B2)+COUNTA($A:A)+ROWS(1:2)+Other!B$1+A1"]];
      ws.getRange("C3:C4").copyFrom("C2", "Formulas");
      ws.getRange("D1").copyFrom("C2", "Formulas");
    });
    const s = f.store.mustSheet("Sheet1");
    expect(f.store.cell(s, 4, 3)?.formula).toBe("=SUM(A3:B4)+COUNTA($A:A)+ROWS(3:4)+Other!B$1+A3");
    // One row up and one column right: A1 falls off the top.
    // Excel makes a range with an end off the sheet #REF! as a whole.
    expect(f.store.cell(s, 1, 4)?.formula).toBe("=SUM(#REF!)+COUNTA($A:B)+ROWS(#REF!)+Other!C$1+#REF!");
  });
});
