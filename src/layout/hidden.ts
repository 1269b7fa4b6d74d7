/**
 * The columns of the hidden sheets, declared in one place because their formulas read each
 * other (CSP Rows ⇄ CSP Calc ⇄ CSP Groups): the sheet modules import these, never each other's
 * declarations.
 */
import { at, columnsOf } from "./columns";
import { GENERATED } from "./names";

/** CSP Rows: per export row, beside its export sheet (sheets/rows.ts). */
export const ROWS = columnsOf([
  "pos", "groupRow", "last", "reason", "azure", "isNew", "nceByOffer", "account", "end",
  "code", "quantity", "seats", "stale", "customerNo", "advice",
] as const);
/** Key at run of the block's k-th key column (0-based). */
export const rowsKeyColumn = (k: number) => ROWS.advice + 1 + k;

/** CSP Calc: per reconciled row, in group order (sheets/calc.ts). */
export const CALC = columnsOf([
  "group", "rowsRow", "isNew", "nceByOffer", "account", "start", "azure", "code", "seats",
  "oldRows", "oldLive", "A", "Snce", "newRows", "newLive", "P", "R", "N", "stale", "earliest", "rank",
  "accountKey", "nce", "accountA", "end", "expiry", "expiries",
] as const);
/** A CSP Calc cell of the row `position` (an expression), for formulas on other sheets. */
export const calcAt = (col: number, position: string) => at(GENERATED.calc, col, position);

/** CSP Groups: per group, in CSP Calc's order (sheets/group-calc.ts). */
export const GROUP_CALC = columnsOf([
  "group", "customer", "azure", "reassign", "last", "rank", "label", "liveOld", "minRank", "stale", "oldRows", "newRows",
  "offer", "advice", "customerAdvice", "offerNo",
] as const);
/** The CSP Groups row of layout group number `groupNo` (an expression). */
export const groupRowOf = (groupNo: string) => `${groupNo}+1`;
export const groupCalcAt = (col: number, row: string) => at(GENERATED.groupCalc, col, row);

/** CSP Customers: per customer, in the engine's customer order (sheets/customers.ts). */
export const CUSTOMERS = columnsOf([
  "customer", "lastGroup", "noExportOld", "unreadableExport", "inNewList", "newCovered", "newListPresent",
  "liveOld", "minRank", "stale", "label", "name", "microsoftId",
] as const);
/** The CSP Customers row of engine customer number `customerNo` (1-based, an expression). */
export const customerRowOf = (customerNo: string) => `${customerNo}+1`;
export const customersAt = (col: number, row: string) => at(GENERATED.customers, col, row);
/** Text kept once per customer (name, Microsoft ID) for engine customer number `customerNo`; ""& gives "" for an empty cell, not 0. */
export const customerTextAt = (col: number, customerNo: string) => `""&${customersAt(col, customerRowOf(customerNo))}`;

/** CSP Lists: the status vocabulary and each account's commerce (sheets/lists.ts). */
export const LISTS = columnsOf(["word", "code", "status", "gap", "account", "nce", "gap2", "label", "gap3", "keyText", "gap4", "offerLabel"] as const);
