/**
 * Reconciliation (invoice) files in the open workbook (spec §9, issue 13 point 1): the sheets the
 * pane imported them onto (one per file, domain/billing-sheet.ts) and any sheet the user opened
 * or pasted one into, found like exports by the header in their first rows. They are read the
 * way the command streams billing/: header first, then only the columns the money view reads of
 * a file that has about 60, column by column, into the domain's `BillingReader`, which keeps the
 * lines of the run's old subscriptions only.
 */
import { Cell, cellText, isBlank } from "../domain/cells";
import { BillingData, BillingReader } from "../domain/charges";
import { BillingKind, classifyHeader, headerRowIndex, recogniseBillingHeader } from "../domain/headers";
import { PROVENANCE, hasProvenance } from "../domain/workbook";
import { caseFold, compareFileOrder, cutUnits } from "../domain/text";
import { safeSheetName } from "../domain/importer";
import { fromExcel } from "./cells";
import { ReadQueue, SheetInfo } from "./read";
import { Rect, rect } from "./rects";
import { Meter } from "./requests";

/** A sheet holding one reconciliation file. */
export interface BillingSheet {
  readonly name: string;
  /** 1-based header row (the first non-empty row of the sheet). */
  readonly headerRow: number;
  /** The file's header, without the provenance columns of an imported sheet. */
  readonly header: readonly Cell[];
  /** Imported by the pane: "Source file" and "Source row" in front, one file per sheet. */
  readonly imported: boolean;
  /** What problems cite and lines are told apart by: the imported file's path, else the sheet's name. */
  readonly source: string;
  /** Legacy license-based or new commerce; null when the header is neither (a MISSING_COLUMN problem). */
  readonly kind: BillingKind | null;
  /** Rows below the header (blank ones included). */
  readonly rows: number;
  readonly used: Rect;
}

/** How many rows from the top are looked at for the header (as for exports: inspect.ts). */
const HEADER_SCAN = 20;

/**
 * A sheet as a reconciliation file, from its first rows (`rows[0]` is row 1), or null when its
 * header (its first non-empty row) is not a reconciliation file's.
 */
export function billingSheetOf(info: SheetInfo, rows: readonly (readonly Cell[])[]): BillingSheet | null {
  const h = headerRowIndex(rows);
  if (!info.used || h < 0 || classifyHeader(rows[h]) !== "billing") return null;
  const imported = hasProvenance(rows[h]);
  const header = imported ? rows[h].slice(PROVENANCE.length) : rows[h];
  const firstSource = imported ? cellText(rows[h + 1]?.[0]).trim() : "";
  return {
    name: info.name,
    headerRow: h + 1,
    header,
    imported,
    source: firstSource !== "" ? firstSource : info.name,
    kind: recogniseBillingHeader(header).kind,
    rows: info.used.bottom - (h + 1),
    used: info.used,
  };
}

/**
 * The sheets whose header is a reconciliation file's, in the order the command reads billing/
 * (by source, case-folded). `skip`: lower-case names that are never billing (the product's
 * sheets, the exports named in Sources). One small read per sheet, shared between sheets.
 */
export async function findBillingSheets(meter: Meter, sheets: readonly SheetInfo[], skip: ReadonlySet<string>): Promise<BillingSheet[]> {
  const q = new ReadQueue(meter);
  const found: BillingSheet[] = [];
  for (const info of sheets) {
    const used = info.used;
    if (!used || skip.has(info.name.toLowerCase())) continue;
    const bottom = Math.min(used.bottom, used.top + HEADER_SCAN - 1);
    q.addArea(info.name, rect(used.top, 1, bottom, used.right), ["values", "valueTypes"], (got) => {
      const rows: Cell[][] = Array.from({ length: used.top - 1 }, () => []);
      got.values.forEach((line, i) => rows.push(line.map((v, j) => fromExcel(v, got.valueTypes[i][j] as string))));
      const sheet = billingSheetOf(info, rows);
      if (sheet) found.push(sheet);
    });
  }
  await q.run();
  return found.sort(billingOrder);
}

/** The order the command reads billing/ in (by path, case-folded), then by sheet. */
export function billingOrder(a: BillingSheet, b: BillingSheet): number {
  return compareFileOrder(a.source, b.source) || compareFileOrder(a.name, b.name);
}

/**
 * Reads the billing sheets' lines (`wanted`: the run's old subscriptions, money.ts wantedKeys).
 * A sheet whose header lacks a column is a MISSING_COLUMN problem and its lines are not read.
 */
export async function readBillingSheets(meter: Meter, found: readonly BillingSheet[], wanted: ((key: string) => string | null) | null): Promise<BillingData> {
  const reader = new BillingReader(wanted);
  for (const s of found) {
    const file = reader.file(s.source);
    file.row(s.header, s.headerRow);
    const mask = file.columns() ?? [];
    const columns = mask.flatMap((m, i) => (m ? [i] : []));
    if (columns.length > 0 && s.rows > 0) {
      const offset = s.imported ? PROVENANCE.length : 0;
      const top = s.headerRow + 1;
      const area = (col: number) => rect(top, col + 1, s.used.bottom, col + 1);
      const read = new Map<number, unknown[][]>();
      const q = new ReadQueue(meter);
      for (const c of columns) q.addArea(s.name, area(c + offset), ["values"], (got) => read.set(c, got.values));
      let sourceRows: unknown[][] | null = null;
      // An imported line cites its file's row, as the command does.
      if (s.imported) q.addArea(s.name, area(1), ["values"], (got) => (sourceRows = got.values));
      await q.run();
      for (let i = 0; i < s.rows; i++) {
        const cells: Cell[] = [];
        for (const c of columns) cells[c] = fromExcel(read.get(c)![i]?.[0], undefined);
        const cited = (sourceRows as unknown[][] | null)?.[i]?.[0];
        file.row(cells, typeof cited === "number" ? cited : top + i, columns.every((c) => isBlank(cells[c])));
      }
      meter.checkCancel();
    }
    file.end();
  }
  return reader.data();
}

/** Where an imported reconciliation file goes (importing, import.ts). */
export interface BillingPlacement {
  readonly path: string;
  /** The sheet written: a new one; for a file imported again, a new one that replaces `replaces` at the end. */
  readonly target: string;
  /** The sheet of the same file from an earlier import: deleted last, and `target` takes its name. */
  readonly replaces: string | null;
  readonly rows: readonly (readonly Cell[])[];
}

/**
 * One new sheet per file, named for it ("Billing <file name>", numbered when taken). A file
 * imported before (the same path, any case) is written to a new sheet first, which takes the
 * earlier sheet's place and name in the import's last request: until then the workbook still
 * holds the earlier lines, so an import stopped half-way loses nothing.
 */
export function placeBillingFiles(
  files: readonly { readonly path: string; readonly rows: readonly (readonly Cell[])[] }[],
  existing: readonly BillingSheet[],
  taken: Set<string>,
  nameOf: (path: string) => string,
): BillingPlacement[] {
  return files.map((f) => {
    const base = nameOf(f.path);
    // A sheet with no line names no source file (its rows do): it is the file's by its name.
    const before = existing.find((s) => s.imported && (s.rows > 0 ? caseFold(s.source) === caseFold(f.path) : s.name.toLowerCase() === base.toLowerCase()));
    let target = base;
    for (let n = 2; taken.has(target.toLowerCase()); n++) target = safeSheetName(`${cutUnits(base, 26)} (${n})`);
    taken.add(target.toLowerCase());
    return { path: f.path, target, replaces: before?.name ?? null, rows: f.rows };
  });
}
