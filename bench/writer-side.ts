/**
 * One side of bench/writers.ts in its own process, so that its peak memory is its own:
 * reads the export folder, reconciles and writes the workbook with the writer named (the
 * product's src/xlsx, or exceljs's streaming writer the product used before), as the command
 * does; or writes the synthetic plan of test/support with N rows. Prints one JSON line.
 *
 *   node build/bench/bench/writer-side.js --writer hand|exceljs --out FILE (--dir EXPORTS | --synthetic ROWS)
 */
import { promises as fs, readFileSync } from "fs";
import { parseArgs } from "util";
import { scanFolder } from "../src/cli/folder";
import { reconcileImports } from "../src/cli/run";
import { SheetData } from "../src/domain/workbook";
import { WorkbookPlan } from "../src/layout/types";
import { writeWorkbook } from "../src/xlsx/writer";
import { syntheticPlan } from "../test/support/synthetic-plan";
import { writeWorkbook as writeWithExceljs } from "./exceljs-writer";
import { AS_OF } from "./generate";

const { values: o } = parseArgs({ options: { writer: { type: "string" }, out: { type: "string" }, dir: { type: "string" }, synthetic: { type: "string" } } });

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/**
 * Peak RSS of this process's own memory: VmHWM. getrusage's maxrss (process.resourceUsage) is
 * no good in a child of a big process: Linux carries the parent's RSS at fork into it through
 * exec, and the bench's parent holds the generated exports.
 */
function maxRssKb(): number {
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
  return hwm ? Number(hwm[1]) : process.resourceUsage().maxRSS;
}

/**
 * What the plan itself costs the write: every cell the writer asks it for (each row of the
 * columns that are not one shared formula, each stored value of those that are), without XML.
 */
function touchPlan(plan: WorkbookPlan): number {
  let n = 0;
  for (const s of plan.sheets) {
    for (const b of s.blocks) {
      for (const spec of b.columns) {
        if (spec.uniform && b.rows > 1) {
          if (spec.value) for (let i = 0; i < b.rows; i++) n += spec.value(i) === null ? 0 : 1;
          else spec.cell(0);
        } else for (let i = 0; i < b.rows; i++) n += spec.cell(i) === null ? 0 : 1;
      }
    }
  }
  return n;
}

async function main(): Promise<void> {
  const write = o.writer === "exceljs" ? writeWithExceljs : o.writer === "hand" ? writeWorkbook : null;
  if (!write || !o.out || (!o.dir && !o.synthetic)) throw new Error("usage: --writer hand|exceljs --out FILE (--dir EXPORTS | --synthetic ROWS)");
  const t0 = performance.now();
  const c0 = cpu();
  let inputSheets: readonly SheetData[];
  let plan: WorkbookPlan;
  let readMs = 0;
  if (o.dir) {
    const scan = await scanFolder(o.dir);
    readMs = performance.now() - t0;
    const out = reconcileImports(scan.files, { asOf: AS_OF, fixedAsOf: true, runAt: `${AS_OF}T09:30:00.000Z` });
    inputSheets = out.inputSheets;
    plan = out.plan;
    // The command writes its JSON report too.
    await fs.writeFile(`${o.out}.json`, JSON.stringify(out.report, null, 2));
  } else {
    const s = syntheticPlan(Number(o.synthetic));
    inputSheets = s.inputSheets;
    plan = s.plan;
  }
  const t1 = performance.now();
  const c1 = cpu();
  const rssBeforeWriteKb = maxRssKb();
  await write(o.out, inputSheets, plan);
  const t2 = performance.now();
  const c2 = cpu();
  touchPlan(plan);
  const planCellsCpuMs = cpu() - c2;
  const line = {
    writer: o.writer,
    readMs: Math.round(readMs),
    beforeWriteMs: Math.round(t1 - t0),
    writeMs: Math.round(t2 - t1),
    totalMs: Math.round(t2 - t0),
    writeCpuMs: Math.round(c2 - c1),
    planCellsCpuMs: Math.round(planCellsCpuMs),
    totalCpuMs: Math.round(c2 - c0),
    rssBeforeWriteKb,
    maxRssKb: maxRssKb(),
    bytes: (await fs.stat(o.out)).size,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

main().catch((e) => {
  process.stderr.write(`writer-side: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
