/**
 * Exports formatted as Excel tables (ListObjects): the fake's tables behave as Excel's do
 * (auto-expansion, calculated columns, header text — src/office/fake/table-model.ts), and the
 * gateway reads a table's rows, writes its columns beside the table without the table taking
 * them, and re-runs and removes cleanly (src/office/list-objects.ts, docs/DECISIONS.md).
 */
import * as path from "path";
import { scanFolder } from "../../src/cli/folder";
import { ImportFile } from "../../src/domain/importer";
import { ADDED_HEADERS } from "../../src/layout/plan";
import { FakeExcel } from "../../src/office/fake";
import { WorkbookError } from "../../src/office/types";
import { AS_OF, Bench, bench } from "./support/setup";

let files: ImportFile[];

beforeAll(async () => {
  files = (await scanFolder(path.join(__dirname, "..", "..", "samples"))).files;
});

type Ctx = Excel.RequestContext;
const run = <T>(f: FakeExcel, batch: (ctx: Ctx) => Promise<T> | T) => f.Excel.run(async (ctx) => batch(ctx as unknown as Ctx)) as Promise<T>;

/** A user pressing Ctrl+T ("My table has headers") over a range. */
async function makeTable(f: FakeExcel, sheet: string, address: string): Promise<void> {
  await run(f, (ctx) => void ctx.workbook.worksheets.getItem(sheet).tables.add(address, true));
}

function tableOf(f: FakeExcel, sheet: string) {
  const s = f.store.mustSheet(sheet);
  return f.store.tables.filter((t) => t.sheetId === s.id);
}

function text(f: FakeExcel, sheet: string, row: number, col: number): unknown {
  const c = f.store.cell(f.store.mustSheet(sheet), row, col);
  return c?.formula ?? c?.value;
}

describe("the fake's tables follow Excel", () => {
  function withTable(): FakeExcel {
    const b = bench();
    const rows = [
      ["Name", "Qty"],
      ["a", 1],
      ["b", 2],
    ];
    rows.forEach((r, i) => r.forEach((v, j) => b.fake.store.userWrite("Sheet1", i + 1, j + 1, v)));
    return b.fake;
  }

  test("data written into the empty row below a table, or the empty column right of it, becomes part of it", async () => {
    const f = withTable();
    await makeTable(f, "Sheet1", "A1:B3");
    await run(f, (ctx) => void (ctx.workbook.worksheets.getItem("Sheet1").getRange("A4:B4").values = [["c", 3]]));
    expect(tableOf(f, "Sheet1")[0].range).toEqual({ top: 1, left: 1, bottom: 4, right: 2 });
    await run(f, (ctx) => void (ctx.workbook.worksheets.getItem("Sheet1").getRange("C1:C2").values = [["Note"], ["x"]]));
    expect(tableOf(f, "Sheet1")[0].range).toEqual({ top: 1, left: 1, bottom: 4, right: 3 });
    // One column further out is not adjacent: the table stays.
    await run(f, (ctx) => void (ctx.workbook.worksheets.getItem("Sheet1").getRange("E1").values = [["Far"]]));
    expect(tableOf(f, "Sheet1")[0].range.right).toBe(3);
  });

  test("a formula entered in one cell of an empty table column is filled down the column (calculated column)", async () => {
    const f = withTable();
    await makeTable(f, "Sheet1", "A1:C3");
    await run(f, (ctx) => void (ctx.workbook.worksheets.getItem("Sheet1").getRange("C2").formulas = [["=B2*2"]]));
    expect(text(f, "Sheet1", 3, 3)).toBe("=B3*2");
    // The whole column at once is taken as written.
    await run(f, (ctx) => void (ctx.workbook.worksheets.getItem("Sheet1").getRange("C2:C3").formulas = [["=B2*3"], ["=1"]]));
    expect([text(f, "Sheet1", 2, 3), text(f, "Sheet1", 3, 3)]).toEqual(["=B2*3", "=1"]);
  });

  test("header cells are unique text: an emptied header becomes ColumnN, a repeated name gets a number", async () => {
    const f = withTable();
    await makeTable(f, "Sheet1", "A1:C3");
    expect(text(f, "Sheet1", 1, 3)).toBe("Column3");
    await run(f, (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B1").values = [["Name"]];
      ws.getRange("A1").clear("Contents" as Excel.ClearApplyTo);
    });
    expect([1, 2, 3].map((c) => text(f, "Sheet1", 1, c))).toEqual(["Column1", "Name2", "Column3"]);
  });

  test("Table.resize (ExcelApi 1.13) keeps the header row; deleting the header row's row while data stays is refused", async () => {
    const f = withTable();
    await makeTable(f, "Sheet1", "A1:C3");
    await run(f, (ctx) => ctx.workbook.tables.getItem("Table1").resize("A1:B3"));
    expect(tableOf(f, "Sheet1")[0].range).toEqual({ top: 1, left: 1, bottom: 3, right: 2 });
    const bad = await run(f, (ctx) => ctx.workbook.tables.getItem("Table1").resize("A2:B3")).catch((e) => e);
    expect(bad).toMatchObject({ code: "InvalidArgument" });
    const del = await run(f, (ctx) => ctx.workbook.worksheets.getItem("Sheet1").getRange("1:1").delete("Up" as Excel.DeleteShiftDirection)).catch((e) => e);
    expect(del).toMatchObject({ code: "InvalidOperation" });
    await run(f, (ctx) => ctx.workbook.worksheets.getItem("Sheet1").getRange("3:3").delete("Up" as Excel.DeleteShiftDirection));
    expect(tableOf(f, "Sheet1")[0].range).toEqual({ top: 1, left: 1, bottom: 2, right: 2 });
  });
});

async function imported(api = "1.17"): Promise<Bench> {
  const b = bench({ api });
  await b.gateway.importFiles(files, b.onProgress);
  const st = await b.gateway.inspect();
  await b.gateway.saveSettings({ ...st.settings, asOf: AS_OF });
  return b;
}

/** The export's data (A1 to its last row and column), as Ctrl+T in it would take it. */
function dataAddress(b: Bench, sheet: string, right?: number): string {
  const s = b.fake.store.mustSheet(sheet);
  const used = b.fake.store.usedRange(s, true)!;
  const last = right ?? used.right;
  const letters = (n: number) => String.fromCharCode(64 + n);
  return `A1:${letters(last)}${used.bottom}`;
}

function addedLeft(b: Bench, sheet: string): number {
  const s = b.fake.store.mustSheet(sheet);
  for (let c = 1; c < 60; c++) if (b.fake.store.cell(s, 1, c)?.value === ADDED_HEADERS[0]) return c;
  return 0;
}

describe("an export in an Excel table", () => {
  const sheet = "FR subscriptions";

  test("is read as its rows; the added columns start one empty column after the table, which does not take them", async () => {
    const plain = await imported();
    const expected = (await plain.gateway.reconcile(plain.onProgress)).report;
    const b = await imported();
    const dataRight = b.fake.store.usedRange(b.fake.store.mustSheet(sheet), true)!.right;
    await makeTable(b.fake, sheet, dataAddress(b, sheet));
    const table = { ...tableOf(b.fake, sheet)[0].range };
    const outcome = await b.gateway.reconcile(b.onProgress);
    expect(outcome.report).toEqual(expected);
    expect(tableOf(b.fake, sheet)[0].range).toEqual(table);
    expect(addedLeft(b, sheet)).toBe(dataRight + 2);
    // Again, and removed: the table as it was, the sheet as imported.
    const once = b.fake.store.snapshot();
    await b.gateway.reconcile(b.onProgress);
    expect(b.fake.store.snapshot()).toEqual(once);
    await b.gateway.remove({ everything: false }, () => undefined);
    expect(tableOf(b.fake, sheet)[0].range).toEqual(table);
    expect(addedLeft(b, sheet)).toBe(0);
  });

  test("its totals row is not a subscription: no problem, the same verdicts (an export opened as its own sheet)", async () => {
    const own = "FR - Contoso Ltd";
    const rows = [
      ["ID d'abonnement", "Abonnement", "Quantité", "État", "Revendeur"],
      ["'s1", "Office 365 E3", 25, "Actif", "x"],
      ["'s2", "Office 365 E1", 10, "Suspendu", "x"],
    ];
    const setUp = async (table: boolean) => {
      const b = bench({ sheets: ["Sheet1", own] });
      rows.forEach((r, i) => r.forEach((v, j) => b.fake.store.userWrite(own, i + 1, j + 1, v)));
      if (table) {
        await makeTable(b.fake, own, "A1:E3");
        await run(b.fake, (ctx) => void (ctx.workbook.tables.getItem("Table1").showTotals = true));
        // The user also sums the quantities in the totals row.
        b.fake.store.userWrite(own, 4, 3, "=SUBTOTAL(109,Table1[Quantité])");
      }
      await b.gateway.saveSources([{ file: own, kind: "subscriptions", account: "FR", role: "from", customer: "Contoso Ltd", sheet: own, rows: 2, state: "ok", message: "" }]);
      const st = await b.gateway.inspect();
      await b.gateway.saveSettings({ ...st.settings, asOf: AS_OF });
      return { b, outcome: await b.gateway.reconcile(b.onProgress) };
    };
    const plain = await setUp(false);
    const tabled = await setUp(true);
    expect(tabled.outcome.problems).toEqual(plain.outcome.problems);
    expect(tabled.outcome.report).toEqual(plain.outcome.report);
    // No verdict beside the totals row; the added columns stay off the table.
    expect(text(tabled.b.fake, own, 4, 7)).toBeUndefined();
    expect(tableOf(tabled.b.fake, own)[0].range).toEqual({ top: 1, left: 1, bottom: 4, right: 5 });
  });

  test("Ctrl+T after a run takes in the added columns: a re-run gives the table back its own columns (ExcelApi 1.13), remove too", async () => {
    const b = await imported();
    await b.gateway.reconcile(b.onProgress);
    const first = b.fake.store.snapshot();
    const left = addedLeft(b, sheet);
    await makeTable(b.fake, sheet, dataAddress(b, sheet, left + ADDED_HEADERS.length - 1));
    expect(tableOf(b.fake, sheet)[0].range.right).toBe(left + ADDED_HEADERS.length - 1);
    await b.gateway.reconcile(b.onProgress);
    const table = tableOf(b.fake, sheet)[0];
    expect(table.range.right).toBe(left - 1);
    // The workbook is the first run's, with the table over the export's columns.
    const again = b.fake.store.snapshot() as unknown as { tables: unknown[] };
    expect({ ...again, tables: [] }).toEqual({ ...first, tables: [] });
    await b.gateway.remove({ everything: false }, () => undefined);
    expect(tableOf(b.fake, sheet)[0].range.right).toBe(left - 1);
    expect(addedLeft(b, sheet)).toBe(0);
  });

  test("without Table.resize (ExcelApi 1.12 and older: Excel 2019, a 1.9 host here): the re-run is refused before writing; Remove still works", async () => {
    const b = await imported("1.9");
    await b.gateway.reconcile(b.onProgress);
    const left = addedLeft(b, sheet);
    await makeTable(b.fake, sheet, dataAddress(b, sheet, left + ADDED_HEADERS.length - 1));
    const before = b.fake.store.snapshot();
    const e = await b.gateway.reconcile(b.onProgress).catch((x) => x);
    expect(e).toBeInstanceOf(WorkbookError);
    expect((e as WorkbookError).key).toBe("tableOverlap");
    expect(b.fake.store.snapshot()).toEqual(before);
    await b.gateway.remove({ everything: false }, () => undefined);
    expect((await b.gateway.inspect()).reconciled).toBe(false);
    // Excel names the emptied header cells of the table.
    const right = tableOf(b.fake, sheet)[0].range.right;
    expect(text(b.fake, sheet, 1, right)).toBe(`Column${right}`);
  });

  test("a table that also holds the user's own columns beyond ours is never cut: the run is refused", async () => {
    const b = await imported();
    await b.gateway.reconcile(b.onProgress);
    const left = addedLeft(b, sheet);
    const notes = left + ADDED_HEADERS.length;
    b.fake.store.userWrite(sheet, 1, notes, "My notes");
    await makeTable(b.fake, sheet, dataAddress(b, sheet, notes));
    const e = await b.gateway.reconcile(b.onProgress).catch((x) => x);
    expect((e as WorkbookError).key).toBe("tableOverlap");
  });

  test("files imported into a sheet the user made a table: the table grows over the new rows", async () => {
    const b = await imported();
    await makeTable(b.fake, sheet, dataAddress(b, sheet));
    const bottom = tableOf(b.fake, sheet)[0].range.bottom;
    const more = files.filter((f) => f.path.startsWith("from/FR/") && f.kind !== "customers").slice(0, 1).map((f) => ({ ...f, path: f.path.replace(".csv", " (2).csv") }));
    await b.gateway.importFiles(more, b.onProgress);
    expect(tableOf(b.fake, sheet)[0].range.bottom).toBe(bottom + more[0].grid!.length - 1);
  });
});
