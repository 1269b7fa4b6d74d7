/**
 * Re-running updates the workbook in place, keeps what the user added between runs, and
 * "Remove reconciliation" gives the workbook back exactly as it was.
 */
import * as path from "path";
import { scanFolder } from "../../src/cli/folder";
import { reconcileImports } from "../../src/cli/run";
import { ImportFile } from "../../src/domain/importer";
import { ADDED_HEADERS, EARLIER_ADDED_HEADERS, GENERATED } from "../../src/layout/plan";
import { FakeWorkbookStore } from "../../src/office/fake";
import { STATE_SHEET } from "../../src/office/state";
import { SHEETS } from "../../src/domain/workbook";
import { AS_OF, RUN_AT, bench, importAndReconcile } from "./support/setup";

let files: ImportFile[];

beforeAll(async () => {
  files = (await scanFolder(path.join(__dirname, "..", "..", "samples"))).files;
});

/** Header row of a sheet as text. */
function header(store: FakeWorkbookStore, sheet: string): string[] {
  const s = store.mustSheet(sheet);
  const used = store.usedRange(s, true)!;
  return store.cellsIn(s, { top: 1, left: 1, bottom: 1, right: used.right }).map(([, , c]) => String(c.value ?? c.formula ?? ""));
}

function col(store: FakeWorkbookStore, sheet: string, name: string): number {
  return header(store, sheet).indexOf(name) + 1;
}

async function prepared() {
  const b = bench();
  await b.gateway.importFiles(files, b.onProgress);
  const st = await b.gateway.inspect();
  await b.gateway.saveSettings({ ...st.settings, asOf: AS_OF });
  return b;
}

describe("re-running over a workbook an earlier schema reconciled", () => {
  test("schema 2 had no customer column: the new block starts where the old one did, and the decisions move with it", async () => {
    const b = await prepared();
    const first = await b.gateway.reconcile(b.onProgress);
    const store = b.fake.store;
    const sheet = "FR subscriptions";
    const s = store.mustSheet(sheet);
    const left = col(store, sheet, ADDED_HEADERS[0]);
    // The block as schema 2 wrote it: the same, without the customer column.
    store.structural(s, "delete", "col", left, 1);
    expect(header(store, sheet).slice(-EARLIER_ADDED_HEADERS[0].length)).toEqual([...EARLIER_ADDED_HEADERS[0]]);
    const oldDecision = col(store, sheet, "Decision");
    store.userWrite(sheet, 2, oldDecision, "Exclude");

    const second = await b.gateway.reconcile(b.onProgress);
    expect(header(store, sheet).slice(-ADDED_HEADERS.length)).toEqual([...ADDED_HEADERS]);
    expect(col(store, sheet, ADDED_HEADERS[0])).toBe(left);
    const decision = col(store, sheet, "Decision");
    expect(decision).toBe(left + ADDED_HEADERS.indexOf("Decision"));
    expect(store.cell(s, 2, decision)?.value).toBe("Exclude");
    // The old Decision column is the Advice column now: a formula, and no dropdown left on it.
    expect(store.cell(s, 2, oldDecision)?.formula).toMatch(/^=/);
    expect(s.validations.some((v) => v.areas.some((a) => a.left <= oldDecision && oldDecision <= a.right))).toBe(false);
    expect(s.validations.some((v) => v.areas.some((a) => a.left <= decision && decision <= a.right))).toBe(true);
    // The engine read the decision: the excluded row changed its group's figures.
    expect(second.report).not.toEqual(first.report);
    // And the next run finds the new block as it is.
    const snapshot = store.snapshot();
    await b.gateway.reconcile(b.onProgress);
    expect(store.snapshot()).toEqual(snapshot);
  });
});

describe("re-running", () => {
  test("reconciling twice leaves an identical workbook (values, formulas, formats, rules, names, settings)", async () => {
    const b = await prepared();
    await b.gateway.reconcile(b.onProgress);
    const first = b.fake.store.snapshot();
    await b.gateway.reconcile(b.onProgress);
    expect(b.fake.store.snapshot()).toEqual(first);
  });

  test("no duplicate columns, and the user's columns, notes, formats and decisions survive", async () => {
    const b = await prepared();
    await b.gateway.reconcile(b.onProgress);
    const store = b.fake.store;
    const sheet = "FR subscriptions";
    const decision = col(store, sheet, "Decision");
    const notes = decision + 1;
    // The user adds a column beside ours, a note on Summary, a fill, and a decision.
    store.userWrite(sheet, 1, notes, "My notes");
    store.userWrite(sheet, 3, notes, "call the customer first");
    store.userWrite(GENERATED.summary, 2, 20, "checked by Anna");
    store.setFormat(store.mustSheet(sheet), 4, 2, { fill: "#FFFF00" });
    store.userWrite(sheet, 5, decision, "Exclude");
    const userCf = store.addConditionalFormat(store.mustSheet(sheet), { top: 2, left: 1, bottom: 3, right: 1 }, "Custom");
    userCf.formula = '=A2="x"';

    const second = await b.gateway.reconcile(b.onProgress);
    expect(header(store, sheet).filter((h) => (ADDED_HEADERS as readonly string[]).includes(h))).toEqual([...ADDED_HEADERS]);
    expect(col(store, sheet, "Decision")).toBe(decision);
    const s = store.mustSheet(sheet);
    expect(store.cell(s, 1, notes)?.value).toBe("My notes");
    expect(store.cell(s, 3, notes)?.value).toBe("call the customer first");
    expect(store.cell(store.mustSheet(GENERATED.summary), 2, 20)?.value).toBe("checked by Anna");
    expect(store.cell(s, 4, 2)?.format?.fill).toBe("#FFFF00");
    expect(store.cell(s, 5, decision)?.value).toBe("Exclude");
    expect(s.cfs.some((cf) => cf.formula === '=A2="x"')).toBe(true);
    // The engine saw the decision: that row no longer counts.
    const row = second.customers.flatMap((c) => c.rows).find((r) => r.sheet === sheet && r.row === 5);
    expect(row).toBeDefined();
    // Our verdict rules were not stacked: one set per coloured column.
    const verdictCol = col(store, sheet, "Verdict");
    expect(s.cfs.filter((cf) => cf.areas.some((a) => a.left === verdictCol))).toHaveLength(6);
  });

  test("a column the user inserts before our columns moves them; the re-run finds them there", async () => {
    const b = await prepared();
    await b.gateway.reconcile(b.onProgress);
    const store = b.fake.store;
    const sheet = "NL subscriptions";
    const before = col(store, sheet, "Verdict");
    const oldHeader = header(store, sheet);
    store.structural(store.mustSheet(sheet), "insert", "col", 3, 1);
    store.userWrite(sheet, 1, 3, "Inserted by user");
    const snapshotAfterInsert = header(store, sheet);
    await b.gateway.reconcile(b.onProgress);
    expect(col(store, sheet, "Verdict")).toBe(before + 1);
    expect(header(store, sheet)).toEqual([...oldHeader.slice(0, 2), "Inserted by user", ...oldHeader.slice(2)]);
    expect(header(store, sheet)).toEqual(snapshotAfterInsert);
  });

  test("files imported after a run are appended; new columns go before ours; the run matches the command on all files", async () => {
    const b = bench();
    const firstHalf = files.filter((f) => !f.path.startsWith("from/NL") && f.path !== "to/Customers.csv" && f.path !== "to/Pharmacie Moreau.csv");
    const rest = files.filter((f) => !firstHalf.includes(f));
    await importAndReconcile(b, firstHalf);
    const store = b.fake.store;
    // A new column in a later export of the same account.
    const extra = rest.find((f) => f.path.startsWith("to/") && f.kind !== "customers")!;
    const wider = { ...extra, grid: extra.grid!.map((r, i) => [...r, i === 0 ? "Notes from PC" : `note ${i}`]) };
    const later = rest.map((f) => (f === extra ? wider : f));
    const imported = await b.gateway.importFiles(later, b.onProgress);
    expect(imported.sheets).toContain("New subscriptions");
    const h = header(store, "New subscriptions");
    expect(h.indexOf("Notes from PC")).toBeLessThan(h.indexOf("Verdict"));
    const summary = store.cell(store.mustSheet(GENERATED.summary), 3, 2);
    expect(summary?.value).toMatch(/^Re-run needed/);
    const outcome = await b.gateway.reconcile(b.onProgress);
    const all = reconcileImports([...firstHalf, ...later], { asOf: AS_OF, fixedAsOf: true, runAt: RUN_AT.toISOString() });
    expect(outcome.report).toEqual(all.report);
    expect(header(store, "New subscriptions").filter((x) => x === "Verdict")).toHaveLength(1);
  });

  test("a file imported again replaces its earlier rows", async () => {
    const b = bench();
    await b.gateway.importFiles(files, b.onProgress);
    const store = b.fake.store;
    const target = files.find((f) => f.path === "to/Hoffmann Logistik KG.csv")!;
    const rowsBefore = store.usedRange(store.mustSheet("New subscriptions"), true)!.bottom;
    const changed = { ...target, grid: [target.grid![0], ...target.grid!.slice(1, 2)] };
    const out = await b.gateway.importFiles([changed], b.onProgress);
    expect(out.replaced).toEqual([target.path]);
    const s = store.mustSheet("New subscriptions");
    const paths = store.cellsIn(s, { top: 2, left: 1, bottom: 10_000, right: 1 }).map(([, , c]) => c.value);
    expect(paths.filter((p) => p === target.path)).toHaveLength(1);
    expect(store.usedRange(s, true)!.bottom).toBe(rowsBefore - (target.grid!.length - 1) + 1);
    const st = await b.gateway.inspect();
    expect(st.records.filter((r) => r.file === target.path)).toHaveLength(1);
  });
});

describe("removing the reconciliation", () => {
  test("restores the workbook exactly as it was before the run", async () => {
    const b = await prepared();
    const before = b.fake.store.snapshot();
    await b.gateway.reconcile(b.onProgress);
    await b.gateway.reconcile(b.onProgress);
    await b.gateway.remove({ everything: false }, b.onProgress);
    expect(b.fake.store.snapshot()).toEqual(before);
  });

  test("keeps what the user added between runs, takes only ours", async () => {
    const b = await prepared();
    const before = b.fake.store.snapshot();
    await b.gateway.reconcile(b.onProgress);
    const store = b.fake.store;
    const sheet = "DE subscriptions";
    const notes = col(store, sheet, "Decision") + 1;
    store.userWrite(sheet, 1, notes, "My notes");
    store.userWrite(SHEETS.offerMap, 20, 1, "Exchange Online Kiosk");
    store.userWrite(SHEETS.offerMap, 20, 2, "Exchange Online (Plan 1)");
    await b.gateway.reconcile(b.onProgress);
    await b.gateway.remove({ everything: false }, b.onProgress);
    expect(store.cell(store.mustSheet(sheet), 1, notes)?.value).toBe("My notes");
    expect(store.cell(store.mustSheet(SHEETS.offerMap), 20, 1)?.value).toBe("Exchange Online Kiosk");
    // Take the user's cells away again: the rest is exactly the workbook before the run.
    store.writeStored(store.mustSheet(sheet), 1, notes, { kind: "empty" });
    store.writeStored(store.mustSheet(SHEETS.offerMap), 20, 1, { kind: "empty" });
    store.writeStored(store.mustSheet(SHEETS.offerMap), 20, 2, { kind: "empty" });
    expect(store.snapshot()).toEqual(before);
  });

  test("gives back the cells of a sheet of the user's that happens to be called Summary", async () => {
    const b = bench({ sheets: ["Summary"] });
    const store = b.fake.store;
    store.userWrite("Summary", 1, 1, "My own summary");
    store.userWrite("Summary", 20, 1, "=1+2");
    store.userWrite("Summary", 21, 3, "keep me");
    store.setFormat(store.mustSheet("Summary"), 1, 1, { bold: true, fill: "#00FF00" });
    await b.gateway.importFiles(files, b.onProgress);
    const st = await b.gateway.inspect();
    await b.gateway.saveSettings({ ...st.settings, asOf: AS_OF });
    const before = store.snapshot();
    await b.gateway.reconcile(b.onProgress);
    expect(store.cell(store.mustSheet("Summary"), 1, 1)?.value).toBe("CSP reconciliation");
    await b.gateway.remove({ everything: false }, b.onProgress);
    expect(store.snapshot()).toEqual(before);
  });

  test("with everything, the imported sheets, tables and settings go too", async () => {
    const b = await prepared();
    await b.gateway.reconcile(b.onProgress);
    await b.gateway.remove({ everything: true }, b.onProgress);
    const store = b.fake.store;
    expect(store.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect([...store.settings.keys()]).toEqual([]);
    expect(store.names.size).toBe(0);
  });

  test("after a cancelled run, remove still finds everything", async () => {
    const b = await prepared();
    const before = b.fake.store.snapshot();
    const ctl = new AbortController();
    let writes = 0;
    const progress = (p: { phase: string }) => {
      if (p.phase === "writing" && ++writes === 3) ctl.abort();
    };
    await expect(b.gateway.reconcile(progress, ctl.signal)).rejects.toThrow("cancelled");
    expect(b.fake.store.sheet(STATE_SHEET)).toBeDefined();
    await b.gateway.remove({ everything: false }, b.onProgress);
    expect(b.fake.store.snapshot()).toEqual(before);
  });
});

describe("the input tables a run reads are written back only when the plan changes them", () => {
  test("an unchanged Sources table is not sent again; one whose cell the plan reads differently is rewritten", async () => {
    const b = await prepared();
    const store = b.fake.store;
    await b.gateway.reconcile(b.onProgress);
    const sources = store.mustSheet(SHEETS.sources);
    const rows = store.usedRange(sources, true)!.bottom - 1;
    expect(rows).toBeGreaterThan(40);

    b.fake.resetStats();
    await b.gateway.reconcile(b.onProgress);
    const unchanged = b.fake.stats.totalRequestBytes;
    expect(store.cell(sources, 2, 2)?.value).toBe("subscriptions");

    // A Kind typed in capitals reads as "subscriptions": the plan writes the table as it reads it.
    store.userWrite(SHEETS.sources, 2, 2, "SUBSCRIPTIONS");
    b.fake.resetStats();
    await b.gateway.reconcile(b.onProgress);
    expect(store.cell(sources, 2, 2)?.value).toBe("subscriptions");
    // The whole table went out again: at least its file paths (column A) more.
    const paths = Array.from({ length: rows }, (_x, i) => String(store.cell(sources, i + 2, 1)?.value ?? "")).join("").length;
    expect(b.fake.stats.totalRequestBytes - unchanged).toBeGreaterThan(paths);
  });
});
