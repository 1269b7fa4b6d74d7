/**
 * The headless run: files → import → sheets → engine → billing files → plan → workbook and
 * report. The engine input is read back from the imported sheets exactly as the task pane reads
 * them from Excel, so both give the same result for the same exports. The billing files (§9) are
 * streamed after the engine has run, keeping only the lines of its old subscriptions.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { isoToSerial } from "../domain/cells";
import { actionsCsv } from "../domain/actions";
import { BillingData, NO_BILLING } from "../domain/charges";
import { reconcile } from "../domain/engine";
import { ImportFile, importFiles } from "../domain/importer";
import { EngineResult } from "../domain/model";
import { ChargeKeys, MoneyResult, chargeKeys, computeMoney, wantedKeys } from "../domain/money";
import { buildReport, Report } from "../domain/report";
import { SHEETS, SheetData, SourceRecord, accountsSheet, offerMapSheet, readWorkbook, sourcesSheet } from "../domain/workbook";
import { DataSheetInfo, buildPlan } from "../layout/plan";
import { WorkbookPlan } from "../layout/types";
import { writeWorkbook } from "../xlsx/writer";
import { RunWarningCode } from "../domain/warnings";
import { readBillingFiles } from "./billing";
import { FOLDER_LAYOUT, FolderError, FolderScan, fsReason, scanFolder } from "./folder";

export interface RunOptions {
  readonly folder: string;
  readonly out: string | null;
  readonly json: string | null;
  /** Where to write the Next steps CSV (spec §8), or null. */
  readonly actions?: string | null;
  /** Fixed as-of date, or null for "today" (the workbook then keeps TODAY() in its as-of cell). */
  readonly asOf: string | null;
  readonly today: string;
}

export interface RunOutput {
  readonly result: EngineResult;
  /** §9 figures from the billing files (all empty without them). */
  readonly money: MoneyResult;
  readonly report: Report;
  readonly plan: WorkbookPlan;
  /** The input sheets as imported (data first, "Unread files" last), without the plan's additions. */
  readonly inputSheets: SheetData[];
  readonly records: SourceRecord[];
  /** Every sheet the engine input was read from (inputs plus Sources, Accounts, Offer map). */
  readonly sheets: Map<string, SheetData>;
}

export interface ReconcileOptions {
  readonly asOf: string;
  /** Keep the as-of date fixed in the workbook (else its cell holds TODAY()). */
  readonly fixedAsOf: boolean;
  readonly runAt?: string;
}

/** The engine's half of a run: files imported into sheets (in memory), read back and reconciled. */
export interface Reconciled {
  readonly result: EngineResult;
  readonly imported: ReturnType<typeof importFiles>;
  readonly sheets: Map<string, SheetData>;
  readonly asOf: number;
}

export function reconcileFiles(files: readonly ImportFile[], options: ReconcileOptions): Reconciled {
  const imported = importFiles(files);
  const sheets = new Map<string, SheetData>(imported.sheets.map((s) => [s.name, s]));
  sheets.set(SHEETS.sources, sourcesSheet(imported.records));
  if (imported.offerMap) sheets.set(SHEETS.offerMap, offerMapSheet(imported.offerMap));
  if (imported.accountSettings) sheets.set(SHEETS.accounts, accountsSheet(imported.accountSettings));
  const asOf = isoToSerial(options.asOf);
  if (asOf === null) throw new Error(`not a date: ${options.asOf}`);
  return { result: reconcile(readWorkbook(sheets, asOf)), imported, sheets, asOf };
}

/** Import files into sheets (in memory), read them back and reconcile; `billing`: charge lines already read. */
export function reconcileImports(files: readonly ImportFile[], options: ReconcileOptions, billing: BillingData = NO_BILLING): RunOutput {
  return finishRun(reconcileFiles(files, options), options, billing);
}

/** The money figures, the workbook plan and the report of a reconciled run; `keys`: the run's `chargeKeys` if already made. */
export function finishRun(run: Reconciled, options: ReconcileOptions, billing: BillingData, keys?: ChargeKeys): RunOutput {
  const { result, imported, sheets, asOf } = run;
  const money = computeMoney(result, billing, keys);
  const dataSheets = new Map<string, DataSheetInfo>();
  for (const rec of imported.records) {
    const s = sheets.get(rec.sheet);
    if (rec.kind !== "subscriptions" || !s || dataSheets.has(s.name)) continue;
    dataSheets.set(s.name, { name: s.name, data: s, usedWidth: Math.max(0, ...s.rows.map((r) => r.length)) });
  }
  const runAt = options.runAt ?? new Date().toISOString();
  const plan = buildPlan({
    result,
    dataSheets,
    records: imported.records,
    accounts: result.accounts,
    offerMap: result.offerMap,
    fixedAsOf: options.fixedAsOf ? asOf : null,
    runAt,
    // The Summary shows the run's moment in the local time of the machine that ran it.
    runAtOffsetMinutes: -new Date(runAt).getTimezoneOffset(),
    // The Summary, Groups and Next steps show the money at stake (§9) when billing files were read.
    money,
  });
  return { result, money, report: buildReport(result, money), plan, inputSheets: imported.sheets, records: imported.records, sheets };
}

/** An output file that cannot be written; the message is one sentence naming it and why. */
export class OutputError extends Error {}

const OUTPUT_WHAT = { workbook: "the workbook", report: "the report", actions: "the next steps" } as const;

function outputReason(error: unknown): string {
  switch ((error as NodeJS.ErrnoException)?.code) {
    case "ENOENT":
    case "ENOTDIR":
    case "EEXIST":
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return "the folder does not exist or is not writable";
    case "EBUSY":
      return "the file is open in another program (close it in Excel and run again)";
    default:
      return fsReason(error);
  }
}

const partialOf = (file: string) => path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.partial`);

/**
 * Before the run, so that a long run does not end in "cannot write": the output's folder exists
 * (made when missing), takes a file (probed with the partial file, removed again) and the output
 * is not a folder.
 */
async function prepareOutput(file: string, what: keyof typeof OUTPUT_WHAT): Promise<void> {
  const fail = (reason: string) => new OutputError(`Cannot write ${OUTPUT_WHAT[what]} to ${file}: ${reason}.`);
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true }).catch((e) => {
    throw fail(outputReason(e));
  });
  const stat = await fs.stat(file).catch(() => null);
  if (stat?.isDirectory()) throw fail("it is a folder");
  await fs.writeFile(partialOf(file), "").catch((e) => {
    throw fail(outputReason(e));
  });
  await fs.rm(partialOf(file), { force: true });
}

/**
 * Written beside the target and renamed into place: a run that fails half-way (disk full, killed)
 * leaves the previous workbook as it was, never a truncated one that looks like a result.
 */
async function writeOutput(file: string, what: keyof typeof OUTPUT_WHAT, write: (to: string) => Promise<void>): Promise<void> {
  const partial = partialOf(file);
  try {
    await write(partial);
    await fs.rename(partial, file);
  } catch (e) {
    await fs.rm(partial, { force: true }).catch(() => undefined);
    throw new OutputError(`Cannot write ${OUTPUT_WHAT[what]} to ${file}: ${outputReason(e)}.`);
  }
}

/** The reason for exit 2 when the folder holds no subscription export at all: one line, with the layout. */
export function noExportReason(folder: string, scan: FolderScan): string {
  const found = scan.files.length + scan.ignored.length;
  const seen = found === 0 ? "it is empty" : `it holds ${found} other file${found > 1 ? "s" : ""}`;
  return `No subscription export found in ${folder} (${seen}): expected ${FOLDER_LAYOUT.slice(0, 2)
    .map((l) => l.path)
    .join(" and ")}, see csp-reconcile --help.`;
}

/** Said on stderr beside the warning: where in the folder the missing side's exports go. */
const WARNING_HINT: Record<RunWarningCode, string> = {
  NO_OLD_ACCOUNT: "(no export under from/<account>/)",
  NO_NEW_ACCOUNT: "(no export under to/)",
};

export async function runFolder(options: RunOptions, progress: (line: string) => void): Promise<RunOutput> {
  if (options.out) await prepareOutput(options.out, "workbook");
  if (options.json) await prepareOutput(options.json, "report");
  if (options.actions) await prepareOutput(options.actions, "actions");
  const scan = await scanFolder(options.folder);
  progress(
    `reading: ${scan.files.length} file${scan.files.length === 1 ? "" : "s"}${scan.ignored.length ? `, ${scan.ignored.length} ignored (${scan.ignored.slice(0, 3).join(", ")}${scan.ignored.length > 3 ? ", ..." : ""})` : ""}`,
  );
  if (!scan.files.some((f) => f.kind === "subscriptions")) throw new FolderError(noExportReason(options.folder, scan));
  progress("reconciling");
  const reconcileOptions: ReconcileOptions = { asOf: options.asOf ?? options.today, fixedAsOf: options.asOf !== null };
  const run = reconcileFiles(scan.files, reconcileOptions);
  let billing = NO_BILLING;
  let keys: ChargeKeys | undefined;
  if (scan.billing.length > 0) {
    progress(`reading billing: ${scan.billing.length} file${scan.billing.length > 1 ? "s" : ""}`);
    keys = chargeKeys(run.result);
    billing = await readBillingFiles(options.folder, scan.billing, wantedKeys(run.result, keys));
  }
  const out = finishRun(run, reconcileOptions, billing, keys);
  const { report } = out;
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
  progress(`reconciled: ${count(report.totals.customers, "customer")}, ${report.totals.flagged} flagged, ${count(report.problems.length, "problem")}`);
  for (const w of report.warnings) progress(`warning: ${w.message} ${WARNING_HINT[w.code]}`);
  if (scan.billing.length > 0) {
    const lines = out.money.files.reduce((n, f) => n + f.lines, 0);
    progress(`money: ${lines} charge lines read, ${out.money.countedLines} counted for old subscriptions, ${report.money.unmatchedLines} unmatched${report.money.duplicateLines ? `, ${report.money.duplicateLines} duplicates` : ""}`);
  }
  if (options.out) {
    progress(`writing workbook: ${options.out}`);
    await writeOutput(options.out, "workbook", (to) => writeWorkbook(to, out.inputSheets, out.plan));
  }
  if (options.json) {
    progress(`writing report: ${options.json}`);
    await writeOutput(options.json, "report", (to) => fs.writeFile(to, `${JSON.stringify(report, null, 2)}\n`, "utf8"));
  }
  if (options.actions) {
    progress(`writing next steps: ${options.actions}`);
    await writeOutput(options.actions, "actions", (to) => fs.writeFile(to, actionsCsv(report.actions), "utf8"));
  }
  progress("done");
  return out;
}
