/**
 * The one workbook layout, built from an engine result. Design (docs/DESIGN.md has the why):
 *
 * - Beside the export rows, on the user's own sheets: Verdict, Required, New seats, Advice and
 *   the user's Decision column. Each is a plain reference into the helper sheets, so the user
 *   can sort, filter and annotate their sheets freely.
 * - "CSP Calc" (hidden): one row per reconciled subscription, ordered by group. It mirrors the
 *   Status/Quantity/Decision/key cells of the export row and reads them (status code, seats).
 * - "CSP Groups" (hidden): one row per (customer, offer) group. COUNTIFS/SUMIFS over the group's
 *   own contiguous block of CSP Calc rows give R, A, S, N, P…, and the verdict formula compiled
 *   from the verdict table turns them into a verdict. Cost grows with the number of rows, not
 *   with rows × rows: no formula scans a whole column.
 * - "Summary", "Groups": what the billing team reads; live references into CSP Groups.
 * - If a key cell of a reconciled row changes (an edit, or a sort of the export sheet), the
 *   mirrored key no longer equals the key the run saw, and the group says "Re-run needed".
 */
import { Cell, cellText, isBlank, isCellError } from "../domain/cells";
import { SubscriptionField, keyColumns, recogniseSubscriptionHeader, headerRowIndex } from "../domain/headers";
import { AccountInfo, EngineResult, OfferMapEntry, RowResult } from "../domain/model";
import { summaryOrder } from "../domain/report";
import { STATUS_CODE, STATUS_VOCABULARY } from "../domain/status";
import {
  CUSTOMER_ORDER,
  CUSTOMER_RULES,
  FLAGGED_EXEMPT,
  GROUP_RULES,
  GroupFlag,
  GroupNumber,
  LABEL,
  NEXT_STEP,
  RERUN_LABEL,
  isFlagged,
  severityRank,
} from "../domain/verdicts";
import { rowAdvice } from "../domain/advice";
import { ACCOUNT_COLUMNS, OFFER_MAP_COLUMNS, SHEETS, SOURCE_COLUMNS, SheetData, SourceRecord, sourceRow } from "../domain/workbook";
import { runWarnings } from "../domain/warnings";
import { columnLetters, quote, rangeRef, ref, sheetPrefix, cellAddress, shiftFormula } from "./a1";
import {
  adviceFormula,
  customerLabelFormula,
  groupLabelFormula,
  groupRankFormula,
  nceFormula,
  quantityTextFormula,
  seatsFormula,
  statusCodeFormula,
} from "./formulas";
import { ColumnSpec, PlanCell, SheetPlan, WorkbookPlan } from "./types";

export const SCHEMA_VERSION = 1;

export const RERUN_STEP =
  "A key cell (subscription ID, offer, customer) changed, a reconciled sheet was sorted, or the offer map changed since the last run: run the reconciliation again.";

export const GENERATED = {
  summary: "Summary",
  groups: "Groups",
  problems: "Problems",
  rules: "Rules",
  calc: "CSP Calc",
  groupCalc: "CSP Groups",
  lists: "CSP Lists",
  state: "CSP State",
} as const;

/** Headers of the block added beside export rows, in order; found again on re-runs. */
export const ADDED_HEADERS = ["Verdict", "Required", "New seats", "Advice", "Decision"] as const;
export const DECISIONS = ["Exclude"] as const;

/** Text of the Verdict cell of rows that are not reconciled (the engine's reason). */
export const NOT_RECONCILED: Record<Exclude<RowResult["outcome"], "grouped">, string> = {
  duplicate: "Not counted: duplicate subscription ID (see Problems)",
  "empty-offer": "Not reconciled: empty offer name (see Problems)",
  "missing-column": "Not reconciled: the export misses a column (see Problems)",
};

/** The Verdict cell text the engine expects for a row (tests compare the workbook with it). */
export function rowVerdictText(result: EngineResult, r: RowResult): string {
  return r.group === null ? NOT_RECONCILED[r.outcome as keyof typeof NOT_RECONCILED] : LABEL[result.groups[r.group].verdict];
}

// Column numbers of the helper sheets (1-based).
export const CALC = {
  group: 1, isNew: 2, azure: 3, nceByOffer: 4, account: 5, keyAtRun: 6, keyNow: 7, status: 8, quantity: 9, decision: 10,
  code: 11, qtyText: 12, seats: 13, nce: 14, start: 15, end: 16, activeNewStart: 17, advice: 18,
} as const;
export const GROUPS = {
  group: 1, customer: 2, azure: 3, reassign: 4, oldRows: 5, oldLive: 6, A: 7, Snce: 8, newRows: 9, newLive: 10, P: 11,
  R: 12, N: 13, stale: 14, rank: 15, verdict: 16, note: 17, earliestStart: 18, doubleBilling: 19,
} as const;
export const SUMMARY_TOP = 19; // header row of the Summary table
export const SUMMARY = {
  customer: 1, microsoftId: 2, oldSubs: 3, newSubs: 4, verdict: 5, nextStep: 6, flagged: 7,
  no: 8, liveOld: 9, minRank: 10, stale: 11, noExportOld: 12, inNewList: 13, newCovered: 14, newListPresent: 15,
} as const;
export const AS_OF_CELL = { row: 2, col: 2 } as const;
export const AS_OF_NAME = "CSP_AsOf";

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
}

/** Where the added block sits on a data sheet: found from a previous run, else after the data. */
export function addedBlockLeft(info: DataSheetInfo): { headerRow: number; left: number } {
  const h = Math.max(0, headerRowIndex(info.data.rows));
  const header = info.data.rows[h] ?? [];
  for (let c = 0; c + ADDED_HEADERS.length <= header.length; c++) {
    if (ADDED_HEADERS.every((name, k) => cellText(header[c + k]).trim() === name)) return { headerRow: h + 1, left: c + 1 };
  }
  return { headerRow: h + 1, left: info.usedWidth + 1 };
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

const bool = (b: boolean) => (b ? 1 : 0);

export function buildPlan(input: PlanInput): WorkbookPlan {
  const { result } = input;
  const asOfRef = `${sheetPrefix(GENERATED.summary)}${cellAddress(AS_OF_CELL.col, AS_OF_CELL.row, true)}`;

  // Reconciled rows in group order: their position in CSP Calc.
  const calcRows: RowResult[] = [];
  const calcRowOf = new Map<RowResult, number>();
  const groupBlock: { first: number; last: number }[] = [];
  for (const g of result.groups) {
    const first = calcRows.length + 2;
    for (const i of g.rows) {
      calcRowOf.set(result.rows[i], calcRows.length + 2);
      calcRows.push(result.rows[i]);
    }
    groupBlock.push({ first, last: calcRows.length + 1 });
  }
  const groupRow = (g: number) => g + 2;
  const lastGroup = Math.max(2, result.groups.length + 1);

  // Data-sheet geometry.
  const geometry = new Map<string, { headerRow: number; left: number; fields: Partial<Record<SubscriptionField, number>>; keys: number[] }>();
  for (const info of input.dataSheets.values()) {
    const { headerRow, left } = addedBlockLeft(info);
    const map = recogniseSubscriptionHeader(info.data.rows[headerRow - 1] ?? []);
    geometry.set(info.name, { headerRow, left, fields: map.fields, keys: keyColumns(map) });
  }
  const decisionCol = (sheet: string) => geometry.get(sheet)!.left + ADDED_HEADERS.indexOf("Decision");

  const listsWords = rangeRef(GENERATED.lists, 1, 2, 1, STATUS_VOCABULARY.length + 1);
  const listsCodes = rangeRef(GENERATED.lists, 2, 2, 2, STATUS_VOCABULARY.length + 1);
  const accountRows = Math.max(input.accounts.length + 1, 2);
  const accountNames = rangeRef(SHEETS.accounts, 1, 2, 1, accountRows + 50);
  const accountCommerce = rangeRef(SHEETS.accounts, 3, 2, 3, accountRows + 50);

  const calcRef = (col: number, row: number) => `${columnLetters(col)}${row}`;
  const at = (r: RowResult, field: SubscriptionField): string | null => {
    if (!r.at) return null;
    const geo = geometry.get(r.at.sheet);
    const col = geo?.fields[field];
    return col === undefined ? null : ref(r.at.sheet, col + 1, r.at.row);
  };
  const mirror = (cellRef: string | null) => (cellRef ? { f: `""&${cellRef}` } : "");

  // ---- CSP Calc -------------------------------------------------------------------------
  const calcColumns: ColumnSpec[] = [
    { header: "Group", cell: (i) => calcRows[i].group! + 1 },
    { header: "New", cell: (i) => bool(calcRows[i].role === "to") },
    { header: "Azure", cell: (i) => bool(calcRows[i].azure) },
    { header: "NCE by offer", cell: (i) => bool(calcRows[i].nceByOffer) },
    { header: "Account", cell: (i) => calcRows[i].account },
    { header: "Key at run", cell: (i) => calcRows[i].key },
    {
      header: "Key now",
      cell: (i) => {
        const r = calcRows[i];
        const geo = r.at && geometry.get(r.at.sheet);
        if (!r.at || !geo) return r.key;
        const parts = geo.keys.map((c) => `""&${ref(r.at!.sheet, c + 1, r.at!.row)}`);
        return { f: `IFERROR(${parts.join('&"|"&')},"#ERROR")` };
      },
    },
    { header: "Status", cell: (i) => mirror(at(calcRows[i], "status")) },
    { header: "Quantity", cell: (i) => mirror(at(calcRows[i], "quantity")) },
    {
      header: "Decision",
      cell: (i) => {
        const r = calcRows[i];
        return r.at ? { f: `""&${ref(r.at.sheet, decisionCol(r.at.sheet), r.at.row)}` } : "";
      },
    },
    {
      header: "Status code",
      uniform: true,
      cell: (i) => ({ f: shiftFormula(statusCodeFormula(calcRef(CALC.status, 2), calcRef(CALC.decision, 2), listsWords, listsCodes), i, 0) }),
    },
    { header: "Quantity text", uniform: true, cell: (i) => ({ f: shiftFormula(quantityTextFormula(calcRef(CALC.quantity, 2)), i, 0) }) },
    { header: "Seats", uniform: true, cell: (i) => ({ f: shiftFormula(seatsFormula(calcRef(CALC.azure, 2), calcRef(CALC.qtyText, 2)), i, 0) }) },
    {
      header: "NCE",
      uniform: true,
      cell: (i) => ({ f: shiftFormula(nceFormula(calcRef(CALC.nceByOffer, 2), calcRef(CALC.account, 2), accountNames, accountCommerce), i, 0) }),
    },
    { header: "Start date", format: "date", cell: (i) => (calcRows[i].role === "to" ? calcRows[i].startDate : null) },
    { header: "End date", format: "date", cell: (i) => (calcRows[i].role === "from" ? calcRows[i].endDate : null) },
    {
      header: "Active new start",
      uniform: true,
      format: "date",
      cell: (i) =>
        ({ f: shiftFormula(`IF(AND(${calcRef(CALC.isNew, 2)}=1,${calcRef(CALC.code, 2)}=${STATUS_CODE.active},${calcRef(CALC.start, 2)}>0),${calcRef(CALC.start, 2)},"")`, i, 0) }),
    },
    {
      header: "Advice",
      uniform: true,
      cell: (i) => {
        const g = (col: number) => `INDEX(${rangeRef(GENERATED.groupCalc, col, 1, col, lastGroup)},${calcRef(CALC.group, 2)}+1)`;
        return {
          f: shiftFormula(
            adviceFormula({
              isNew: calcRef(CALC.isNew, 2),
              status: calcRef(CALC.code, 2),
              nce: calcRef(CALC.nce, 2),
              endDate: calcRef(CALC.end, 2),
              groupRank: g(GROUPS.rank),
              doubleBillingDays: g(GROUPS.doubleBilling),
              asOf: asOfRef,
            }),
            i,
            0,
          ),
        };
      },
    },
  ];

  // ---- CSP Groups -----------------------------------------------------------------------
  const block = (g: number, col: number) => rangeRef(GENERATED.calc, col, groupBlock[g].first, col, groupBlock[g].last);
  const countIfs = (g: number, isNew: 0 | 1, ...criteria: [number, string | number][]) =>
    `COUNTIFS(${block(g, CALC.isNew)},${isNew}${criteria.map(([c, v]) => `,${block(g, c)},${typeof v === "number" ? v : quote(v)}`).join("")})`;
  const live = [[CALC.code, `>=${STATUS_CODE.active}`], [CALC.code, `<=${STATUS_CODE.suspended}`]] as [number, string][];
  const gref = (col: number) => `${columnLetters(col)}2`;
  const groupVars: Record<GroupNumber | GroupFlag, number> = {
    oldRows: GROUPS.oldRows, oldLive: GROUPS.oldLive, A: GROUPS.A, Snce: GROUPS.Snce, newLive: GROUPS.newLive,
    P: GROUPS.P, R: GROUPS.R, N: GROUPS.N, azure: GROUPS.azure,
  };
  const rankFormula = groupRankFormula((name) => gref(groupVars[name]));
  const G = result.groups;
  const groupColumns: ColumnSpec[] = [
    { header: "Group", cell: (g) => g + 1 },
    { header: "Customer", cell: (g) => G[g].customer + 1 },
    { header: "Azure", cell: (g) => bool(G[g].azure) },
    { header: "Reassign", cell: (g) => bool(G[g].reassign) },
    { header: "Old rows", cell: (g) => ({ f: countIfs(g, 0, [CALC.code, ">0"]) }) },
    { header: "Old live", cell: (g) => ({ f: countIfs(g, 0, ...live) }) },
    { header: "A", cell: (g) => ({ f: countIfs(g, 0, [CALC.code, `>=${STATUS_CODE.active}`], [CALC.code, `<=${STATUS_CODE.pending}`]) }) },
    { header: "Snce", cell: (g) => ({ f: countIfs(g, 0, [CALC.code, STATUS_CODE.suspended], [CALC.nce, 1]) }) },
    { header: "New rows", cell: (g) => ({ f: countIfs(g, 1, [CALC.code, ">0"]) }) },
    { header: "New live", cell: (g) => ({ f: countIfs(g, 1, ...live) }) },
    { header: "P", cell: (g) => ({ f: countIfs(g, 1, [CALC.code, `>=${STATUS_CODE.pending}`], [CALC.code, `<=${STATUS_CODE.suspended}`]) }) },
    {
      header: "R",
      cell: (g) => ({ f: `SUMIFS(${block(g, CALC.seats)},${block(g, CALC.isNew)},0,${block(g, CALC.code)},">=${STATUS_CODE.active}",${block(g, CALC.code)},"<=${STATUS_CODE.suspended}",${block(g, CALC.seats)},">=0")` }),
    },
    {
      header: "N",
      cell: (g) => ({ f: `SUMIFS(${block(g, CALC.seats)},${block(g, CALC.isNew)},1,${block(g, CALC.code)},${STATUS_CODE.active},${block(g, CALC.seats)},">=0")` }),
    },
    {
      header: "Stale",
      cell: (g) => ({ f: `IFERROR(SUMPRODUCT(--NOT(EXACT(${block(g, CALC.keyNow)},${block(g, CALC.keyAtRun)}))),1)` }),
    },
    { header: "Rank", uniform: true, cell: (g) => ({ f: shiftFormula(rankFormula, g, 0) }) },
    { header: "Verdict", uniform: true, cell: (g) => ({ f: shiftFormula(groupLabelFormula(gref(GROUPS.stale), gref(GROUPS.rank)), g, 0) }) },
    {
      header: "Note",
      uniform: true,
      cell: (g) => ({ f: shiftFormula(`IF(AND(${gref(GROUPS.rank)}=${severityRank("DONE")},${gref(GROUPS.reassign)}=1,${gref(GROUPS.stale)}=0),"reassign licenses","")`, g, 0) }),
    },
    { header: "Earliest new start", format: "date", cell: (g) => ({ f: `MIN(${block(g, CALC.activeNewStart)})` }) },
    {
      header: "Double billing days",
      uniform: true,
      cell: (g) =>
        ({ f: shiftFormula(`IF(AND(${gref(GROUPS.rank)}=${severityRank("OLD_STILL_ACTIVE")},${gref(GROUPS.earliestStart)}>0),MAX(0,INT(${asOfRef})-${gref(GROUPS.earliestStart)}),"")`, g, 0) }),
    },
  ];

  // ---- Summary ----------------------------------------------------------------------------
  const order = summaryOrder(result);
  const C = result.customers;
  const sref = (col: number) => `${columnLetters(col)}${SUMMARY_TOP + 1}`;
  const gBlock = (ci: number, col: number) => {
    const gs = C[ci].groups;
    return rangeRef(GENERATED.groupCalc, col, groupRow(gs[0]), col, groupRow(gs[gs.length - 1]));
  };
  const customerVars: Record<string, number> = {
    liveOld: SUMMARY.liveOld, noExportOld: SUMMARY.noExportOld, inNewList: SUMMARY.inNewList,
    newCovered: SUMMARY.newCovered, newListPresent: SUMMARY.newListPresent,
  };
  const legendTop = GROUP_RULES.length + CUSTOMER_RULES.length + 6;
  const legend: PlanCell[][] = [
    ...CUSTOMER_ORDER.map((v) => [LABEL[v], v, CUSTOMER_ORDER.indexOf(v) + 1, isFlagged(v) ? "Yes" : "No", NEXT_STEP[v]]),
    [RERUN_LABEL, "RERUN", CUSTOMER_ORDER.length + 1, "Yes", RERUN_STEP],
  ];
  const legendLabels = rangeRef(GENERATED.rules, 1, legendTop + 1, 1, legendTop + legend.length);
  const legendSteps = rangeRef(GENERATED.rules, 5, legendTop + 1, 5, legendTop + legend.length);
  const nextStep = (labelRef: string) => `IFERROR(INDEX(${legendSteps},MATCH(${labelRef},${legendLabels},0)),"")`;
  const flagged = (labelRef: string) =>
    `IF(OR(${[...FLAGGED_EXEMPT].map((v) => `${labelRef}=${quote(LABEL[v])}`).join(",")}),"No","Yes")`;
  const summaryColumns: ColumnSpec[] = [
    { header: "Customer", width: 34, cell: (i) => C[order[i]].name },
    { header: "Microsoft ID", width: 38, cell: (i) => C[order[i]].microsoftId ?? "" },
    {
      header: "Old subscriptions",
      width: 11,
      format: "integer",
      cell: (i) => (C[order[i]].groups.length ? { f: `SUM(${gBlock(order[i], GROUPS.oldRows)})` } : 0),
    },
    {
      header: "New subscriptions",
      width: 11,
      format: "integer",
      cell: (i) => (C[order[i]].groups.length ? { f: `SUM(${gBlock(order[i], GROUPS.newRows)})` } : 0),
    },
    {
      header: "Verdict",
      width: 26,
      uniform: true,
      verdictColors: true,
      cell: (i) => ({
        f: shiftFormula(customerLabelFormula((name) => sref(customerVars[name]), sref(SUMMARY.stale), sref(SUMMARY.minRank)), i, 0),
      }),
    },
    { header: "Next step", width: 70, uniform: true, wrap: false, cell: (i) => ({ f: shiftFormula(nextStep(sref(SUMMARY.verdict)), i, 0) }) },
    { header: "Flagged", width: 9, uniform: true, cell: (i) => ({ f: shiftFormula(flagged(sref(SUMMARY.verdict)), i, 0) }) },
    { header: "Customer #", hidden: true, cell: (i) => order[i] + 1 },
    {
      header: "Live old",
      hidden: true,
      cell: (i) => (C[order[i]].groups.length ? { f: `SUM(${gBlock(order[i], GROUPS.oldLive)})` } : 0),
    },
    {
      header: "Min rank",
      hidden: true,
      cell: (i) => (C[order[i]].groups.length ? { f: `MIN(${gBlock(order[i], GROUPS.rank)})` } : severityRank("CLOSED")),
    },
    {
      header: "Stale",
      hidden: true,
      cell: (i) => (C[order[i]].groups.length ? { f: `SUM(${gBlock(order[i], GROUPS.stale)})` } : 0),
    },
    { header: "No export (old)", hidden: true, cell: (i) => bool(C[order[i]].noExportOld) },
    { header: "In new list", hidden: true, cell: (i) => bool(C[order[i]].inNewList) },
    { header: "New covered", hidden: true, cell: (i) => bool(C[order[i]].newCovered) },
    { header: "New list present", hidden: true, cell: (i) => bool(C[order[i]].newListPresent) },
  ];
  const summaryRows = order.length;
  const verdictRange = rangeRef(GENERATED.summary, SUMMARY.verdict, SUMMARY_TOP + 1, SUMMARY.verdict, SUMMARY_TOP + Math.max(1, summaryRows));
  const flaggedRange = rangeRef(GENERATED.summary, SUMMARY.flagged, SUMMARY_TOP + 1, SUMMARY.flagged, SUMMARY_TOP + Math.max(1, summaryRows));
  const staleTotal = `SUM(${rangeRef(GENERATED.groupCalc, GROUPS.stale, 2, GROUPS.stale, lastGroup)})`;
  const offerMapRows = input.offerMap.length;
  const offerMapCheck = rangeRef(SHEETS.offerMap, 4, 2, 4, offerMapRows + 1);
  const mapChanged = offerMapRows
    ? `COUNTIF(${offerMapCheck},"<>applied")+(COUNTA(${sheetPrefix(SHEETS.offerMap)}$A:$A)<>${offerMapRows + 1})`
    : `(COUNTA(${sheetPrefix(SHEETS.offerMap)}$A:$A)>1)`;
  const summaryCells = [
    { row: 1, col: 1, value: "CSP reconciliation", style: "title" as const },
    { row: AS_OF_CELL.row, col: 1, value: "As of", style: "label" as const },
    {
      row: AS_OF_CELL.row,
      col: AS_OF_CELL.col,
      value: input.fixedAsOf === null ? { f: "TODAY()" } : input.fixedAsOf,
      style: "date" as const,
    },
    { row: AS_OF_CELL.row, col: 3, value: "Today by default; type a date to freeze it for an audit.", style: "note" as const },
    { row: 3, col: 1, value: "Workbook", style: "label" as const },
    {
      row: 3,
      col: 2,
      value: {
        f: `IF(${staleTotal}+${mapChanged}>0,"${RERUN_LABEL}: keys or the offer map changed since the run","Up to date with the last run")`,
      },
    },
    { row: 4, col: 1, value: "Customers", style: "label" as const },
    { row: 4, col: 2, value: summaryRows },
    { row: 5, col: 1, value: "Flagged", style: "label" as const },
    { row: 5, col: 2, value: { f: `COUNTIF(${flaggedRange},"Yes")` } },
    { row: 6, col: 1, value: "Last run", style: "label" as const },
    { row: 6, col: 2, value: input.runAt },
    ...[...CUSTOMER_ORDER.map((v) => LABEL[v]), RERUN_LABEL].flatMap((label, k) => [
      { row: 4 + k, col: 4, value: label, style: "label" as const },
      { row: 4 + k, col: 5, value: { f: `COUNTIF(${verdictRange},${quote(label)})` } },
    ]),
    { row: 3, col: 4, value: "Customers by verdict", style: "label" as const },
    // Issue 11: exports of a whole side missing, said where the reader looks first (rows 8-9 are
    // free; the text runs across columns A-C up to the verdict counts in D).
    ...runWarnings(input.result).map((w, k) => ({ row: 8 + k, col: 1, value: `Warning: ${w.message}`, style: "label" as const })),
  ];

  // ---- Groups (visible) ---------------------------------------------------------------------
  const groupOrder = order.flatMap((ci) => C[ci].groups);
  const live1 = (g: number, col: number): PlanCell => ({ f: ref(GENERATED.groupCalc, col, groupRow(g)) });
  const visibleGroupColumns: ColumnSpec[] = [
    { header: "Customer", width: 30, cell: (k) => C[G[groupOrder[k]].customer].name },
    { header: "Microsoft ID", width: 38, cell: (k) => C[G[groupOrder[k]].customer].microsoftId ?? "" },
    { header: "Offer", width: 36, cell: (k) => G[groupOrder[k]].offerLabel },
    { header: "Azure", width: 7, cell: (k) => (G[groupOrder[k]].azure ? "Yes" : "No") },
    { header: "Old subscriptions", width: 11, cell: (k) => live1(groupOrder[k], GROUPS.oldRows) },
    { header: "Old still billing", width: 11, cell: (k) => live1(groupOrder[k], GROUPS.A) },
    { header: "Required", width: 10, cell: (k) => live1(groupOrder[k], GROUPS.R) },
    { header: "New seats", width: 10, cell: (k) => live1(groupOrder[k], GROUPS.N) },
    { header: "New not active", width: 11, cell: (k) => live1(groupOrder[k], GROUPS.P) },
    { header: "Verdict", width: 26, verdictColors: true, cell: (k) => live1(groupOrder[k], GROUPS.verdict) },
    { header: "Note", width: 18, cell: (k) => live1(groupOrder[k], GROUPS.note) },
    { header: "Next step", width: 70, uniform: true, cell: (k) => ({ f: shiftFormula(nextStep("J2"), k, 0) }) },
    { header: "Group #", hidden: true, cell: (k) => groupOrder[k] + 1 },
  ];

  // ---- Problems -------------------------------------------------------------------------------
  const P = result.problems;
  const problemColumns: ColumnSpec[] = [
    { header: "Source", width: 40, cell: (i) => P[i].source },
    { header: "Row", width: 7, cell: (i) => P[i].row },
    { header: "Code", width: 22, cell: (i) => P[i].code },
    { header: "Problem", width: 90, cell: (i) => P[i].message },
    {
      header: "Go to",
      width: 28,
      cell: (i) => {
        const loc = P[i].at;
        if (!loc) return "";
        const target = `#${sheetPrefix(loc.sheet)}A${loc.row}`;
        return { f: `HYPERLINK(${quote(target)},${quote(`${loc.sheet} row ${loc.row}`)})` };
      },
    },
  ];

  // ---- Rules (the verdict table, printed from the same data) ---------------------------------------
  const ruleLines: PlanCell[][] = [
    ...GROUP_RULES.map((r) => [`G${r.n}`, r.text, LABEL[r.verdict]]),
    ...CUSTOMER_RULES.map((r) => [`C${r.n}`, r.text, LABEL[r.verdict]]),
    ["C3", "otherwise the most severe group verdict (order below); no group: Closed", ""],
  ];

  // ---- Offer map, Accounts, Sources -------------------------------------------------------------
  const OM = input.offerMap;
  const arrow = (e: OfferMapEntry) => `${e.oldOffer} → ${e.newOffer}`;

  const sheets: SheetPlan[] = [
    {
      name: GENERATED.summary,
      role: "generated",
      visible: true,
      tabColor: "2F6FB2",
      cells: summaryCells,
      freeze: { rows: SUMMARY_TOP, cols: 1 },
      blocks: [{ id: "summary", top: SUMMARY_TOP, left: 1, rows: summaryRows, columns: summaryColumns, autoFilter: true }],
    },
    {
      name: GENERATED.groups,
      role: "generated",
      visible: true,
      cells: [],
      freeze: { rows: 1, cols: 1 },
      blocks: [{ id: "groups", top: 1, left: 1, rows: groupOrder.length, columns: visibleGroupColumns, autoFilter: true }],
    },
    {
      name: GENERATED.problems,
      role: "generated",
      visible: true,
      cells: [],
      freeze: { rows: 1, cols: 0 },
      blocks: [{ id: "problems", top: 1, left: 1, rows: P.length, columns: problemColumns, autoFilter: true }],
    },
    {
      name: SHEETS.offerMap,
      role: "generated",
      visible: true,
      cells: [],
      freeze: { rows: 1, cols: 0 },
      blocks: [
        {
          id: "offerMap",
          top: 1,
          left: 1,
          rows: OM.length,
          columns: [
            { header: OFFER_MAP_COLUMNS[0], width: 40, cell: (i) => OM[i].oldOffer },
            { header: OFFER_MAP_COLUMNS[1], width: 40, cell: (i) => OM[i].newOffer },
            { header: "Applied at last run", width: 60, cell: (i) => arrow(OM[i]) },
            {
              header: "Check",
              width: 18,
              uniform: true,
              cell: (i) => ({ f: shiftFormula(`IF(EXACT(A2&" → "&B2,C2),"applied","changed: re-run")`, i, 0) }),
            },
          ],
        },
      ],
    },
    {
      name: SHEETS.accounts,
      role: "generated",
      visible: true,
      cells: [],
      freeze: { rows: 1, cols: 0 },
      blocks: [
        {
          id: "accounts",
          top: 1,
          left: 1,
          rows: input.accounts.length,
          columns: [
            { header: ACCOUNT_COLUMNS[0], width: 24, cell: (i) => input.accounts[i].account },
            { header: ACCOUNT_COLUMNS[1], width: 8, cell: (i) => input.accounts[i].role },
            { header: ACCOUNT_COLUMNS[2], width: 12, input: ["legacy", "nce"], cell: (i) => input.accounts[i].commerce },
          ],
        },
      ],
    },
    {
      name: SHEETS.sources,
      role: "generated",
      visible: true,
      cells: [],
      freeze: { rows: 1, cols: 0 },
      blocks: [
        {
          id: "sources",
          top: 1,
          left: 1,
          rows: input.records.length,
          autoFilter: true,
          columns: SOURCE_COLUMNS.map((h, k) => ({
            header: h,
            width: [40, 14, 14, 6, 30, 24, 7, 18, 60, 10][k],
            cell: (i: number) => sourceRow(input.records[i])[k] as PlanCell,
          })),
        },
      ],
    },
    {
      name: GENERATED.rules,
      role: "generated",
      visible: true,
      cells: [
        { row: 1, col: 1, value: "How verdicts are decided (spec §4): the first line that applies wins.", style: "title" },
        {
          row: legendTop - 1,
          col: 1,
          value: "Verdicts, most urgent first. R = required seats, N = new active seats, A = old rows active or pending, P = new rows pending or suspended, S = old rows suspended.",
          style: "note",
        },
      ],
      blocks: [
        {
          id: "rules",
          top: 3,
          left: 1,
          rows: ruleLines.length,
          columns: ["#", "When", "Verdict"].map((h, k) => ({ header: h, width: [6, 90, 26][k], cell: (i: number) => ruleLines[i][k] })),
        },
        {
          id: "legend",
          top: legendTop,
          left: 1,
          rows: legend.length,
          columns: ["Verdict", "Code", "Order", "Flagged", "Next step"].map((h, k) => ({
            header: h,
            width: [26, 22, 7, 8, 110][k],
            verdictColors: k === 0,
            cell: (i: number) => legend[i][k],
          })),
        },
      ],
    },
    {
      name: GENERATED.calc,
      role: "generated",
      visible: false,
      cells: [],
      blocks: [{ id: "calc", top: 1, left: 1, rows: calcRows.length, columns: calcColumns }],
    },
    {
      name: GENERATED.groupCalc,
      role: "generated",
      visible: false,
      cells: [],
      blocks: [{ id: "groupCalc", top: 1, left: 1, rows: G.length, columns: groupColumns }],
    },
    {
      name: GENERATED.lists,
      role: "generated",
      visible: false,
      cells: [],
      blocks: [
        {
          id: "lists",
          top: 1,
          left: 1,
          rows: STATUS_VOCABULARY.length,
          columns: [
            { header: "Status word", cell: (i) => STATUS_VOCABULARY[i].word },
            { header: "Code", cell: (i) => STATUS_CODE[STATUS_VOCABULARY[i].status] },
            { header: "Status", cell: (i) => STATUS_VOCABULARY[i].status },
          ],
        },
      ],
    },
  ];

  // ---- State (what a teammate's add-in needs to find its own work again) -------------------------
  const stateRows: PlanCell[][] = [
    ["product", "csp-reconcile", ""],
    ["schemaVersion", SCHEMA_VERSION, ""],
    ["runAt", input.runAt, ""],
    ["asOf", input.fixedAsOf === null ? "today" : input.fixedAsOf, ""],
    ...[...input.dataSheets.values()].map((info) => {
      const geo = geometry.get(info.name)!;
      return ["dataSheet", info.name, `${geo.headerRow},${geo.left},${ADDED_HEADERS.length}`] as PlanCell[];
    }),
  ];
  sheets.push({
    name: GENERATED.state,
    role: "generated",
    visible: false,
    cells: [],
    blocks: [
      {
        id: "state",
        top: 1,
        left: 1,
        rows: stateRows.length,
        columns: ["Key", "Value", "Detail"].map((h, k) => ({ header: h, cell: (i: number) => stateRows[i][k] })),
      },
    ],
  });

  // ---- Beside the export rows ------------------------------------------------------------------
  const rowsBySheet = new Map<string, RowResult[]>();
  for (const r of result.rows) {
    if (!r.at) continue;
    let arr = rowsBySheet.get(r.at.sheet);
    if (!arr) rowsBySheet.set(r.at.sheet, (arr = []));
    arr.push(r);
  }
  for (const info of input.dataSheets.values()) {
    const geo = geometry.get(info.name)!;
    const sheetRows = rowsBySheet.get(info.name) ?? [];
    const byRow = new Map(sheetRows.map((r) => [r.at!.row, r]));
    const lastRow = lastExportRow(info.data.rows, geo.headerRow, geo.left, decisionCol(info.name));
    const n = lastRow - geo.headerRow;
    const rowAt = (i: number) => byRow.get(geo.headerRow + 1 + i);
    const existingDecision = (i: number): Cell => {
      const cells = info.data.rows[geo.headerRow + i] ?? [];
      const v = cells[decisionCol(info.name) - 1];
      return v === undefined || isCellError(v) ? null : v;
    };
    const groupCell = (i: number, col: number): PlanCell => {
      const r = rowAt(i);
      return r && r.group !== null ? { f: ref(GENERATED.groupCalc, col, groupRow(r.group)) } : null;
    };
    sheets.push({
      name: info.name,
      role: "data",
      visible: true,
      cells: [],
      blocks: [
        {
          id: `added:${info.name}`,
          top: geo.headerRow,
          left: geo.left,
          rows: n,
          columns: [
            {
              header: ADDED_HEADERS[0],
              width: 26,
              verdictColors: true,
              cell: (i) => {
                const r = rowAt(i);
                if (!r) return null;
                return r.group !== null ? { f: ref(GENERATED.groupCalc, GROUPS.verdict, groupRow(r.group)) } : rowVerdictText(result, r);
              },
            },
            { header: ADDED_HEADERS[1], width: 10, cell: (i) => groupCell(i, GROUPS.R) },
            { header: ADDED_HEADERS[2], width: 10, cell: (i) => groupCell(i, GROUPS.N) },
            {
              header: ADDED_HEADERS[3],
              width: 40,
              cell: (i) => {
                const r = rowAt(i);
                const k = r ? calcRowOf.get(r) : undefined;
                return k ? { f: ref(GENERATED.calc, CALC.advice, k) } : null;
              },
            },
            { header: ADDED_HEADERS[4], width: 11, input: DECISIONS, cell: (i) => existingDecision(i) as PlanCell },
          ],
        },
      ],
    });
  }

  return {
    schemaVersion: SCHEMA_VERSION,
    sheets,
    names: [{ name: AS_OF_NAME, ref: asOfRef }],
  };
}

/** The advice text the engine expects in a row's Advice cell. */
export function expectedAdvice(result: EngineResult, r: RowResult): string {
  return rowAdvice(r, r.group === null ? null : result.groups[r.group], result.asOf);
}
