/**
 * Where the engine run's time goes, phase by phase, next to parsing, daff and the lean pass:
 *
 *   node --expose-gc build/bench/bench/investigate-engine.js [--customers 10000] [--repeats 3]
 *
 * CPU time (process.cpuUsage, garbage collection included), medians. Investigation only;
 * docs/PERFORMANCE.md quotes its output.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { parseArgs } from "util";
import { isoToSerial } from "../src/domain/cells";
import { reconcile } from "../src/domain/engine";
import { importFiles } from "../src/domain/importer";
import { buildReport } from "../src/domain/report";
import { SHEETS, SheetData, accountsSheet, offerMapSheet, readWorkbook, sourcesSheet } from "../src/domain/workbook";
import { scanFolder } from "../src/cli/folder";
import { reconcileImports } from "../src/cli/run";
import { lap } from "./clock";
import { daffDiff } from "./daff-side";
import { AS_OF, generate, writeSet } from "./generate";
import { median } from "./libreoffice-cost";
import { agreement, leanPass } from "./lean-pass";

const { values: opts } = parseArgs({ options: { customers: { type: "string", default: "10000" }, seed: { type: "string", default: "20261124" }, repeats: { type: "string", default: "3" } } });

async function main(): Promise<void> {
  const n = Number(opts.customers);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-engine-"));
  await writeSet(generate(n, Number(opts.seed) + n), dir);
  const files = (await scanFolder(dir)).files;
  const asOf = isoToSerial(AS_OF)!;
  const times = new Map<string, number[]>();
  const note = (k: string, ms: number) => times.set(k, [...(times.get(k) ?? []), ms]);
  let lean = new Map();
  for (let k = 0; k <= Number(opts.repeats); k++) {
    const keep = k > 0; // the first round warms up
    const scan = await lap(() => scanFolder(dir));
    const imp = await lap(() => importFiles(files));
    const sheets = new Map<string, SheetData>(imp.value.sheets.map((s) => [s.name, s]));
    sheets.set(SHEETS.sources, sourcesSheet(imp.value.records));
    if (imp.value.offerMap) sheets.set(SHEETS.offerMap, offerMapSheet(imp.value.offerMap));
    if (imp.value.accountSettings) sheets.set(SHEETS.accounts, accountsSheet(imp.value.accountSettings));
    const read = await lap(() => readWorkbook(sheets, asOf));
    const rec = await lap(() => reconcile(read.value));
    const report = await lap(() => buildReport(rec.value));
    const whole = await lap(() => reconcileImports(files, { asOf: AS_OF, fixedAsOf: true }));
    const l = await lap(() => leanPass(files));
    const d = await lap(() => daffDiff(files, "customerOffer"));
    lean = l.value;
    if (!keep) continue;
    note("parsing (scanFolder)", scan.cpuMs);
    note("importFiles (files → account sheets)", imp.cpuMs);
    note("readWorkbook (sheets → engine input)", read.cpuMs);
    note("reconcile (the engine proper)", rec.cpuMs);
    note("buildReport", report.cpuMs);
    note("reconcileImports (all of the above + buildPlan)", whole.cpuMs);
    note("lean pass (prototype, cached readers, no round trip)", l.cpuMs);
    note("daff keyed on (customer, offer)", d.cpuMs);
  }
  const out = reconcileImports(files, { asOf: AS_OF, fixedAsOf: true });
  const agree = agreement(lean, out.result);
  process.stdout.write(`\n| ${n} customers (${out.result.rows.length} rows) | CPU ms (median) |\n|---|---|\n`);
  for (const [k, v] of times) process.stdout.write(`| ${k} | ${Math.round(median(v))} |\n`);
  process.stdout.write(`\nLean pass gives the engine's verdict for ${agree.same} of ${agree.of} groups.\n`);
  await fs.rm(dir, { recursive: true, force: true });
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
