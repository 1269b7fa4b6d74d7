/**
 * The command's xlsx writer (src/xlsx, hand-written SpreadsheetML) beside exceljs's streaming
 * writer it replaced (bench/exceljs-writer.ts), side by side in one run on the same generated
 * exports (issue 14):
 *
 *   npm run build:cli && npx tsc -p bench/tsconfig.json
 *   node build/bench/bench/writers.js [--sizes 1000,10000] [--repeats 3] [--synthetic 1000000] [--skip exceljs,command,synthetic]
 *
 * Each side runs in its own process (bench/writer-side.ts: read the folder, reconcile, write the
 * report and the workbook, as the command does), so its peak RSS is its own; the sides alternate
 * (a b, b a, …) and medians are reported; the big size runs one repetition less. Also: the real
 * command (bin/csp-reconcile.js) under /usr/bin/time with the product's writer; the file against
 * its values-only twin (the same file with every <f> removed, zipped alike); and the memory of
 * writing a synthetic plan of a million rows. Nothing here asserts a time.
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { parseArgs } from "util";
import { readZip, writeZip } from "../test/support/zip";
import { runCommand } from "./command";
import { AS_OF, generate, writeSet } from "./generate";
import { median } from "./libreoffice-cost";
import { rowChunks, stripFormulas } from "./values-only";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const SIDE = path.join(__dirname, "writer-side.js");

const { values: opts } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,10000" },
    seed: { type: "string", default: "20261124" },
    repeats: { type: "string", default: "3" },
    synthetic: { type: "string", default: "1000000" },
    skip: { type: "string", default: "" },
    out: { type: "string", default: path.join(ROOT, "bench", "results") },
  },
});
const SIZES = opts.sizes!.split(",").map(Number);
const SEED = Number(opts.seed);
const REPEATS = Math.max(1, Number(opts.repeats));
const SKIP = new Set(opts.skip!.split(",").filter((s) => s !== ""));
const SYNTHETIC = Number(opts.synthetic);

const started = performance.now();
const log = (line: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
const sec = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const mbytes = (b: number) => `${(b / 1e6).toFixed(1)} MB`;

type Writer = "hand" | "exceljs";

interface SideRun {
  readonly writer: Writer;
  readonly readMs: number;
  readonly beforeWriteMs: number;
  readonly writeMs: number;
  readonly totalMs: number;
  readonly writeCpuMs: number;
  readonly planCellsCpuMs: number;
  readonly totalCpuMs: number;
  readonly rssBeforeWriteKb: number;
  readonly maxRssKb: number;
  readonly bytes: number;
}

function side(writer: Writer, args: string[]): Promise<SideRun> {
  return new Promise((resolve, reject) =>
    execFile(process.execPath, [SIDE, "--writer", writer, ...args], { maxBuffer: 16 << 20, timeout: 3 * 3600_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${writer}: ${error.message} ${stderr}`)) : resolve(JSON.parse(stdout.trim().split("\n").pop()!) as SideRun),
    ),
  );
}

/** Cells and formulas in the file, and the size of its values-only twin (every <f> removed, deflated at level 1 like the bench's twins). */
async function twin(file: string): Promise<{ cells: number; formulas: number; twinBytes: number }> {
  let cells = 0;
  let formulas = 0;
  const entries = readZip(await fs.readFile(file)).map((e) => {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)) return e;
    const parts: Buffer[] = [];
    for (const chunk of rowChunks(e.data)) {
      cells += chunk.split("<c ").length - 1;
      const s = stripFormulas(chunk);
      formulas += s.formulas;
      parts.push(Buffer.from(s.xml, "utf8"));
    }
    return { name: e.name, data: Buffer.concat(parts) };
  });
  return { cells, formulas, twinBytes: writeZip(entries).length };
}

interface Row {
  readonly measure: string;
  readonly hand: string;
  readonly exceljs: string;
  readonly ratio: string;
}

async function main(): Promise<void> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "csp-writers-"));
  const rows: Row[] = [];
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    command: `node build/bench/bench/writers.js ${process.argv.slice(2).join(" ")}`.trim(),
    machine: { nproc: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, loadAverageAtStart: os.loadavg().map((x) => +x.toFixed(2)) },
    seed: SEED,
    sizes: [] as unknown[],
  };
  for (const n of SIZES) {
    const dir = path.join(tmp, `exports-${n}`);
    await writeSet(generate(n, SEED + n), dir);
    const repeats = n === SIZES[SIZES.length - 1] && SIZES.length > 1 ? Math.max(1, REPEATS - 1) : REPEATS;
    const runs: Record<Writer, SideRun[]> = { hand: [], exceljs: [] };
    const writers: Writer[] = SKIP.has("exceljs") ? ["hand"] : ["hand", "exceljs"];
    for (let k = 0; k < repeats; k++) {
      for (const w of k % 2 === 0 ? writers : [...writers].reverse()) {
        const r = await side(w, ["--dir", dir, "--out", path.join(tmp, `${w}-${n}.xlsx`)]);
        runs[w].push(r);
        log(`${n}: ${w} write ${sec(r.writeMs)} (CPU ${sec(r.writeCpuMs)}), whole ${sec(r.totalMs)} (CPU ${sec(r.totalCpuMs)}), peak ${mb(r.maxRssKb)}, ${mbytes(r.bytes)}`);
      }
    }
    const med = (w: Writer, k: keyof SideRun) => median(runs[w].map((r) => r[k] as number));
    const t = await twin(path.join(tmp, `hand-${n}.xlsx`));
    const te = writers.includes("exceljs") ? await twin(path.join(tmp, `exceljs-${n}.xlsx`)) : null;
    log(`${n}: ${t.cells} cells, ${t.formulas} formulas; values-only twin ${mbytes(t.twinBytes)}`);
    let command = null;
    if (!SKIP.has("command")) {
      const wb = path.join(tmp, `command-${n}.xlsx`);
      command = await runCommand(ROOT, [dir, "--out", wb, "--json", path.join(tmp, `command-${n}.json`), "--as-of", AS_OF]);
      log(`${n}: bin/csp-reconcile.js ${sec(command.wallMs)} wall, CPU ${sec(command.cpuMs)}, peak ${mb(command.maxRssKb)}, exit ${command.exitCode}`);
    }
    /** One measure for both sides; `ratioOf` gives hand ÷ exceljs of that field's medians. */
    const row = (measure: string, show: (w: Writer) => string, ratioOf?: keyof SideRun): Row => ({
      measure,
      hand: show("hand"),
      exceljs: te ? show("exceljs") : "skipped",
      ratio: te && ratioOf ? `${(med("hand", ratioOf) / med("exceljs", ratioOf)).toFixed(2)}×` : "",
    });
    const cpuWall = (cpu: keyof SideRun, wall: keyof SideRun) => (w: Writer) => `${sec(med(w, cpu))} CPU (${sec(med(w, wall))} wall)`;
    const twinOf = (w: Writer) => (w === "hand" ? t : te!).twinBytes;
    rows.push(
      row(`${n} customers: writing the workbook (${t.cells.toLocaleString("en")} cells, ${t.formulas.toLocaleString("en")} formulas)`, cpuWall("writeCpuMs", "writeMs"), "writeCpuMs"),
      row(`${n} customers: of that, the plan making its cells (timed apart, no XML)`, (w) => `${sec(med(w, "planCellsCpuMs"))} CPU`),
      row(`${n} customers: read + reconcile + report + write, in one process`, cpuWall("totalCpuMs", "totalMs"), "totalCpuMs"),
      row(`${n} customers: peak RSS of that process (before writing)`, (w) => `${mb(med(w, "maxRssKb"))} (${mb(med(w, "rssBeforeWriteKb"))})`, "maxRssKb"),
      row(`${n} customers: whole run ÷ reading the files (wall)`, (w) => `${(med(w, "totalMs") / med(w, "readMs")).toFixed(1)}×`),
      row(`${n} customers: file size`, (w) => mbytes(med(w, "bytes")), "bytes"),
      row(`${n} customers: file ÷ its values-only twin`, (w) => `${(med(w, "bytes") / twinOf(w)).toFixed(2)}× (twin ${mbytes(twinOf(w))})`),
    );
    if (command) {
      rows.push({ measure: `${n} customers: node bin/csp-reconcile.js (wall; CPU; peak RSS)`, hand: `${sec(command.wallMs)}; ${sec(command.cpuMs)}; ${mb(command.maxRssKb)}`, exceljs: "", ratio: "" });
    }
    (results.sizes as unknown[]).push({ customers: n, runs, cells: t.cells, formulas: t.formulas, twinBytes: t.twinBytes, exceljsTwinBytes: te?.twinBytes, command: command && { ...command, stderr: undefined } });
  }
  if (!SKIP.has("synthetic")) {
    const r = await side("hand", ["--synthetic", String(SYNTHETIC), "--out", path.join(tmp, "synthetic.xlsx")]);
    log(`synthetic ${SYNTHETIC} rows: write ${sec(r.writeMs)} (CPU ${sec(r.writeCpuMs)}), peak ${mb(r.maxRssKb)} (${mb(r.rssBeforeWriteKb)} before writing), ${mbytes(r.bytes)}`);
    rows.push({
      measure: `synthetic plan, ${SYNTHETIC.toLocaleString("en")} rows: 16 columns, 1 more on a second sheet (test/support/synthetic-plan.ts): write; peak RSS (before writing); file`,
      hand: `${sec(r.writeCpuMs)} CPU (${sec(r.writeMs)} wall); ${mb(r.maxRssKb)} (${mb(r.rssBeforeWriteKb)}); ${mbytes(r.bytes)}`,
      exceljs: "not run",
      ratio: "",
    });
    results.synthetic = { rows: SYNTHETIC, ...r };
  }
  (results.machine as Record<string, unknown>).loadAverageAtEnd = os.loadavg().map((x) => +x.toFixed(2));
  results.rows = rows;
  results.durationS = Math.round((performance.now() - started) / 1000);
  const md = [
    `# Writers side by side (${String(results.date).slice(0, 10)})`,
    "",
    `Command: \`${results.command}\` — ${results.durationS} s. Load average ${(results.machine as { loadAverageAtStart: number[] }).loadAverageAtStart.join(" / ")} at start, ${(results.machine as { loadAverageAtEnd: number[] }).loadAverageAtEnd.join(" / ")} at end.`,
    "",
    "| Measure | src/xlsx (hand-written) | exceljs streaming writer | hand ÷ exceljs |",
    "|---|---|---|---|",
    ...rows.map((r) => `| ${r.measure} | ${r.hand} | ${r.exceljs} | ${r.ratio} |`),
    "",
  ].join("\n");
  await fs.mkdir(opts.out!, { recursive: true });
  await fs.writeFile(path.join(opts.out!, "writers.json"), `${JSON.stringify(results, null, 2)}\n`);
  await fs.writeFile(path.join(opts.out!, "writers.md"), md);
  process.stdout.write(`\n${md}\n`);
  await fs.rm(tmp, { recursive: true, force: true });
}

main().catch((e) => {
  process.stderr.write(`writers bench failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
