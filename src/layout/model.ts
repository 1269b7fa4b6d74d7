/**
 * Where everything goes, decided once for all sheet modules: the order of groups and rows in
 * the hidden sheets, where each export sheet's block sits in CSP Rows, and how every export row
 * is read (status code, seats). Sheet modules turn this into columns; the values they store
 * with each formula come from here and from the engine's result.
 *
 * Hidden sheets are ordered by customer (the engine's order) and never by verdict, so their
 * layout depends on the keys of the run only: a Status or Quantity edit changes values, never
 * positions.
 */
import { Action, deriveActions } from "../domain/actions";
import { Cell, isCellError } from "../domain/cells";
import { isExcluded } from "../domain/engine";
import { SubscriptionField, headerRowIndex, keyColumns, recogniseSubscriptionHeader } from "../domain/headers";
import { AccountInfo, EngineResult, OfferMapEntry, RowResult } from "../domain/model";
import { MoneyResult } from "../domain/money";
import { readQuantity } from "../domain/quantity";
import { summaryOrder } from "../domain/report";
import { STATUS_CODE, readStatus } from "../domain/status";
import { SheetData, SourceRecord } from "../domain/workbook";
import { cellText, isBlank } from "../domain/cells";
import { byAccount } from "../domain/advice";
import { caseFold, excelTrim } from "../domain/text";
import { cellAddress, sheetPrefix } from "./a1";
import { ADDED_HEADERS, AS_OF_CELL, GENERATED, findAddedBlock } from "./names";
import { moneyCurrencies, moneyOf } from "./money";

export interface DataSheetInfo {
  readonly name: string;
  readonly data: SheetData;
  /** Number of columns in use (the added block goes after them unless found from a previous run). */
  readonly usedWidth: number;
}

export interface PlanInput {
  readonly result: EngineResult;
  readonly dataSheets: ReadonlyMap<string, DataSheetInfo>;
  readonly records: readonly SourceRecord[];
  readonly accounts: readonly AccountInfo[];
  readonly offerMap: readonly OfferMapEntry[];
  /** A fixed as-of date (serial) for an audit, or null for TODAY() (spec §4). */
  readonly fixedAsOf: number | null;
  readonly runAt: string;
  /** The run's local time offset east of UTC, in minutes (-new Date().getTimezoneOffset()): the Summary's Last run. */
  readonly runAtOffsetMinutes?: number;
  /**
   * What the user typed in the Done column of the previous run's Next steps sheet, by action
   * key, full or digested (the Next steps plan compares digests: actionKeyDigest; the add-in reads
   * it before writing; the command starts from a fresh workbook).
   */
  readonly previousDone?: ReadonlyMap<string, string | number | boolean>;
  /**
   * Money at stake (spec §9) computed from the reconciliation files given; absent, or with no
   * file, when none was given: the workbook then shows no money at all.
   */
  readonly money?: MoneyResult;
}

/** One export sheet: its rows, the block added beside them, and its block in CSP Rows. */
export interface ExportBlock {
  readonly name: string;
  readonly data: SheetData;
  /** 1-based header row of the export, and the first column of the added block. */
  readonly headerRow: number;
  readonly left: number;
  /** Number of data rows the added block covers (header excluded). */
  readonly rows: number;
  /** 1-based columns of the export's fields. */
  readonly fields: Partial<Record<SubscriptionField, number>>;
  /** 1-based columns whose text decides a row's group (headers.ts KEY_FIELDS), in that order. */
  readonly keys: readonly number[];
  /** The Decision column the plan writes, and the one the user's decisions are read from (an earlier schema's block had it elsewhere). */
  readonly decisionCol: number;
  readonly decisionAtRun: number;
  /** Header row of this sheet's block in CSP Rows; data row i sits at rowsTop + 1 + i. */
  readonly rowsTop: number;
  /** The engine's row at data row i, if the engine read one there. */
  readonly rowAt: (i: number) => RowResult | undefined;
  /** How each data row reads: status code (0 = not counted) and seats (-1 = unreadable). */
  readonly code: Int8Array;
  readonly seats: Float64Array;
  /**
   * How each key cell read at the run: the subscription ID's last characters (idTail; unique per row),
   * else its row in CSP Lists' key texts (offer names, offer IDs and customer cells repeat).
   */
  readonly keyAtRun: readonly ((i: number) => string | number)[];
}

/** Per reconciled row, in group order: the running sums of its group up to and including it. */
export interface Running {
  readonly oldRows: Float64Array;
  readonly oldLive: Float64Array;
  readonly A: Float64Array;
  readonly Snce: Float64Array;
  readonly newRows: Float64Array;
  readonly newLive: Float64Array;
  readonly P: Float64Array;
  readonly R: Float64Array;
  readonly N: Float64Array;
  /** Earliest start date of an active new row so far (0 = none). */
  readonly earliest: Float64Array;
  /** Old rows active or pending so far of the row's account in the group (§8 accountA). */
  readonly accountA: Float64Array;
}

export interface Layout {
  readonly input: PlanInput;
  readonly result: EngineResult;
  /** 'Summary'!$B$2 */
  readonly asOfRef: string;
  readonly blocks: readonly ExportBlock[];
  readonly blockOf: ReadonlyMap<string, ExportBlock>;
  /** Reconciled rows in group order; CSP Calc row k + 2. */
  readonly calcRows: readonly RowResult[];
  /** CSP Rows sheet row of each reconciled row, in calc order. */
  readonly calcRowsRow: Int32Array;
  /** Status code and seats of each reconciled row, in calc order. */
  readonly calcCode: Int8Array;
  readonly calcSeats: Float64Array;
  /** New commerce (by offer, or its account marked nce at the run) of each reconciled row. */
  readonly calcNce: Uint8Array;
  /** Number (1-based) of each reconciled row's account, case-folded: rows of one account in a group are together. */
  readonly calcAccountKey: Int32Array;
  /** CSP Calc sheet row of the last row of each (layout group number, account key): `${group}|${key}`. */
  readonly accountRunLast: ReadonlyMap<string, number>;
  /** The account key (calcAccountKey) of an account name. */
  readonly accountKeyOf: (account: string) => number;
  readonly running: Running;
  /** Engine group index of layout group k (CSP Groups row k + 2). */
  readonly groups: readonly number[];
  /** Layout number (1-based) of each engine group. */
  readonly groupNo: Int32Array;
  /** CSP Calc sheet row of each layout group's last row. */
  readonly groupLast: Int32Array;
  /** CSP Groups sheet row of each engine customer's last group, 0 when it has none. */
  readonly customerLastGroupRow: Int32Array;
  /** CSP Calc sheet row of each reconciled row. */
  readonly calcRowOf: ReadonlyMap<RowResult, number>;
  /** CSP Lists row of each account's commerce flag. */
  readonly accountRow: ReadonlyMap<string, number>;
  /** Customers in Summary order (engine indexes). */
  readonly summaryOrder: readonly number[];
  /** Distinct key texts of the run (CSP Lists), each stored once. */
  readonly keyTexts: readonly string[];
  /** Distinct offer labels of the groups (CSP Lists), each stored once, in first-seen order. */
  readonly offerLabels: readonly string[];
  /** Position (1-based) of each group's offer label in offerLabels, by engine group index. */
  readonly offerNo: Int32Array;
  /** The actions of spec §8, in its order (the Next steps sheet's rows). */
  readonly actions: readonly Action[];
  /** Money at stake of the run, null when no billing file was given (money.ts). */
  readonly money: MoneyResult | null;
  /** The currencies shown, one pair of columns each, in code order. */
  readonly currencies: readonly string[];
}

/**
 * Where the added block sits on a data sheet: found from a previous run (of this schema or an
 * earlier one, names.ts), else after the data; and the column the user's decisions are in now.
 */
export function addedBlockLeft(info: DataSheetInfo): { headerRow: number; left: number; decisionAtRun: number } {
  const h = Math.max(0, headerRowIndex(info.data.rows));
  const header = info.data.rows[h] ?? [];
  const found = findAddedBlock(header, (c) => cellText(c as Cell));
  const left = found ? found.at + 1 : info.usedWidth + 1;
  const decisionAtRun = found ? left + found.headers.indexOf("Decision") : left + ADDED_HEADERS.indexOf("Decision");
  return { headerRow: h + 1, left, decisionAtRun };
}

/**
 * The last row of an export sheet that the added block covers: the last one with a value left
 * of the block or a Decision. Notes a user keeps in a column right of ours, below the data, do
 * not make more rows (else every re-run would grow the block over them).
 */
function lastExportRow(rows: readonly (readonly Cell[])[], headerRow: number, left: number, decision: number): number {
  for (let r = rows.length; r > headerRow; r--) {
    const cells = rows[r - 1] ?? [];
    const upTo = Math.min(cells.length, left - 1);
    for (let c = 0; c < upTo; c++) if (!isBlank(cells[c])) return r;
    if (!isBlank(cells[decision - 1])) return r;
  }
  return headerRow;
}

/** The status code the workbook formula gives a Status cell and a Decision cell (formulas.ts statusCodeFormula). */
export function statusCodeOf(status: Cell | undefined, decision: Cell | undefined): number {
  if (isExcluded(decision ?? null)) return 0;
  const s = readStatus(status);
  return s === null ? 0 : STATUS_CODE[s];
}

/** Seats the workbook formula gives a row (formulas.ts seatsFormula): 1 for Azure, -1 when unreadable. */
export function seatsOf(azure: boolean, quantity: Cell | undefined): number {
  if (azure) return 1;
  const q = readQuantity(quantity);
  return q.ok ? q.value : -1;
}

/** The Quantity text the workbook reads (formulas.ts quantityTextFormula). */
export function quantityText(c: Cell | undefined): string {
  return isCellError(c ?? null) ? "" : excelTrim(cellText(c)).replace(/,/g, ".");
}

/** The text `""&cell` gives, or #ERROR for an error value (formulas.ts keyTextFormula). */
export function keyText(c: Cell | undefined): string {
  return isCellError(c ?? null) ? "#ERROR" : cellText(c);
}

/**
 * How many last characters of a subscription ID the Stale check compares. Partner Center's
 * subscription IDs are GUIDs: their last 12 hex digits (48 random bits) tell a row that moved or
 * was replaced as surely as the whole ID, and storing them instead of 36 characters takes 3 MB
 * off the add-in's requests at 10k customers (docs/PERFORMANCE.md).
 */
export const ID_TAIL = 12;

/**
 * The subscription ID as the Stale check keeps it: its last ID_TAIL characters, or the whole text
 * when a surrogate is among them. Engines count a character outside the Basic Multilingual Plane
 * differently in RIGHT: HyperFormula as two UTF-16 units, as JavaScript does (and Excel, whose LEN
 * of an emoji is 2), LibreOffice and Gnumeric as one character (measured: test/formulas.engines
 * "outside the BMP"). With no surrogate in the tail every engine's RIGHT gives these same 12
 * units, and a whole text gives, in each engine, what that engine's RIGHT of the unchanged cell
 * gives.
 */
export function idTail(text: string): string {
  const tail = text.slice(-ID_TAIL);
  return /[\uD800-\uDFFF]/.test(tail) ? text : tail;
}

/** Each group's offer label kept once (CSP Lists), and where: a few dozen labels for 60,000 groups at 10k customers. */
function offerLabelsOf(result: EngineResult): { offerLabels: string[]; offerNo: Int32Array } {
  const offerLabels: string[] = [];
  const at = new Map<string, number>();
  const offerNo = new Int32Array(result.groups.length);
  result.groups.forEach((g, i) => {
    let k = at.get(g.offerLabel);
    if (k === undefined) at.set(g.offerLabel, (k = offerLabels.push(g.offerLabel)));
    offerNo[i] = k;
  });
  return { offerLabels, offerNo };
}

/** First row of CSP Lists' key texts (under its header). */
export const KEY_TEXTS_FIRST_ROW = 2;

function exportBlocks(input: PlanInput, keyTexts: string[]): ExportBlock[] {
  const keyRow = new Map<string, number>();
  const intern = (text: string): number => {
    let k = keyRow.get(text);
    if (k === undefined) {
      k = KEY_TEXTS_FIRST_ROW + keyTexts.length;
      keyTexts.push(text);
      keyRow.set(text, k);
    }
    return k;
  };
  const byRow = new Map<string, Map<number, RowResult>>();
  for (const r of input.result.rows) {
    if (!r.at) continue;
    let m = byRow.get(r.at.sheet);
    if (!m) byRow.set(r.at.sheet, (m = new Map()));
    m.set(r.at.row, r);
  }
  const out: ExportBlock[] = [];
  let rowsTop = 1;
  for (const info of input.dataSheets.values()) {
    const { headerRow, left, decisionAtRun } = addedBlockLeft(info);
    const map = recogniseSubscriptionHeader(info.data.rows[headerRow - 1] ?? []);
    const fields: Partial<Record<SubscriptionField, number>> = {};
    for (const [f, c] of Object.entries(map.fields) as [SubscriptionField, number][]) fields[f] = c + 1;
    const decisionCol = left + ADDED_HEADERS.indexOf("Decision");
    const rows = lastExportRow(info.data.rows, headerRow, left, decisionAtRun) - headerRow;
    const sheetRows = byRow.get(info.name) ?? new Map<number, RowResult>();
    const rowAt = (i: number) => sheetRows.get(headerRow + 1 + i);
    const code = new Int8Array(rows);
    const seats = new Float64Array(rows);
    const keys = keyColumns(map).map((c) => c + 1);
    const keyAtRun = keys.map((col) => {
      const cellAt = (i: number) => info.data.rows[headerRow + i]?.[col - 1] ?? null;
      if (col === fields.subscriptionId) return (i: number) => idTail(keyText(cellAt(i)));
      const rowsOf = new Int32Array(rows);
      for (let i = 0; i < rows; i++) rowsOf[i] = intern(keyText(cellAt(i)));
      return (i: number) => rowsOf[i];
    });
    for (let i = 0; i < rows; i++) {
      const cells = info.data.rows[headerRow + i] ?? [];
      const cell = (col: number | undefined) => (col === undefined ? null : cells[col - 1]);
      code[i] = statusCodeOf(cell(fields.status), cell(decisionAtRun));
      seats[i] = seatsOf(rowAt(i)?.azure ?? false, cell(fields.quantity));
    }
    out.push({
      name: info.name,
      data: info.data,
      headerRow,
      left,
      rows,
      fields,
      keys,
      keyAtRun,
      decisionCol,
      decisionAtRun,
      rowsTop,
      rowAt,
      code,
      seats,
    });
    rowsTop += rows + 1;
  }
  return out;
}

const newArrays = (n: number): Running => ({
  oldRows: new Float64Array(n),
  oldLive: new Float64Array(n),
  A: new Float64Array(n),
  Snce: new Float64Array(n),
  newRows: new Float64Array(n),
  newLive: new Float64Array(n),
  P: new Float64Array(n),
  R: new Float64Array(n),
  N: new Float64Array(n),
  earliest: new Float64Array(n),
  accountA: new Float64Array(n),
});

/** The running sums the CSP Calc formulas compute (sheets/calc.ts), from the same readings. */
function runningSums(
  layout: { calcRows: readonly RowResult[]; calcCode: Int8Array; calcSeats: Float64Array; calcNce: Uint8Array; calcAccountKey: Int32Array },
  groupOfRow: (k: number) => number,
): Running {
  const n = layout.calcRows.length;
  const s = newArrays(n);
  for (let k = 0; k < n; k++) {
    const restart = k === 0 || groupOfRow(k) !== groupOfRow(k - 1);
    const prev = (a: Float64Array) => (restart ? 0 : a[k - 1]);
    const r = layout.calcRows[k];
    const code = layout.calcCode[k];
    const seats = layout.calcSeats[k];
    const isNew = r.role === "to";
    const live = code >= STATUS_CODE.active && code <= STATUS_CODE.suspended;
    const old = !isNew;
    s.oldRows[k] = prev(s.oldRows) + (old && code > 0 ? 1 : 0);
    s.oldLive[k] = prev(s.oldLive) + (old && live ? 1 : 0);
    s.A[k] = prev(s.A) + (old && code >= STATUS_CODE.active && code <= STATUS_CODE.pending ? 1 : 0);
    s.Snce[k] = prev(s.Snce) + (old && code === STATUS_CODE.suspended && layout.calcNce[k] === 1 ? 1 : 0);
    s.newRows[k] = prev(s.newRows) + (isNew && code > 0 ? 1 : 0);
    s.newLive[k] = prev(s.newLive) + (isNew && live ? 1 : 0);
    s.P[k] = prev(s.P) + (isNew && code >= STATUS_CODE.pending && code <= STATUS_CODE.suspended ? 1 : 0);
    s.R[k] = prev(s.R) + (old && live && seats >= 0 ? seats : 0);
    s.N[k] = prev(s.N) + (isNew && code === STATUS_CODE.active && seats >= 0 ? seats : 0);
    const start = isNew && code === STATUS_CODE.active && r.startDate !== null && r.startDate > 0 ? r.startDate : 0;
    const before = prev(s.earliest);
    s.earliest[k] = before === 0 ? start : start === 0 ? before : Math.min(before, start);
    const sameAccount = !restart && layout.calcAccountKey[k] === layout.calcAccountKey[k - 1];
    s.accountA[k] = (sameAccount ? s.accountA[k - 1] : 0) + (old && code >= STATUS_CODE.active && code <= STATUS_CODE.pending ? 1 : 0);
  }
  return s;
}

/** Engine group indexes in CSP Groups order: by customer, in the engine's customer order. */
export function layoutGroupOrder(result: EngineResult): number[] {
  const groups: number[] = [];
  for (const c of result.customers) for (const g of c.groups) groups.push(g);
  return groups;
}

export function buildLayout(input: PlanInput): Layout {
  const { result } = input;
  const keyTexts: string[] = [];
  const blocks = exportBlocks(input, keyTexts);
  const blockOf = new Map(blocks.map((b) => [b.name, b]));

  const groups = layoutGroupOrder(result);
  const groupNo = new Int32Array(result.groups.length);
  groups.forEach((g, k) => (groupNo[g] = k + 1));
  // Accounts by case-folded name, as §8 counts them (derive.ts); within a group, CSP Calc keeps
  // each account's rows together so a running count per (group, account) gives accountA.
  const accountKeys = new Map<string, number>();
  const accountKeyOf = (account: string): number => {
    const folded = caseFold(account);
    let key = accountKeys.get(folded);
    if (key === undefined) accountKeys.set(folded, (key = accountKeys.size + 1));
    return key;
  };
  const calcRows: RowResult[] = [];
  const calcRowOf = new Map<RowResult, number>();
  const groupLast = new Int32Array(groups.length);
  groups.forEach((g, k) => {
    // One order for the workbook and the engine's notes (advice.ts byAccount).
    const rows = byAccount(result.rows, result.groups[g].rows);
    for (const i of rows) {
      calcRowOf.set(result.rows[i], calcRows.length + 2);
      calcRows.push(result.rows[i]);
    }
    groupLast[k] = calcRows.length + 1;
  });
  const calcRowsRow = new Int32Array(calcRows.length);
  const calcCode = new Int8Array(calcRows.length);
  const calcSeats = new Float64Array(calcRows.length);
  const calcNce = new Uint8Array(calcRows.length);
  const calcAccountKey = new Int32Array(calcRows.length);
  const nceAccounts = new Set(input.accounts.filter((a) => a.commerce === "nce").map((a) => a.account));
  calcRows.forEach((r, k) => {
    const b = r.at ? blockOf.get(r.at.sheet) : undefined;
    if (!b || !r.at) throw new Error(`Internal error: a reconciled row of ${r.account} is on no export sheet the plan knows`);
    const i = r.at.row - b.headerRow - 1;
    calcRowsRow[k] = b.rowsTop + 1 + i;
    calcCode[k] = b.code[i];
    calcSeats[k] = b.seats[i];
    calcNce[k] = r.nceByOffer || nceAccounts.has(r.account) ? 1 : 0;
    calcAccountKey[k] = accountKeyOf(r.account);
  });
  const groupOfCalc = new Int32Array(calcRows.length);
  const accountRunLast = new Map<string, number>();
  calcRows.forEach((r, k) => {
    groupOfCalc[k] = groupNo[r.group!];
    accountRunLast.set(`${groupOfCalc[k]}|${calcAccountKey[k]}`, k + 2);
  });
  const running = runningSums({ calcRows, calcCode, calcSeats, calcNce, calcAccountKey }, (k) => groupOfCalc[k]);

  const customerLastGroupRow = new Int32Array(result.customers.length);
  groups.forEach((g, k) => (customerLastGroupRow[result.groups[g].customer] = k + 2));

  const accountRow = new Map(input.accounts.map((a, k) => [a.account, k + 2]));
  return {
    input,
    result,
    asOfRef: `${sheetPrefix(GENERATED.summary)}${cellAddress(AS_OF_CELL.col, AS_OF_CELL.row, true)}`,
    blocks,
    blockOf,
    calcRows,
    calcRowsRow,
    calcCode,
    calcSeats,
    calcNce,
    calcAccountKey,
    accountRunLast,
    accountKeyOf,
    running,
    groups,
    groupNo,
    groupLast,
    customerLastGroupRow,
    calcRowOf,
    accountRow,
    summaryOrder: summaryOrder(result),
    keyTexts,
    ...offerLabelsOf(result),
    actions: deriveActions(result),
    money: moneyOf(input.money),
    currencies: moneyCurrencies(moneyOf(input.money)),
  };
}
