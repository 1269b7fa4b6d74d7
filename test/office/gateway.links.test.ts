/**
 * Links the plan asks for (PlanLink: the Problems sheet's "Go to" cells) are real cell
 * hyperlinks in the workbook, on every host from the manifest's floor (ExcelApi 1.7); a re-run
 * that no longer needs a link leaves none behind, and removing the reconciliation leaves no link
 * on the user's sheets.
 */
import * as path from "path";
import { scanFolder } from "../../src/cli/folder";
import { ImportFile } from "../../src/domain/importer";
import { recogniseSubscriptionHeader } from "../../src/domain/headers";
import { GENERATED } from "../../src/layout/plan";
import { FakeWorkbookStore } from "../../src/office/fake";
import { AS_OF, bench } from "./support/setup";

let files: ImportFile[];

beforeAll(async () => {
  files = (await scanFolder(path.join(__dirname, "..", "..", "samples"))).files;
});

/** Every hyperlink in the workbook: sheet, row, column, target and the cell's text. */
function links(store: FakeWorkbookStore): { sheet: string; row: number; col: number; to: string; text: unknown }[] {
  const out: { sheet: string; row: number; col: number; to: string; text: unknown }[] = [];
  for (const s of store.sheets) {
    for (const [row, col, c] of store.cellsIn(s, { top: 1, left: 1, bottom: 1_048_576, right: 16_384 })) {
      if (c.hyperlink) out.push({ sheet: s.name, row, col, to: c.hyperlink.documentReference ?? c.hyperlink.address ?? "", text: c.value });
    }
  }
  return out;
}

const GO_TO = 5;

describe.each(["1.7", "1.9"])("links on an ExcelApi %s host", (api) => {
  test("each Go to cell of Problems holds its text and a hyperlink to the problem's row; a re-run with one problem fewer leaves no stale link", async () => {
    const b = bench({ api });
    await b.gateway.importFiles(files, b.onProgress);
    const st = await b.gateway.inspect();
    await b.gateway.saveSettings({ ...st.settings, asOf: AS_OF });
    const outcome = await b.gateway.reconcile(b.onProgress);
    const store = b.fake.store;

    const located = outcome.problems.filter((p) => p.at);
    const goTo = links(store).filter((l) => l.sheet === GENERATED.problems);
    expect(goTo.length).toBe(located.length);
    expect(goTo.length).toBeGreaterThan(0);
    for (const l of goTo) {
      expect(l.col).toBe(GO_TO);
      const p = outcome.problems[l.row - 2];
      expect(l.text).toBe(`${p.at!.sheet} row ${p.at!.row}`);
      expect(l.to).toBe(`'${p.at!.sheet.replace(/'/g, "''")}'!A${p.at!.row}`);
    }

    // The user corrects the unreadable quantity ("douze") and runs again: one problem fewer.
    const douze = outcome.problems.find((p) => p.code === "BAD_QUANTITY" && p.at)!;
    const sheet = store.mustSheet(douze.at!.sheet);
    const header = [...store.cellsIn(sheet, { top: 1, left: 1, bottom: 1, right: 60 })].map(([, , c]) => c.value ?? null);
    const quantity = recogniseSubscriptionHeader(header as never).fields.quantity! + 1;
    store.userWrite(douze.at!.sheet, douze.at!.row, quantity, 12);
    const again = await b.gateway.reconcile(b.onProgress);
    expect(again.problems.length).toBe(outcome.problems.length - 1);
    const after = links(store).filter((l) => l.sheet === GENERATED.problems);
    expect(after.length).toBe(again.problems.filter((p) => p.at).length);
    for (const l of after) expect(l.text).toBe(`${again.problems[l.row - 2].at!.sheet} row ${again.problems[l.row - 2].at!.row}`);
    // The row below the last problem is empty and holds no link.
    expect(store.cell(store.mustSheet(GENERATED.problems), again.problems.length + 2, GO_TO)).toBeUndefined();
    expect(b.fake.stats.log.filter((r) => r.failed)).toEqual([]);
  });

  test("on a sheet of the user's called Problems, removing the reconciliation takes every link away and gives the cells back", async () => {
    const b = bench({ api, sheets: ["Problems"] });
    const store = b.fake.store;
    store.userWrite("Problems", 1, 1, "My own problems list");
    store.userWrite("Problems", 3, GO_TO, "call Anna");
    await b.gateway.importFiles(files, b.onProgress);
    const st = await b.gateway.inspect();
    await b.gateway.saveSettings({ ...st.settings, asOf: AS_OF });
    const before = store.snapshot();
    await b.gateway.reconcile(b.onProgress);
    expect(links(store).filter((l) => l.sheet === "Problems").length).toBeGreaterThan(0);
    await b.gateway.reconcile(b.onProgress);
    await b.gateway.remove({ everything: false }, b.onProgress);
    expect(links(store)).toEqual([]);
    expect(store.snapshot()).toEqual(before);
  });
});
