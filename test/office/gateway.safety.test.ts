/**
 * The gateway refuses before writing when it cannot finish (protected sheets, more rows than
 * Excel has), stops cleanly when cancelled, and never lets text from an export become a formula
 * or a number.
 */
import { INJECTION_CORPUS, exportWith } from "../support/injection";
import * as path from "path";
import fc from "fast-check";
import { reconcileImports } from "../../src/cli/run";
import { scanFolder } from "../../src/cli/folder";
import { ImportFile } from "../../src/domain/importer";
import { GENERATED } from "../../src/layout/plan";
import { WorkbookPlan } from "../../src/layout/types";
import { excelText } from "../../src/office/cells";
import { interpretInput } from "../../src/office/fake/input";
import { INTERRUPTED_TEXT, checkWritable } from "../../src/office/reconcile";
import { STATE_LEFT, STATE_SHEET } from "../../src/office/state";
import { CancelledError, WorkbookError } from "../../src/office/types";
import { writtenWorkbook } from "../support/written";
import { compareWithWriter } from "./support/compare";
import { AS_OF, RUN_AT, bench, importAndReconcile } from "./support/setup";

let files: ImportFile[];

beforeAll(async () => {
  files = (await scanFolder(path.join(__dirname, "..", "..", "samples"))).files;
});

async function imported(api = "1.17", budget?: number) {
  const b = bench({ api, budget });
  await b.gateway.importFiles(files, b.onProgress);
  const st = await b.gateway.inspect();
  await b.gateway.saveSettings({ ...st.settings, asOf: AS_OF });
  return b;
}

async function error(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected an error");
}

describe("protected sheets", () => {
  test("a protected export sheet stops the run before anything is written", async () => {
    const b = await imported();
    b.fake.store.mustSheet("FR subscriptions").protected = true;
    const before = b.fake.store.snapshot();
    b.fake.resetStats();
    const e = await error(b.gateway.reconcile(b.onProgress));
    expect(e).toBeInstanceOf(WorkbookError);
    expect((e as WorkbookError).key).toBe("protected");
    expect((e as WorkbookError).values).toEqual({ sheet: "FR subscriptions" });
    expect(b.fake.store.snapshot()).toEqual(before);
    expect(b.fake.stats.log.every((r) => r.writes === 0)).toBe(true);
  });

  test("a protected Summary of a previous run too", async () => {
    const b = await imported();
    await b.gateway.reconcile(b.onProgress);
    b.fake.store.mustSheet(GENERATED.summary).protected = true;
    const before = b.fake.store.snapshot();
    const e = await error(b.gateway.reconcile(b.onProgress));
    expect((e as WorkbookError).key).toBe("protected");
    expect(b.fake.store.snapshot()).toEqual(before);
  });

  test("importing into a protected account sheet is refused before writing", async () => {
    const b = await imported();
    b.fake.store.mustSheet("DE subscriptions").protected = true;
    const before = b.fake.store.snapshot();
    const more = files.filter((f) => f.path.startsWith("from/DE/")).map((f) => ({ ...f, path: f.path.replace(".csv", " (2).csv") }));
    const e = await error(b.gateway.importFiles(more, b.onProgress));
    expect((e as WorkbookError).key).toBe("protected");
    expect(b.fake.store.snapshot()).toEqual(before);
  });
});

describe("more rows than Excel has", () => {
  test("a plan needing more than 1,048,576 rows is refused (checked before any write)", () => {
    const plan: WorkbookPlan = {
      schemaVersion: 1,
      names: [],
      sheets: [{ name: "CSP Calc", role: "generated", visible: false, cells: [], blocks: [{ id: "calc", top: 1, left: 1, rows: 1_048_576, columns: [{ header: "x", cell: () => 1 }] }] }],
    };
    expect(() => checkWritable(plan, [])).toThrow(WorkbookError);
    try {
      checkWritable(plan, []);
    } catch (e) {
      expect((e as WorkbookError).key).toBe("tooManyRows");
    }
    const fits = { ...plan, sheets: [{ ...plan.sheets[0], blocks: [{ ...plan.sheets[0].blocks[0], rows: 1_048_575 }] }] };
    expect(() => checkWritable(fits, [])).not.toThrow();
  });

  test("appending files below row 1,048,576 is refused before writing", async () => {
    const b = await imported();
    b.fake.store.userWrite("FR subscriptions", 1_048_570, 1, "a note far down");
    const before = b.fake.store.snapshot();
    const more = files.filter((f) => f.path.startsWith("from/FR/") && f.kind !== "customers").map((f) => ({ ...f, path: f.path.replace(".csv", " again.csv") }));
    const e = await error(b.gateway.importFiles(more, b.onProgress));
    expect((e as WorkbookError).key).toBe("tooManyRows");
    expect(b.fake.store.snapshot()).toEqual(before);
  });
});

describe("cancelling", () => {
  test("while reading: the workbook is untouched", async () => {
    const b = await imported();
    const before = b.fake.store.snapshot();
    const ctl = new AbortController();
    b.fake.resetStats();
    const e = await error(b.gateway.reconcile((p) => p.phase === "reading" && p.fraction > 0 && ctl.abort(), ctl.signal));
    expect(e).toBeInstanceOf(CancelledError);
    expect(b.fake.store.snapshot()).toEqual(before);
    expect(b.fake.stats.log.every((r) => r.writes === 0)).toBe(true);
  });

  test("while writing: the workbook says Re-run needed, and the next run completes it", async () => {
    // Small requests, so that the run is cancelled in the middle of its writes.
    const b = await imported("1.7", 30_000);
    const ctl = new AbortController();
    let n = 0;
    const e = await error(b.gateway.reconcile((p) => p.phase === "writing" && ++n === 4 && ctl.abort(), ctl.signal));
    expect(e).toBeInstanceOf(CancelledError);
    const store = b.fake.store;
    expect(store.cell(store.mustSheet(GENERATED.summary), 3, 2)?.value).toBe(INTERRUPTED_TEXT);
    expect(store.cell(store.mustSheet(STATE_SHEET), 2, STATE_LEFT + 3)?.value).toBe("cancelled");
    const st = await b.gateway.inspect();
    expect(st.interrupted).toBe(true);
    expect(st.reconciled).toBe(true);
    await b.gateway.reconcile(b.onProgress);
    const clean = await imported("1.7", 30_000);
    await clean.gateway.reconcile(clean.onProgress);
    expect(store.snapshot()).toEqual(clean.fake.store.snapshot());
    expect((await b.gateway.inspect()).interrupted).toBe(false);
  });

  test("at any point: a re-run gives the clean result, and remove gives the workbook back", async () => {
    const clean = await imported("1.9", 10_000);
    const before = clean.fake.store.snapshot();
    let points = 0;
    await clean.gateway.reconcile((p) => p.phase === "writing" && points++);
    const done = clean.fake.store.snapshot();
    expect(points).toBeGreaterThan(10);
    for (const k of [1, 2, 3, Math.floor(points / 3), Math.floor((2 * points) / 3), points - 1]) {
      for (const then of ["rerun", "remove"] as const) {
        const b = await imported("1.9", 10_000);
        const ctl = new AbortController();
        let n = 0;
        const e = await error(b.gateway.reconcile((p) => p.phase === "writing" && ++n === k && ctl.abort(), ctl.signal));
        expect(e).toBeInstanceOf(CancelledError);
        if (then === "rerun") {
          await b.gateway.reconcile(b.onProgress);
          expect(b.fake.store.snapshot()).toEqual(done);
        } else {
          await b.gateway.remove({ everything: false }, b.onProgress);
          expect(b.fake.store.snapshot()).toEqual(before);
        }
      }
    }
  });

  test("an import: rows, columns and sheets it added are taken back", async () => {
    const b = await imported();
    await b.gateway.reconcile(b.onProgress);
    const before = b.fake.store.snapshot();
    const ctl = new AbortController();
    const more = files
      .filter((f) => f.path.startsWith("to/") && f.kind !== "customers")
      .map((f, i) => ({ ...f, path: f.path.replace(".csv", " (2).csv"), grid: f.grid!.map((r, k) => [...r, k === 0 ? "Extra column" : `x${i}`]) }));
    const e = await error(b.gateway.importFiles([...more, { path: "from/XX/Contoso.csv", role: "from", account: "XX", kind: "subscriptions", grid: files[5].grid }], (p) => p.fraction > 0.1 && ctl.abort(), ctl.signal));
    expect(e).toBeInstanceOf(CancelledError);
    expect(b.fake.store.snapshot()).toEqual(before);
  });
});

describe("formula injection", () => {
  test.each(["1.9", "1.7"])("every payload stays the text it was; the only formulas are the plan's (ExcelApi %s)", async (api) => {
    const input = exportWith(INJECTION_CORPUS, `O'Brien "EU" & co`);
    const b = bench({ api });
    await importAndReconcile(b, input);
    const out = reconcileImports(input, { asOf: AS_OF, fixedAsOf: true, runAt: RUN_AT.toISOString() });
    // Cell for cell what the writer puts in the file: text as text, formulas only from the plan.
    expect(compareWithWriter(b.fake.store, await writtenWorkbook(out.inputSheets, out.plan)).mismatches).toEqual([]);
    const texts = new Set<unknown>();
    const formulas: string[] = [];
    for (const s of b.fake.store.sheets) {
      for (const c of s.cells.values()) {
        if (c.formula !== undefined) formulas.push(c.formula);
        else if (typeof c.value === "string") texts.add(c.value);
      }
    }
    for (const p of INJECTION_CORPUS) expect(texts.has(p)).toBe(true);
    const bodies = INJECTION_CORPUS.map((p) => p.trim().replace(/^[=+\-@]/, ""));
    expect(formulas.filter((f) => bodies.includes(f.slice(1)) || /cmd\||example\.com|IMPORTXML|DDE\(|SUM\(1/.test(f))).toEqual([]);
  });

  test("any text written through the gateway's rule comes back as that text (property)", () => {
    const chars = fc.constantFrom(..."=+-@#'\t\n\r 0123456789.,:/%$()eETRUFALSjanJAN ＝－xyz".split(""));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 12 }).map((a) => a.join("")), (s) => {
        const stored = interpretInput(excelText(s), 2026);
        const back = stored.kind === "value" ? stored.value : stored.kind === "empty" ? "" : `formula ${stored.formula}`;
        return back === s;
      }),
      { numRuns: 20_000 },
    );
  });
});
