/**
 * Importing export files into the open workbook with the headless command's layout
 * (`importFiles()` of src/domain/importer.ts): one sheet per account and kind, the union of the
 * files' columns, "Source file" and "Source row" in front, and the Sources table.
 *
 * Into a workbook that already has the account's sheet, new files are appended below the earlier
 * rows (which keep their place, so the user's notes beside them stay aligned); columns that are
 * new are inserted before the reconciliation columns, which Excel moves right together with every
 * reference to them. A file imported again replaces its earlier rows. Cancelling leaves the
 * workbook untouched: appended rows, inserted columns and new sheets are taken back, and the
 * irreversible steps (deleting replaced rows, rewriting Sources) happen last, in one go.
 */
import { Cell, cellText, isBlank } from "../domain/cells";
import { CustomerListField, SubscriptionField, recogniseCustomerListHeader, recogniseSubscriptionHeader } from "../domain/headers";
import { ImportFile, importFiles, safeSheetName } from "../domain/importer";
import { Problem } from "../domain/model";
import { caseFold, headerKey } from "../domain/text";
import { ACCOUNT_COLUMNS, OFFER_MAP_COLUMNS, PROVENANCE, SHEETS, SOURCE_COLUMNS, SheetData, SourceKind, SourceRecord, hasProvenance, readOfferMap, readSourceRecords, sourceRow } from "../domain/workbook";
import { ADDED_HEADERS, GENERATED } from "../layout/plan";
import { writeGrid } from "./apply-plan";
import { toExcelInput } from "./cells";
import { SheetInfo, listSheets, readBlock, readSheetData } from "./read";
import { GatewayDeps, findSheet } from "./reconcile";
import { MAX_COLS, MAX_ROWS, rect } from "./rects";
import { Meter, WriteBatch, leaveCalculated } from "./requests";
import { STATE_SHEET } from "./state";
import { writeTable } from "./tables";
import { CancelledError, ImportOutcome, ProgressFn, WorkbookError } from "./types";
import { RERUN_LABEL } from "../domain/verdicts";

export const IMPORTED_TEXT = `${RERUN_LABEL}: files were imported since the last run`;

/** A column's identity across files: the recognised field, else the header text's key. */
export function columnKeys(kind: SourceKind, header: readonly Cell[]): string[] {
  const map = kind === "customers" ? recogniseCustomerListHeader(header) : recogniseSubscriptionHeader(header);
  const byIndex = new Map<number, string>();
  for (const [field, index] of Object.entries(map.fields) as [SubscriptionField | CustomerListField, number][]) byIndex.set(index, `f:${field}`);
  const seen = new Map<string, number>();
  return header.map((h, i) => {
    let k = byIndex.get(i) ?? `x:${headerKey(cellText(h))}`;
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    if (n > 1) k = `${k}#${n}`;
    return k;
  });
}

interface Placement {
  readonly source: SheetData;
  readonly kind: SourceKind | "unread";
  readonly target: string;
  readonly existing: SheetInfo | null;
}

export async function importIntoWorkbook(deps: GatewayDeps, files: readonly ImportFile[], progress: ProgressFn, signal?: AbortSignal): Promise<ImportOutcome> {
  return deps.host.Excel.run(async (ctx) => {
    const meter = new Meter(ctx, signal);
    progress({ fraction: 0, phase: "importing" });
    const sheets = await listSheets(meter);
    const sourcesInfo = findSheet(sheets, SHEETS.sources);
    const oldRecords = readSourceRecords(sourcesInfo ? await readSheetData(meter, sourcesInfo) : undefined);
    const result = importFiles(files);
    const newPaths = new Set(result.records.map((r) => caseFold(r.file)));
    const replaced = oldRecords.filter((r) => newPaths.has(caseFold(r.file)));
    const kept = oldRecords.filter((r) => !newPaths.has(caseFold(r.file)));

    // Where each imported sheet goes: the account's existing sheet, else a new one.
    const taken = new Set(sheets.map((s) => s.name.toLowerCase()));
    const rename = new Map<string, string>();
    const placements: Placement[] = [];
    for (const s of result.sheets) {
      if (s.name === SHEETS.unread) {
        placements.push({ source: s, kind: "unread", target: findSheet(sheets, SHEETS.unread)?.name ?? SHEETS.unread, existing: findSheet(sheets, SHEETS.unread) ?? null });
        continue;
      }
      const rec = result.records.find((r) => r.sheet === s.name)!;
      const same = oldRecords.find(
        (r) => caseFold(r.account) === caseFold(rec.account) && r.role === rec.role && r.kind === rec.kind && findSheet(sheets, r.sheet) !== undefined,
      );
      let target: string;
      let existing: SheetInfo | null = null;
      if (same) {
        existing = findSheet(sheets, same.sheet)!;
        target = existing.name;
      } else {
        target = s.name;
        for (let n = 2; taken.has(target.toLowerCase()); n++) target = safeSheetName(`${s.name.slice(0, 26)} (${n})`);
        taken.add(target.toLowerCase());
      }
      rename.set(s.name, target);
      placements.push({ source: s, kind: rec.kind, target, existing });
    }
    for (const p of placements) {
      if (p.existing?.protected) throw new WorkbookError("protected", { sheet: p.existing.name });
    }
    for (const name of [SHEETS.sources, SHEETS.accounts, SHEETS.offerMap]) {
      const info = findSheet(sheets, name);
      if (info?.protected) throw new WorkbookError("protected", { sheet: info.name });
    }

    // Existing headers (row 1 of an imported sheet) and where the reconciliation columns start.
    const layouts = new Map<string, { header: Cell[]; dataWidth: number; usedRight: number; bottom: number }>();
    for (const p of placements) {
      if (!p.existing?.used) continue;
      const got = await readBlock(meter, p.existing.name, rect(1, 1, 1, p.existing.used.right), ["values"]);
      const header = (got.values[0] ?? []) as Cell[];
      if (p.kind !== "unread" && !hasProvenance(header)) throw new WorkbookError("failed", { sheet: p.existing.name }, `"${p.existing.name}" is not an imported sheet`);
      let dataWidth = header.length;
      for (let c = 0; c + ADDED_HEADERS.length <= header.length; c++) {
        if (ADDED_HEADERS.every((h, k) => cellText(header[c + k]).trim() === h)) {
          dataWidth = c;
          break;
        }
      }
      while (dataWidth > 0 && isBlank(header[dataWidth - 1])) dataWidth--;
      layouts.set(p.target, { header, dataWidth, usedRight: p.existing.used.right, bottom: p.existing.used.bottom });
    }

    // Rows of files imported again: found by their "Source file" cell, deleted at the end.
    const deleteRuns = new Map<string, { top: number; count: number }[]>();
    for (const p of placements) {
      if (!p.existing?.used) continue;
      const col = await readBlock(meter, p.existing.name, rect(1, 1, p.existing.used.bottom, 1), ["values"]);
      const runs: { top: number; count: number }[] = [];
      col.values.forEach((v, i) => {
        if (i === 0 || !newPaths.has(caseFold(cellText(v[0] as Cell)))) return;
        const last = runs[runs.length - 1];
        if (last && last.top + last.count === i + 1) last.count++;
        else runs.push({ top: i + 1, count: 1 });
      });
      if (runs.length) deleteRuns.set(p.target, runs);
    }

    const totalRows = placements.reduce((n, p) => n + p.source.rows.length, 0) + 1;
    const batch = new WriteBatch(meter, (done) => progress({ fraction: Math.min(0.95, 0.1 + (0.85 * done) / totalRows), phase: "importing" }), deps.budget);
    const undo: (() => void)[] = [];
    try {
      for (const p of placements) {
        const [header, ...rows] = p.source.rows;
        const layout = layouts.get(p.target);
        if (!layout) {
          // A new sheet (or an empty one): the importer's layout as it is.
          if (rows.length + 1 > MAX_ROWS) throw new WorkbookError("tooManyRows", { sheet: p.target, rows: rows.length + 1, max: MAX_ROWS });
          if (!p.existing) {
            await batch.reserve(64);
            ctx.workbook.worksheets.add(p.target);
            undo.push(() => ctx.workbook.worksheets.getItem(p.target).delete());
          } else {
            undo.push(() => ctx.workbook.worksheets.getItem(p.target).getRangeByIndexes(0, 0, rows.length + 1, header.length).clear("Contents"));
          }
          await writeCells(meter, batch, p.target, 1, 1, p.source.rows);
          await batch.reserve(0);
          const ws = ctx.workbook.worksheets.getItem(p.target);
          ws.getRangeByIndexes(0, 0, 1, header.length).format.font.bold = true;
          ws.freezePanes.freezeRows(1);
          continue;
        }
        // Appending: map the new header onto the existing one.
        const first = p.kind === "unread" ? 0 : PROVENANCE.length;
        const oldKeys = p.kind === "unread" ? layout.header.slice(0, layout.dataWidth).map((_, i) => `#${i}`) : columnKeys(p.kind, layout.header.slice(first, layout.dataWidth));
        const newKeys = p.kind === "unread" ? header.map((_, i) => `#${i}`) : columnKeys(p.kind, header.slice(first));
        const target: number[] = [];
        const added: Cell[] = [];
        newKeys.forEach((k, j) => {
          const at = oldKeys.indexOf(k);
          if (at >= 0) target.push(first + at);
          else {
            target.push(layout.dataWidth + added.length);
            added.push(header[first + j]);
          }
        });
        const width = layout.dataWidth + added.length;
        if (width > MAX_COLS) throw new WorkbookError("failed", { sheet: p.target }, "Too many columns");
        if (layout.bottom + rows.length > MAX_ROWS) throw new WorkbookError("tooManyRows", { sheet: p.target, rows: layout.bottom + rows.length, max: MAX_ROWS });
        if (added.length > 0) {
          if (layout.usedRight > layout.dataWidth) {
            // Make room before the reconciliation columns (and anything the user put after the data).
            await batch.reserve(0);
            const cols = ctx.workbook.worksheets.getItem(p.target).getRangeByIndexes(0, layout.dataWidth, 1, added.length).getEntireColumn();
            cols.insert("Right");
            undo.push(() => ctx.workbook.worksheets.getItem(p.target).getRangeByIndexes(0, layout.dataWidth, 1, added.length).getEntireColumn().delete("Left"));
          } else {
            undo.push(() => ctx.workbook.worksheets.getItem(p.target).getRangeByIndexes(0, layout.dataWidth, 1, added.length).clear("All"));
          }
          await writeCells(meter, batch, p.target, 1, layout.dataWidth + 1, [added]);
          await batch.reserve(0);
          ctx.workbook.worksheets.getItem(p.target).getRangeByIndexes(0, layout.dataWidth, 1, added.length).format.font.bold = true;
        }
        const lines = rows.map((r) => {
          const line: Cell[] = new Array(width).fill(null);
          if (p.kind !== "unread") {
            line[0] = r[0];
            line[1] = r[1];
          }
          for (let j = 0; j < newKeys.length; j++) line[target[j]] = r[first + j] ?? null;
          return line;
        });
        const top = layout.bottom + 1;
        undo.push(() => ctx.workbook.worksheets.getItem(p.target).getRangeByIndexes(top - 1, 0, Math.max(1, lines.length), width).clear("Contents"));
        await writeCells(meter, batch, p.target, top, 1, lines);
      }
      await batch.flush();
    } catch (e) {
      if (e instanceof CancelledError) {
        // Take back what this import wrote, newest first.
        for (const u of undo.reverse()) u();
        await ctx.sync();
      }
      throw e;
    }

    // The irreversible part, not cancellable: replaced rows, then the tables.
    const final = new WriteBatch(new Meter(ctx), () => undefined, deps.budget);
    for (const [sheet, runs] of deleteRuns) {
      for (const run of [...runs].reverse()) {
        await final.reserve(0);
        ctx.workbook.worksheets.getItem(sheet).getRangeByIndexes(run.top - 1, 0, run.count, 1).getEntireRow().delete("Up");
      }
    }
    const records: SourceRecord[] = [...kept, ...result.records.map((r) => ({ ...r, sheet: rename.get(r.sheet) ?? r.sheet }))];
    await writeTable(meter, final, { sheet: SHEETS.sources, create: !sourcesInfo, previousBottom: sourcesInfo?.used?.bottom ?? 0 }, [[...SOURCE_COLUMNS], ...records.map(sourceRow)], SOURCE_COLUMNS.length);
    if (result.offerMap) {
      const info = findSheet(sheets, SHEETS.offerMap);
      const old = readOfferMap(info ? await readSheetData(meter, info) : undefined);
      const seen = new Set(old.map((e) => `${e.oldOffer}\u0000${e.newOffer}`));
      const entries = [...old, ...result.offerMap.filter((e) => !seen.has(`${e.oldOffer}\u0000${e.newOffer}`))];
      await writeTable(meter, final, { sheet: SHEETS.offerMap, create: !info, previousBottom: 0 }, [[...OFFER_MAP_COLUMNS], ...entries.map((e) => [e.oldOffer, e.newOffer])], OFFER_MAP_COLUMNS.length);
    }
    if (result.accountSettings) await mergeAccounts(meter, final, sheets, result.accountSettings);
    const summary = findSheet(sheets, GENERATED.summary);
    if (summary && findSheet(sheets, STATE_SHEET)) {
      await final.reserve(100);
      ctx.workbook.worksheets.getItem(summary.name).getRangeByIndexes(2, 1, 1, 1).values = [[IMPORTED_TEXT]];
    }
    await final.flush();
    await leaveCalculated(meter, batch, final);
    progress({ fraction: 1, phase: "done" });
    const problems: Problem[] = result.records
      .filter((r) => r.state !== "ok")
      .map((r) => ({ source: r.file, row: 0, code: r.state as Problem["code"], message: r.message }));
    return {
      files: files.length,
      sheets: [...new Set(placements.map((p) => p.target))],
      problems,
      replaced: replaced.map((r) => r.file),
    };
  });
}

async function writeCells(meter: Meter, batch: WriteBatch, sheet: string, top: number, left: number, rows: readonly (readonly Cell[])[]): Promise<void> {
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (width === 0 || rows.length === 0) return;
  await writeGrid({ meter, batch }, sheet, top, left, rows.length, width, (i, j) => toExcelInput(rows[i][j] ?? null), "values");
}

/** Accounts: the imported commerce replaces an account's, new accounts are added. */
export async function mergeAccounts(meter: Meter, batch: WriteBatch, sheets: readonly SheetInfo[], settings: readonly { account: string; commerce: string }[]): Promise<void> {
  const info = findSheet(sheets, SHEETS.accounts);
  const data = info ? await readSheetData(meter, info) : undefined;
  const rows: Cell[][] = data?.rows.length ? data.rows.map((r) => [...r]) : [[...ACCOUNT_COLUMNS]];
  for (const s of settings) {
    const i = rows.findIndex((r, k) => k > 0 && caseFold(cellText(r[0]).trim()) === caseFold(s.account.trim()));
    if (i > 0) rows[i][2] = s.commerce;
    else rows.push([s.account, "", s.commerce]);
  }
  await writeTable(meter, batch, { sheet: SHEETS.accounts, create: !info, previousBottom: 0 }, rows.map((r) => r.slice(0, ACCOUNT_COLUMNS.length)), ACCOUNT_COLUMNS.length);
}
