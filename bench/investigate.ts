/**
 * Where LibreOffice spends its recalculation time in the product's workbook:
 *
 *   node build/bench/bench/investigate.js [--customers 2000] [--seed 20261124]
 *
 * The workbook is written and recalculated once (and checked against the engine); then
 * variants keep the formulas of one kind of column only, every other formula cell holding its
 * computed value, and LibreOffice's own clock times a full recalculation of each (lo-calc.ts).
 * Not part of `npm run bench` (it takes a while); docs/PERFORMANCE.md quotes its output.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { parseArgs } from "util";
import { scanFolder } from "../src/cli/folder";
import { reconcileImports } from "../src/cli/run";
import { SHEETS } from "../src/domain/workbook";
import { CALC, GENERATED, GROUPS } from "../src/layout/plan";
import { writeWorkbook } from "../src/xlsx/writer";
import { recalculate } from "../test/support/libreoffice";
import { AS_OF, generate, writeSet } from "./generate";
import { Lap, lap } from "./clock";
import { checkRecalculated, median } from "./libreoffice-cost";
import { CalcTiming, calcTiming } from "./lo-calc";
import { Keep, keepFormulas } from "./lo-columns";

const { values: opts } = parseArgs({
  options: {
    customers: { type: "string", default: "2000" },
    seed: { type: "string", default: "20261124" },
    only: { type: "string", default: "" },
    /** Time open + recalculate + save (the benchmark's measure) instead of calculateAll alone. */
    convert: { type: "boolean", default: false },
    repeats: { type: "string", default: "1" },
    /** Reuse an export folder and its product workbook already recalculated by LibreOffice (10k takes minutes). */
    exports: { type: "string", default: "" },
    recalculated: { type: "string", default: "" },
  },
});

const range = (a: number, b: number) => new Set(Array.from({ length: b - a + 1 }, (_, i) => a + i));

async function main(): Promise<void> {
  const n = Number(opts.customers);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-investigate-"));
  const exports = opts.exports || path.join(dir, "exports");
  if (!opts.exports) await writeSet(generate(n, Number(opts.seed) + n), exports);
  const out = reconcileImports((await scanFolder(exports)).files, { asOf: AS_OF, fixedAsOf: true });
  const written = path.join(dir, "product.xlsx");
  if (!opts.recalculated) await writeWorkbook(written, out.inputSheets, out.plan);
  const recalculated = opts.recalculated || (await recalculate(written, path.join(dir, "lo")));
  const check = await checkRecalculated(recalculated, out.plan, out.result);
  process.stderr.write(`${n} customers, ${out.result.rows.length} rows, ${out.result.groups.length} groups; check: ${check.mismatches.length} mismatches\n`);

  const dataSheets = out.plan.sheets.filter((s) => s.role === "data").map((s) => s.name);
  const calc = (cols: Set<number>): Keep => new Map([[GENERATED.calc, cols]]);
  const groups = (cols: Set<number>): Keep => new Map([[GENERATED.groupCalc, cols]]);
  const variants: [string, Keep][] = [
    ["values only (baseline)", new Map()],
    ["everything (the product)", new Map([...out.plan.sheets.map((s) => [s.name, "all"] as const), [SHEETS.offerMap, "all"]])],
    ["CSP Calc: Key now, Status, Quantity, Decision mirrors", calc(new Set([CALC.keyNow, CALC.status, CALC.quantity, CALC.decision]))],
    ["CSP Calc: Status code (MATCH in the vocabulary)", calc(new Set([CALC.code]))],
    ["CSP Calc: Quantity text + Seats", calc(new Set([CALC.qtyText, CALC.seats]))],
    ["CSP Calc: NCE (MATCH in Accounts)", calc(new Set([CALC.nce]))],
    ["CSP Calc: Active new start", calc(new Set([CALC.activeNewStart]))],
    ["CSP Calc: Advice", calc(new Set([CALC.advice]))],
    ["CSP Groups: COUNTIFS/SUMIFS (E:M)", groups(range(GROUPS.oldRows, GROUPS.N))],
    ["CSP Groups: Stale (SUMPRODUCT of EXACT)", groups(new Set([GROUPS.stale]))],
    ["CSP Groups: Rank, Verdict, Note", groups(new Set([GROUPS.rank, GROUPS.verdict, GROUPS.note]))],
    ["CSP Groups: Earliest start, Double billing", groups(new Set([GROUPS.earliestStart, GROUPS.doubleBilling]))],
    ["Groups sheet", new Map([[GENERATED.groups, "all"]])],
    ["Summary sheet", new Map([[GENERATED.summary, "all"]])],
    ["Beside the exports (Verdict, Required, New seats, Advice)", new Map(dataSheets.map((s) => [s, "all"] as const))],
    [
      "Minimal live chain: Status code, Seats, group sums, rank, verdict; Verdict beside the exports; Summary",
      new Map<string, ReadonlySet<number> | "all">([
        [GENERATED.calc, new Set([CALC.code, CALC.qtyText, CALC.seats])],
        [GENERATED.groupCalc, new Set([...range(GROUPS.oldRows, GROUPS.N), GROUPS.rank, GROUPS.verdict])],
        [GENERATED.summary, "all"],
        ...dataSheets.map((s) => [s, new Set([out.plan.sheets.find((p) => p.name === s)!.blocks[0].left])] as const),
      ]),
    ],
  ];
  const only = opts.only ? new Set(opts.only.split(",").map(Number)) : null;
  if (opts.convert) {
    // open + recalculate + save, alternating variants, CPU and wall.
    const files: { name: string; file: string; formulas: number; laps: Lap[] }[] = opts.recalculated
      ? []
      : [{ name: "as written by the product (exceljs, shared formulas)", file: written, formulas: NaN, laps: [] }];
    for (const [k, [name, keep]] of variants.entries()) {
      if (only && k > 0 && !only.has(k)) continue;
      const file = path.join(dir, `variant-${k}.xlsx`);
      files.push({ name, file, formulas: await keepFormulas(recalculated, file, keep), laps: [] });
    }
    for (let r = 0; r < Number(opts.repeats); r++) {
      for (const f of files) {
        const l = await lap(() => recalculate(f.file, path.join(dir, "convert")), true);
        f.laps.push(l);
        process.stderr.write(`${f.name}: ${(l.wallMs / 1000).toFixed(1)} s wall, ${(l.cpuMs / 1000).toFixed(1)} s CPU\n`);
      }
    }
    const base = files.find((f) => f.formulas === 0)!;
    const m = (f: (typeof files)[number], k: keyof Lap) => median(f.laps.map((l) => l[k]));
    process.stdout.write(`\n| open + recalculate + save (${n} customers) | Formulas | wall s | CPU s | formula cost, wall s | formula cost, CPU s |\n|---|---|---|---|---|---|\n`);
    for (const f of files) {
      process.stdout.write(
        `| ${f.name} | ${Number.isNaN(f.formulas) ? "" : f.formulas} | ${(m(f, "wallMs") / 1000).toFixed(1)} | ${(m(f, "cpuMs") / 1000).toFixed(1)} | ${((m(f, "wallMs") - m(base, "wallMs")) / 1000).toFixed(1)} | ${((m(f, "cpuMs") - m(base, "cpuMs")) / 1000).toFixed(1)} |\n`,
      );
    }
    await fs.rm(dir, { recursive: true, force: true });
    return;
  }
  const rows: { name: string; formulas: number; t: CalcTiming }[] = [];
  for (const [k, [name, keep]] of variants.entries()) {
    if (only && k > 0 && !only.has(k)) continue;
    const file = path.join(dir, `variant-${k}.xlsx`);
    const formulas = await keepFormulas(recalculated, file, keep);
    const t = await calcTiming(file);
    rows.push({ name, formulas, t });
    process.stderr.write(`${name}: ${formulas} formulas, load ${t.loadMs} ms, calculateAll ${t.calcMs} ms then ${t.recalcMs} ms\n`);
  }
  const base = rows[0].t;
  process.stdout.write(`\n| Formulas kept (${n} customers) | Formulas | calculateAll (ms) | second calculateAll (ms) | over baseline (ms) |\n|---|---|---|---|---|\n`);
  for (const r of rows) {
    process.stdout.write(`| ${r.name} | ${r.formulas} | ${r.t.calcMs} | ${r.t.recalcMs} | ${r.t.calcMs - base.calcMs} |\n`);
  }
  await fs.rm(dir, { recursive: true, force: true });
}

main().catch((e) => {
  process.stderr.write(`investigate failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
