/**
 * The pane's whole flow — import, reconcile, select a customer, re-run, remove — through the
 * gateway on the Excel versions partners side-load it in: ExcelApi 1.7 (Excel 2019 volume
 * licence, Mac 16.9–16.16, the manifest's floor), 1.8, 1.9, 1.14 (Excel 2021), 1.18 (Microsoft
 * 365, the web). The fake refuses every office.js member below its requirement set, so each run
 * either succeeds or stops before writing with the "this Excel is too old" message — never
 * half-way.
 */
import * as path from "path";
import { scanFolder } from "../../src/cli/folder";
import { reconcileImports } from "../../src/cli/run";
import { ImportFile } from "../../src/domain/importer";
import { createOfficeGateway } from "../../src/office/gateway";
import { WorkbookError } from "../../src/office/types";
import { GENERATED } from "../../src/layout/plan";
import { AS_OF, RUN_AT, bench } from "./support/setup";

let files: ImportFile[];

beforeAll(async () => {
  files = (await scanFolder(path.join(__dirname, "..", "..", "samples"))).files;
});

const HOSTS: [string, string, string][] = [
  ["1.7", "PC", "Excel 2019 volume licence"],
  ["1.8", "Mac", "Excel for Mac 16.17"],
  ["1.9", "PC", "Microsoft 365, 2019"],
  ["1.14", "PC", "Excel 2021"],
  ["1.18", "OfficeOnline", "Excel on the web"],
];

describe.each(HOSTS)("ExcelApi %s (%s, %s)", (api, platform) => {
  test("import, reconcile, select a customer, re-run, remove: every step completes, no request fails", async () => {
    const b = bench({ api, platform });
    const empty = b.fake.store.snapshot();
    await b.gateway.importFiles(files, b.onProgress);
    const st = await b.gateway.inspect();
    expect(st.host.api).toBe(api);
    await b.gateway.saveSettings({ ...st.settings, asOf: AS_OF, autoOpen: true });
    const outcome = await b.gateway.reconcile(b.onProgress);
    expect(outcome.report).toEqual(reconcileImports(files, { asOf: AS_OF, fixedAsOf: true, runAt: RUN_AT.toISOString() }).report);
    expect(await b.gateway.inspect()).toMatchObject({ reconciled: true, interrupted: false });
    expect(b.fake.store.calculated).toBe(true);

    const flagged = outcome.customers.find((c) => c.flagged && c.rows.length > 0)!;
    const sheet = flagged.rows[0].sheet;
    const rows = flagged.rows.filter((r) => r.sheet === sheet).map((r) => r.row);
    await b.gateway.select(sheet, rows);
    expect(b.fake.store.sheetById(b.fake.store.selection!.sheetId)!.name).toBe(sheet);

    const once = b.fake.store.snapshot();
    await b.gateway.reconcile(b.onProgress);
    expect(b.fake.store.snapshot()).toEqual(once);

    // The Decision column's dropdown needs ExcelApi 1.8.
    const validations = b.fake.store.sheets.flatMap((s) => s.validations);
    if (api === "1.7") expect(validations).toEqual([]);
    else expect(validations.length).toBeGreaterThan(0);

    await b.gateway.remove({ everything: true }, () => undefined);
    expect(b.fake.store.snapshot()).toEqual(empty);
    expect(b.fake.stats.log.filter((r) => r.failed)).toEqual([]);
  });
});

describe("below the manifest's floor", () => {
  test("ExcelApi 1.6: every step stops before writing with the 'this Excel is too old' message", async () => {
    const b = bench({ api: "1.6", platform: "PC" });
    const before = b.fake.store.snapshot();
    const steps: (() => Promise<unknown>)[] = [
      () => b.gateway.inspect(),
      () => b.gateway.importFiles(files, b.onProgress),
      () => b.gateway.saveSettings({ asOf: "today", nceAccounts: [], offerMap: [], autoOpen: false }),
      () => b.gateway.reconcile(b.onProgress),
      () => b.gateway.select("Sheet1", [1]),
      () => b.gateway.remove({ everything: true }, () => undefined),
    ];
    for (const step of steps) {
      const e = await step().catch((x) => x);
      expect(e).toBeInstanceOf(WorkbookError);
      expect((e as WorkbookError).key).toBe("apiUnsupported");
    }
    expect(b.fake.store.snapshot()).toEqual(before);
    expect(b.fake.stats.requests).toBe(0);
  });
});

describe("a workbook passed between Excel versions", () => {
  test("reconciled with the dropdown on Microsoft 365, re-run and removed on Excel 2019 (ExcelApi 1.7): both work, the dropdown stays", async () => {
    const b = bench({ api: "1.18" });
    await b.gateway.importFiles(files, b.onProgress);
    const st = await b.gateway.inspect();
    await b.gateway.saveSettings({ ...st.settings, asOf: AS_OF });
    await b.gateway.reconcile(b.onProgress);
    const old = b.fake.saveAndReopen({ api: "1.7", platform: "PC" });
    const gateway = createOfficeGateway({ host: old.officeHost(), now: () => RUN_AT });
    await gateway.reconcile(() => undefined);
    expect(await gateway.inspect()).toMatchObject({ reconciled: true, interrupted: false });
    const dropdowns = new Map(old.store.sheets.map((s) => [s.name, s.validations.length]));
    expect(dropdowns.get("FR subscriptions")).toBeGreaterThan(0);
    await gateway.remove({ everything: false }, () => undefined);
    expect(await gateway.inspect()).toMatchObject({ reconciled: false });
    // Excel 2019 cannot take a dropdown away (Range.dataValidation is ExcelApi 1.8): it stays on the
    // emptied Decision cells of the user's sheets (the Next steps sheet's Done goes with its sheet).
    expect(old.store.sheet(GENERATED.nextSteps)).toBeUndefined();
    for (const s of old.store.sheets) expect([s.name, s.validations.length]).toEqual([s.name, dropdowns.get(s.name)]);
    expect(old.stats.log.filter((r) => r.failed)).toEqual([]);
  });
});
