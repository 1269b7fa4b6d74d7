/**
 * The product's input sheets and their state tables, as plain data. Both the task pane (after
 * importing files into Excel) and the headless command (in memory) hold exports in this one
 * shape, and the engine input is always read back from it (`readWorkbook`), so the two paths
 * cannot read the same exports differently.
 *
 * - Imported exports of one account sit together on one sheet ("From FR"), with two leading
 *   provenance columns ("Source file", "Source row") so that problems cite the original file.
 * - A sheet the user opened or pasted themselves is read as it is (one customer, one account).
 * - The "Sources" table says which file or sheet belongs to which account and customer; the
 *   "Accounts" table says which old accounts are new commerce; "Offer map" maps offers.
 */
import { Cell, cellText, isBlank } from "./cells";
import { headerRowIndex } from "./headers";
import {
  AccountSetting,
  Commerce,
  CustomerListSource,
  EngineInput,
  OfferMapEntry,
  Problem,
  Role,
  SourceRow,
  SourceState,
  SubscriptionSource,
} from "./model";
import { caseFold, cellKey } from "./text";

export interface SheetData {
  readonly name: string;
  /** rows[0] is the sheet's row 1; cells[0] is column A. */
  readonly rows: readonly (readonly Cell[])[];
}

export type SourceKind = "subscriptions" | "customers";

/** One row of the Sources table. */
export interface SourceRecord {
  /** File path relative to the export folder, or the sheet's own name. */
  readonly file: string;
  readonly kind: SourceKind;
  readonly account: string;
  readonly role: Role;
  /** The customer a per-customer export is about (file base name or as assigned by the user). */
  readonly customer: string;
  readonly sheet: string;
  readonly rows: number;
  readonly state: "ok" | SourceState["code"];
  readonly message: string;
  /**
   * The file names its customer on each row (§7.8). Recorded at import because an account sheet
   * shows the union of its files' columns; unknown (undefined) for a sheet the user opened.
   */
  readonly customerColumn?: boolean;
}

export const SHEETS = {
  sources: "Sources",
  accounts: "Accounts",
  offerMap: "Offer map",
  unread: "Unread files",
} as const;

export const PROVENANCE = ["Source file", "Source row"] as const;
export const SOURCE_COLUMNS = ["File", "Kind", "Account", "Role", "Customer", "Sheet", "Rows", "State", "Message", "Customer column"] as const;

/** One row of the Sources table, in SOURCE_COLUMNS order. */
export function sourceRow(r: SourceRecord): Cell[] {
  return [r.file, r.kind, r.account, r.role, r.customer, r.sheet, r.rows, r.state, r.message, r.customerColumn === undefined ? "" : r.customerColumn ? "yes" : "no"];
}
export const ACCOUNT_COLUMNS = ["Account", "Role", "Commerce"] as const;
export const OFFER_MAP_COLUMNS = ["Old offer", "New offer"] as const;

export function hasProvenance(header: readonly Cell[]): boolean {
  return cellText(header[0]).trim() === PROVENANCE[0] && cellText(header[1]).trim() === PROVENANCE[1];
}

const str = (c: Cell | undefined) => cellText(c).trim();

/** The Sources table as sheet rows (header first). */
export function sourcesSheet(records: readonly SourceRecord[]): SheetData {
  return {
    name: SHEETS.sources,
    rows: [[...SOURCE_COLUMNS], ...records.map(sourceRow)],
  };
}

export function offerMapSheet(entries: readonly OfferMapEntry[]): SheetData {
  return { name: SHEETS.offerMap, rows: [[...OFFER_MAP_COLUMNS], ...entries.map((e) => [e.oldOffer, e.newOffer])] };
}

export function accountsSheet(settings: readonly AccountSetting[]): SheetData {
  return { name: SHEETS.accounts, rows: [[...ACCOUNT_COLUMNS], ...settings.map((a) => [a.account, "", a.commerce])] };
}

export function readSourceRecords(sheet: SheetData | undefined): SourceRecord[] {
  if (!sheet || sheet.rows.length === 0) return [];
  const out: SourceRecord[] = [];
  for (const r of sheet.rows.slice(1)) {
    if (r.every(isBlank)) continue;
    const kind = str(r[1]).toLowerCase() === "customers" ? "customers" : "subscriptions";
    const role: Role = str(r[3]).toLowerCase() === "to" ? "to" : "from";
    const state = str(r[7]) as SourceRecord["state"];
    out.push({
      file: str(r[0]),
      kind,
      account: str(r[2]),
      role,
      customer: str(r[4]),
      sheet: str(r[5]),
      rows: typeof r[6] === "number" ? r[6] : Number(str(r[6])) || 0,
      state: state === "MISSING_COLUMN" || state === "UNREADABLE_FILE" || state === "EMPTY_FILE" ? state : "ok",
      message: str(r[8]),
      customerColumn: str(r[9]).toLowerCase() === "yes" ? true : str(r[9]).toLowerCase() === "no" ? false : undefined,
    });
  }
  return out;
}

export function readAccountSettings(sheet: SheetData | undefined): AccountSetting[] {
  if (!sheet) return [];
  return sheet.rows
    .slice(1)
    .filter((r) => str(r[0]) !== "")
    // Read as the workbook's NCE formula reads the Commerce cell (TRIM, any case).
    .map((r) => ({ account: str(r[0]), commerce: (cellKey(cellText(r[2])) === "nce" ? "nce" : "legacy") as Commerce }));
}

export function readOfferMap(sheet: SheetData | undefined): OfferMapEntry[] {
  if (!sheet) return [];
  return sheet.rows
    .slice(1)
    .map((r) => ({ oldOffer: str(r[0]), newOffer: str(r[1]) }))
    .filter((e) => e.oldOffer !== "" || e.newOffer !== "");
}

/** The base name of a file: its name without folders and without the last extension (§7.7). */
export function baseNameOf(path: string): string {
  const name = path.split("/").pop() ?? path;
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}

/** The Unread files sheet by file (case-folded path): each kept row's cells, from the file's first non-blank row on. */
function unreadRows(sheet: SheetData | undefined): Map<string, SourceRow[]> {
  const out = new Map<string, SourceRow[]>();
  if (!sheet) return out;
  sheet.rows.forEach((r, i) => {
    if (i === 0 || r.every(isBlank)) return;
    const file = caseFold(str(r[0]));
    let arr = out.get(file);
    if (!arr) out.set(file, (arr = []));
    const rowNo = typeof r[1] === "number" ? r[1] : Number(str(r[1]));
    arr.push({ cells: r.slice(2), row: Number.isFinite(rowNo) && rowNo > 0 ? rowNo : 0 });
  });
  return out;
}

/**
 * Reads the engine input back from the sheets. Sheets named in the Sources table are the
 * inputs; a file listed there with no rows on its sheet is a header-only export.
 */
export function readWorkbook(
  sheets: ReadonlyMap<string, SheetData>,
  asOf: number,
  extraProblems: readonly Problem[] = [],
): EngineInput {
  const records = readSourceRecords(sheets.get(SHEETS.sources));
  const subscriptions: SubscriptionSource[] = [];
  const customerLists: CustomerListSource[] = [];
  const problems: Problem[] = [...extraProblems];

  // Rows of imported sheets, by file.
  const byFile = new Map<string, Map<string, SourceRow[]>>();
  const headers = new Map<string, readonly Cell[]>();
  const imported = new Set<string>();
  for (const rec of records) {
    const sheet = sheets.get(rec.sheet);
    if (!sheet || headers.has(rec.sheet)) continue;
    const h = headerRowIndex(sheet.rows);
    const header = h >= 0 ? sheet.rows[h] : [];
    headers.set(rec.sheet, header);
    if (!hasProvenance(header)) continue;
    imported.add(rec.sheet);
    const files = new Map<string, SourceRow[]>();
    sheet.rows.forEach((cells, i) => {
      if (i <= h || cells.every(isBlank)) return;
      const file = str(cells[0]);
      const rowNo = typeof cells[1] === "number" ? cells[1] : Number(str(cells[1]));
      let arr = files.get(caseFold(file));
      if (!arr) files.set(caseFold(file), (arr = []));
      arr.push({ cells, row: Number.isFinite(rowNo) && rowNo > 0 ? rowNo : i + 1, at: { sheet: rec.sheet, row: i + 1 } });
    });
    byFile.set(rec.sheet, files);
  }

  const unread = unreadRows(sheets.get(SHEETS.unread));
  for (const rec of records) {
    let state: SourceState | undefined = rec.state === "ok" ? undefined : { code: rec.state, message: rec.message };
    const sheet = sheets.get(rec.sheet);
    let header: readonly Cell[] = [];
    let rows: SourceRow[] = [];
    if (state) {
      // The record carries the reason. A file missing a column keeps its rows on the Unread
      // files sheet: its customer cells still say which customers it covers (§4 rule 2, §7.8).
      const kept = state.code === "MISSING_COLUMN" ? unread.get(caseFold(rec.file)) : undefined;
      if (kept && kept.length > 0) [header, rows] = [kept[0].cells, kept.slice(1)];
    } else if (!sheet) {
      state = { code: "UNREADABLE_FILE", message: `Sheet "${rec.sheet}" named in the Sources table is missing` };
      // A missing customer list is only a problem; a missing export still covers its customer.
      if (rec.kind === "customers") {
        problems.push({ source: rec.file, row: 0, ...state });
        continue;
      }
    } else if (imported.has(rec.sheet)) {
      header = headers.get(rec.sheet)!;
      rows = byFile.get(rec.sheet)!.get(caseFold(rec.file)) ?? [];
    } else {
      const h = headerRowIndex(sheet.rows);
      if (h < 0) {
        state = { code: "EMPTY_FILE", message: "The sheet is empty" };
        if (rec.kind === "customers") {
          problems.push({ source: rec.file, row: 0, ...state });
          continue;
        }
      } else {
        header = sheet.rows[h];
        rows = sheet.rows.slice(h + 1).map((cells, i) => ({ cells, row: h + 2 + i, at: { sheet: rec.sheet, row: h + 2 + i } }));
      }
    }
    if (rec.kind === "customers") {
      customerLists.push({ source: rec.file, account: rec.account, role: rec.role, header, rows, state });
    } else {
      subscriptions.push({
        source: rec.file,
        account: rec.account,
        role: rec.role,
        baseName: rec.customer !== "" ? rec.customer : baseNameOf(rec.file),
        header,
        rows,
        state,
        perRowCustomer: rec.customerColumn,
      });
    }
  }

  return {
    subscriptions,
    customerLists,
    offerMap: readOfferMap(sheets.get(SHEETS.offerMap)),
    accounts: readAccountSettings(sheets.get(SHEETS.accounts)),
    asOf,
    problems,
  };
}
