/**
 * Spec §2.1 "Files": .xlsx exports, read with their typed values (numbers, dates as serials,
 * booleans, formulas by their cached results, rich text), as office.js would hand them over.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { Cell, isoToSerial } from "../../src/domain/cells";
import { reconcile } from "../../src/domain/engine";
import { readXlsx, toCell } from "../../src/domain/readers/xlsx";
import { SheetData, SourceRecord, readWorkbook, sourcesSheet } from "../../src/domain/workbook";
import { ExportSet, problemList, rowsOf } from "./support/exports";

const FIXTURES = path.join(__dirname, "..", "fixtures", "xlsx");
const load = async () => (await import("exceljs")).default ?? (await import("exceljs"));
const read = (name: string) => readXlsx(new Uint8Array(readFileSync(path.join(FIXTURES, name))), load);

describe("§2.1 .xlsx: typed values", () => {
  let grid: Cell[][];
  beforeAll(async () => {
    grid = await read("typed-values.xlsx");
  });

  test("a rich-text header cell reads as its plain text", () => {
    expect(grid[0]).toEqual(["Subscription ID", "Subscription", "Quantity", "Status", "Reseller", "Start date", "Auto-renew", "Friendly name"]);
  });

  test("numbers stay numbers, dates become serial numbers, booleans stay booleans, a hyperlink is its text", () => {
    expect(grid[1]).toEqual(["x1", "Office 365 E3", 25, "Active", null, isoToSerial("2026-11-02"), true, "Main tenant"]);
  });

  test("a formula reads as its cached result; rich text as its text; a date-time keeps its time of day", () => {
    const [id, offer, qty, status, , start, renew] = grid[2];
    expect([id, offer, qty, status, renew]).toEqual(["x2", "Office 365 E3", 25, "Suspended", false]);
    expect(start).toBeCloseTo(isoToSerial("2026-11-10")! + 15.5 / 24, 6);
  });

  test("an error value is kept as an error, a number stored as text stays text, a text formula result is text", () => {
    expect(grid[3].slice(0, 4)).toEqual(["x3", "Office 365 E1", { error: "#N/A" }, "Active"]);
    expect(grid[4].slice(0, 4)).toEqual(["x4", "Office 365 E1", "12", "Active"]);
    expect(grid[5].slice(0, 4)).toEqual(["x5", "Exchange Online (Plan 1)", 3, "Suspended"]);
    expect(grid[6].slice(0, 4)).toEqual(["x6", "Exchange Online (Plan 1)", 2.5, "Active"]);
  });

  test("reconciled: formula and rich-text cells count, #N/A and 2.5 are BAD_QUANTITY rows that still count for A", async () => {
    const { result } = new ExportSet().raw("from/X/Contoso.xlsx", grid).run();
    expect(problemList(result.problems)).toEqual([
      ["from/X/Contoso.xlsx", 4, "BAD_QUANTITY"],
      ["from/X/Contoso.xlsx", 7, "BAD_QUANTITY"],
    ]);
    expect(result.problems[0].message).toContain("#N/A");
    const totals = Object.fromEntries(result.groups.map((g) => [g.offerKey, [g.totals.R, g.totals.A, g.totals.S]]));
    expect(totals).toEqual({
      "office 365 e3": [50, 1, 1],
      "office 365 e1": [12, 2, 0],
      "exchange online (plan 1)": [3, 1, 1],
    });
    expect(rowsOf(result, "from/X/Contoso.xlsx").map((r) => r.startDate)).toEqual([
      isoToSerial("2026-11-02"),
      isoToSerial("2026-11-10"),
      null,
      null,
      null,
      null,
    ]);
  });
});

describe("§2.1 .xlsx: formulas whose cached result is 0, FALSE or empty", () => {
  // exceljs leaves a falsy cached result out of cell.value (exceljs issues #1528, #2943); the
  // reader takes it from the cell's model, so a formula quantity of 0 is 0 seats, not "empty".
  test("0 and FALSE read as themselves, an empty text result as an empty cell", async () => {
    expect(await read("formula-results-zero.xlsx")).toEqual([
      ["Subscription ID", "Subscription", "Quantity", "Status", "Auto-renew"],
      ["z1", "Office 365 E3", 0, "Suspended", false],
      ["z2", "Office 365 E3", null, "Active", true],
      ["z3", "Office 365 E1", 6, "Active", true],
    ]);
  });

  test("reconciled: the 0-seat row counts with 0 seats; only the empty quantity is a problem", async () => {
    const grid = await read("formula-results-zero.xlsx");
    const { result } = new ExportSet().raw("from/X/Contoso.xlsx", grid).run();
    expect(problemList(result.problems)).toEqual([["from/X/Contoso.xlsx", 3, "BAD_QUANTITY"]]);
    expect(rowsOf(result, "from/X/Contoso.xlsx").map((r) => r.quantity)).toEqual([
      { ok: true, value: 0 },
      { ok: false, reason: "empty" },
      { ok: true, value: 6 },
    ]);
  });
});

describe("§2.1 .xlsx: which sheet and which row", () => {
  test("the first worksheet that has cells is read", async () => {
    expect(await read("data-on-second-sheet.xlsx")).toEqual([
      ["Subscription ID", "Subscription", "Quantity", "Status"],
      ["y1", "Office 365 E3", 4, "Suspended"],
    ]);
  });

  test("empty rows above the header are kept, so row numbers are the sheet's (§7.1, §7.12)", async () => {
    const grid = await read("header-on-row-3.xlsx");
    expect(grid).toEqual([
      [],
      [],
      ["Subscription ID", "Subscription", "Quantity", "Status"],
      ["h1", "Office 365 E3", "x", "Active"],
      ["h2", "Office 365 E3", 6, "Active"],
    ]);
    const { result } = new ExportSet().raw("from/X/Contoso.xlsx", grid).run();
    expect(problemList(result.problems)).toEqual([["from/X/Contoso.xlsx", 4, "BAD_QUANTITY"]]);
    expect(result.groups[0].totals).toMatchObject({ R: 6, A: 2 });
  });
});

describe("toCell: exceljs values to cells", () => {
  test.each<[unknown, Cell]>([
    [null, null],
    [undefined, null],
    ["text", "text"],
    [12, 12],
    [false, false],
    [new Date(Date.UTC(2026, 10, 24)), isoToSerial("2026-11-24")],
    [{ richText: [{ text: "Act" }, { text: "ive" }] }, "Active"],
    [{ formula: "A1*2", result: 8 }, 8],
    [{ formula: "TODAY()", result: new Date(Date.UTC(2026, 0, 2)) }, isoToSerial("2026-01-02")],
    [{ sharedFormula: "C2", result: "Suspended" }, "Suspended"],
    [{ formula: "NA()", result: { error: "#N/A" } }, { error: "#N/A" }],
    [{ error: "#DIV/0!" }, { error: "#DIV/0!" }],
    [{ text: "Main", hyperlink: "https://example.com/" }, "Main"],
  ])("%j → %j", (value, cell) => {
    expect(toCell(value as never)).toEqual(cell);
  });

  test("a formula without a result takes the cached result exceljs kept in the cell's model", () => {
    expect(toCell({ formula: "A1-A1" } as never, 0)).toBe(0);
    expect(toCell({ sharedFormula: "E2" } as never, false)).toBe(false);
    expect(toCell({ formula: "A1" } as never, undefined)).toBeNull();
    expect(toCell({ formula: "A1*2", result: 8 } as never, 0)).toBe(8);
  });
});

describe("§2.1 a sheet already open in Excel (values converted by Excel's locale)", () => {
  test("a user's own sheet is read where it sits: typed numbers and date serials, rows and problems at the sheet's rows", () => {
    const sheet: SheetData = {
      name: "Contoso FR",
      rows: [
        ["Exported from Partner Center on 2026-11-20"],
        [],
        ["ID d'abonnement", "Abonnement", "Quantité", "État", "Date de création"],
        ["s1", "Office 365 E3", 25, "Actif", isoToSerial("2026-11-02")],
        ["s2", "Office 365 E3", 2.5, "Suspendu", null],
      ],
    };
    const record: SourceRecord = {
      file: "Contoso FR",
      kind: "subscriptions",
      account: "FR",
      role: "from",
      customer: "Contoso",
      sheet: "Contoso FR",
      rows: 2,
      state: "ok",
      message: "",
    };
    const sheets = new Map<string, SheetData>([
      [sheet.name, sheet],
      ["Sources", sourcesSheet([record])],
    ]);
    const result = reconcile(readWorkbook(sheets, isoToSerial("2026-11-24")!));
    // The title line is the first non-empty row, so it is taken as the header (§7.1): nothing is recognised.
    expect(problemList(result.problems)).toEqual([["Contoso FR", 0, "MISSING_COLUMN"]]);

    const fixed = new Map(sheets).set(sheet.name, { ...sheet, rows: sheet.rows.slice(2) });
    const ok = reconcile(readWorkbook(fixed, isoToSerial("2026-11-24")!));
    expect(problemList(ok.problems)).toEqual([["Contoso FR", 3, "BAD_QUANTITY"]]);
    expect(ok.rows.map((r) => [r.subscriptionId, r.row, r.at, r.status, r.startDate])).toEqual([
      ["s1", 2, { sheet: "Contoso FR", row: 2 }, "active", isoToSerial("2026-11-02")],
      ["s2", 3, { sheet: "Contoso FR", row: 3 }, "suspended", null],
    ]);
    expect(ok.groups.map((g) => [g.offerKey, g.totals.R, g.totals.A, g.totals.S])).toEqual([["office 365 e3", 25, 1, 1]]);
    expect(ok.customers.map((c) => c.name)).toEqual(["Contoso"]);
  });
});
