/**
 * The reconciliation run in the open workbook: read the input sheets (Sources names them) into
 * the same `SheetData` the headless command builds, `readWorkbook()` → `reconcile()` →
 * `buildPlan()`, then write the plan in place.
 *
 * Consistency when a run stops (cancelled, or Excel fails mid-way):
 * - before the first write request nothing has changed: the workbook is untouched;
 * - the first write request records, before anything else, the run as "writing" with every
 *   extent it may touch (old and new) and every original it will overwrite, and puts
 *   "Re-run needed" in the Summary's status cell; the real status formula is written last.
 *   So a run stopped later leaves a workbook that says "Re-run needed" (the pane sees the
 *   "writing"/"cancelled" status), and a re-run or "Remove reconciliation" finds everything.
 */
import { adviceItems } from "../domain/advice";
import { isoToSerial } from "../domain/cells";
import { reconcile as runEngine } from "../domain/engine";
import { customerKeyOf, readCustomerList } from "../domain/customers";
import { CustomerListSource } from "../domain/model";
import { NO_BILLING } from "../domain/charges";
import { ChargeKeys, MoneyResult, chargeKeys, computeMoney, customerMoney, inCents, wantedKeys } from "../domain/money";
import { buildReport } from "../domain/report";
import { looksLikeDomain } from "../domain/text";
import { LABEL, NEXT_STEP, RERUN_LABEL, severityRank } from "../domain/verdicts";
import { ACCOUNT_COLUMNS, OFFER_MAP_COLUMNS, SHEETS, SheetData, readSourceRecords, readWorkbook } from "../domain/workbook";
import { AS_OF_CELL, DataSheetInfo, GENERATED, buildPlan } from "../layout/plan";
import { Block, WorkbookPlan } from "../layout/types";
import { actionOutcomes } from "./actions";
import { findBillingSheets, readBillingSheets } from "./billing";
import { PRODUCT_SHEETS } from "./product-sheets";
import { ApplyOptions, applyFormats, blockHolds, fillUniform, writeFormulas, writeLinks, writeValues } from "./apply-plan";
import { captureOriginals, originalsWithin } from "./capture";
import { readPreviousDone } from "./done";
import { OfficeHost, apiSupport } from "./host";
import { blockRect, planLayouts } from "./plan-extents";
import { TableFix, UserTable, queueFixes, readTables, spacedWidth, tablesInTheWay, withoutTotals } from "./list-objects";
import { ReadQueue, SheetInfo, checkStructure, listSheets, queueSheetData } from "./read";
import { releaseExtents, releasedExtents } from "./release";
import { MAX_COLS, MAX_ROWS, Rect } from "./rects";
import { Meter, WriteBatch, leaveCalculated } from "./requests";
import { EMPTY_STATE, GatewayState, SETTING_AS_OF, SETTING_SCHEMA, STATE_LEFT, STATE_SHEET, readState, writeState } from "./state";
import { CancelledError, CustomerOutcome, ProgressFn, ReconcileOutcome, WorkbookError } from "./types";

export interface GatewayDeps {
  readonly host: OfficeHost;
  /** The clock (the as-of date "today" and the run time); injectable for tests. */
  readonly now: () => Date;
  /** Bytes of data per request. */
  readonly budget: number;
}

export const INTERRUPTED_TEXT = `${RERUN_LABEL}: the last run did not finish; run the reconciliation again`;
/** The Summary's "Workbook" status cell: written last by a run. */
export const STATUS_CELL = { row: 3, col: 2 } as const;

export function localIsoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function findSheet(sheets: readonly SheetInfo[], name: string): SheetInfo | undefined {
  const lower = name.toLowerCase();
  return sheets.find((s) => s.name.toLowerCase() === lower);
}

/**
 * The as-of date: a date typed in the Summary's as-of cell (of our own Summary: `created` lists
 * the sheets the product made), else the saved setting, else today.
 */
export async function readAsOf(meter: Meter, sheets: readonly SheetInfo[], now: Date, created: readonly string[]): Promise<{ serial: number; fixed: boolean }> {
  const setting = meter.ctx.workbook.settings.getItemOrNullObject(SETTING_AS_OF);
  setting.load("value");
  const ours = created.some((n) => n.toLowerCase() === GENERATED.summary.toLowerCase());
  const summary = ours ? findSheet(sheets, GENERATED.summary) : undefined;
  const cell = summary ? meter.ctx.workbook.worksheets.getItem(summary.name).getRangeByIndexes(AS_OF_CELL.row - 1, AS_OF_CELL.col - 1, 1, 1).load("formulas,valueTypes") : null;
  await meter.sync(0);
  const typed = cell?.formulas[0][0];
  if (typeof typed === "number" && cell?.valueTypes[0][0] === "Double" && typed > 0) return { serial: Math.floor(typed), fixed: true };
  const saved = setting.isNullObject ? null : setting.value;
  if (typeof saved === "string" && isoToSerial(saved) !== null) return { serial: isoToSerial(saved)!, fixed: true };
  return { serial: isoToSerial(localIsoDate(now))!, fixed: false };
}

/**
 * The blocks of the input tables (Sources, Accounts, Offer map) that the workbook, as the run read
 * it, already holds cell for cell: writing them again would change nothing.
 */
function heldBlocks(plan: WorkbookPlan, data: ReadonlyMap<string, SheetData>): Set<Block> {
  const held = new Set<Block>();
  for (const name of [SHEETS.sources, SHEETS.accounts, SHEETS.offerMap]) {
    const read = data.get(name);
    const sheet = plan.sheets.find((s) => s.name === name);
    if (!read || !sheet || sheet.blocks.length !== 1) continue;
    if (blockHolds(read.rows, sheet.blocks[0])) held.add(sheet.blocks[0]);
  }
  return held;
}

/** Reads the inputs, runs the engine and builds the plan (no writes). */
export async function planFromWorkbook(meter: Meter, sheets: readonly SheetInfo[], now: Date, progress: ProgressFn, created: readonly string[] = []) {
  const data = new Map<string, SheetData>();
  const tables = new ReadQueue(meter);
  for (const name of [SHEETS.sources, SHEETS.accounts, SHEETS.offerMap]) {
    const info = findSheet(sheets, name);
    if (info) queueSheetData(tables, info, (d) => data.set(name, { ...d, name }));
  }
  await tables.run();
  const records = readSourceRecords(data.get(SHEETS.sources));
  if (records.length === 0) throw new WorkbookError("noExports");
  const names = [...new Set(records.map((r) => r.sheet))];
  // A file missing a column keeps its rows there; their customer cells say whom it covers (§4 rule 2).
  if (records.some((r) => r.state === "MISSING_COLUMN")) names.push(SHEETS.unread);
  let done = 0;
  const inputs = new ReadQueue(meter);
  for (const name of names) {
    const info = findSheet(sheets, name);
    // Keyed by the name the Sources table uses: the engine's row locations carry it.
    if (info && !data.has(name)) {
      queueSheetData(inputs, info, (d) => {
        data.set(name, { ...d, name });
        progress({ fraction: (0.25 * ++done) / names.length, phase: "reading", detail: name });
      });
    }
  }
  await inputs.run();
  // Tables on the input sheets: their totals rows are no data (list-objects.ts).
  const userTables = await readTables(meter, names.filter((n) => data.has(n)).map((n) => findSheet(sheets, n)!.name));
  for (const name of names) {
    const d = data.get(name);
    if (d) data.set(name, withoutTotals(d, userTables));
  }
  const asOf = await readAsOf(meter, sheets, now, created);
  const previousDone = await readPreviousDone(meter, sheets, created);
  meter.checkCancel();
  progress({ fraction: 0.27, phase: "reconciling" });
  const input = readWorkbook(data, asOf.serial);
  const result = runEngine(input);
  // Money at stake (§9): the reconciliation files on sheets of their own, read after the engine
  // so that only the lines of its old subscriptions are kept, as the command reads billing/.
  const notBilling = new Set([...PRODUCT_SHEETS, ...created.map((n) => n.toLowerCase()), ...names.map((n) => n.toLowerCase())]);
  const billingSheets = await findBillingSheets(meter, sheets, notBilling);
  let billing = NO_BILLING;
  let keys: ChargeKeys | undefined;
  if (billingSheets.length > 0) {
    progress({ fraction: 0.28, phase: "reading", detail: billingSheets.map((b) => b.name).join(", ") });
    keys = chargeKeys(result);
    billing = await readBillingSheets(meter, billingSheets, wantedKeys(result, keys));
  }
  const money = computeMoney(result, billing, keys);
  const dataSheets = new Map<string, DataSheetInfo>();
  for (const rec of records) {
    const info = findSheet(sheets, rec.sheet);
    const sheet = data.get(rec.sheet);
    if (rec.kind !== "subscriptions" || !info || !sheet || dataSheets.has(rec.sheet)) continue;
    // One empty column between a table and the added columns, so the table does not take them.
    dataSheets.set(rec.sheet, { name: rec.sheet, data: sheet, usedWidth: spacedWidth(info.used?.right ?? 0, userTables, info.name) });
  }
  const plan = buildPlan({
    result,
    dataSheets,
    records,
    accounts: result.accounts,
    offerMap: result.offerMap,
    fixedAsOf: asOf.fixed ? asOf.serial : null,
    runAt: now.toISOString(),
    previousDone,
    // The pane runs on the reader's machine: the Summary shows the run in its local time.
    runAtOffsetMinutes: -now.getTimezoneOffset(),
    money,
  });
  return { result, money, plan, records, data, asOf, input, userTables };
}

/** Refuses before writing anything: protected sheets, more rows or columns than Excel has. */
export function checkWritable(plan: WorkbookPlan, sheets: readonly SheetInfo[]): void {
  for (const s of plan.sheets) {
    for (const b of s.blocks) {
      if (b.top + b.rows > MAX_ROWS) throw new WorkbookError("tooManyRows", { sheet: s.name, rows: b.top + b.rows, max: MAX_ROWS });
      if (b.left + b.columns.length - 1 > MAX_COLS) throw new WorkbookError("failed", { sheet: s.name }, `No room for the reconciliation columns on "${s.name}"`);
    }
  }
  for (const name of [...plan.sheets.map((s) => s.name), STATE_SHEET]) {
    const info = findSheet(sheets, name);
    if (info?.protected) throw new WorkbookError("protected", { sheet: info.name });
  }
}

/** The blocks the plan writes on the user's sheets, as rectangles. */
export function dataBlocks(plan: WorkbookPlan): { sheet: string; rect: Rect }[] {
  return plan.sheets.filter((s) => s.role === "data").flatMap((s) => s.blocks.map((b) => ({ sheet: s.name, rect: blockRect(b) })));
}

/**
 * Tables in the way of the added columns (list-objects.ts): the resizes that give them back their
 * own columns, or a refusal before anything is written when Excel here cannot resize a table
 * (ExcelApi 1.13) or the table also holds the user's columns beyond ours.
 */
export function checkTables(plan: WorkbookPlan, tables: readonly UserTable[], canResize: boolean): TableFix[] {
  const { fixes, conflicts } = tablesInTheWay(dataBlocks(plan), tables);
  const blocking = [...conflicts, ...(canResize ? [] : fixes.map((f) => f.table))];
  if (blocking.length > 0) {
    const t = blocking[0];
    throw new WorkbookError("tableOverlap", { table: t.name, sheet: t.sheet }, `The table "${t.name}" on "${t.sheet}" covers the columns the reconciliation writes; resize it to end before them (Table Design → Resize Table)`);
  }
  return fixes;
}

/** Primary domains by customer key, from the customer lists (a list that cannot be read adds none). */
function listDomains(lists: readonly CustomerListSource[]): Map<string, Set<string>> {
  const byKey = new Map<string, Set<string>>();
  for (const src of lists) {
    for (const e of readCustomerList(src, [])?.entries ?? []) {
      if (e.domain === "") continue;
      const key = customerKeyOf(e.microsoftId, e.companyName !== "" ? e.companyName : e.domain);
      byKey.set(key, (byKey.get(key) ?? new Set()).add(e.domain));
    }
  }
  return byKey;
}

export function customerOutcomes(result: ReturnType<typeof runEngine>, lists: readonly CustomerListSource[] = [], money: MoneyResult = computeMoney(result, NO_BILLING)): CustomerOutcome[] {
  const rowsOf = new Map<number, { sheet: string; row: number }[]>();
  const idsOf = new Map<number, Set<string>>();
  const domains = listDomains(lists);
  for (const r of result.rows) {
    if (r.subscriptionId !== "") idsOf.set(r.customer, (idsOf.get(r.customer) ?? new Set()).add(r.subscriptionId));
    // A file named for its customer's domain ("contoso.onmicrosoft.com.csv") names a domain too.
    const base = result.sources[r.source]?.baseName ?? "";
    if (looksLikeDomain(base)) {
      const key = result.customers[r.customer].key;
      domains.set(key, (domains.get(key) ?? new Set()).add(base));
    }
    if (!r.at) continue;
    const arr = rowsOf.get(r.customer) ?? [];
    arr.push({ sheet: r.at.sheet, row: r.at.row });
    rowsOf.set(r.customer, arr);
  }
  return result.customers
    .filter((c) => c.inReport)
    .map((c) => {
      const groups = c.groups
        .map((g) => result.groups[g])
        .filter((g) => g.counted)
        .sort((a, b) => severityRank(a.verdict) - severityRank(b.verdict));
      return {
        index: c.index,
        name: c.name,
        microsoftId: c.microsoftId,
        verdict: c.verdict,
        flagged: c.flagged,
        problemRows: c.problemRows,
        groups: groups.map((g) => ({ offer: g.offerLabel, azure: g.azure, verdict: g.verdict, required: g.totals.R, newSeats: g.totals.N, advice: adviceItems(g, result.rows, result.asOf) })),
        domains: [...(domains.get(c.key) ?? [])],
        subscriptionIds: [...(idsOf.get(c.index) ?? [])],
        reasons: groups.map((g) => `${g.offerLabel}: ${LABEL[g.verdict]} (R ${g.totals.R}, N ${g.totals.N})`),
        nextStep: NEXT_STEP[c.verdict],
        rows: rowsOf.get(c.index) ?? [],
        money: inCents(customerMoney(money, c.index)),
      };
    });
}

export async function reconcileWorkbook(deps: GatewayDeps, progress: ProgressFn, signal?: AbortSignal): Promise<ReconcileOutcome> {
  const started = Date.now();
  const now = deps.now();
  return deps.host.Excel.run(async (ctx) => {
    const meter = new Meter(ctx, signal);
    const api = apiSupport(deps.host);
    progress({ fraction: 0, phase: "reading" });
    const sheets = await listSheets(meter);
    const existing = new Set(sheets.map((s) => s.name.toLowerCase()));
    const stateInfo = findSheet(sheets, STATE_SHEET);
    const old = stateInfo?.used ? await readState(meter, stateInfo.used.bottom) : EMPTY_STATE;
    const { result, money, plan, input, userTables, data } = await planFromWorkbook(meter, sheets, now, progress, old.created);
    checkWritable(plan, sheets);
    const tableFixes = checkTables(plan, userTables, api.has("tableResize"));

    const layouts = planLayouts(plan);
    const newExtents = [...layouts.values()].flatMap((l) => l.extents);
    const toCreate = [STATE_SHEET, ...plan.sheets.map((s) => s.name).filter((n) => n !== STATE_SHEET)].filter((n) => !existing.has(n.toLowerCase()));
    // Missing Accounts / Offer map tables are created as the user's input tables (they stay
    // when the reconciliation is removed); everything else we create is ours.
    const inputTables = new Map<string, readonly string[]>([
      [SHEETS.accounts, ACCOUNT_COLUMNS],
      [SHEETS.offerMap, OFFER_MAP_COLUMNS],
    ]);
    checkStructure(sheets, toCreate);
    const pendingInputs = toCreate.filter((n) => inputTables.has(n));
    const createdBefore = old.created.filter((n) => existing.has(n.toLowerCase()));
    const oursList = [...createdBefore, ...toCreate.filter((n) => !inputTables.has(n))];
    const ours = new Set(oursList.map((n) => n.toLowerCase()));
    const oursByName = new Set(plan.sheets.map((s) => s.name).filter((n) => ours.has(n.toLowerCase())));
    const capture = await captureOriginals(meter, layouts, old, oursByName, existing, new Set(pendingInputs), (name) => findSheet(sheets, name)?.used);
    // Last point at which the workbook is untouched.
    meter.checkCancel();

    const total = plan.sheets.reduce((n, s) => n + s.blocks.reduce((m, b) => m + (b.rows + 1) * b.columns.length, 0) + s.cells.length, 0) * 2.2 + 1;
    const batch = new WriteBatch(meter, (done) => progress({ fraction: Math.min(0.99, 0.3 + (0.7 * done) / total), phase: "writing" }), deps.budget);
    let writing = false;
    let stateRows = stateInfo?.used?.bottom ?? 0;
    try {
      // 1. Tables given back their own columns, our sheets, the state record and the "Re-run
      //    needed" marker, in the first request.
      if (tableFixes.length > 0) {
        await batch.reserve(200 * tableFixes.length);
        queueFixes(meter, tableFixes);
      }
      for (const name of toCreate) {
        await batch.reserve(64);
        const ws = ctx.workbook.worksheets.add(name);
        const p = plan.sheets.find((s) => s.name === name);
        if (name === STATE_SHEET || (p && !p.visible)) ws.visibility = "Hidden";
        const header = inputTables.get(name);
        if (header) {
          // As the pane's Settings would have made it: a bold header row, frozen.
          const r = ws.getRangeByIndexes(0, 0, 1, header.length);
          r.values = [[...header]];
          r.format.font.bold = true;
          ws.freezePanes.freezeRows(1);
        }
      }
      const visible = plan.sheets.filter((s) => s.role === "generated" && s.visible);
      for (let k = 0; k < visible.length; k++) {
        if (!toCreate.includes(visible[k].name)) continue;
        await batch.reserve(16);
        ctx.workbook.worksheets.getItem(visible[k].name).position = k;
      }
      writing = true;
      // The record of what this run may touch goes in whole, whatever the request size.
      batch.holdCancel = true;
      const extra = { names: plan.names.map((n) => n.name), settings: [SETTING_SCHEMA] };
      const writingState: GatewayState = {
        status: "writing",
        created: oursList,
        extents: [...old.extents.filter((e) => existing.has(e.sheet.toLowerCase())), ...newExtents],
        originals: [...capture.originals.values()],
        widths: capture.widths,
        ...extra,
      };
      stateRows = Math.max(stateRows, await writeState(batch, meter, writingState, stateRows));
      await batch.reserve(200);
      ctx.workbook.worksheets.getItem(GENERATED.summary).getRangeByIndexes(STATUS_CELL.row - 1, STATUS_CELL.col - 1, 1, 1).values = [[INTERRUPTED_TEXT]];
      await batch.flush();
      batch.holdCancel = false;
      meter.checkCancel();

      // 2. What the previous run wrote and this one does not.
      const nowExisting = new Set([...existing, ...toCreate.map((n) => n.toLowerCase())]);
      await releaseExtents({ meter, batch, validation: api.has("validation") }, releasedExtents(writingState.extents.slice(0, writingState.extents.length - newExtents.length), newExtents), capture.originals, nowExisting);

      // 3. The plan: values, formulas, uniform fills, links, formats.
      const summaryLower = GENERATED.summary.toLowerCase();
      const o: ApplyOptions = {
        meter,
        batch,
        api,
        ours: oursByName,
        widths: capture.setWidths,
        deferred: (sheet, row, col) => sheet.toLowerCase() === summaryLower && row === STATUS_CELL.row && col === STATUS_CELL.col,
        // The Sources table the run read is written back only if the plan changes it: at 10k
        // customers it is 20k rows, 2.9 MB of requests (docs/PERFORMANCE.md).
        held: heldBlocks(plan, data),
      };
      await writeValues(o, plan);
      await writeFormulas(o, plan);
      await fillUniform(o, plan);
      await writeLinks(o, plan);
      await applyFormats(o, plan);

      // 4. Names (replaced: a teammate's run may have left one) and the settings pointer.
      // The names are looked up in the request that sends the last formats (one request less).
      const named = plan.names.map((n) => ctx.workbook.names.getItemOrNullObject(n.name).load("name"));
      if (batch.pending) await batch.flush();
      else await meter.sync(0);
      for (let k = 0; k < plan.names.length; k++) {
        await batch.reserve(100);
        if (!named[k].isNullObject) named[k].delete();
        ctx.workbook.names.add(plan.names[k].name, `=${plan.names[k].ref}`);
      }
      await batch.reserve(64);
      ctx.workbook.settings.add(SETTING_SCHEMA, plan.schemaVersion);

      // 5. Done: the status formula, then the final state.
      const summaryPlan = plan.sheets.find((s) => s.name === GENERATED.summary)!;
      const statusCell = summaryPlan.cells.find((c) => c.row === STATUS_CELL.row && c.col === STATUS_CELL.col);
      if (statusCell && typeof statusCell.value === "object" && statusCell.value !== null && "f" in statusCell.value) {
        await batch.reserve(statusCell.value.f.length + 2);
        ctx.workbook.worksheets.getItem(GENERATED.summary).getRangeByIndexes(STATUS_CELL.row - 1, STATUS_CELL.col - 1, 1, 1).formulas = [[`=${statusCell.value.f}`]];
      }
      const finalState: GatewayState = {
        status: "complete",
        created: oursList,
        extents: newExtents,
        originals: originalsWithin(capture.originals.values(), newExtents),
        widths: capture.widths,
        ...extra,
      };
      await writeState(batch, meter, finalState, stateRows);
      if (toCreate.includes(GENERATED.summary)) {
        await batch.reserve(0);
        ctx.workbook.worksheets.getItem(GENERATED.summary).activate();
      }
      await batch.flush();
      progress({ fraction: 0.99, phase: "calculating" });
      await leaveCalculated(meter, batch);
    } catch (e) {
      if (writing) await markInterrupted(ctx, e instanceof CancelledError ? "cancelled" : "writing");
      if (e instanceof CancelledError || e instanceof WorkbookError) throw e;
      throw new WorkbookError("failed", { message: (e as Error).message ?? String(e) }, (e as Error).message);
    }
    progress({ fraction: 1, phase: "done" });
    const report = buildReport(result, money);
    return {
      report,
      customers: customerOutcomes(result, input.customerLists, money),
      actions: actionOutcomes(result),
      // The billing sheets' problems too (MISSING_COLUMN, BAD_VALUE), as report.json lists them.
      problems: [...result.problems, ...money.problems],
      byVerdict: report.totals.byVerdict,
      stats: { requests: meter.requests, largestRequestBytes: meter.largestBytes, rows: result.rows.length, ms: Date.now() - started },
    };
  });
}

/** Best effort: records why the run stopped (the state already says "writing"). */
async function markInterrupted(ctx: Excel.RequestContext, status: "cancelled" | "writing"): Promise<void> {
  try {
    ctx.workbook.worksheets.getItem(STATE_SHEET).getRangeByIndexes(1, STATE_LEFT + 2, 1, 1).values = [[status]];
    await ctx.sync();
  } catch {
    // The state already says "writing", which the pane reports as an unfinished run.
  }
}
