/**
 * The Next steps sheet in Excel (spec §8, issue 12.3): written like the command's file, with the
 * Done dropdown where Excel has one, a re-run that keeps the user's Done for the action with the
 * same key wherever that action's row now is, the Summary's link to the sheet, and Remove taking
 * the sheet away with the rest — on ExcelApi 1.7 and 1.9 hosts.
 */
import * as path from "path";
import { scanFolder } from "../../src/cli/folder";
import { actionKeyDigest, deriveActions } from "../../src/domain/actions";
import { recogniseSubscriptionHeader } from "../../src/domain/headers";
import { ImportFile } from "../../src/domain/importer";
import { GENERATED, NEXT_STEPS } from "../../src/layout/plan";
import { NEXT_STEPS_LINK_ROW } from "../../src/layout/sheets/summary";
import { FakeWorkbookStore } from "../../src/office/fake";
import { AS_OF, bench, importAndReconcile } from "./support/setup";

let files: ImportFile[];

beforeAll(async () => {
  files = (await scanFolder(path.join(__dirname, "..", "..", "samples"))).files;
});

/** The Next steps rows as the workbook holds them: key and Done per row. */
function rows(store: FakeWorkbookStore): { key: unknown; done: unknown }[] {
  const s = store.mustSheet(GENERATED.nextSteps);
  const bottom = store.usedRange(s, true)!.bottom;
  return Array.from({ length: bottom - 1 }, (_x, i) => ({ key: store.cell(s, i + 2, NEXT_STEPS.key)?.value, done: store.cell(s, i + 2, NEXT_STEPS.done)?.value ?? null }));
}

describe.each(["1.7", "1.9"])("the Next steps sheet on an ExcelApi %s host", (api) => {
  test("Done typed by the user survives a re-run on the action with the same key, and goes with Remove", async () => {
    const b = bench({ api });
    const store = b.fake.store;
    await b.gateway.importFiles(files, b.onProgress);
    const st = await b.gateway.inspect();
    await b.gateway.saveSettings({ ...st.settings, asOf: AS_OF });
    const before = store.snapshot();
    const outcome = await b.gateway.reconcile(b.onProgress);

    const first = rows(store);
    expect(first.length).toBe(outcome.report.actions.length);
    expect(first.every((r) => typeof r.key === "string" && r.done === null)).toBe(true);
    // The hidden Key column holds each action's key digest, one per action, in the actions' order.
    expect(first.map((r) => r.key)).toEqual(outcome.actions.map((a) => actionKeyDigest(a.key)));
    const fullKey = new Map(outcome.actions.map((a) => [actionKeyDigest(a.key), a.key]));
    const keyOf = (r: { key: unknown }) => fullKey.get(String(r.key)) ?? "";
    // The Done dropdown needs ExcelApi 1.8 (Range.dataValidation), like the Decision column's.
    const dropdowns = store.mustSheet(GENERATED.nextSteps).validations;
    expect(dropdowns.length).toBe(api === "1.7" ? 0 : 1);
    // The Summary's link to the sheet.
    expect(store.cell(store.mustSheet(GENERATED.summary), NEXT_STEPS_LINK_ROW, 2)?.hyperlink).toEqual({ documentReference: "'Next steps'!A1" });

    // The user marks the last action and another customer's action after the problem row of
    // Clinique Vétérinaire Bernard done, then corrects that row's quantity ("douze"): its
    // CHECK_PROBLEM_ROW (and so its seats' REVIEW_SEATS) go away on the re-run, so every later
    // action moves up.
    const douze = outcome.problems.find((p) => p.code === "BAD_QUANTITY" && p.at)!;
    const check = first.findIndex((r) => keyOf(r).includes("CHECK_PROBLEM_ROW") && keyOf(r).includes("0ecaf828"));
    expect(check).toBeGreaterThanOrEqual(0);
    const clinique = (r: { key: unknown }) => keyOf(r).includes("0ecaf828");
    const marked = [first.findIndex((r, i) => i > check && !clinique(r)), first.length - 1];
    expect(clinique(first[marked[1]])).toBe(false);
    expect(marked[0]).toBeLessThan(marked[1]);
    store.userWrite(GENERATED.nextSteps, marked[0] + 2, NEXT_STEPS.done, "Yes");
    store.userWrite(GENERATED.nextSteps, marked[1] + 2, NEXT_STEPS.done, "called the customer");
    const sheet = store.mustSheet(douze.at!.sheet);
    const header = store.cellsIn(sheet, { top: 1, left: 1, bottom: 1, right: 60 }).map(([, , c]) => c.value ?? null);
    store.userWrite(douze.at!.sheet, douze.at!.row, recogniseSubscriptionHeader(header as never).fields.quantity! + 1, 12);
    const again = await b.gateway.reconcile(b.onProgress);

    const second = rows(store);
    expect(second.length).toBe(again.report.actions.length);
    expect(second.length).toBeLessThan(first.length);
    expect(second.map((r) => r.key)).not.toContain(first[check].key);
    const doneByKey = new Map(second.filter((r) => r.done !== null).map((r) => [r.key, r.done]));
    expect(doneByKey).toEqual(new Map([[first[marked[0]].key, "Yes"], [first[marked[1]].key, "called the customer"]]));
    // ...at the rows where those actions now are.
    const now = second.findIndex((r) => r.key === first[marked[0]].key);
    expect(now).toBeGreaterThanOrEqual(0);
    expect(now).toBeLessThan(marked[0]);

    await b.gateway.remove({ everything: false }, b.onProgress);
    expect(store.sheet(GENERATED.nextSteps)).toBeUndefined();
    // The export cell the user corrected stays corrected; everything else is as before the run.
    store.userWrite(douze.at!.sheet, douze.at!.row, recogniseSubscriptionHeader(header as never).fields.quantity! + 1, "douze");
    expect(store.snapshot()).toEqual(before);
    expect(b.fake.stats.log.filter((r) => r.failed)).toEqual([]);
  });
});

test("the command's workbook holds no previous Done: every Done cell of the plan is empty", async () => {
  const { reconcileImports } = await import("../../src/cli/run");
  const out = reconcileImports(files, { asOf: AS_OF, fixedAsOf: true });
  const b = out.plan.sheets.find((s) => s.name === GENERATED.nextSteps)!.blocks[0];
  expect(b.rows).toBe(deriveActions(out.result).length);
  for (let i = 0; i < b.rows; i++) expect(b.columns[NEXT_STEPS.done - 1].cell(i)).toBeNull();
});

test("a Next steps sheet of an earlier version, with the full keys, keeps its Done on the next run", async () => {
  const b = bench({ api: "1.9" });
  const store = b.fake.store;
  const { outcome } = await importAndReconcile(b, files);
  // As the earlier version wrote it: the full JSON key in the hidden Key column.
  outcome.actions.forEach((a, i) => store.userWrite(GENERATED.nextSteps, i + 2, NEXT_STEPS.key, a.key));
  const marked = outcome.actions.length - 1;
  store.userWrite(GENERATED.nextSteps, marked + 2, NEXT_STEPS.done, "Yes");
  await b.gateway.reconcile(b.onProgress);
  const after = rows(store);
  expect(after.map((r) => r.key)).toEqual(outcome.actions.map((a) => actionKeyDigest(a.key)));
  expect(after.filter((r) => r.done !== null)).toEqual([{ key: actionKeyDigest(outcome.actions[marked].key), done: "Yes" }]);
});

describe.each(["1.7", "1.9"])("number formats of our sheets' columns on an ExcelApi %s host", (api) => {
  test("every data cell of Seats and Due carries its format; a fill the user gave the first row does not run down the column on a re-run", async () => {
    const b = bench({ api });
    const store = b.fake.store;
    const { outcome } = await importAndReconcile(b, files);
    const s = store.mustSheet(GENERATED.nextSteps);
    const n = outcome.actions.length;
    const formats = (col: number) => Array.from({ length: n }, (_x, i) => store.cell(s, i + 2, col)?.numberFormat);
    expect(formats(NEXT_STEPS.seats)).toEqual(Array(n).fill("0"));
    expect(formats(NEXT_STEPS.due)).toEqual(Array(n).fill("yyyy-mm-dd"));
    // The user highlights the first action's Due cell, then reconciles again.
    store.cell(s, 2, NEXT_STEPS.due)!.format = { fill: "#FFFF00" };
    await b.gateway.reconcile(b.onProgress);
    expect(formats(NEXT_STEPS.due)).toEqual(Array(n).fill("yyyy-mm-dd"));
    const fills = Array.from({ length: n - 1 }, (_x, i) => store.cell(s, i + 3, NEXT_STEPS.due)?.format?.fill);
    expect(fills.filter((f) => f !== undefined)).toEqual([]);
    expect(b.fake.stats.log.filter((r) => r.failed)).toEqual([]);
  });
});
