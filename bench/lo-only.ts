/**
 * LibreOffice's formula cost alone, for one size (the full bench runs it among everything
 * else): `node build/bench/bench/lo-only.js --customers 1000 [--repeats 1]`.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { scanFolder } from "../src/cli/folder";
import { reconcileImports } from "../src/cli/run";
import { writeWorkbook } from "../src/xlsx/writer";
import { generate, writeSet } from "./generate";
import { formulaCost, warmUp } from "./libreoffice-cost";

function arg(name: string, fallback: number): number {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 ? Number(process.argv[k + 1]) : fallback;
}

(async () => {
  const customers = arg("customers", 1000);
  const repeats = arg("repeats", 1);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-lo-only-"));
  const set = generate(customers, 20261124);
  await writeSet(set, path.join(dir, "in"));
  const out = reconcileImports((await scanFolder(path.join(dir, "in"))).files, { asOf: "2026-11-24", fixedAsOf: true });
  const file = path.join(dir, "product.xlsx");
  const t0 = Date.now();
  await writeWorkbook(file, out.inputSheets, out.plan);
  const formulas = out.plan.sheets.reduce((n, s) => n + s.blocks.reduce((m, b) => m + b.rows * b.columns.filter((c) => c.uniform).length, 0), 0);
  console.log(`${customers} customers: ${out.result.rows.length} rows, ${out.result.groups.length} groups; ${formulas} uniform formula cells; written in ${Date.now() - t0} ms, ${(await fs.stat(file)).size} bytes`);
  await warmUp(dir);
  const cost = await formulaCost(file, dir, repeats, { plan: out.plan, result: out.result }, (l) => console.log(l));
  const med = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`formula cost: ${((med(cost.withFormulas.map((l) => l.wallMs)) - med(cost.valuesOnly.map((l) => l.wallMs))) / 1000).toFixed(1)} s wall`);
  await fs.rm(dir, { recursive: true, force: true });
})();
