/**
 * csp-reconcile <folder> --out <workbook.xlsx> [--json <report.json>] [--actions <next-steps.csv>] [--as-of YYYY-MM-DD]
 *
 * Spec §6. Exit 0 when the run completed (whatever the verdicts), 2 for unusable arguments, an
 * unreadable folder, a folder with no subscription export, or an output that cannot be
 * written, with a one-line reason in words. One progress line per phase on stderr; `--help`
 * prints the usage and the folder layout on stdout.
 *
 * Options live in one table (OPTIONS): the parser, the usage line and the help text are all
 * made from it, so a new option is one row there plus its field in CliOptions.
 */
import { promises as fs } from "fs";
import { parseArgs } from "util";
import { FOLDER_LAYOUT, FOLDER_LAYOUT_NOTE, FolderError, fsReason } from "./folder";
import { OutputError, runFolder } from "./run";

interface OptionSpec {
  /** Long name, without the dashes. */
  readonly name: string;
  readonly short?: string;
  /** What the value looks like, e.g. "<workbook.xlsx>"; absent for a flag. */
  readonly value?: string;
  readonly required?: boolean;
  readonly help: string;
  /** What is wrong with a given value, as a sentence; null when it is fine. */
  readonly check?: (value: string) => string | null;
}

function isoDateProblem(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  return m && d && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] ? null : `--as-of must be a date written YYYY-MM-DD, such as 2026-11-24; got "${value}".`;
}

export const OPTIONS: readonly OptionSpec[] = [
  {
    name: "out",
    value: "<workbook.xlsx>",
    required: true,
    help: "the workbook to write (its folder is created when missing)",
    check: (v) => (/\.xlsx$/i.test(v) ? null : `--out must name an .xlsx file, such as out/reconciliation.xlsx; got "${v}".`),
  },
  { name: "json", value: "<report.json>", help: "also write the report as JSON" },
  { name: "actions", value: "<next-steps.csv>", help: "also write the next steps (spec §8) as CSV, UTF-8 with BOM" },
  { name: "as-of", value: "YYYY-MM-DD", help: "fix the as-of date (default: today, and the workbook recalculates daily)", check: isoDateProblem },
  { name: "help", short: "h", help: "print this help and exit" },
];

const flag = (o: OptionSpec) => `--${o.name}${o.value ? ` ${o.value}` : ""}`;

export const USAGE = `usage: csp-reconcile <folder> ${OPTIONS.filter((o) => o.name !== "help")
  .map((o) => (o.required ? flag(o) : `[${flag(o)}]`))
  .join(" ")}`;

export function helpText(): string {
  const names = OPTIONS.map((o) => `${o.short ? `-${o.short}, ` : "    "}${flag(o)}`);
  const width = Math.max(...names.map((n) => n.length), ...FOLDER_LAYOUT.map((l) => l.path.length)) + 2;
  return [
    USAGE,
    "",
    "Reconciles Microsoft Partner Center subscription exports of old CSP accounts against the new",
    "account, and writes the workbook the Excel add-in would leave (exit 0 when the run completed).",
    "",
    "Options:",
    ...OPTIONS.map((o, i) => `  ${names[i].padEnd(width)}${o.help}`),
    "",
    "<folder> layout:",
    ...FOLDER_LAYOUT.map((l) => `  ${l.path.padEnd(width)}${l.what}`),
    FOLDER_LAYOUT_NOTE,
    "",
  ].join("\n");
}

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

/** The arguments, or "help"; throws a UsageError whose message is one sentence. */
export function parseCli(argv: readonly string[]): CliOptions | "help" {
  const { tokens } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    // Checked below, to say what is wrong in a sentence instead of parseArgs' wording.
    strict: false,
    tokens: true,
    options: Object.fromEntries(OPTIONS.map((o) => [o.name, { type: o.value ? ("string" as const) : ("boolean" as const), ...(o.short ? { short: o.short } : {}) }])),
  });
  const values = new Map<string, string>();
  const positionals: string[] = [];
  let help = false;
  for (const t of tokens) {
    if (t.kind === "positional") {
      positionals.push(t.value);
      continue;
    }
    if (t.kind !== "option") continue;
    const spec = OPTIONS.find((o) => o.name === t.name);
    if (!spec) throw new UsageError(`Unknown option ${t.rawName}.`);
    if (!spec.value) {
      if (t.value !== undefined) throw new UsageError(`${t.rawName} takes no value.`);
      if (spec.name === "help") help = true;
      continue;
    }
    // "--out --json x" would take "--json" as the file: a value that looks like an option is a missing value.
    if (t.value === undefined || t.value === "" || (!t.inlineValue && t.value.startsWith("-"))) {
      throw new UsageError(`${t.rawName} needs a value: ${flag(spec)}.`);
    }
    if (values.has(spec.name)) throw new UsageError(`${t.rawName} is given twice.`);
    values.set(spec.name, t.value);
  }
  if (help) return "help";
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? "Name the export folder to read." : `Give one export folder, not ${positionals.length} (${positionals.join(", ")}).`);
  }
  for (const spec of OPTIONS) {
    const v = values.get(spec.name);
    if (v === undefined) {
      if (spec.required) throw new UsageError(`${flag(spec)} is required.`);
      continue;
    }
    const problem = spec.check?.(v);
    if (problem) throw new UsageError(problem);
  }
  return { folder: positionals[0], out: values.get("out")!, json: values.get("json") ?? null, actions: values.get("actions") ?? null, asOf: values.get("as-of") ?? null };
}

async function checkFolder(folder: string): Promise<void> {
  const stat = await fs.stat(folder).catch((e) => {
    throw new FolderError(`Cannot read the folder ${folder}: ${fsReason(e)}.`);
  });
  if (!stat.isDirectory()) throw new FolderError(`Cannot read ${folder}: it is a file, not a folder. Give the folder that holds from/ and to/.`);
  await fs.readdir(folder).catch((e) => {
    throw new FolderError(`Cannot read the folder ${folder}: ${fsReason(e)}.`);
  });
}

export async function main(
  argv: readonly string[],
  stderr: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
  stdout: (text: string) => void = (t) => process.stdout.write(t),
): Promise<number> {
  let options: CliOptions | "help";
  try {
    options = parseCli(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    stderr(`csp-reconcile: ${e.message}`);
    stderr(`${USAGE}  (csp-reconcile --help for the folder layout)`);
    return 2;
  }
  if (options === "help") {
    stdout(helpText());
    return 0;
  }
  try {
    await checkFolder(options.folder);
    await runFolder({ ...options, today: todayIso() }, stderr);
    return 0;
  } catch (e) {
    if (e instanceof FolderError || e instanceof OutputError) {
      stderr(`csp-reconcile: ${e.message}`);
      return 2;
    }
    // Not one we foresaw: still one line.
    stderr(`csp-reconcile: the run failed: ${String((e as Error)?.message ?? e).split("\n")[0]}`);
    return 2;
  }
}
