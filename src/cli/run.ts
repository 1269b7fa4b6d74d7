/**
 * The headless run: files → import → sheets → engine → billing files → plan → workbook and
 * report. The engine input is read back from the imported sheets exactly as the task pane reads
 * them from Excel, so both give the same result for the same exports. The billing files (§9) are
 * streamed after the engine has run, keeping only the lines of its old subscriptions.
 */
import { promises as fs } from "fs";
import { isoToSerial } from "../domain/cells";
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
import { readBillingFiles } from "./billing";
import { scanFolder } from "./folder";

export interface RunOptions {
  readonly folder: string;
  readonly out: string | null;
  readonly json: string | null;
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
  const plan = buildPlan({
    result,
    dataSheets,
    records: imported.records,
    accounts: result.accounts,
    offerMap: result.offerMap,
    fixedAsOf: options.fixedAsOf ? asOf : null,
    runAt: options.runAt ?? new Date().toISOString(),
  });
  return { result, money, report: buildReport(result, money), plan, inputSheets: imported.sheets, records: imported.records, sheets };
}

export async function runFolder(options: RunOptions, progress: (line: string) => void): Promise<RunOutput> {
  const scan = await scanFolder(options.folder);
  progress(
    `reading: ${scan.files.length} files${scan.ignored.length ? `, ${scan.ignored.length} ignored (${scan.ignored.slice(0, 3).join(", ")}${scan.ignored.length > 3 ? ", ..." : ""})` : ""}`,
  );
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
  progress(`reconciled: ${report.totals.customers} customers, ${report.totals.flagged} flagged, ${report.problems.length} problems`);
  if (scan.billing.length > 0) {
    const lines = out.money.files.reduce((n, f) => n + f.lines, 0);
    progress(`money: ${lines} charge lines read, ${out.money.countedLines} counted for old subscriptions, ${report.money.unmatchedLines} unmatched${report.money.duplicateLines ? `, ${report.money.duplicateLines} duplicates` : ""}`);
  }
  if (options.out) {
    progress(`writing workbook: ${options.out}`);
    await writeWorkbook(options.out, out.inputSheets, out.plan);
  }
  if (options.json) {
    progress(`writing report: ${options.json}`);
    await fs.writeFile(options.json, `${JSON.stringify(report, null, 2)}\n`, "utf8");
  }
  progress("done");
  return out;
}
