/**
 * Issue 13 point 1 in the add-in: reconciliation (invoice) files imported through the pane go
 * onto a sheet each, with only the columns spec §9 reads; a sheet the user opened a file on is
 * found by its header; the reconciliation reads both, and its money at stake is the command's on
 * the same files — in the report and in the workbook. Remove treats imported files as inputs.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { scanFolder } from "../../src/cli/folder";
import { readBillingFiles } from "../../src/cli/billing";
import { RunOutput, reconcileImports } from "../../src/cli/run";
import { wantedKeys } from "../../src/domain/money";
import { Cell } from "../../src/domain/cells";
import { ImportFile } from "../../src/domain/importer";
import { readCsv } from "../../src/domain/readers/csv";
import { readBillingCsv } from "../../src/domain/readers/billing-csv";
import { GENERATED } from "../../src/layout/plan";
import { FakeWorkbookStore } from "../../src/office/fake";
import { writtenWorkbook } from "../support/written";
import { compareWithWriter } from "./support/compare";
import { randomExports } from "../support/random-exports";
import { NCE_HEADER } from "../domain/support/billing";
import { BillingReader, readBillingGrid } from "../../src/domain/charges";
import { AS_OF, RUN_AT, bench, importAndReconcile } from "./support/setup";

const SAMPLES = path.join(__dirname, "..", "..", "samples");
const FR = "billing/FR license-based 2025-12 to 2026-11.csv";
const DE = "billing/DE new-commerce 2026-08 to 2026-11.csv";
/** Excel's 31 characters: "Billing " and the file name, cut. */
const FR_SHEET = "Billing FR license-based 2025-1";
const DE_SHEET = "Billing DE new-commerce 2026-08";

let exportFiles: ImportFile[];
/** The files whole (as a user opens them in Excel), and as the pane reads them to import (streamed, files/read.ts). */
let grids: Record<string, Cell[][]>;
let paneGrids: Record<string, Cell[][]>;
let command: RunOutput;

/** A billing file as the pane hands it over: from billing/ in the picked folder (files/layout.ts). */
const billingFile = (p: string, grid: Cell[][] | null = paneGrids[p]): ImportFile => ({ path: p, role: "from", account: "", kind: "billing", grid });

beforeAll(async () => {
  exportFiles = (await scanFolder(SAMPLES)).files;
  grids = {};
  paneGrids = {};
  for (const p of [FR, DE]) {
    const bytes = await fs.readFile(path.join(SAMPLES, p));
    grids[p] = readCsv(bytes);
    paneGrids[p] = readBillingCsv(bytes);
  }
  // The command on the samples folder, billing/ included, at the add-in's run time.
  const options = { asOf: AS_OF, fixedAsOf: true, runAt: RUN_AT.toISOString() };
  const billing = await readBillingFiles(SAMPLES, [FR, DE], wantedKeys(reconcileImports(exportFiles, options).result));
  command = reconcileImports(exportFiles, options, billing);
});

function header(store: FakeWorkbookStore, sheet: string): unknown[] {
  const s = store.mustSheet(sheet);
  const used = store.usedRange(s, true)!;
  return store.cellsIn(s, { top: 1, left: 1, bottom: 1, right: used.right }).map(([, , c]) => c.value);
}

/** A sheet as a user leaves it after opening the file in Excel: every cell typed in (en-US). */
function openedByUser(store: FakeWorkbookStore, sheet: string, grid: readonly (readonly Cell[])[]): void {
  store.addSheet(sheet);
  grid.forEach((line, r) => line.forEach((c, k) => c !== null && c !== "" && store.userWrite(sheet, r + 1, k + 1, c)));
}

describe("importing the samples' two reconciliation files through the pane", () => {
  test("one sheet per file: Source file and Source row, then only the seven columns §9 reads, every line", async () => {
    const b = bench();
    const imported = await b.gateway.importFiles([...exportFiles, billingFile(FR), billingFile(DE)], b.onProgress);
    expect(imported.billingSheets).toEqual([DE_SHEET, FR_SHEET]);
    expect(imported.sheets).toEqual(expect.arrayContaining([DE_SHEET, FR_SHEET]));
    expect(imported.problems.filter((p) => p.source.startsWith("billing/"))).toEqual([]);
    const store = b.fake.store;
    expect(header(store, FR_SHEET)).toEqual([
      "Source file", "Source row", "SyndicationPartnerSubscriptionNumber", "ChargeStartDate", "ChargeEndDate", "Subtotal", "Currency", "ChargeType", "Quantity",
    ]);
    expect(header(store, DE_SHEET)).toEqual(["Source file", "Source row", "SubscriptionId", "ChargeStartDate", "ChargeEndDate", "Subtotal", "Currency", "ChargeType", "Quantity"]);
    // Every line of the file, citing it; the amount a number the team can add up, the dates as the file wrote them.
    const fr = store.mustSheet(FR_SHEET);
    expect(store.usedRange(fr, true)!.bottom).toBe(92);
    expect(store.cell(fr, 2, 1)?.value).toBe(FR);
    expect(store.cell(fr, 2, 2)?.value).toBe(2);
    expect(typeof store.cell(fr, 2, 6)?.value).toBe("number");
    expect(store.cell(fr, 2, 4)?.value).toBe(grids[FR][1][grids[FR][0].indexOf("ChargeStartDate")]);
    expect(store.usedRange(store.mustSheet(DE_SHEET), true)!.bottom).toBe(32);
    // The sheets are inputs, not exportFiles: the pane lists them apart.
    const state = await b.gateway.inspect();
    expect(state.sheets.map((s) => s.name)).not.toContain(FR_SHEET);
    expect(state.billing).toEqual([
      { name: DE_SHEET, source: DE, kind: "nce", lines: 31, imported: true },
      { name: FR_SHEET, source: FR, kind: "legacy", lines: 91, imported: true },
    ]);
  });

  test.each(["1.9", "1.7"])("reconciling gives the command's money at stake, in the report and in the workbook (ExcelApi %s)", async (api) => {
    const b = bench({ api });
    const { outcome } = await importAndReconcile(b, [...exportFiles, billingFile(FR), billingFile(DE)]);
    expect(outcome.report.money).toEqual(command.report.money);
    expect(outcome.report).toEqual(command.report);
    // Every sheet the command writes, cell for cell (the Summary's money line and columns, Groups, Next steps).
    const wb = await writtenWorkbook(command.inputSheets, command.plan);
    const cmp = compareWithWriter(b.fake.store, wb, ["Sheet1", DE_SHEET, FR_SHEET]);
    expect(cmp.mismatches).toEqual([]);
    expect(b.fake.stats.largestRequestBytes).toBeLessThan(2.1 * 1024 * 1024);
    expect(b.fake.stats.log.every((r) => !r.failed)).toBe(true);
  });

  test("a file imported again replaces its sheet, in its place: its lines count once", async () => {
    const b = bench();
    await b.gateway.importFiles([...exportFiles, billingFile(FR), billingFile(DE)], b.onProgress);
    const store = b.fake.store;
    const order = store.sheets.map((s) => s.name);
    const again = await b.gateway.importFiles([billingFile(FR)], b.onProgress);
    expect(again.replaced).toEqual([FR]);
    expect(again.billingSheets).toEqual([FR_SHEET]);
    expect(store.sheets.map((s) => s.name)).toEqual(order);
    expect(store.usedRange(store.mustSheet(FR_SHEET), true)!.bottom).toBe(92);
    const st = await b.gateway.inspect();
    await b.gateway.saveSettings({ ...st.settings, asOf: AS_OF });
    const outcome = await b.gateway.reconcile(b.onProgress);
    expect(outcome.report.money).toEqual(command.report.money);
  });

  test("a file of a header and no line, imported again, replaces its sheet too", async () => {
    const b = bench();
    const empty = billingFile(FR, [paneGrids[FR][0]]);
    await b.gateway.importFiles([empty], b.onProgress);
    const names = b.fake.store.sheets.map((s) => s.name);
    expect(names).toContain(FR_SHEET);
    const again = await b.gateway.importFiles([empty], b.onProgress);
    expect(again.replaced).toEqual([FR]);
    expect(b.fake.store.sheets.map((s) => s.name)).toEqual(names);
  });

  test("a file without a Currency column is refused with the command's MISSING_COLUMN problem and writes nothing", async () => {
    const b = bench();
    const grid = grids[DE].map((line) => line.filter((_c, k) => grids[DE][0][k] !== "Currency"));
    const outcome = await b.gateway.importFiles([...exportFiles, billingFile("billing/no currency.csv", grid)], b.onProgress);
    expect(outcome.problems).toEqual([
      ...outcome.problems.filter((p) => !p.source.startsWith("billing/")),
      { source: "billing/no currency.csv", row: 0, code: "MISSING_COLUMN", message: "New-commerce invoice reconciliation file: missing column Currency; its lines are not read" },
    ]);
    expect(outcome.billingSheets).toEqual([]);
    expect(b.fake.store.sheets.some((s) => s.name.startsWith("Billing"))).toBe(false);
  });

  test("a billing-only import into an empty workbook makes no Sources table", async () => {
    const b = bench();
    await b.gateway.importFiles([billingFile(DE)], b.onProgress);
    expect(b.fake.store.sheets.map((s) => s.name)).toEqual(["Sheet1", DE_SHEET]);
  });

  test("an unreadable line of a reconciled subscription is a BAD_VALUE citing the file and its row, as the command says it", async () => {
    const b = bench();
    const grid = grids[DE].map((line) => [...line]);
    const end = grid[0].indexOf("ChargeEndDate");
    const row = grid.findIndex((line) => line.includes("3297c969-a12d-482b-a3f5-8c30e0e29095"));
    grid[row][end] = "soon";
    const { outcome } = await importAndReconcile(b, [...exportFiles, billingFile(DE, grid)]);
    expect(outcome.problems).toContainEqual(expect.objectContaining({ source: DE, row: row + 1, code: "BAD_VALUE", message: 'Charge line not counted: ChargeEndDate "soon" is not a date' }));
    const problems = b.fake.store.mustSheet(GENERATED.problems);
    const rows = b.fake.store.cellsIn(problems, { top: 1, left: 1, bottom: 100, right: 3 }).map(([, , c]) => c.value);
    expect(rows).toEqual(expect.arrayContaining([DE, row + 1, "BAD_VALUE"]));
  });
});

describe("a reconciliation file the user opened on a sheet of their own", () => {
  test("is found by its header and read: with the other file imported, the command's money at stake", async () => {
    const b = bench();
    openedByUser(b.fake.store, "Invoice FR", grids[FR]);
    const state0 = await b.gateway.inspect();
    expect(state0.billing).toEqual([{ name: "Invoice FR", source: "Invoice FR", kind: "legacy", lines: 91, imported: false }]);
    const { outcome } = await importAndReconcile(b, [...exportFiles, billingFile(DE)]);
    expect(outcome.report.money.byCurrency).toEqual(command.report.money.byCurrency);
    expect(outcome.report.money.unmatchedLines).toBe(command.report.money.unmatchedLines);
    expect(outcome.report.customers.map((c) => [c.customer, c.money, c.groups.map((g) => g.money)])).toEqual(
      command.report.customers.map((c) => [c.customer, c.money, c.groups.map((g) => g.money)]),
    );
    expect(outcome.report.money.files).toEqual([
      { source: DE, kind: "nce", lines: 31 },
      { source: "Invoice FR", kind: "legacy", lines: 91 },
    ]);
  });

  test("a header without a key column is a MISSING_COLUMN problem naming the sheet; the run goes on", async () => {
    const b = bench();
    const grid = grids[FR].map((line) => line.filter((_c, k) => grids[FR][0][k] !== "SyndicationPartnerSubscriptionNumber"));
    openedByUser(b.fake.store, "Invoice FR", grid);
    const { outcome } = await importAndReconcile(b, exportFiles);
    expect(outcome.problems).toContainEqual(expect.objectContaining({ source: "Invoice FR", row: 0, code: "MISSING_COLUMN" }));
    expect(outcome.report.money.byCurrency).toEqual([]);
    expect(outcome.report.totals).toEqual(command.report.totals);
  });

  test("only the columns §9 reads are read of a 28-column file: the run reads no more than for a 7-column one", async () => {
    const read = async (grid: Cell[][]) => {
      const b = bench();
      openedByUser(b.fake.store, "Invoice FR", grid);
      await b.gateway.importFiles(exportFiles, b.onProgress);
      const st = await b.gateway.inspect();
      await b.gateway.saveSettings({ ...st.settings, asOf: AS_OF });
      b.fake.resetStats();
      const outcome = await b.gateway.reconcile(b.onProgress);
      expect(outcome.report.money.files).toEqual([{ source: "Invoice FR", kind: "legacy", lines: 91 }]);
      return { bytes: b.fake.stats.log.reduce((n, r) => n + r.responseBytes, 0), money: outcome.report.money.byCurrency };
    };
    const h = grids[FR][0];
    const needed = ["SyndicationPartnerSubscriptionNumber", "ChargeStartDate", "ChargeEndDate", "Subtotal", "Currency", "ChargeType", "Quantity"].map((n) => h.indexOf(n));
    const full = await read(grids[FR]);
    const seven = await read(grids[FR].map((line) => needed.map((k) => line[k])));
    expect(full.money).toEqual(seven.money);
    // The 21 other columns are read only in the rows scanned for a header (21 of 92).
    const otherColumns = JSON.stringify(grids[FR].map((line) => line.filter((_c, k) => !needed.includes(k)))).length;
    expect(full.bytes - seven.bytes).toBeLessThan(otherColumns * 0.4);
    expect(full.bytes - seven.bytes).toBeGreaterThan(0);
  });
});

describe("a month of a large partner: a 60,000-line file", () => {
  /** Monthly charges of the set's old subscriptions (one in ten of other customers), US dates, as Partner Center writes them. */
  function invoiceGrid(ids: readonly string[], lines: number): Cell[][] {
    const at = (name: (typeof NCE_HEADER)[number]) => NCE_HEADER.indexOf(name);
    const grid: Cell[][] = [[...NCE_HEADER]];
    for (let k = 0; grid.length <= lines; k++) {
      const line: Cell[] = NCE_HEADER.map(() => "");
      const month = 6 + Math.floor(k / ids.length) % 6;
      line[at("SubscriptionId")] = k % 10 === 9 ? `00000000-0000-4000-8000-${String(k).padStart(12, "0")}` : ids[k % ids.length];
      line[at("ChargeStartDate")] = `${month}/1/2026`;
      line[at("ChargeEndDate")] = `${month}/30/2026`;
      line[at("ChargeType")] = "cycleCharge";
      line[at("Quantity")] = String(1 + (k % 7));
      line[at("Subtotal")] = ((k % 97) * 3.17 + 1).toFixed(2);
      line[at("Currency")] = k % 31 === 0 ? "CHF" : "EUR";
      line[at("CustomerName")] = `Customer ${k % 500}`;
      line[at("InvoiceNumber")] = `G0${52418377 + month}`;
      grid.push(line);
    }
    return grid;
  }

  test("is imported in requests under the 2 MB budget and read back within the web's limits: the command's money", async () => {
    const files = randomExports({ seed: 1313, customers: 300, oldAccounts: 2 });
    const options = { asOf: AS_OF, fixedAsOf: true, runAt: RUN_AT.toISOString() };
    const plain = reconcileImports(files, options);
    const ids = plain.result.rows.filter((r) => r.role === "from" && r.subscriptionId !== "").map((r) => r.subscriptionId);
    const grid = invoiceGrid(ids, 60_000);
    const reader = new BillingReader(wantedKeys(plain.result));
    readBillingGrid(reader, "billing/invoice.csv", grid);
    const want = reconcileImports(files, options, reader.data());
    expect(want.report.money.byCurrency.length).toBe(2);

    const b = bench();
    const imported = await b.gateway.importFiles([...files, billingFile("billing/invoice.csv", grid)], b.onProgress);
    expect(imported.billingSheets).toEqual(["Billing invoice"]);
    expect(b.fake.store.usedRange(b.fake.store.mustSheet("Billing invoice"), true)).toMatchObject({ bottom: 60_001, right: 9 });
    const importLargest = b.fake.stats.largestRequestBytes;
    const importRequests = b.fake.stats.requests;
    const st = await b.gateway.inspect();
    await b.gateway.saveSettings({ ...st.settings, asOf: AS_OF });
    b.fake.resetStats();
    const outcome = await b.gateway.reconcile(b.onProgress);
    expect(outcome.report.money).toEqual(want.report.money);
    expect(outcome.report).toEqual(want.report);
    expect(importLargest).toBeLessThan(2.1 * 1024 * 1024);
    expect(b.fake.stats.largestRequestBytes).toBeLessThan(2.1 * 1024 * 1024);
    expect(b.fake.stats.largestResponseBytes).toBeLessThan(3.1 * 1024 * 1024);
    expect(b.fake.stats.log.every((r) => !r.failed)).toBe(true);
    // eslint-disable-next-line no-console
    console.log(
      `60,000-line billing file, ${ids.length} old rows: import ${importRequests} requests (largest ${importLargest} B); reconcile ${b.fake.stats.requests} requests, largest request ${b.fake.stats.largestRequestBytes} B, largest response ${b.fake.stats.largestResponseBytes} B`,
    );
  }, 180_000);
});

describe("re-running and stopping", () => {
  test("billing files imported after a first run: the re-run writes the command's money; once their sheets are gone, a re-run clears it", async () => {
    const b = bench();
    await importAndReconcile(b, exportFiles);
    await b.gateway.importFiles([billingFile(FR), billingFile(DE)], b.onProgress);
    const outcome = await b.gateway.reconcile(b.onProgress);
    expect(outcome.report).toEqual(command.report);
    const cmp = compareWithWriter(b.fake.store, await writtenWorkbook(command.inputSheets, command.plan), ["Sheet1", DE_SHEET, FR_SHEET]);
    expect(cmp.mismatches).toEqual([]);
    // The user deletes the billing sheets: the next run shows no money, as the command without billing/.
    for (const name of [DE_SHEET, FR_SHEET]) b.fake.store.deleteSheet(b.fake.store.mustSheet(name));
    const without = reconcileImports(exportFiles, { asOf: AS_OF, fixedAsOf: true, runAt: RUN_AT.toISOString() });
    expect((await b.gateway.reconcile(b.onProgress)).report).toEqual(without.report);
    expect(compareWithWriter(b.fake.store, await writtenWorkbook(without.inputSheets, without.plan)).mismatches).toEqual([]);
  });

  test("an import of billing files stopped half-way takes its new sheets back and keeps the earlier sheet of a file imported again", async () => {
    const b = bench({ budget: 200_000 });
    await b.gateway.importFiles([...exportFiles, billingFile(DE)], b.onProgress);
    const before = b.fake.store.snapshot();
    const ctl = new AbortController();
    const e = await b.gateway.importFiles([billingFile(FR), billingFile(DE)], (p) => p.fraction > 0.1 && ctl.abort(), ctl.signal).catch((x: unknown) => x);
    expect((e as Error).message).toBe("cancelled");
    expect(b.fake.store.snapshot()).toEqual(before);
  });
});

describe("removing the reconciliation", () => {
  test("keeps the imported billing sheets (inputs); with everything they go, a sheet the user opened stays", async () => {
    const b = bench();
    openedByUser(b.fake.store, "Invoice FR", grids[FR]);
    await importAndReconcile(b, [...exportFiles, billingFile(DE)]);
    const store = b.fake.store;
    await b.gateway.remove({ everything: false }, b.onProgress);
    expect(store.sheet(DE_SHEET)).toBeDefined();
    expect(store.sheet("Invoice FR")).toBeDefined();
    await b.gateway.remove({ everything: true }, b.onProgress);
    expect(store.sheets.map((s) => s.name)).toEqual(["Sheet1", "Invoice FR"]);
  });
});
