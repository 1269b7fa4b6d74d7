/**
 * What the pane needs to know about the open workbook: which sheets hold exports (their header
 * row — the first non-empty row — looks like a subscription export or a customer list in any of
 * the spec's languages, or carries the product's "Source file"/"Source row" columns), what the
 * Sources table says about them or what we guess, the settings, and the product's state.
 * The product's own sheets (Summary, CSP Calc, ...) are never taken for exports.
 */
import { CustomerListSource, Role } from "../domain/model";
import { readCustomerList } from "../domain/customers";
import { classifyHeader, headerRowIndex, recogniseSubscriptionHeader } from "../domain/headers";
import { SHEETS, SheetData, hasProvenance, readAccountSettings, readOfferMap, readSourceRecords } from "../domain/workbook";
import { PRODUCT_SHEETS } from "./product-sheets";
import { BillingSheet, billingOrder, billingSheetOf } from "./billing";
import { KnownEntry, guessSheet } from "./guess";
import { OfficeHost, apiSupport } from "./host";
import { ReadQueue, SheetInfo, listSheets, queueSheetData } from "./read";
import { findSheet, readAsOf } from "./reconcile";
import { Meter } from "./requests";
import { EMPTY_STATE, SETTING_AUTO_OPEN, SETTING_SCHEMA, STATE_SHEET, readState } from "./state";
import { DetectedSheet, WorkbookState } from "./types";
import { serialToIso } from "../domain/cells";
import { readBlock } from "./read";
import { rect } from "./rects";

export { PRODUCT_SHEETS };

/** How many rows from the first used row we look at to find the header (whitespace-only rows are not a header). */
const HEADER_SCAN = 20;

export async function inspectWorkbook(host: OfficeHost): Promise<WorkbookState> {
  return host.Excel.run(async (ctx) => {
    const meter = new Meter(ctx);
    const sheets = await listSheets(meter);
    // The tables and the first rows of every candidate sheet, sharing requests.
    const q = new ReadQueue(meter);
    const tables = new Map<string, SheetData>();
    for (const name of [SHEETS.sources, SHEETS.accounts, SHEETS.offerMap]) {
      const info = findSheet(sheets, name);
      if (info) queueSheetData(q, info, (d) => tables.set(name, d));
    }
    const candidates: { info: SheetInfo; top: SheetData; h: number }[] = [];
    for (const info of sheets) {
      if (PRODUCT_SHEETS.has(info.name.toLowerCase()) || !info.used) continue;
      const head = { ...info, used: rect(info.used.top, info.used.left, Math.min(info.used.bottom, info.used.top + HEADER_SCAN - 1), info.used.right) };
      queueSheetData(q, head, (top) => {
        const h = headerRowIndex(top.rows);
        if (h >= 0) candidates.push({ info, top, h });
      });
    }
    await q.run();
    const records = readSourceRecords(tables.get(SHEETS.sources));
    // Reconciliation files (§9): the run reads them for the money at stake.
    const exportSheets = new Set(records.map((r) => r.sheet.toLowerCase()));
    const billing = candidates
      .filter((c) => !exportSheets.has(c.info.name.toLowerCase()))
      .map((c) => billingSheetOf(c.info, c.top.rows))
      .filter((b): b is BillingSheet => b !== null)
      .sort(billingOrder)
      .map((b) => ({ name: b.name, source: b.source, kind: b.kind, lines: b.rows, imported: b.imported }));
    const accountSettings = readAccountSettings(tables.get(SHEETS.accounts));
    const offerMap = readOfferMap(tables.get(SHEETS.offerMap));
    const found = candidates
      .map((c) => ({ ...c, header: c.top.rows[c.h], kind: classifyHeader(c.top.rows[c.h]) }))
      // Reconciliation (billing) sheets are not exports: the money view reads them (§9).
      .filter((c): c is typeof c & { kind: Exclude<typeof c.kind, "billing"> } => c.kind !== "billing")
      .filter((c) => c.kind !== "unknown" || hasProvenance(c.header));

    // Customer lists (confirmed or not) for the guesses.
    const known = [
      ...records.map((r) => ({ account: r.account, role: r.role })),
      ...accountSettings.map((a) => ({ account: a.account, role: "from" as Role })),
    ].filter((a) => a.account !== "");
    const entries: KnownEntry[] = [];
    const lists = new ReadQueue(meter);
    const listData = new Map<string, SheetData>();
    for (const c of found.filter((x) => x.kind === "customers")) queueSheetData(lists, c.info, (d) => listData.set(c.info.name, d));
    await lists.run();
    for (const c of found.filter((x) => x.kind === "customers")) {
      const rec = records.find((r) => r.sheet.toLowerCase() === c.info.name.toLowerCase());
      const who = rec ?? guessSheet(c.info.name, known, [], true);
      const data = listData.get(c.info.name)!;
      const src: CustomerListSource = {
        source: c.info.name,
        account: who.account,
        role: who.role,
        header: data.rows[c.h] ?? [],
        rows: data.rows.slice(c.h + 1).map((cells, i) => ({ cells, row: c.h + 2 + i })),
      };
      const list = readCustomerList(src, []);
      for (const e of list?.entries ?? []) entries.push({ ...e, account: who.account, role: who.role });
    }

    const detected: DetectedSheet[] = found.map((c) => {
      // Rows are placed where they are on the sheet: h is the header's 0-based row.
      const headerRow = c.h + 1;
      const mine = records.filter((r) => r.sheet.toLowerCase() === c.info.name.toLowerCase());
      const sub = recogniseSubscriptionHeader(c.header);
      const perRow = sub.fields.microsoftId !== undefined || sub.fields.customerName !== undefined || sub.fields.domain !== undefined;
      const imported = hasProvenance(c.header);
      const base = {
        name: c.info.name,
        kind: c.kind === "unknown" ? ("subscriptions" as const) : c.kind,
        headerRow,
        rows: Math.max(0, c.info.used!.bottom - headerRow),
        imported,
        protected: c.info.protected,
      };
      if (mine.length > 0) {
        return { ...base, account: mine[0].account, role: mine[0].role, customer: imported || mine.length > 1 ? "" : mine[0].customer, confirmed: true };
      }
      const g = guessSheet(c.info.name, known, entries, perRow || c.kind === "customers");
      return { ...base, account: g.account, role: g.role, customer: g.customer, confirmed: false };
    });

    // Settings and state.
    const autoOpen = ctx.workbook.settings.getItemOrNullObject(SETTING_AUTO_OPEN).load("value");
    const schema = ctx.workbook.settings.getItemOrNullObject(SETTING_SCHEMA).load("value");
    await meter.sync(0);
    const stateInfo = findSheet(sheets, STATE_SHEET);
    const state = stateInfo?.used ? await readState(meter, stateInfo.used.bottom) : EMPTY_STATE;
    const asOf = await readAsOf(meter, sheets, new Date(), state.created);
    let schemaVersion: number | null = !schema.isNullObject && typeof schema.value === "number" ? schema.value : null;
    if (stateInfo?.used) {
      const planRows = await readBlock(meter, stateInfo.name, rect(1, 1, Math.min(stateInfo.used.bottom, 10), 2), ["values"]);
      const row = planRows.values.find((r) => r[0] === "schemaVersion");
      if (row && typeof row[1] === "number") schemaVersion = row[1];
    }
    const api = apiSupport(host);
    return {
      sheets: detected,
      billing,
      records,
      settings: {
        asOf: asOf.fixed ? serialToIso(asOf.serial) : "today",
        nceAccounts: accountSettings.filter((a) => a.commerce === "nce").map((a) => a.account),
        offerMap,
        autoOpen: !autoOpen.isNullObject && autoOpen.value === true,
      },
      reconciled: state.status !== null,
      interrupted: state.status === "writing" || state.status === "cancelled",
      schemaVersion,
      host: { platform: api.platform, api: api.version },
    };
  });
}
