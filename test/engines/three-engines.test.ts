/**
 * The three-engine check itself, on small files written by hand in the shapes that matter:
 * it must see a wrong stored value, a formula an engine evaluates differently, a result an
 * engine does not store, and must not see the file-format differences between engines.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { xlsxPackage } from "../support/engines/package";
import { KnownDisagreement, checkFormulas } from "../support/engines/three-engines";
import { CellValue } from "../support/engines/types";

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "csp-engines-"));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function file(name: string, rows: string, strings: string[] = []): Promise<string> {
  const f = path.join(tmp, `${name}.xlsx`);
  await fs.writeFile(f, xlsxPackage({ strings, sheets: [{ name: "Data sheet", rows }], names: `<definedName name="CSP_AsOf">'Data sheet'!$A$1</definedName>` }));
  return f;
}

const row = (r: number, cells: string) => `<row r="${r}">${cells}</row>`;
const num = (a: string, n: number) => `<c r="${a}"><v>${n}</v></c>`;
const str = (a: string, i: number) => `<c r="${a}" t="s"><v>${i}</v></c>`;
const f = (a: string, formula: string, cached = "") => `<c r="${a}"${cached}><f>${formula.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</f></c>`;

describe("the three engines read every result type alike", () => {
  test('"", 0, text, booleans, errors, dates and TODAY(), FALSE as a keyword, a defined name, text that looks like a number', async () => {
    const xlsx = await file(
      "types",
      row(1, num("A1", 46350) + str("B1", 0) + str("C1", 1) + str("D1", 2)) +
        row(
          2,
          f("A2", `IF(1,"","x")`) +
            f("B2", "1-1") +
            f("C2", `B1&"|"&C1`) +
            f("D2", "1=1") +
            f("E2", "NA()") +
            f("F2", "1/0") +
            f("G2", "DATE(2026,11,24)+0") +
            f("H2", "IFERROR(1/0,FALSE)") +
            f("I2", "CSP_AsOf-A1") +
            f("J2", `SUBSTITUTE("a"&_xlfn.UNICHAR(160)&"b",_xlfn.UNICHAR(160)," ")`) +
            f("K2", "D1&1") +
            f("L2", "YEAR(A1)&MONTH(A1)&DAY(A1)") +
            f("M2", "TODAY()"),
        ),
      ["12", "=1+1", "Désactivé"],
    );
    const check = await checkFormulas(xlsx, path.join(tmp, "types"));
    expect(check.disagreements).toEqual([]);
    expect(check.stored.state).toBe("none");
    const want: Record<string, CellValue> = {
      A2: "", B2: 0, C2: "12|=1+1", D2: true, E2: { error: "#N/A" }, F2: { error: "#DIV/0!" }, G2: 46350, H2: false, I2: 0, J2: "a b", K2: "Désactivé1", L2: "20261124",
    };
    // TODAY() agrees across engines (the same 1900-system serial), whatever the day.
    expect(typeof check.values.hyperformula.get("Data sheet")!.get("M2")).toBe("number");
    for (const engine of ["libreoffice", "gnumeric", "hyperformula"] as const) {
      const got = Object.fromEntries(Object.keys(want).map((a) => [a, check.values[engine].get("Data sheet")!.get(a)]));
      expect({ engine, got }).toEqual({ engine, got: want });
    }
  });
});

describe("stored values", () => {
  test("every engine recalculates: a wrong stored result is reported for each engine", async () => {
    const xlsx = await file("wrong", row(1, num("A1", 2) + `<c r="B1"><f>A1*2</f><v>5</v></c>` + `<c r="C1" t="str"><f>"a"&amp;"b"</f><v>zz</v></c>`));
    const check = await checkFormulas(xlsx, path.join(tmp, "wrong"));
    expect(check.stored.state).toBe("all");
    expect(check.disagreements).toEqual([]);
    expect(check.stored.mismatches).toEqual([
      `'Data sheet'!B1 =A1*2: stored 5, LibreOffice 4`,
      `'Data sheet'!C1 ="a"&"b": stored "zz", LibreOffice "ab"`,
      `'Data sheet'!B1 =A1*2: stored 5, Gnumeric 4`,
      `'Data sheet'!C1 ="a"&"b": stored "zz", Gnumeric "ab"`,
      `'Data sheet'!B1 =A1*2: stored 5, HyperFormula 4`,
      `'Data sheet'!C1 ="a"&"b": stored "zz", HyperFormula "ab"`,
    ]);
  });

  test("right stored results of every type pass, and a file storing only some results is reported", async () => {
    const right = await file("right", row(1, num("A1", 0) + `<c r="B1" t="str"><f>IF(A1=0,"","x")</f><v></v></c>` + `<c r="C1"><f>A1</f><v>0</v></c>` + `<c r="D1" t="b"><f>A1=0</f><v>1</v></c>`));
    const ok = await checkFormulas(right, path.join(tmp, "right"));
    expect(ok.stored).toEqual({ state: "all", mismatches: [] });
    const partial = await file("partial", row(1, num("A1", 0) + `<c r="B1"><f>A1+1</f><v>1</v></c>` + f("C1", "A1+2")));
    const some = await checkFormulas(partial, path.join(tmp, "partial"));
    expect(some.stored).toEqual({ state: "partial", mismatches: [`'Data sheet'!C1 stores no value (1 of 2 formula cells do)`] });
  });

  test("an edited file's stale stored values can be left out of the comparison", async () => {
    const xlsx = await file("edited", row(1, num("A1", 3) + `<c r="B1"><f>A1*2</f><v>4</v></c>`));
    const check = await checkFormulas(xlsx, path.join(tmp, "edited"), { compareStored: false });
    expect(check.stored.mismatches).toEqual([]);
  });
});

describe("a formula that depends on array evaluation", () => {
  // The Stale column's shape on today's main: EXACT of two ranges inside SUMPRODUCT.
  const rows =
    row(1, str("A1", 0) + str("B1", 0)) +
    row(2, str("A2", 1) + str("B2", 1)) +
    row(3, f("C3", "IFERROR(SUMPRODUCT(--NOT(EXACT(A1:A2,B1:B2))),1)") + f("D3", "IF(C3>0,\"stale\",\"ok\")") + f("E3", "LEN(A1)"));
  const strings = ["key-1", "key-2"];
  const known: KnownDisagreement = {
    id: "array-exact",
    sheet: "Data sheet",
    formula: /^IFERROR\(SUMPRODUCT\(--NOT\(EXACT\(/,
    engines: ["gnumeric", "hyperformula"],
    why: "test",
  };

  test("is reported by column, in both engines that do not evaluate it as an array", async () => {
    const check = await checkFormulas(await file("array", rows, strings), path.join(tmp, "array"));
    expect(check.disagreements).toEqual([
      `'Data sheet'!C "?": 1 cell(s); e.g. 'Data sheet'!C3 =IFERROR(SUMPRODUCT(--NOT(EXACT(A1:A2,B1:B2))),1): LibreOffice 0, Gnumeric 1`,
      `'Data sheet'!D "?": 1 cell(s); e.g. 'Data sheet'!D3 =IF(C3>0,"stale","ok"): LibreOffice "ok", Gnumeric "stale"`,
      `'Data sheet'!C "?": 1 cell(s); e.g. 'Data sheet'!C3 =IFERROR(SUMPRODUCT(--NOT(EXACT(A1:A2,B1:B2))),1): LibreOffice 0, HyperFormula 1`,
      `'Data sheet'!D "?": 1 cell(s); e.g. 'Data sheet'!D3 =IF(C3>0,"stale","ok"): LibreOffice "ok", HyperFormula "stale"`,
    ]);
  });

  test("once known, its cells are pinned and everything downstream must agree", async () => {
    const check = await checkFormulas(await file("array-known", rows, strings), path.join(tmp, "array-known"), { known: [known] });
    expect(check.disagreements).toEqual([]);
    expect(check.staleKnown).toEqual([]);
    expect(check.known.map(({ id, engine, cells, disagreeing, downstream }) => ({ id, engine, cells, disagreeing, downstream }))).toEqual([
      { id: "array-exact", engine: "gnumeric", cells: 1, disagreeing: 1, downstream: 1 },
      { id: "array-exact", engine: "hyperformula", cells: 1, disagreeing: 1, downstream: 1 },
    ]);
  });

  test("a disagreement that does not flow from the known cells still fails", async () => {
    const other = rows + row(4, f("A4", "SUMPRODUCT(--EXACT(A1:A2,B1:B2))"));
    const check = await checkFormulas(await file("array-other", other, strings), path.join(tmp, "array-other"), { known: [known] });
    expect(check.disagreements).toEqual([
      `'Data sheet'!A "key-2": 1 cell(s); e.g. 'Data sheet'!A4 =SUMPRODUCT(--EXACT(A1:A2,B1:B2)): LibreOffice 2, Gnumeric #VALUE!`,
      `'Data sheet'!A "key-2": 1 cell(s); e.g. 'Data sheet'!A4 =SUMPRODUCT(--EXACT(A1:A2,B1:B2)): LibreOffice 2, HyperFormula #VALUE!`,
    ]);
  });

  test("a known disagreement whose formula is gone must be removed", async () => {
    const check = await checkFormulas(await file("array-gone", row(1, num("A1", 1) + f("B1", "A1+1")), strings), path.join(tmp, "array-gone"), { known: [known] });
    expect(check.staleKnown).toEqual([`array-exact: no formula on 'Data sheet' matches ${known.formula} any more; remove it from KNOWN_DISAGREEMENTS`]);
  });
});

describe("engines that are not installed", () => {
  test("fail with a message that says what to install", async () => {
    const saved = process.env.SSCONVERT;
    process.env.SSCONVERT = path.join(tmp, "no-such-ssconvert");
    try {
      await expect(checkFormulas(await file("no-gnumeric", row(1, f("A1", "1+1"))), path.join(tmp, "no-gnumeric"))).rejects.toThrow(/Gnumeric's ssconvert is not installed/);
    } finally {
      if (saved === undefined) delete process.env.SSCONVERT;
      else process.env.SSCONVERT = saved;
    }
  });
});
