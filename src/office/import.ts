/**
 * Importing export files into the open workbook with the headless command's layout
 * (`importFiles()` of src/domain/importer.ts): one sheet per account and kind, the union of the
 * files' columns, "Source file" and "Source row" in front, and the Sources table.
 *
 * Into a workbook that already has the account's sheet, new files are appended below the earlier
 * rows (which keep their place, so the user's notes beside them stay aligned); columns that are
 * new are inserted before the reconciliation columns, which Excel moves right together with every
 * reference to them. A file imported again replaces its earlier rows.
 *
 * All or nothing: everything is checked before the first write (protected sheets, the workbook's
 * structure protection when sheets must be added, room for the rows and columns); if the import
 * is cancelled or Excel fails part-way, what it wrote is taken back — new sheets deleted,
 * inserted columns removed, appended rows cleared, the tables (Sources, Offer map, Accounts) put
 * back as they were. The one irreversible step, deleting the rows of files imported again, is
 * the last request.
 */
import { Cell, cellText, isBlank } from "../domain/cells";
import { CustomerListField, SubscriptionField, recogniseCustomerListHeader, recogniseSubscriptionHeader } from "../domain/headers";
import { ImportFile, importFiles, safeSheetName } from "../domain/importer";
import { Problem } from "../domain/model";
import { caseFold, cutUnits, headerKey } from "../domain/text";
import { ACCOUNT_COLUMNS, OFFER_MAP_COLUMNS, PROVENANCE, SHEETS, SOURCE_COLUMNS, SheetData, SourceKind, SourceRecord, hasProvenance, readOfferMap, readSourceRecords, sourceRow } from "../domain/workbook";
import { GENERATED, findAddedBlock } from "../layout/plan";
import { contentWidths } from "../layout/widths";
import { widthPoints } from "./plan-extents";
import { writeGrid } from "./apply-plan";
import { ExcelContent, toExcelInput } from "./cells";
import { contentInput } from "./capture";
import { SheetInfo, checkStructure, listSheets, readBlock, readSheetData } from "./read";
import { GatewayDeps, STATUS_CELL, findSheet } from "./reconcile";
import { MAX_COLS, MAX_ROWS, rect } from "./rects";
import { Meter, WriteBatch, leaveCalculated } from "./requests";
import { STATE_SHEET } from "./state";
import { writeTable } from "./tables";
import { ImportOutcome, ProgressFn, WorkbookError } from "./types";
import { RERUN_LABEL } from "../domain/verdicts";
import { billingSheetGrid, billingSheetName } from "../domain/billing-sheet";
import { BillingPlacement, findBillingSheets, placeBillingFiles } from "./billing";
import { PRODUCT_SHEETS } from "./product-sheets";

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

/** A reconciliation file's new sheet (billing.ts). */
interface BillingTarget {
  readonly source: SheetData;
  readonly kind: "billing";
  readonly target: string;
  readonly existing: null;
}

/** What one placement writes, decided before anything is written. */
type Write =
  | { readonly mode: "new"; readonly p: Placement | BillingTarget; readonly rows: readonly (readonly Cell[])[] }
  | {
      readonly mode: "append";
      readonly p: Placement;
      readonly added: readonly Cell[];
      /** Row 1 as it was. */
      readonly oldHeader: readonly Cell[];
      readonly dataWidth: number;
      /** Columns right of the data (ours, the user's) move right to make room. */
      readonly insert: boolean;
      readonly top: number;
      readonly width: number;
      readonly lines: readonly (readonly Cell[])[];
    };

/** A table (Sources, Offer map, Accounts) as it was, to put back if the import fails. */
interface TableBefore {
  readonly sheet: string;
  readonly rows: readonly (readonly Cell[])[] | null;
}

export async function importIntoWorkbook(deps: GatewayDeps, files: readonly ImportFile[], progress: ProgressFn, signal?: AbortSignal): Promise<ImportOutcome> {
  return deps.host.Excel.run(async (ctx) => {
    const meter = new Meter(ctx, signal);
    progress({ fraction: 0, phase: "importing" });
    const sheets = await listSheets(meter);
    const sourcesInfo = findSheet(sheets, SHEETS.sources);
    const sourcesData = sourcesInfo ? await readSheetData(meter, sourcesInfo) : undefined;
    const oldRecords = readSourceRecords(sourcesData);
    const result = importFiles(files);
    const newPaths = new Set(result.records.map((r) => caseFold(r.file)));
    const replaced = oldRecords.filter((r) => newPaths.has(caseFold(r.file)));
    const kept = oldRecords.filter((r) => !newPaths.has(caseFold(r.file)));
    const { placements, rename } = placeSheets(result.sheets, result.records, oldRecords, sheets);
    // Reconciliation files (§9): one sheet each, with only the columns the money view reads.
    const billingProblems: Problem[] = [];
    const billingGrids: { path: string; rows: Cell[][] }[] = [];
    for (const f of result.billing) {
      const g = billingSheetGrid(f.path, f.grid, f.error);
      if (g.ok) billingGrids.push({ path: f.path, rows: g.rows });
      else billingProblems.push(g.problem);
    }
    const billing = billingGrids.length > 0 ? await placeBilling(meter, sheets, oldRecords, placements, billingGrids) : [];

    // Everything is checked before the first write: protection, room on the sheets.
    for (const p of placements) {
      if (p.existing?.protected) throw new WorkbookError("protected", { sheet: p.existing.name });
    }
    for (const name of [SHEETS.sources, SHEETS.accounts, SHEETS.offerMap]) {
      const info = findSheet(sheets, name);
      if (info?.protected) throw new WorkbookError("protected", { sheet: info.name });
    }
    const writes = [
      ...(await planWrites(meter, placements)),
      ...billing.map((b): Write => ({ mode: "new", p: { source: { name: b.target, rows: b.rows }, kind: "billing", target: b.target, existing: null }, rows: b.rows })),
    ];
    for (const b of billing) if (b.rows.length > MAX_ROWS) throw new WorkbookError("tooManyRows", { sheet: b.target, rows: b.rows.length, max: MAX_ROWS });
    // A billing-only import into a workbook without Sources needs no Sources table.
    const sources = result.records.length > 0 || sourcesInfo !== undefined;
    const newTables = [...(sources ? [SHEETS.sources] : []), ...(result.offerMap ? [SHEETS.offerMap] : []), ...(result.accountSettings ? [SHEETS.accounts] : [])].filter(
      (n) => !findSheet(sheets, n),
    );
    checkStructure(sheets, [
      ...new Set([...placements.filter((p) => !p.existing).map((p) => p.target), ...billing.flatMap((b) => [b.target, ...(b.replaces ? [b.replaces] : [])]), ...newTables]),
    ]);
    const deleteRuns = await replacedRuns(meter, placements, newPaths);
    const before = await tablesBefore(meter, sheets, sourcesData, Boolean(result.offerMap), Boolean(result.accountSettings));
    const status = await statusBefore(meter, sheets);

    const totalRows = placements.reduce((n, p) => n + p.source.rows.length, 0) + billing.reduce((n, b) => n + b.rows.length, 0) + 1;
    const batch = new WriteBatch(meter, (done) => progress({ fraction: Math.min(0.95, 0.1 + (0.85 * done) / totalRows), phase: "importing" }), deps.budget);
    const newSheets = [...placements.filter((p) => !p.existing).map((p) => p.target), ...billing.map((b) => b.target), ...newTables];
    // What takes back each step, newest last; all of it is sent if the import stops before its end.
    const undo: (() => void)[] = [];
    try {
      // 1. New sheets and inserted columns, alone in one request: afterwards it is known exactly
      //    what changed, and the steps that take it back are safe to send whatever came after.
      await changeStructure(meter, batch, newSheets, writes, undo);
      // 2. Content: every step of it is taken back by clearing or rewriting, whether it arrived or not.
      for (const w of writes) await applyWrite(meter, batch, w, undo);
      // The tables, and the Summary's note that a re-run is needed.
      const records: SourceRecord[] = [...kept, ...result.records.map((r) => ({ ...r, sheet: rename.get(r.sheet) ?? r.sheet }))];
      const sourceRows = [[...SOURCE_COLUMNS], ...records.map(sourceRow)];
      if (sources) {
        undoTable(meter, before, SHEETS.sources, sourceRows.length, SOURCE_COLUMNS.length, undo);
        await writeTable(meter, batch, { sheet: SHEETS.sources, create: false, previousBottom: sourcesInfo?.used?.bottom ?? 0 }, sourceRows, SOURCE_COLUMNS.length);
      }
      if (result.offerMap) {
        const old = readOfferMap(asSheetData(before, SHEETS.offerMap));
        const seen = new Set(old.map((e) => `${e.oldOffer}\u0000${e.newOffer}`));
        const entries = [...old, ...result.offerMap.filter((e) => !seen.has(`${e.oldOffer}\u0000${e.newOffer}`))];
        const rows = [[...OFFER_MAP_COLUMNS], ...entries.map((e) => [e.oldOffer, e.newOffer])];
        undoTable(meter, before, SHEETS.offerMap, rows.length, OFFER_MAP_COLUMNS.length, undo);
        await writeTable(meter, batch, { sheet: SHEETS.offerMap, create: false, previousBottom: 0 }, rows, OFFER_MAP_COLUMNS.length);
      }
      if (result.accountSettings) {
        const rows = mergedAccounts(asSheetData(before, SHEETS.accounts), result.accountSettings);
        undoTable(meter, before, SHEETS.accounts, rows.length, ACCOUNT_COLUMNS.length, undo);
        await writeTable(meter, batch, { sheet: SHEETS.accounts, create: false, previousBottom: 0 }, rows, ACCOUNT_COLUMNS.length);
      }
      for (const name of newTables) {
        // As the pane's tables are made: the header row frozen.
        await batch.reserve(0);
        ctx.workbook.worksheets.getItem(name).freezePanes.freezeRows(1);
      }
      if (status) {
        const cell = () => ctx.workbook.worksheets.getItem(status.sheet).getRangeByIndexes(STATUS_CELL.row - 1, STATUS_CELL.col - 1, 1, 1);
        undo.push(() => (cell().formulas = [[status.before]]));
        await batch.reserve(100);
        cell().values = [[IMPORTED_TEXT]];
      }
      await batch.flush();
    } catch (e) {
      // Cancelled or failed part-way: take back what this import wrote, newest first.
      try {
        await takeBack(ctx, undo);
      } catch {
        // Excel is gone too: the error that stopped the import is the one to report.
      }
      throw e;
    }

    // The one step that cannot be taken back, last and in one request: rows of files imported
    // again. If Excel fails here, the new rows are in and some earlier ones may remain; importing
    // the file again removes them (docs/DECISIONS.md).
    const final = new WriteBatch(new Meter(ctx), () => undefined, deps.budget);
    // A billing file imported again: its new sheet takes the earlier one's place and name.
    for (const b of billing) {
      if (!b.replaces) continue;
      await final.reserve(0);
      ctx.workbook.worksheets.getItem(b.replaces).delete();
      const replacement = ctx.workbook.worksheets.getItem(b.target);
      replacement.name = b.replaces;
      replacement.position = findSheet(sheets, b.replaces)!.position;
    }
    for (const [sheet, runs] of deleteRuns) {
      for (const run of [...runs].reverse()) {
        await final.reserve(0);
        ctx.workbook.worksheets.getItem(sheet).getRangeByIndexes(run.top - 1, 0, run.count, 1).getEntireRow().delete("Up");
      }
    }
    await final.flush();
    await leaveCalculated(meter, batch, final);
    progress({ fraction: 1, phase: "done" });
    const problems: Problem[] = [
      ...result.records.filter((r) => r.state !== "ok").map((r) => ({ source: r.file, row: 0, code: r.state as Problem["code"], message: r.message })),
      ...billingProblems,
    ];
    return {
      files: files.length,
      sheets: [...new Set([...placements.map((p) => p.target), ...billing.map((b) => b.replaces ?? b.target)])],
      billingSheets: billing.map((b) => b.replaces ?? b.target),
      problems,
      replaced: [...replaced.map((r) => r.file), ...billing.filter((b) => b.replaces).map((b) => b.path)],
    };
  });
}

/**
 * Where each reconciliation file goes (billing.ts placeBillingFiles): the workbook's sheets and
 * the export sheets this import makes are taken; a sheet of the same file imported earlier is
 * found by its "Source file".
 */
async function placeBilling(
  meter: Meter,
  sheets: readonly SheetInfo[],
  oldRecords: readonly SourceRecord[],
  placements: readonly Placement[],
  grids: readonly { path: string; rows: Cell[][] }[],
): Promise<BillingPlacement[]> {
  const notBilling = new Set([...PRODUCT_SHEETS, ...oldRecords.map((r) => r.sheet.toLowerCase())]);
  const existing = await findBillingSheets(meter, sheets, notBilling);
  const taken = new Set([...sheets.map((s) => s.name.toLowerCase()), ...placements.map((p) => p.target.toLowerCase())]);
  return placeBillingFiles(grids, existing, taken, billingSheetName);
}

/** Where each imported sheet goes: the account's existing sheet, else a new one. */
function placeSheets(
  imported: readonly SheetData[],
  records: readonly SourceRecord[],
  oldRecords: readonly SourceRecord[],
  sheets: readonly SheetInfo[],
): { placements: Placement[]; rename: Map<string, string> } {
  const taken = new Set(sheets.map((s) => s.name.toLowerCase()));
  const rename = new Map<string, string>();
  const placements: Placement[] = [];
  for (const s of imported) {
    if (s.name === SHEETS.unread) {
      placements.push({ source: s, kind: "unread", target: findSheet(sheets, SHEETS.unread)?.name ?? SHEETS.unread, existing: findSheet(sheets, SHEETS.unread) ?? null });
      continue;
    }
    const rec = records.find((r) => r.sheet === s.name)!;
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
      for (let n = 2; taken.has(target.toLowerCase()); n++) target = safeSheetName(`${cutUnits(s.name, 26)} (${n})`);
      taken.add(target.toLowerCase());
    }
    rename.set(s.name, target);
    placements.push({ source: s, kind: rec.kind, target, existing });
  }
  return { placements, rename };
}

/** Reads the existing sheets' header rows and decides every placement's cells; refuses what does not fit. */
async function planWrites(meter: Meter, placements: readonly Placement[]): Promise<Write[]> {
  const out: Write[] = [];
  for (const p of placements) {
    const [header, ...rows] = p.source.rows;
    if (!p.existing?.used) {
      // A new sheet (or an empty one): the importer's layout as it is.
      if (rows.length + 1 > MAX_ROWS) throw new WorkbookError("tooManyRows", { sheet: p.target, rows: rows.length + 1, max: MAX_ROWS });
      out.push({ mode: "new", p, rows: p.source.rows });
      continue;
    }
    const got = await readBlock(meter, p.existing.name, rect(1, 1, 1, p.existing.used.right), ["values"]);
    const existingHeader = (got.values[0] ?? []) as Cell[];
    if (p.kind !== "unread" && !hasProvenance(existingHeader)) throw new WorkbookError("failed", { sheet: p.existing.name }, `"${p.existing.name}" is not an imported sheet`);
    // The block a run added (of this schema or an earlier one) is not the user's data.
    const block = findAddedBlock(existingHeader, (c) => cellText(c as Cell));
    let dataWidth = block ? block.at : existingHeader.length;
    while (dataWidth > 0 && isBlank(existingHeader[dataWidth - 1])) dataWidth--;
    // Appending: map the new header onto the existing one.
    const first = p.kind === "unread" ? 0 : PROVENANCE.length;
    const oldKeys = p.kind === "unread" ? existingHeader.slice(0, dataWidth).map((_, i) => `#${i}`) : columnKeys(p.kind, existingHeader.slice(first, dataWidth));
    const newKeys = p.kind === "unread" ? header.map((_, i) => `#${i}`) : columnKeys(p.kind, header.slice(first));
    const target: number[] = [];
    const added: Cell[] = [];
    newKeys.forEach((k, j) => {
      const at = oldKeys.indexOf(k);
      if (at >= 0) target.push(first + at);
      else {
        target.push(dataWidth + added.length);
        added.push(header[first + j]);
      }
    });
    const width = dataWidth + added.length;
    if (width > MAX_COLS || (added.length > 0 && p.existing.used.right + added.length > MAX_COLS)) throw new WorkbookError("failed", { sheet: p.target }, "Too many columns");
    const bottom = p.existing.used.bottom;
    if (bottom + rows.length > MAX_ROWS) throw new WorkbookError("tooManyRows", { sheet: p.target, rows: bottom + rows.length, max: MAX_ROWS });
    const lines = rows.map((r) => {
      const line: Cell[] = new Array(width).fill(null);
      if (p.kind !== "unread") {
        line[0] = r[0];
        line[1] = r[1];
      }
      for (let j = 0; j < newKeys.length; j++) line[target[j]] = r[first + j] ?? null;
      return line;
    });
    out.push({ mode: "append", p, added, oldHeader: existingHeader, dataWidth, insert: p.existing.used.right > dataWidth, top: bottom + 1, width, lines });
  }
  return out;
}

/**
 * Adds the new sheets (the tables' too) and inserts the new columns in one request. If Excel
 * fails it, what did change is read back and taken back before the error goes on; once it is
 * through, `undo` gets the steps that take it all back.
 */
async function changeStructure(meter: Meter, batch: WriteBatch, newSheets: readonly string[], writes: readonly Write[], undo: (() => void)[]): Promise<void> {
  const ctx = meter.ctx;
  const inserts = writes.flatMap((w) => (w.mode === "append" && w.added.length > 0 && w.insert ? [w] : []));
  if (newSheets.length === 0 && inserts.length === 0) return;
  const takeBackStructure = (sheetsNow: ReadonlySet<string>, inserted: readonly typeof inserts[number][]) => {
    for (const w of inserted) ctx.workbook.worksheets.getItem(w.p.target).getRangeByIndexes(0, w.dataWidth, 1, w.added.length).getEntireColumn().delete("Left");
    for (const name of newSheets) if (sheetsNow.has(name.toLowerCase())) ctx.workbook.worksheets.getItem(name).delete();
  };
  batch.holdCancel = true;
  try {
    for (const name of newSheets) {
      await batch.reserve(64);
      ctx.workbook.worksheets.add(name);
    }
    for (const w of inserts) {
      await batch.reserve(0);
      ctx.workbook.worksheets.getItem(w.p.target).getRangeByIndexes(0, w.dataWidth, 1, w.added.length).getEntireColumn().insert("Right");
    }
    await batch.flush();
  } catch (e) {
    try {
      // Which of the calls arrived: the sheets that exist now, the header rows that moved right.
      const items = ctx.workbook.worksheets.load("items/name");
      await ctx.sync();
      const now = new Set(items.items.map((w) => w.name.toLowerCase()));
      const inserted: typeof inserts = [];
      for (const w of inserts) {
        const got = await readBlock(meter, w.p.target, rect(1, 1, 1, w.oldHeader.length + w.added.length), ["values"]);
        const row = (got.values[0] ?? []).map((v) => cellText(v as Cell));
        const shifted = [...w.oldHeader.slice(0, w.dataWidth), ...w.added.map(() => ""), ...w.oldHeader.slice(w.dataWidth)].map((v) => cellText(v));
        if (row.join("\u0000") === shifted.join("\u0000")) inserted.push(w);
      }
      takeBackStructure(now, inserted);
      await ctx.sync();
    } catch {
      // Excel is gone too: the error that stopped the import is the one to report.
    }
    throw e;
  } finally {
    batch.holdCancel = false;
  }
  undo.push(() => takeBackStructure(new Set(newSheets.map((n) => n.toLowerCase())), inserts));
  meter.checkCancel();
}

async function applyWrite(meter: Meter, batch: WriteBatch, w: Write, undo: (() => void)[]): Promise<void> {
  const ctx = meter.ctx;
  const sheet = () => ctx.workbook.worksheets.getItem(w.p.target);
  if (w.mode === "new") {
    const header = w.rows[0];
    // A new sheet goes with the structure's undo; an existing empty one is emptied again.
    if (w.p.existing) undo.push(() => sheet().getRangeByIndexes(0, 0, w.rows.length, header.length).clear("All"));
    await writeCells(meter, batch, w.p.target, 1, 1, w.rows);
    await batch.reserve(0);
    sheet().getRangeByIndexes(0, 0, 1, header.length).format.font.bold = true;
    sheet().freezePanes.freezeRows(1);
    // Columns sized to their content, as in the command's file; only on a sheet this import
    // created: an existing sheet's columns are the user's, whatever their width.
    if (!w.p.existing) {
      const widths = contentWidths(w.rows);
      for (let c = 0; c < widths.length; c++) {
        await batch.reserve(0);
        sheet().getRangeByIndexes(0, c, 1, 1).format.columnWidth = widthPoints(widths[c]);
      }
    }
    return;
  }
  if (w.added.length > 0) {
    // Inserted columns go with the structure's undo; cells that were empty are emptied again.
    if (!w.insert) undo.push(() => sheet().getRangeByIndexes(0, w.dataWidth, 1, w.added.length).clear("All"));
    await writeCells(meter, batch, w.p.target, 1, w.dataWidth + 1, [w.added]);
    await batch.reserve(0);
    sheet().getRangeByIndexes(0, w.dataWidth, 1, w.added.length).format.font.bold = true;
  }
  undo.push(() => sheet().getRangeByIndexes(w.top - 1, 0, Math.max(1, w.lines.length), w.width).clear("Contents"));
  await writeCells(meter, batch, w.p.target, w.top, 1, w.lines);
}

/** Rows of files imported again: found by their "Source file" cell, deleted at the end. */
async function replacedRuns(meter: Meter, placements: readonly Placement[], newPaths: ReadonlySet<string>): Promise<Map<string, { top: number; count: number }[]>> {
  const out = new Map<string, { top: number; count: number }[]>();
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
    if (runs.length) out.set(p.target, runs);
  }
  return out;
}

async function tablesBefore(meter: Meter, sheets: readonly SheetInfo[], sources: SheetData | undefined, offerMap: boolean, accounts: boolean): Promise<TableBefore[]> {
  const out: TableBefore[] = [{ sheet: SHEETS.sources, rows: sources ? sources.rows : null }];
  for (const [name, wanted] of [
    [SHEETS.offerMap, offerMap],
    [SHEETS.accounts, accounts],
  ] as const) {
    if (!wanted) continue;
    const info = findSheet(sheets, name);
    out.push({ sheet: info?.name ?? name, rows: info ? (await readSheetData(meter, info)).rows : null });
  }
  return out;
}

const asSheetData = (before: readonly TableBefore[], name: string): SheetData | undefined => {
  const t = before.find((b) => b.sheet.toLowerCase() === name.toLowerCase());
  return t?.rows ? { name: t.sheet, rows: t.rows } : undefined;
};

/** Queues the undo of rewriting a table that existed: its old rows back, the new ones beyond cleared. */
function undoTable(meter: Meter, before: readonly TableBefore[], name: string, newRows: number, width: number, undo: (() => void)[]): void {
  const t = before.find((b) => b.sheet.toLowerCase() === name.toLowerCase());
  if (!t?.rows) return;
  const old = t.rows;
  undo.push(() => {
    const ws = meter.ctx.workbook.worksheets.getItem(t.sheet);
    const rows = Math.max(old.length, newRows, 1);
    ws.getRangeByIndexes(0, 0, rows, width).values = Array.from({ length: rows }, (_x, i) => Array.from({ length: width }, (_y, j) => toExcelInput(old[i]?.[j] ?? null)));
  });
}

/** The Summary's status cell of a reconciled workbook (it will say a re-run is needed), as it is. */
async function statusBefore(meter: Meter, sheets: readonly SheetInfo[]): Promise<{ sheet: string; before: ExcelContent } | null> {
  const summary = findSheet(sheets, GENERATED.summary);
  if (!summary || !findSheet(sheets, STATE_SHEET)) return null;
  const got = await readBlock(meter, summary.name, rect(STATUS_CELL.row, STATUS_CELL.col, STATUS_CELL.row, STATUS_CELL.col), ["formulas", "values", "valueTypes"]);
  return { sheet: summary.name, before: contentInput(got.formulas[0][0], got.values[0][0], got.valueTypes[0][0]) };
}

/** Sends the undo steps, newest first, in one request that nothing may cancel. */
async function takeBack(ctx: Excel.RequestContext, undo: readonly (() => void)[]): Promise<void> {
  if (undo.length === 0) return;
  for (const u of [...undo].reverse()) u();
  await ctx.sync();
}

async function writeCells(meter: Meter, batch: WriteBatch, sheet: string, top: number, left: number, rows: readonly (readonly Cell[])[]): Promise<void> {
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (width === 0 || rows.length === 0) return;
  await writeGrid({ meter, batch }, sheet, top, left, rows.length, width, (i, j) => toExcelInput(rows[i][j] ?? null), "values");
}

/** Accounts: the imported commerce replaces an account's, new accounts are added. */
export function mergedAccounts(data: SheetData | undefined, settings: readonly { account: string; commerce: string }[]): Cell[][] {
  const rows: Cell[][] = data?.rows.length ? data.rows.map((r) => [...r]) : [[...ACCOUNT_COLUMNS]];
  for (const s of settings) {
    const i = rows.findIndex((r, k) => k > 0 && caseFold(cellText(r[0]).trim()) === caseFold(s.account.trim()));
    if (i > 0) rows[i][2] = s.commerce;
    else rows.push([s.account, "", s.commerce]);
  }
  return rows.map((r) => r.slice(0, ACCOUNT_COLUMNS.length));
}
