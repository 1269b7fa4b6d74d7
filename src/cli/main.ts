/**
 * csp-reconcile <folder> --out <workbook.xlsx> [--json <report.json>] [--as-of YYYY-MM-DD]
 *
 * Spec §6. Exit 0 when the run completed (whatever the verdicts), 2 for unusable arguments or
 * an unreadable folder, with a one-line reason. One progress line per phase on stderr.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { parseArgs } from "util";
import { runFolder } from "./run";

export const USAGE = "usage: csp-reconcile <folder> --out <workbook.xlsx> [--json <report.json>] [--actions <next-steps.csv>] [--as-of YYYY-MM-DD]";

class UsageError extends Error {}

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

export interface CliOptions {
  readonly folder: string;
  readonly out: string;
  readonly json: string | null;
  /** Spec §8 Next steps as CSV. */
  readonly actions: string | null;
  readonly asOf: string | null;
}

export function parseCli(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: { out: { type: "string" }, json: { type: "string" }, actions: { type: "string" }, "as-of": { type: "string" }, help: { type: "boolean", short: "h" } },
    });
  } catch (e) {
    throw new UsageError((e as Error).message.split("\n")[0]);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError(USAGE);
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "missing <folder>" : `one folder expected, got ${positionals.length}`);
  if (!values.out) throw new UsageError("missing --out <workbook.xlsx>");
  if (!/\.xlsx$/i.test(values.out)) throw new UsageError(`--out must name an .xlsx file, got "${values.out}"`);
  const asOf = values["as-of"] ?? null;
  if (asOf !== null) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
    const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
    if (!m || !d || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) throw new UsageError(`--as-of must be a date YYYY-MM-DD, got "${asOf}"`);
  }
  return { folder: positionals[0], out: values.out, json: values.json ?? null, actions: values.actions ?? null, asOf };
}

export async function main(argv: readonly string[], stderr: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCli(argv);
  } catch (e) {
    stderr(`csp-reconcile: ${(e as Error).message}`);
    if (!(e as Error).message.startsWith("usage:")) stderr(USAGE);
    return 2;
  }
  try {
    const stat = await fs.stat(options.folder).catch(() => null);
    if (!stat || !stat.isDirectory()) throw new UsageError(`cannot read folder "${options.folder}"`);
    await fs.readdir(options.folder).catch(() => {
      throw new UsageError(`cannot read folder "${options.folder}"`);
    });
    const outDir = path.dirname(path.resolve(options.out));
    await fs.mkdir(outDir, { recursive: true }).catch(() => {
      throw new UsageError(`cannot create the folder of --out "${options.out}"`);
    });
    await runFolder({ ...options, asOf: options.asOf, today: todayIso() }, stderr);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      stderr(`csp-reconcile: ${e.message}`);
      return 2;
    }
    stderr(`csp-reconcile: ${(e as Error).message.split("\n")[0]}`);
    return 2;
  }
}
