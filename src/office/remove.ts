/**
 * "Remove reconciliation": takes away exactly what reconciling added — the sheets it created,
 * the columns and formats it put on the user's sheets and input tables, its conditional formats,
 * dropdowns, defined names and settings pointer — and puts back every cell it overwrote (content,
 * number format, style, column width), unless the user changed that cell since the run.
 * The inputs stay (imported sheets — exports and reconciliation files —, Sources, Accounts,
 * Offer map, the Decision values typed on the export sheets go with the added columns); with
 * `everything`, the inputs and the pane's settings go too. A reconciliation file the user opened
 * on a sheet of their own is theirs, and stays either way.
 */
import { SHEETS, hasProvenance, readSourceRecords } from "../domain/workbook";
import { cellKey } from "./capture";
import { checkStructure, listSheets, readBlock, readSheetData } from "./read";
import { apiSupport } from "./host";
import { findBillingSheets } from "./billing";
import { PRODUCT_SHEETS } from "./product-sheets";
import { queueFixes, readTables, tablesInTheWay } from "./list-objects";
import { GatewayDeps, findSheet } from "./reconcile";
import { rect } from "./rects";
import { releaseExtents, restoreWidths } from "./release";
import { Meter, WriteBatch, leaveCalculated } from "./requests";
import { EMPTY_STATE, SETTING_AS_OF, SETTING_AUTO_OPEN, SETTING_SCHEMA, STATE_SHEET, readState } from "./state";
import { ProgressFn, WorkbookError } from "./types";

export async function removeReconciliation(deps: GatewayDeps, options: { readonly everything: boolean }, progress: ProgressFn): Promise<void> {
  await deps.host.Excel.run(async (ctx) => {
    const meter = new Meter(ctx);
    progress({ fraction: 0, phase: "removing" });
    const sheets = await listSheets(meter);
    const stateInfo = findSheet(sheets, STATE_SHEET);
    const state = stateInfo?.used ? await readState(meter, stateInfo.used.bottom) : EMPTY_STATE;
    const created = new Set(state.created.map((n) => n.toLowerCase()));
    if (stateInfo) created.add(stateInfo.name.toLowerCase());

    // With everything: the imported sheets (named in Sources, with provenance columns) and the tables.
    const inputs = new Set<string>();
    if (options.everything) {
      const sources = findSheet(sheets, SHEETS.sources);
      const records = readSourceRecords(sources ? await readSheetData(meter, sources) : undefined);
      for (const name of new Set(records.map((r) => r.sheet))) {
        const info = findSheet(sheets, name);
        if (!info?.used) continue;
        const head = await readBlock(meter, info.name, rect(1, 1, 1, Math.max(2, info.used.right)), ["values"]);
        if (hasProvenance(head.values[0] as never)) inputs.add(info.name.toLowerCase());
      }
      // The reconciliation files the pane imported, one sheet each (billing.ts).
      const notBilling = new Set([...PRODUCT_SHEETS, ...created, ...records.map((r) => r.sheet.toLowerCase())]);
      for (const b of await findBillingSheets(meter, sheets, notBilling)) if (b.imported) inputs.add(b.name.toLowerCase());
      for (const name of [SHEETS.sources, SHEETS.accounts, SHEETS.offerMap, SHEETS.unread]) {
        const info = findSheet(sheets, name);
        if (info) inputs.add(info.name.toLowerCase());
      }
    }
    const doomed = new Set([...created, ...inputs]);
    const kept = sheets.filter((s) => !doomed.has(s.name.toLowerCase()));
    checkStructure(sheets, sheets.filter((s) => doomed.has(s.name.toLowerCase())).map((s) => s.name));
    const existing = new Set(kept.map((s) => s.name.toLowerCase()));
    for (const e of state.extents) {
      const info = findSheet(kept, e.sheet);
      if (info?.protected) throw new WorkbookError("protected", { sheet: info.name });
    }

    const api = apiSupport(deps.host);
    // A table that took in our columns gets its own columns back first (list-objects.ts); where
    // Excel cannot resize it, removing goes ahead and Excel names the emptied headers Column1...
    const touched = [...new Set(state.extents.filter((e) => e.kind === "content" && existing.has(e.sheet.toLowerCase())).map((e) => findSheet(kept, e.sheet)!.name))];
    const { fixes } = tablesInTheWay(
      state.extents.filter((e) => e.kind === "content").map((e) => ({ sheet: e.sheet, rect: e.rect })),
      await readTables(meter, touched),
    );
    const batch = new WriteBatch(meter, () => undefined, deps.budget);
    if (fixes.length > 0 && api.has("tableResize")) {
      await batch.reserve(200 * fixes.length);
      queueFixes(meter, fixes);
    }
    const originals = new Map(state.originals.map((o) => [cellKey(o.sheet, o.row, o.col), o]));
    await releaseExtents({ meter, batch, validation: api.has("validation") }, state.extents, originals, existing);
    await restoreWidths({ meter, batch }, state.widths, existing);
    progress({ fraction: 0.6, phase: "removing" });

    await batch.flush();
    const names = state.names.map((n) => ctx.workbook.names.getItemOrNullObject(n).load("name"));
    const settingKeys = [...state.settings, SETTING_SCHEMA, ...(options.everything ? [SETTING_AS_OF, SETTING_AUTO_OPEN] : [])];
    const settings = settingKeys.map((k) => ctx.workbook.settings.getItemOrNullObject(k).load("key"));
    await meter.sync(0);
    for (const n of names) if (!n.isNullObject) n.delete();
    for (const s of settings) if (!s.isNullObject) s.delete();

    // Excel keeps at least one visible sheet: add an empty one if we would remove them all.
    if (!kept.some((s) => s.visibility === "Visible")) {
      let name = "Sheet1";
      for (let k = 2; findSheet(sheets, name); k++) name = `Sheet${k}`;
      ctx.workbook.worksheets.add(name).activate();
    }
    for (const info of sheets) if (doomed.has(info.name.toLowerCase())) ctx.workbook.worksheets.getItem(info.name).delete();
    await meter.sync(0);
    await leaveCalculated(meter, batch);
    progress({ fraction: 1, phase: "done" });
  });
}
