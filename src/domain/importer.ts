/**
 * Importing export files into sheets (pure): every file of one account goes onto one sheet,
 * under the union of the files' columns, with "Source file" and "Source row" in front. Files
 * that cannot be read keep their raw rows on the "Unread files" sheet, so nothing is lost.
 */
import { Cell, isBlank, cellText } from "./cells";
import {
  CustomerListField,
  HeaderMap,
  SubscriptionField,
  classifyHeader,
  headerRowIndex,
  missingRequired,
  recogniseCustomerListHeader,
  recogniseSubscriptionHeader,
  FIELD_LABEL_EN,
} from "./headers";
import { AccountSetting, OfferMapEntry, Role } from "./model";
import { readQuantity } from "./quantity";
import { caseFold, compareFileOrder, cutUnits, headerKey } from "./text";
import { PROVENANCE, SHEETS, SheetData, SourceKind, SourceRecord, baseNameOf } from "./workbook";

/** "billing": a reconciliation (invoice) file (§9): never an account sheet; the money view reads it (the add-in from a Billing sheet of its own, office/billing.ts). */
export type FileKind = SourceKind | "offerMap" | "accounts" | "billing";

export interface ImportFile {
  /** Relative path with "/": the problems' source. */
  readonly path: string;
  readonly role: Role;
  readonly account: string;
  /** Known from the folder layout, or detected from the header when absent. */
  readonly kind?: FileKind;
  /** Null when the file could not be decoded at all. */
  readonly grid: Cell[][] | null;
  readonly error?: string;
}

export interface ImportResult {
  /** Data sheets in creation order (subscriptions and customer lists per account, Unread files). */
  readonly sheets: SheetData[];
  readonly records: SourceRecord[];
  readonly offerMap: OfferMapEntry[] | null;
  readonly accountSettings: AccountSetting[] | null;
  /** Reconciliation files found among the files, left for the money view (§9). */
  readonly billing: ImportFile[];
}

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/g;

/**
 * Excel sheet names: at most 31 characters, none of []:*?/\ . The apostrophe becomes ’: Excel
 * allows it inside a name, but Gnumeric (1.12.55) cannot read a reference to such a sheet in
 * an .xlsx, and every formula reading the export would fail there.
 */
export function safeSheetName(s: string): string {
  const cleaned = s.replace(INVALID_SHEET_CHARS, " ").replace(/\s+/g, " ").trim().replace(/'/g, "\u2019");
  // Excel counts 31 UTF-16 units; a cut through a surrogate pair would leave half an emoji (U+FFFD).
  return cutUnits(cleaned === "" ? "Sheet" : cleaned, 31).trim();
}

export function dataSheetName(account: string, role: Role, kind: SourceKind): string {
  const who = account.trim() !== "" ? account.trim() : role === "to" ? "New" : "Old";
  return safeSheetName(`${cutUnits(who, 17)} ${kind === "customers" ? "customers" : "subscriptions"}`);
}

/** What a loose file is, when no folder says so (task pane drops). */
export function detectKind(path: string, grid: Cell[][] | null): FileKind {
  const base = caseFold(baseNameOf(path));
  if (base === "offer-map" || base === "offer map" || base === "offermap") return "offerMap";
  if (base === "accounts") return "accounts";
  if (base === "customers") return "customers";
  if (grid) {
    const h = headerRowIndex(grid);
    const kind = h >= 0 ? classifyHeader(grid[h]) : "unknown";
    if (kind === "customers" || kind === "billing") return kind;
  }
  return "subscriptions";
}

interface UnionColumn {
  readonly key: string;
  readonly header: string;
}

function columnKeys<F extends string>(map: HeaderMap<F>): string[] {
  const keys: string[] = [];
  const byIndex = new Map<number, string>();
  for (const [field, index] of Object.entries(map.fields) as [F, number][]) byIndex.set(index, `f:${field}`);
  const seen = new Map<string, number>();
  map.headers.forEach((h, i) => {
    let k = byIndex.get(i) ?? `x:${headerKey(h)}`;
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    if (n > 1) k = `${k}#${n}`;
    keys.push(k);
  });
  return keys;
}

interface Block {
  readonly sheet: string;
  readonly account: string;
  readonly role: Role;
  readonly kind: SourceKind;
  readonly columns: UnionColumn[];
  readonly rows: Cell[][];
}

function firstTwo(grid: Cell[][], names: readonly [string, string]): { entries: [string, string][] } {
  const h = headerRowIndex(grid);
  if (h < 0) return { entries: [] };
  const header = grid[h].map((c) => headerKey(cellText(c)));
  let a = header.indexOf(headerKey(names[0]));
  let b = header.indexOf(headerKey(names[1]));
  if (a < 0 || b < 0) {
    // §7.14: else its first two columns; the first row still counts as their header.
    a = 0;
    b = 1;
  }
  return {
    entries: grid
      .slice(h + 1)
      .filter((r) => !r.every(isBlank))
      .map((r) => [cellText(r[a]).trim(), cellText(r[b]).trim()] as [string, string]),
  };
}

/** Excel's limit on the characters of one cell ("Excel specifications and limits"). */
export const MAX_CELL_TEXT = 32_767;

/**
 * Why a file could not be read, as the Problems sheet and the pane say it: a sentence the billing
 * team can act on, never the parser's own message (exceljs and JSZip speak of central directories
 * and links to their documentation).
 */
export function unreadableFileMessage(path: string): string {
  return /\.xlsx$/i.test(path)
    ? "The file could not be read as an Excel workbook (.xlsx): it may be damaged, password-protected or saved in another format"
    : "The file could not be read";
}

/** Text longer than a cell holds is cut to the limit (Excel would refuse or repair the file). */
function fitCell(v: Cell, cut: { count: number }): Cell {
  if (typeof v !== "string" || v.length <= MAX_CELL_TEXT) return v;
  cut.count++;
  return cutUnits(v, MAX_CELL_TEXT);
}

/** The Sources line's message, with what was cut added to it. */
function withCutNote(message: string, cut: { count: number }): string {
  const note =
    cut.count > 0 ? `${cut.count} cell${cut.count > 1 ? "s" : ""} longer than Excel's ${MAX_CELL_TEXT.toLocaleString("en-US")} characters cut to that length (the file keeps the full text)` : "";
  return [message, note].filter(Boolean).join("; ");
}

/** One file per path: names are case-insensitive (§6), and a later file replaces an earlier one, as on disk. */
export function distinctFiles(files: readonly ImportFile[]): ImportFile[] {
  const byPath = new Map<string, ImportFile>();
  for (const f of files) byPath.set(caseFold(f.path), f);
  return [...byPath.values()];
}

export function importFiles(files: readonly ImportFile[]): ImportResult {
  const ordered = distinctFiles(files).sort((x, y) => compareFileOrder(x.path, y.path));
  const blocks = new Map<string, Block>();
  const records: SourceRecord[] = [];
  const unread: Cell[][] = [];
  let offerMap: OfferMapEntry[] | null = null;
  let accountSettings: AccountSetting[] | null = null;
  const billing: ImportFile[] = [];

  /** Puts an unread file's rows on the Unread sheet; gives the cells it had to cut. */
  const keep = (file: ImportFile, grid: Cell[][]): { count: number } => {
    const cut = { count: 0 };
    grid.forEach((r, i) => {
      if (!r.every(isBlank)) unread.push([file.path, i + 1, ...r.map((c) => fitCell(c, cut))]);
    });
    return cut;
  };

  // Excel sheet names are unique case-insensitively; truncated account names could collide.
  const sheetOf = new Map<string, string>();
  const taken = new Set<string>();
  const sheetFor = (account: string, role: Role, kind: SourceKind): string => {
    const id = `${role}/${caseFold(account)}/${kind}`;
    let name = sheetOf.get(id);
    if (!name) {
      const base = dataSheetName(account, role, kind);
      name = base;
      for (let n = 2; taken.has(caseFold(name)); n++) name = safeSheetName(`${cutUnits(base, 26)} (${n})`);
      taken.add(caseFold(name));
      sheetOf.set(id, name);
    }
    return name;
  };

  for (const file of ordered) {
    const kind = file.kind ?? detectKind(file.path, file.grid);
    if (kind === "billing") {
      billing.push(file);
      continue;
    }
    if (kind === "offerMap" || kind === "accounts") {
      const { entries } = firstTwo(file.grid ?? [], kind === "offerMap" ? ["Old offer", "New offer"] : ["Account", "Commerce"]);
      if (kind === "offerMap") offerMap = [...(offerMap ?? []), ...entries.map(([o, n]) => ({ oldOffer: o, newOffer: n }))];
      else accountSettings = [...(accountSettings ?? []), ...entries.map(([a, c]) => ({ account: a, commerce: c.toLowerCase() === "nce" ? "nce" as const : "legacy" as const }))];
      continue;
    }
    const sheet = sheetFor(file.account, file.role, kind);
    let customerColumn: boolean | undefined;
    const record = (state: SourceRecord["state"], message: string, rows: number): void => {
      records.push({ file: file.path, kind, account: file.account, role: file.role, customer: baseNameOf(file.path), sheet, rows, state, message, customerColumn });
    };
    if (!file.grid) {
      record("UNREADABLE_FILE", file.error ?? "The file could not be read", 0);
      continue;
    }
    const h = headerRowIndex(file.grid);
    if (h < 0) {
      record("EMPTY_FILE", "The file is empty", 0);
      continue;
    }
    const header = file.grid[h];
    let keys: string[];
    if (kind === "subscriptions") {
      const map = recogniseSubscriptionHeader(header);
      const missing = missingRequired(map);
      customerColumn = map.fields.microsoftId !== undefined || map.fields.customerName !== undefined || map.fields.domain !== undefined;
      if (missing.length > 0) {
        const cut = keep(file, file.grid);
        record(
          "MISSING_COLUMN",
          withCutNote(
            `Missing column${missing.length > 1 ? "s" : ""} ${missing.map((m) => FIELD_LABEL_EN[m]).join(", ")}: the file's rows are not read (they are on the "${SHEETS.unread}" sheet)`,
            cut,
          ),
          0,
        );
        continue;
      }
      keys = columnKeys<SubscriptionField>(map);
    } else {
      const map = recogniseCustomerListHeader(header);
      if (map.fields.microsoftId === undefined) {
        const cut = keep(file, file.grid);
        record("MISSING_COLUMN", withCutNote(`Customer list has no Microsoft ID column; it is not used (its rows are on the "${SHEETS.unread}" sheet)`, cut), 0);
        continue;
      }
      keys = columnKeys<CustomerListField>(map);
    }
    let block = blocks.get(sheet);
    if (!block) {
      block = { sheet, account: file.account, role: file.role, kind, columns: [], rows: [] };
      blocks.set(sheet, block);
    }
    const positions = keys.map((k, i) => {
      let at = block!.columns.findIndex((c) => c.key === k);
      if (at < 0) {
        block!.columns.push({ key: k, header: cellText(header[i]).trim() });
        at = block!.columns.length - 1;
      }
      return at;
    });
    const qtyAt = kind === "subscriptions" ? keys.indexOf("f:quantity") : -1;
    let count = 0;
    const cut = { count: 0 };
    file.grid.forEach((r, i) => {
      if (i <= h || r.every(isBlank)) return;
      const out: Cell[] = [];
      positions.forEach((p, j) => {
        let v: Cell = r[j] ?? null;
        // Readable license counts become numbers so that the sheet can add them up.
        if (j === qtyAt && typeof v === "string") {
          const q = readQuantity(v);
          if (q.ok) v = q.value;
        }
        out[p] = fitCell(v, cut);
      });
      // Cells beyond the header keep their place after the known columns: nothing is dropped.
      for (let j = positions.length; j < r.length; j++) {
        if (isBlank(r[j])) continue;
        const k = `extra:${j}`;
        let at = block!.columns.findIndex((c) => c.key === k);
        if (at < 0) {
          block!.columns.push({ key: k, header: `Column ${j + 1}` });
          at = block!.columns.length - 1;
        }
        out[at] = fitCell(r[j], cut);
      }
      block!.rows.push([file.path, i + 1, ...out]);
      count++;
    });
    record("ok", withCutNote(count === 0 ? "No subscriptions (header only)" : "", cut), count);
  }

  const sheets: SheetData[] = [];
  for (const b of blocks.values()) {
    const width = b.columns.length + PROVENANCE.length;
    const rows: Cell[][] = [[...PROVENANCE, ...b.columns.map((c) => c.header)]];
    for (const r of b.rows) {
      const full: Cell[] = new Array(width).fill(null);
      r.forEach((v, i) => (full[i] = v ?? null));
      rows.push(full);
    }
    sheets.push({ name: b.sheet, rows });
  }
  if (unread.length > 0) {
    const width = Math.max(...unread.map((r) => r.length));
    const header: Cell[] = ["File", "Row", ...Array.from({ length: width - 2 }, (_, i) => `Column ${i + 1}`)];
    sheets.push({ name: SHEETS.unread, rows: [header, ...unread.map((r) => [...r, ...new Array(width - r.length).fill(null)])] });
  }
  return { sheets, records, offerMap, accountSettings, billing };
}
