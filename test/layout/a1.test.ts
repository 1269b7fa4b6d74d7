/**
 * Moving a formula as a shared formula, Excel's fill and office.js copyFrom move it: the plan
 * builds uniform columns with it and the formula check expands a file's shared formulas with it.
 */
import { bareFormula, fileFormula, shiftFormula } from "../../src/layout/a1";

describe("shiftFormula", () => {
  test("relative parts move, $ parts stay", () => {
    expect(shiftFormula("A2+$A$1+A$1+$A1", 3, 2)).toBe("C5+$A$1+C$1+$A4");
  });

  test("both ends of a range move", () => {
    expect(shiftFormula("SUM(B2:C3)+SUM($B2:C$3)", 1, 1)).toBe("SUM(C3:D4)+SUM($B3:D$3)");
  });

  test("sheet-qualified references move; quoted sheet names and string literals do not", () => {
    expect(shiftFormula(`'CSP Calc'!K2&Accounts!$C$2&"A2"&'B2 sheet'!B2`, 2, 0)).toBe(`'CSP Calc'!K4&Accounts!$C$2&"A2"&'B2 sheet'!B4`);
  });

  test("whole-column and whole-row ranges move like Excel moves them", () => {
    expect(shiftFormula("COUNTA(A:B)+COUNTA($A:$A)+SUM(2:3)+SUM($2:$2)", 4, 1)).toBe("COUNTA(B:C)+COUNTA($A:$A)+SUM(6:7)+SUM($2:$2)");
  });

  test("function names with digits, defined names and numbers are not references", () => {
    expect(shiftFormula("LOG10(A1)+ATAN2(1,2)+CSP_AsOf+1.5+_xlfn.UNICHAR(160)", 1, 1)).toBe("LOG10(B2)+ATAN2(1,2)+CSP_AsOf+1.5+_xlfn.UNICHAR(160)");
  });

  test("columns carry past Z", () => {
    expect(shiftFormula("Z1+AZ1", 0, 1)).toBe("AA1+BA1");
  });

  test("no move is the same text", () => {
    const f = `IF(A1="x",1,0)`;
    expect(shiftFormula(f, 0, 0)).toBe(f);
  });
});

describe("file and bare formula text", () => {
  test("functions newer than Excel 2007 carry _xlfn. in the file and lose it for office.js", () => {
    const f = `IFNA(UNICHAR(160),"UNICHAR(")`;
    expect(fileFormula(f)).toBe(`_xlfn.IFNA(_xlfn.UNICHAR(160),"UNICHAR(")`);
    expect(bareFormula(fileFormula(f))).toBe(f);
  });
});
