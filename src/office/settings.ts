/**
 * The pane's small writes: confirming sources, saving settings, selecting rows.
 *
 * Settings live where a teammate opening the workbook finds them: new-commerce accounts in the
 * Accounts table, the offer map in the Offer map table, a frozen as-of date in the Summary's
 * as-of cell (and a settings pointer for before the first run), auto-open in the document
 * setting Office.AutoShowTaskpaneWithDocument (the only place Office reads it;
 * docs/develop/automatically-open-a-task-pane-with-a-document.md).
 *
 * One store for every setting: Excel.SettingCollection (`workbook.settings`, ExcelApi 1.4). The
 * Common API's `Office.context.document.settings` is a copy taken when the pane starts, and its
 * saveAsync writes that whole copy back (docs/develop/persisting-add-in-state-and-settings.md):
 * mixed with workbook.settings it put back a stale bag over the schema pointer a run had just
 * written. Both APIs write the same per-add-in, per-document settings (office-js-docs-reference
 * #769, where Microsoft also advises the application-specific one), so the auto-open flag is
 * written there too; docs/TESTING-IN-EXCEL.md checks that Office opens the pane from it.
 */
import { Cell, cellText, isoToSerial } from "../domain/cells";
import { caseFold } from "../domain/text";
import { ACCOUNT_COLUMNS, OFFER_MAP_COLUMNS, SHEETS, SOURCE_COLUMNS, SourceRecord, sourceRow } from "../domain/workbook";
import { AS_OF_CELL, GENERATED } from "../layout/plan";
import { apiSupport } from "./host";
import { checkStructure, listSheets, readSheetData } from "./read";
import { GatewayDeps, findSheet } from "./reconcile";
import { Meter, WriteBatch, leaveCalculated } from "./requests";
import { SETTING_AS_OF, SETTING_AUTO_OPEN, STATE_SHEET, readState } from "./state";
import { writeTable } from "./tables";
import { SelectOutcome, WorkbookError, WorkbookSettings } from "./types";

export async function saveSources(deps: GatewayDeps, records: readonly SourceRecord[]): Promise<void> {
  await deps.host.Excel.run(async (ctx) => {
    const meter = new Meter(ctx);
    const sheets = await listSheets(meter);
    const info = findSheet(sheets, SHEETS.sources);
    if (info?.protected) throw new WorkbookError("protected", { sheet: info.name });
    checkStructure(sheets, info ? [] : [SHEETS.sources]);
    const batch = new WriteBatch(meter, () => undefined, deps.budget);
    await writeTable(meter, batch, { sheet: info?.name ?? SHEETS.sources, create: !info, previousBottom: info?.used?.bottom ?? 0 }, [[...SOURCE_COLUMNS], ...records.map(sourceRow)], SOURCE_COLUMNS.length);
    await batch.flush();
    await leaveCalculated(meter, batch);
  });
}

export async function saveSettings(deps: GatewayDeps, settings: WorkbookSettings): Promise<void> {
  if (settings.asOf !== "today" && isoToSerial(settings.asOf) === null) throw new WorkbookError("failed", { asOf: settings.asOf }, `Not a date: ${settings.asOf}`);
  await deps.host.Excel.run(async (ctx) => {
    const meter = new Meter(ctx);
    const sheets = await listSheets(meter);
    for (const name of [SHEETS.accounts, SHEETS.offerMap]) {
      const info = findSheet(sheets, name);
      if (info?.protected) throw new WorkbookError("protected", { sheet: info.name });
    }
    checkStructure(sheets, [SHEETS.accounts, SHEETS.offerMap].filter((n) => !findSheet(sheets, n)));
    const batch = new WriteBatch(meter, () => undefined, deps.budget);

    // Accounts: Commerce "nce" for the listed accounts, "legacy" for the others; missing ones added.
    const accounts = findSheet(sheets, SHEETS.accounts);
    const data = accounts ? await readSheetData(meter, accounts) : undefined;
    const rows: Cell[][] = data?.rows.length ? data.rows.map((r) => [...r].slice(0, ACCOUNT_COLUMNS.length)) : [[...ACCOUNT_COLUMNS]];
    const nce = new Set(settings.nceAccounts.map((a) => caseFold(a.trim())));
    for (let i = 1; i < rows.length; i++) {
      const name = caseFold(cellText(rows[i][0]).trim());
      if (name !== "") rows[i][2] = nce.has(name) ? "nce" : "legacy";
    }
    for (const a of settings.nceAccounts) {
      if (!rows.some((r, i) => i > 0 && caseFold(cellText(r[0]).trim()) === caseFold(a.trim()))) rows.push([a, "", "nce"]);
    }
    await writeTable(meter, batch, { sheet: accounts?.name ?? SHEETS.accounts, create: !accounts, previousBottom: 0 }, rows, ACCOUNT_COLUMNS.length);

    const offerMap = findSheet(sheets, SHEETS.offerMap);
    await writeTable(
      meter,
      batch,
      { sheet: offerMap?.name ?? SHEETS.offerMap, create: !offerMap, previousBottom: offerMap?.used?.bottom ?? 0 },
      [[...OFFER_MAP_COLUMNS], ...settings.offerMap.map((e) => [e.oldOffer, e.newOffer])],
      OFFER_MAP_COLUMNS.length,
    );

    // As-of: the Summary's cell when there is one (TODAY() or the date), and the pointer.
    const stateInfo = findSheet(sheets, STATE_SHEET);
    const created = stateInfo?.used ? (await readState(meter, stateInfo.used.bottom)).created : [];
    const summary = created.some((n) => n.toLowerCase() === GENERATED.summary.toLowerCase()) ? findSheet(sheets, GENERATED.summary) : undefined;
    if (summary && !summary.protected) {
      await batch.reserve(64);
      const cell = ctx.workbook.worksheets.getItem(summary.name).getRangeByIndexes(AS_OF_CELL.row - 1, AS_OF_CELL.col - 1, 1, 1);
      cell.formulas = [[settings.asOf === "today" ? "=TODAY()" : isoToSerial(settings.asOf)!]];
    }
    await batch.flush();
    const asOf = ctx.workbook.settings.getItemOrNullObject(SETTING_AS_OF).load("key");
    const auto = ctx.workbook.settings.getItemOrNullObject(SETTING_AUTO_OPEN).load("key");
    await meter.sync(0);
    if (settings.asOf === "today") {
      if (!asOf.isNullObject) asOf.delete();
    } else ctx.workbook.settings.add(SETTING_AS_OF, settings.asOf);
    if (settings.autoOpen) ctx.workbook.settings.add(SETTING_AUTO_OPEN, true);
    else if (!auto.isNullObject) auto.delete();
    await meter.sync(0);
    await leaveCalculated(meter, batch);
  });
}

/** The longest multi-area address we give getRanges: half of what failed in office-js #5198 (~8,200 characters). */
export const MAX_SELECT_ADDRESS = 4_000;

/**
 * Activates the sheet and selects the rows, whole. Several runs of rows are one selection only
 * through RangeAreas.select (ExcelApi 1.18 — Office 2021 and 2024 stop at 1.14 and 1.17); below
 * it the first run is selected: the customer's own rows and nothing else, never one block that
 * would take in other customers' rows between them (a user may act on the selection). The
 * outcome says how many rows that is.
 */
export async function selectRows(deps: GatewayDeps, sheet: string, rows: readonly number[]): Promise<SelectOutcome> {
  const sorted = [...new Set(rows)].filter((r) => Number.isInteger(r) && r >= 1).sort((a, b) => a - b);
  const runs: { from: number; to: number }[] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.to === r - 1) last.to = r;
    else runs.push({ from: r, to: r });
  }
  const address = (r: { from: number; to: number }) => `${r.from}:${r.to}`;
  const size = (rs: readonly { from: number; to: number }[]) => rs.reduce((n, r) => n + r.to - r.from + 1, 0);
  let chosen = runs.slice(0, 1);
  if (runs.length > 1 && apiSupport(deps.host).has("selectAreas")) {
    // Multi-area addresses use the en-US "," (a German desktop wanted ";": office-js #1167, #1985).
    let length = 0;
    chosen = [];
    for (const r of runs) {
      length += address(r).length + 1;
      if (chosen.length > 0 && length > MAX_SELECT_ADDRESS) break;
      chosen.push(r);
    }
  }
  await deps.host.Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    ws.activate();
    if (chosen.length > 1) ws.getRanges(chosen.map(address).join(",")).select();
    else if (chosen.length === 1) ws.getRange(address(chosen[0])).select();
    await ctx.sync();
  });
  return { selectedRows: size(chosen), rows: sorted.length };
}
