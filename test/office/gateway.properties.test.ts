/**
 * Re-run and removal as properties (issue 4): on random export sets, with random things the
 * user adds between runs, reconciling again gives the same workbook, the user's additions
 * survive, and "Remove reconciliation" gives back every original cell value and format.
 * The budget is small in CI (FUZZ_RUNS raises it, as for the other fuzz tests).
 */
import fc from "fast-check";
import { reconcileImports } from "../../src/cli/run";
import { FakeWorkbookStore } from "../../src/office/fake";
import { CellFormat } from "../../src/office/fake/store";
import { workbookBytes } from "../../src/xlsx/writer";
import { randomExports } from "../support/random-exports";
import { readZip } from "../support/zip";
import { AS_OF, bench } from "./support/setup";

const RUNS = Math.max(8, Math.round(Number(process.env.FUZZ_RUNS ?? 0) / 100));
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);

/** What a user does between runs: notes in a column of their own, fills on export cells. */
interface UserEdits {
  readonly notes: readonly { sheet: number; row: number; offset: number; text: string }[];
  readonly fills: readonly { sheet: number; row: number; col: number; fill: string }[];
}

const editsArb: fc.Arbitrary<UserEdits> = fc.record({
  notes: fc.array(fc.record({ sheet: fc.nat(20), row: fc.integer({ min: 1, max: 40 }), offset: fc.integer({ min: 1, max: 3 }), text: fc.string({ minLength: 1, maxLength: 12 }).filter((t) => t.trim() !== "") }), { maxLength: 8 }),
  fills: fc.array(fc.record({ sheet: fc.nat(20), row: fc.integer({ min: 2, max: 30 }), col: fc.integer({ min: 1, max: 3 }), fill: fc.constantFrom("#FFFF00", "#00B0F0", "#FFC7CE") }), { maxLength: 6 }),
});

interface Applied {
  readonly values: { sheet: string; row: number; col: number; text: string }[];
  readonly fills: { sheet: string; row: number; col: number; fill: string; before: CellFormat["fill"] }[];
}

/** The export sheets (the ones the user keeps working in), in tab order. */
const exportSheets = (store: FakeWorkbookStore) => store.sheets.filter((s) => / (subscriptions|customers)$/.test(s.name));

/** Applies the edits where a user would: right of everything on the sheet, and on its data. */
function apply(store: FakeWorkbookStore, edits: UserEdits): Applied {
  const sheets = exportSheets(store);
  const applied: Applied = { values: [], fills: [] };
  const taken = new Set<string>();
  for (const n of edits.notes) {
    const s = sheets[n.sheet % sheets.length];
    const right = store.usedRange(s, false)?.right ?? 0;
    const col = right + n.offset;
    if (taken.has(`${s.name}!${n.row},${col}`)) continue;
    taken.add(`${s.name}!${n.row},${col}`);
    store.writeStored(s, n.row, col, { kind: "value", value: n.text });
    applied.values.push({ sheet: s.name, row: n.row, col, text: n.text });
  }
  for (const f of edits.fills) {
    const s = sheets[f.sheet % sheets.length];
    const used = store.usedRange(s, true);
    if (!used || f.row > used.bottom || taken.has(`${s.name}!${f.row},${f.col}`)) continue;
    taken.add(`${s.name}!${f.row},${f.col}`);
    applied.fills.push({ sheet: s.name, row: f.row, col: f.col, fill: f.fill, before: store.cell(s, f.row, f.col)?.format?.fill });
    store.setFormat(s, f.row, f.col, { fill: f.fill });
  }
  return applied;
}

function survived(store: FakeWorkbookStore, a: Applied): string[] {
  const lost: string[] = [];
  for (const v of a.values) if (store.cell(store.mustSheet(v.sheet), v.row, v.col)?.value !== v.text) lost.push(`${v.sheet}!R${v.row}C${v.col} "${v.text}"`);
  for (const f of a.fills) if (store.cell(store.mustSheet(f.sheet), f.row, f.col)?.format?.fill !== f.fill) lost.push(`${f.sheet}!R${f.row}C${f.col} fill`);
  return lost;
}

/** Takes the user's additions away again, so that the rest can be compared with a snapshot. */
function undo(store: FakeWorkbookStore, a: Applied): void {
  for (const v of a.values) store.writeStored(store.mustSheet(v.sheet), v.row, v.col, { kind: "empty" });
  for (const f of a.fills) store.setFormat(store.mustSheet(f.sheet), f.row, f.col, { fill: f.before });
}

describe("re-run and removal on random workbooks (property)", () => {
  test("run twice = run once; the user's additions survive a re-run and a removal; removal restores every original cell", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 2, max: 8 }), editsArb, async (seed, customers, edits) => {
        const files = randomExports({ seed, customers });
        const b = bench();
        await b.gateway.importFiles(files, b.onProgress);
        const st = await b.gateway.inspect();
        await b.gateway.saveSettings({ ...st.settings, asOf: AS_OF });
        const store = b.fake.store;
        const original = store.snapshot();

        await b.gateway.reconcile(b.onProgress);
        const once = store.snapshot();
        await b.gateway.reconcile(b.onProgress);
        expect(store.snapshot()).toEqual(once);

        const applied = apply(store, edits);
        await b.gateway.reconcile(b.onProgress);
        expect(survived(store, applied)).toEqual([]);
        undo(store, applied);
        expect(store.snapshot()).toEqual(once);

        const again = apply(store, edits);
        await b.gateway.remove({ everything: false }, b.onProgress);
        expect(survived(store, again)).toEqual([]);
        undo(store, again);
        expect(store.snapshot()).toEqual(original);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  test("the command writes the same workbook twice for the same exports (every part but the file's timestamps)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        const files = randomExports({ seed, customers: 4 });
        const parts = async () => {
          const out = reconcileImports(files, { asOf: AS_OF, fixedAsOf: true, runAt: "2026-11-24T09:30:00.000Z" });
          return readZip(await workbookBytes(out.inputSheets, out.plan))
            .filter((e) => e.name !== "docProps/core.xml")
            .map((e) => [e.name, e.data.toString("utf8")]);
        };
        expect(await parts()).toEqual(await parts());
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
