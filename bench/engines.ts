/**
 * What the three-engine formula check costs at bench scale, engine by engine (one run each,
 * one after the other so none shares the cores with another), and how the engines' values
 * compare on the command's workbook:
 *
 *   npm run build:cli && npx tsc -p bench/tsconfig.json
 *   node build/bench/bench/engines.js --customers 1000 [--out /tmp/engines-1k]
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { parseArgs } from "util";
import { scanFolder } from "../src/cli/folder";
import { reconcileImports } from "../src/cli/run";
import { writeWorkbook } from "../src/xlsx/writer";
import { recalculate as recalculateLibreOffice } from "../test/support/libreoffice";
import { compareFormulaCells, summarize } from "../test/support/engines/compare";
import { recalculateGnumeric } from "../test/support/engines/gnumeric";
import { recalculateHyperFormula } from "../test/support/engines/hyperformula";
import { EngineValues, storedState, storedValues } from "../test/support/engines/values";
import { readBook } from "../test/support/engines/xlsx-book";
import { checkWorkbook, summaryOrder } from "../test/support/workbook-check";
import { lap } from "./clock";
import { AS_OF, generate, writeSet } from "./generate";

const { values: args } = parseArgs({ options: { customers: { type: "string", default: "1000" }, seed: { type: "string", default: "20261124" }, out: { type: "string" } } });

async function main(): Promise<void> {
  const n = Number(args.customers);
  const dir = args.out ?? (await fs.mkdtemp(path.join(os.tmpdir(), `csp-engines-${n}-`)));
  const say = (line: string) => process.stdout.write(`${line}\n`);
  // The same seed as npm run bench uses for this size.
  await writeSet(generate(n, Number(args.seed) + n), path.join(dir, "exports"));
  const out = reconcileImports((await scanFolder(path.join(dir, "exports"))).files, { asOf: AS_OF, fixedAsOf: true });
  const file = path.join(dir, `workbook-${n}.xlsx`);
  await writeWorkbook(file, out.inputSheets, out.plan);
  say(`${n} customers: ${out.result.rows.length} subscription rows, ${out.result.groups.length} groups; ${((await fs.stat(file)).size / 1e6).toFixed(1)} MB`);

  const read = await lap(() => readBook(file));
  const book = read.value;
  say(`read the written file (xlsx-book): ${(read.wallMs / 1000).toFixed(2)} s wall, ${(read.cpuMs / 1000).toFixed(2)} s CPU; ${storedState(book).formulas} formula cells`);

  const lo = await lap(() => recalculateLibreOffice(file, path.join(dir, "libreoffice")), true);
  const loRead = await lap(() => readBook(lo.value));
  say(`LibreOffice: recalculate+save ${(lo.wallMs / 1000).toFixed(2)} s wall (${(lo.cpuMs / 1000).toFixed(2)} s CPU), read ${(loRead.wallMs / 1000).toFixed(2)} s`);

  const gn = await lap(() => recalculateGnumeric(file, path.join(dir, "gnumeric")), true);
  const gnRead = await lap(() => readBook(gn.value));
  say(`Gnumeric: recalculate+save ${(gn.wallMs / 1000).toFixed(2)} s wall (${(gn.cpuMs / 1000).toFixed(2)} s CPU), read ${(gnRead.wallMs / 1000).toFixed(2)} s`);

  const hf = await lap(() => recalculateHyperFormula(book));
  say(`HyperFormula: build+calculate ${(hf.wallMs / 1000).toFixed(2)} s wall (${(hf.cpuMs / 1000).toFixed(2)} s CPU)`);

  const reference = storedValues(loRead.value);
  const engines = { Gnumeric: storedValues(gnRead.value), HyperFormula: hf.value };
  for (const [label, values] of Object.entries(engines)) {
    const diff = compareFormulaCells(book, reference, values);
    say(`${label} vs LibreOffice: ${diff.length} formula cells differ`);
    for (const line of summarize(book, diff, "LibreOffice", label)) say(`  ${line.slice(0, 300)}`);
  }
  for (const [label, values] of Object.entries({ LibreOffice: reference, ...engines })) {
    const bad = checkWorkbook(new EngineValues(values), out.plan, out.result, summaryOrder(out.result));
    say(`${label}: ${bad.length} verdict mismatches with the engine${bad.length ? `, e.g. ${bad[0]}` : ""}`);
  }
  say(`files in ${dir}`);
}

main().catch((e) => {
  process.stderr.write(`engines: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
