/**
 * The gateway held to real Excel's rules where the fake used to be lenient (issue 10): column
 * widths in two units, one settings store, the workbook left calculated, workbook structure
 * protection, Excel's hard limits. Each rule is modelled in the fake after the doc or issue cited
 * there (src/office/fake/*).
 */
import * as path from "path";
import { isDeepStrictEqual } from "util";
import { scanFolder } from "../../src/cli/folder";
import { ImportFile } from "../../src/domain/importer";
import { ADDED_HEADERS } from "../../src/layout/plan";
import { charsToPoints } from "../../src/office/fake";
import { widthPoints } from "../../src/office/plan-extents";
import { createOfficeGateway } from "../../src/office/gateway";
import { WorkbookError } from "../../src/office/types";
import { writeGrid } from "../../src/office/apply-plan";
import { Meter, WriteBatch } from "../../src/office/requests";
import { AS_OF, RUN_AT, bench } from "./support/setup";

let files: ImportFile[];

beforeAll(async () => {
  files = (await scanFolder(path.join(__dirname, "..", "..", "samples"))).files;
});

async function prepared(api = "1.17", budget?: number) {
  const b = bench({ api, budget });
  await b.gateway.importFiles(files, b.onProgress);
  const st = await b.gateway.inspect();
  await b.gateway.saveSettings({ ...st.settings, asOf: AS_OF });
  return b;
}

function addedColumns(b: Awaited<ReturnType<typeof prepared>>, sheet: string): number[] {
  const s = b.fake.store.mustSheet(sheet);
  const used = b.fake.store.usedRange(s, true)!;
  const head: string[] = [];
  for (let c = 1; c <= used.right; c++) head.push(String(b.fake.store.cell(s, 1, c)?.value ?? ""));
  const left = head.indexOf(ADDED_HEADERS[0]) + 1;
  return ADDED_HEADERS.map((_h, k) => left + k);
}

describe("column widths: columnWidth in points, standardWidth in characters", () => {
  test("the fake keeps the two units apart: a new sheet's 8.43 characters are 64 pixels, 48 points", async () => {
    const b = bench();
    const got = await b.fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.load("standardWidth");
      const col = ws.getRange("C:C").load("format/columnWidth");
      await ctx.sync();
      return { chars: ws.standardWidth, points: col.format.columnWidth };
    });
    expect(got).toEqual({ chars: 8.43, points: 48 });
    expect(charsToPoints(8.43)).toBe(48);
  });

  test("the added columns on the user's export sheet get their widths; a column the user sized keeps its width", async () => {
    const b = await prepared();
    const sheet = "FR subscriptions";
    const s = b.fake.store.mustSheet(sheet);
    // Where the Advice column will go, the user set a width of their own (points).
    const used = b.fake.store.usedRange(s, true)!;
    const at = (h: (typeof ADDED_HEADERS)[number]) => ADDED_HEADERS.indexOf(h);
    const advice = used.right + 1 + at("Advice");
    const imported = [...s.colWidths.entries()];
    b.fake.store.setColumnPoints(s, advice, 99.75);
    await b.gateway.reconcile(b.onProgress);
    const cols = addedColumns(b, sheet);
    expect(cols[at("Advice")]).toBe(advice);
    const widths = cols.map((c) => b.fake.store.columnPoints(s, c));
    expect([at("Verdict"), at("Required"), at("New seats"), at("Advice"), at("Decision")].map((k) => widths[k])).toEqual([widthPoints(26), widthPoints(10), widthPoints(10), 99.75, widthPoints(11)]);
    // The customer column is sized to the names (and its header) the run put there.
    expect(widths[at("Customer (reconciled)")]).toBeGreaterThanOrEqual(widthPoints(ADDED_HEADERS[0].length));
    // Remove gives the standard width back (and leaves the user's own alone).
    await b.gateway.remove({ everything: false }, () => undefined);
    expect([...s.colWidths.entries()]).toEqual([...imported, [advice, 99.75]]);
  });

  test("a sheet whose standard width the user changed: its columns are still 'standard', in points", async () => {
    const b = await prepared();
    const s = b.fake.store.mustSheet("NL subscriptions");
    s.standardWidth = 12;
    // The import sized the export's own columns to their content; the run sizes only its own.
    const imported = [...s.colWidths.entries()];
    expect(imported.length).toBeGreaterThan(3);
    await b.gateway.reconcile(b.onProgress);
    const cols = addedColumns(b, "NL subscriptions");
    expect(b.fake.store.columnPoints(s, cols[ADDED_HEADERS.indexOf("Verdict")])).toBe(widthPoints(26));
    await b.gateway.remove({ everything: false }, () => undefined);
    expect([...s.colWidths.entries()]).toEqual(imported);
    expect(b.fake.store.columnPoints(s, cols[0])).toBe(charsToPoints(12));
  });
});

describe("settings: one store, and what survives saving and reopening", () => {
  test("the fake's Common API settings are a start-up copy that saveAsync writes back whole", async () => {
    const b = bench();
    const doc = b.fake.Office.context.document.settings;
    await b.fake.Excel.run(async (ctx) => {
      ctx.workbook.settings.add("written-by-excel-api", 1);
    });
    doc.set("Office.AutoShowTaskpaneWithDocument", true);
    // Not saved: lost on reopening.
    expect(b.fake.saveAndReopen().store.settings.has("Office.AutoShowTaskpaneWithDocument")).toBe(false);
    await new Promise<void>((resolve) => doc.saveAsync(() => resolve()));
    // Saved: the copy (taken before the Excel API wrote its key) replaced the document's settings.
    expect([...b.fake.store.settings.keys()]).toEqual(["Office.AutoShowTaskpaneWithDocument"]);
  });

  test("auto-open and a frozen as-of date, saved by the pane after a run, keep the run's schema pointer and survive reopening", async () => {
    const b = await prepared();
    await b.gateway.reconcile(b.onProgress);
    const st = await b.gateway.inspect();
    await b.gateway.saveSettings({ ...st.settings, autoOpen: true });
    const keys = [...b.fake.store.settings.keys()].sort();
    expect(keys).toEqual(["Office.AutoShowTaskpaneWithDocument", "csp-reconcile.asOf", "csp-reconcile.schemaVersion"]);
    const reopened = b.fake.saveAndReopen();
    const again = createOfficeGateway({ host: reopened.officeHost(), now: () => RUN_AT });
    const after = await again.inspect();
    expect(after.settings.autoOpen).toBe(true);
    expect(after.settings.asOf).toBe(AS_OF);
    expect(after.reconciled).toBe(true);
    expect(after.schemaVersion).toBe(st.schemaVersion);
  });

  test("switching auto-open off removes the setting; removing everything removes them all", async () => {
    const b = await prepared();
    const st = await b.gateway.inspect();
    await b.gateway.saveSettings({ ...st.settings, autoOpen: true });
    await b.gateway.saveSettings({ ...st.settings, autoOpen: false });
    expect(b.fake.store.settings.has("Office.AutoShowTaskpaneWithDocument")).toBe(false);
    await b.gateway.saveSettings({ ...st.settings, autoOpen: true });
    await b.gateway.reconcile(b.onProgress);
    await b.gateway.remove({ everything: true }, () => undefined);
    expect(b.fake.saveAndReopen().store.settings.size).toBe(0);
  });
});

describe("calculation: writes run with calculation suspended; every operation leaves the workbook calculated", () => {
  test("import, settings, reconcile, a re-run and remove each end calculated (one full calculation, the last request)", async () => {
    const b = bench();
    const calculatedAfter = async (what: string, op: () => Promise<unknown>) => {
      b.fake.resetStats();
      await op();
      expect([what, b.fake.store.calculated]).toEqual([what, true]);
      const last = b.fake.stats.log[b.fake.stats.log.length - 1];
      expect(last).toMatchObject({ calls: 1, writes: 1, suspendedCalculation: false });
    };
    await calculatedAfter("import", () => b.gateway.importFiles(files, b.onProgress));
    const st = await b.gateway.inspect();
    await calculatedAfter("settings", () => b.gateway.saveSettings({ ...st.settings, asOf: AS_OF }));
    await calculatedAfter("reconcile", () => b.gateway.reconcile(b.onProgress));
    await calculatedAfter("re-run", () => b.gateway.reconcile(b.onProgress));
    await calculatedAfter("remove", () => b.gateway.remove({ everything: false }, () => undefined));
  });

  test("the fake: writes under suspension leave the workbook uncalculated until a full calculation", async () => {
    const b = bench();
    await b.fake.Excel.run(async (ctx) => {
      ctx.workbook.application.suspendApiCalculationUntilNextSync();
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [["=1+1"]];
      await ctx.sync();
    });
    expect(b.fake.store.calculated).toBe(false);
    await b.fake.Excel.run(async (ctx) => ctx.workbook.application.calculate("Recalculate" as Excel.CalculationType));
    expect(b.fake.store.calculated).toBe(false);
    await b.fake.Excel.run(async (ctx) => ctx.workbook.application.calculate("Full" as Excel.CalculationType));
    expect(b.fake.store.calculated).toBe(true);
  });
});

async function refused(p: Promise<unknown>): Promise<WorkbookError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(WorkbookError);
    return e as WorkbookError;
  }
  throw new Error("expected a refusal");
}

describe("workbook structure protection (Review → Protect Workbook)", () => {
  test("the fake refuses to add, delete, rename, move or hide a sheet", async () => {
    const b = bench({ sheets: ["A", "B"] });
    b.fake.store.structureProtected = true;
    const steps: ((ctx: Excel.RequestContext) => void)[] = [
      (ctx) => void ctx.workbook.worksheets.add("C"),
      (ctx) => ctx.workbook.worksheets.getItem("B").delete(),
      (ctx) => void (ctx.workbook.worksheets.getItem("B").name = "D"),
      (ctx) => void (ctx.workbook.worksheets.getItem("B").position = 0),
      (ctx) => void (ctx.workbook.worksheets.getItem("B").visibility = "Hidden" as Excel.SheetVisibility),
    ];
    for (const step of steps) {
      const e = await b.fake.Excel.run(async (ctx) => step(ctx as unknown as Excel.RequestContext)).catch((x) => x);
      expect(e).toMatchObject({ code: "AccessDenied" });
    }
    expect(b.fake.store.sheets.map((s) => s.name)).toEqual(["A", "B"]);
  });

  test("an import that needs new sheets is refused before anything is written", async () => {
    const b = bench();
    b.fake.store.structureProtected = true;
    const before = b.fake.store.snapshot();
    const e = await refused(b.gateway.importFiles(files, b.onProgress));
    expect(e.key).toBe("workbookProtected");
    expect(e.message).toContain("FR subscriptions");
    expect(b.fake.store.snapshot()).toEqual(before);
    expect(b.fake.stats.log.filter((r) => r.writes > 0)).toEqual([]);
  });

  test("the first run is refused before writing; a re-run adds no sheet and runs; Remove, which deletes sheets, is refused", async () => {
    const b = await prepared();
    b.fake.store.structureProtected = true;
    let before = b.fake.store.snapshot();
    b.fake.resetStats();
    expect((await refused(b.gateway.reconcile(b.onProgress))).key).toBe("workbookProtected");
    expect(b.fake.store.snapshot()).toEqual(before);
    expect(b.fake.stats.log.filter((r) => r.writes > 0)).toEqual([]);
    b.fake.store.structureProtected = false;
    await b.gateway.reconcile(b.onProgress);
    b.fake.store.structureProtected = true;
    await b.gateway.reconcile(b.onProgress);
    expect((await b.gateway.inspect()).interrupted).toBe(false);
    before = b.fake.store.snapshot();
    expect((await refused(b.gateway.remove({ everything: false }, () => undefined))).key).toBe("workbookProtected");
    expect(b.fake.store.snapshot()).toEqual(before);
  });

  test("confirming sources or saving settings in a workbook without the tables is refused too", async () => {
    const b = bench();
    b.fake.store.structureProtected = true;
    const before = b.fake.store.snapshot();
    expect((await refused(b.gateway.saveSources([]))).key).toBe("workbookProtected");
    expect((await refused(b.gateway.saveSettings({ asOf: "today", nceAccounts: [], offerMap: [], autoOpen: false }))).key).toBe("workbookProtected");
    expect(b.fake.store.snapshot()).toEqual(before);
  });
});

describe("an import that fails part-way leaves nothing half-written", () => {
  /** New files for existing accounts (one with a new column) and a new account: appends, an inserted column, a new sheet, the tables. */
  function moreFiles(): ImportFile[] {
    const more = files
      .filter((f) => f.path.startsWith("to/") && f.kind !== "customers")
      .map((f, i) => ({ ...f, path: f.path.replace(".csv", " (2).csv"), grid: f.grid!.map((r, k) => [...r, k === 0 ? "Extra column" : `x${i}`]) }));
    return [...more, { path: "from/XX/Contoso.csv", role: "from", account: "XX", kind: "subscriptions", grid: files[5].grid }, { path: "offer-map.csv", role: "from", account: "", grid: [["Old offer", "New offer"], ["Plan A", "Plan B"]] }];
  }

  test("Excel failing in any of the import's write requests, at its start or half-way: the workbook is as before, or (past the last reversible step) importing again finishes it", async () => {
    // Small requests, so that the import's writes take several.
    const clean = await prepared("1.17", 3_000);
    await clean.gateway.reconcile(clean.onProgress);
    await clean.gateway.importFiles(moreFiles(), clean.onProgress);
    const done = clean.fake.store.snapshot();
    let rolledBack = 0;
    let late = 0;
    for (let k = 1; k < 40; k++) {
      for (const afterCalls of [0, 3]) {
        const b = await prepared("1.17", 3_000);
        await b.gateway.reconcile(b.onProgress);
        const before = b.fake.store.snapshot();
        b.fake.failWriteRequest(k, { afterCalls });
        const outcome = await b.gateway.importFiles(moreFiles(), b.onProgress).catch((e: unknown) => e);
        if (!(outcome instanceof Error)) {
          // More requests than the import sends: it went through untouched by the failure.
          expect(b.fake.host.fault).not.toBeNull();
          expect(b.fake.store.snapshot()).toEqual(done);
          expect(rolledBack).toBeGreaterThan(4);
          return;
        }
        expect((outcome as WorkbookError).key).toBe("failed");
        const now = b.fake.store.snapshot();
        // The same workbook, whatever order the fake's cell records list their properties in.
        if (isDeepStrictEqual(now, before)) rolledBack++;
        else {
          late++;
          expect(late).toBeLessThanOrEqual(2);
          await b.gateway.importFiles(moreFiles(), b.onProgress);
          expect([k, afterCalls, b.fake.store.snapshot()]).toEqual([k, afterCalls, done]);
        }
      }
    }
    throw new Error("the import never got through");
  });
});

describe("Excel's hard limits", () => {
  test("the fake refuses a cell over 32,767 characters and a formula over 8,192, in one piece", async () => {
    const b = bench();
    for (const input of ["x".repeat(32_768), `=${"1+".repeat(4_096)}1`, `'${"y".repeat(32_768)}`]) {
      const e = await b.fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [["fits", input]];
      }).catch((x) => x);
      expect(e).toMatchObject({ code: "InvalidArgument" });
      expect(b.fake.store.cell(b.fake.store.mustSheet("Sheet1"), 1, 1)).toBeUndefined();
    }
    await b.fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["z".repeat(32_767)]];
    });
    expect((b.fake.store.cell(b.fake.store.mustSheet("Sheet1"), 1, 1)?.value as string).length).toBe(32_767);
  });

  test("a 50,000-digit quantity and a 40,000-character status: every cell written stays within the limit, the run completes", async () => {
    const grid = [
      ["Subscription ID", "Offer name", "Quantity", "Status"],
      ["a1b2c3d4-0000-4000-8000-000000000001", "Office 365 E3", "9".repeat(50_000), "Active"],
      ["a1b2c3d4-0000-4000-8000-000000000002", "Office 365 E3", "5", "A".repeat(40_000)],
    ];
    const b = bench();
    await b.gateway.importFiles([...files, { path: "from/FR/Huge.csv", role: "from", account: "FR", kind: "subscriptions", grid }], b.onProgress);
    const st = await b.gateway.inspect();
    await b.gateway.saveSettings({ ...st.settings, asOf: AS_OF });
    const outcome = await b.gateway.reconcile(b.onProgress);
    const messages = outcome.problems.filter((p) => p.source === "from/FR/Huge.csv" && p.row > 0).map((p) => p.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^Quantity "9{120}…" \(32,767 characters\) is larger than any license count/);
    expect(messages[1]).toMatch(/^Status "A{120}…" \(32,767 characters\) is not a known status/);
    for (const s of b.fake.store.sheets) {
      for (const c of s.cells.values()) if (typeof c.value === "string") expect(c.value.length).toBeLessThanOrEqual(32_767);
    }
    expect((await b.gateway.inspect()).interrupted).toBe(false);
  });

  test.each(["🚀".repeat(9), "Compte 🚀🚀🚀🚀🚀🚀🚀🚀🚀", "a🚀".repeat(9)])("sheet names cut at 31 characters keep whole characters: account %s", async (account) => {
    const b = bench();
    const one = files.find((f) => f.path.startsWith("from/FR/") && f.kind !== "customers")!;
    const more = [0, 1].map((i) => ({ ...one, path: `from/${account}/File${i}.csv`, account }));
    await b.gateway.importFiles(more, b.onProgress);
    // Imported again as a new sheet: the name is made unique with " (2)".
    b.fake.store.mustSheet("Sources").cells.clear();
    await b.gateway.importFiles(more, b.onProgress);
    const names = b.fake.store.sheets.map((s) => s.name).filter((n) => n.includes("🚀"));
    expect(names).toHaveLength(2);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\uFFFD/);
    }
  });

  test("the writer's guard: a plan cell Excel would refuse stops the run with a message naming the cell", async () => {
    const b = bench();
    const meter = new Meter(new b.fake.Excel.RequestContext() as unknown as Excel.RequestContext);
    const batch = new WriteBatch(meter);
    const e = await writeGrid({ meter, batch }, "Sheet1", 1, 1, 2, 1, (i) => (i === 1 ? "x".repeat(32_768) : "ok"), "values").catch((x) => x);
    expect(e).toBeInstanceOf(WorkbookError);
    expect((e as WorkbookError).message).toBe("'Sheet1'!A2 would hold 32,768 characters; Excel takes at most 32,767");
  });
});
