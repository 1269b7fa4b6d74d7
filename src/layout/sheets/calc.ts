/**
 * CSP Calc (hidden): one row per reconciled subscription, every group's rows together (groups
 * by customer). Running sums down the sheet restart where the group number changes, so a
 * group's counts and seats are the sums at its last row: one addition per row, whatever the
 * group's size, and the same formula on every row (no per-group ranges).
 *
 * Row facts that the run decided (group, new or old, offer-based commerce, dates) are plain
 * values; the row's Status code, Seats and Stale flag are read from its CSP Rows row by INDEX.
 */
import { STATUS_CODE } from "../../domain/status";
import { at, columnsOf, formulaColumn, here, valueColumn } from "../columns";
import { one, runningFormula } from "../formulas";
import { Layout } from "../model";
import { GENERATED } from "../names";
import { ColumnSpec, PlanValue, SheetPlan } from "../types";
import { LISTS } from "./lists";
import { ROWS } from "./rows";

export const CALC = columnsOf([
  "customer", "group", "rowsRow", "isNew", "nceByOffer", "account", "start", "end", "last",
  "oldRows", "oldLive", "A", "Snce", "newRows", "newLive", "P", "R", "N", "stale", "earliest",
] as const);

/** The first data row: formulas below are written for it and moved down. */
const FIRST = 2;

/** A CSP Calc cell of the row `position` (an expression), for formulas on other sheets. */
export const calcAt = (col: number, position: string) => at(GENERATED.calc, col, position);

/** New commerce of the row: by its offer ID or term, or its account marked nce in the Accounts sheet (live). */
export function nceOfCalcRow(position: string): string {
  return `IF(${calcAt(CALC.nceByOffer, position)}=1,1,${at(GENERATED.lists, LISTS.nce, calcAt(CALC.account, position))})`;
}

export function calcSheet(layout: Layout): SheetPlan {
  const rows = layout.calcRows;
  const h = (col: number) => here(col, FIRST);
  const above = (col: number) => here(col, FIRST - 1);
  const fromRows = (col: number) => at(GENERATED.rows, col, h(CALC.rowsRow));
  const code = fromRows(ROWS.code);
  const seats = fromRows(ROWS.seats);
  const isOld = `${h(CALC.isNew)}=0`;
  const isNew = `${h(CALC.isNew)}=1`;
  const live = `${code}>=${STATUS_CODE.active},${code}<=${STATUS_CODE.suspended}`;
  const nce = `IF(${h(CALC.nceByOffer)}=1,1,${at(GENERATED.lists, LISTS.nce, h(CALC.account))})`;
  const run = (col: number, add: string) => runningFormula(above(CALC.group), h(CALC.group), above(col), add);
  const sum = (key: keyof typeof layout.running) => (i: number): PlanValue => layout.running[key][i];
  const activeNewStart = `AND(${isNew},${code}=${STATUS_CODE.active},${h(CALC.start)}>0)`;
  const earlier = `IF(${above(CALC.group)}=${h(CALC.group)},${above(CALC.earliest)},0)`;
  const columns: ColumnSpec[] = [
    valueColumn("Customer #", (i) => rows[i].customer + 1),
    valueColumn("Group #", (i) => layout.groupNo[rows[i].group!]),
    valueColumn("CSP Rows row", (i) => layout.calcRowsRow[i]),
    valueColumn("New", (i) => (rows[i].role === "to" ? 1 : 0)),
    valueColumn("NCE by offer", (i) => (rows[i].nceByOffer ? 1 : 0)),
    valueColumn("Account row", (i) => layout.accountRow.get(rows[i].account) ?? 0),
    valueColumn("Start", (i) => (rows[i].role === "to" && rows[i].startDate !== null ? rows[i].startDate : 0), { format: "date" }),
    valueColumn("End", (i) => (rows[i].role === "from" && rows[i].endDate !== null ? rows[i].endDate : 0), { format: "date" }),
    valueColumn("Group's last row", (i) => layout.groupLast[layout.groupNo[rows[i].group!] - 1]),
    formulaColumn("Old rows", run(CALC.oldRows, one(`AND(${isOld},${code}>0)`)), sum("oldRows")),
    formulaColumn("Old live", run(CALC.oldLive, one(`AND(${isOld},${live})`)), sum("oldLive")),
    formulaColumn("A", run(CALC.A, one(`AND(${isOld},${code}>=${STATUS_CODE.active},${code}<=${STATUS_CODE.pending})`)), sum("A")),
    formulaColumn("Snce", run(CALC.Snce, one(`AND(${isOld},${code}=${STATUS_CODE.suspended},${nce}=1)`)), sum("Snce")),
    formulaColumn("New rows", run(CALC.newRows, one(`AND(${isNew},${code}>0)`)), sum("newRows")),
    formulaColumn("New live", run(CALC.newLive, one(`AND(${isNew},${live})`)), sum("newLive")),
    formulaColumn("P", run(CALC.P, one(`AND(${isNew},${code}>=${STATUS_CODE.pending},${code}<=${STATUS_CODE.suspended})`)), sum("P")),
    formulaColumn("R", run(CALC.R, `IF(AND(${isOld},${live},${seats}>=0),${seats},0)`), sum("R")),
    formulaColumn("N", run(CALC.N, `IF(AND(${isNew},${code}=${STATUS_CODE.active},${seats}>=0),${seats},0)`), sum("N")),
    formulaColumn("Stale", run(CALC.stale, fromRows(ROWS.stale)), () => 0),
    formulaColumn(
      "Earliest new start",
      `IF(${activeNewStart},IF(${earlier}=0,${h(CALC.start)},MIN(${earlier},${h(CALC.start)})),${earlier})`,
      sum("earliest"),
      { format: "date" },
    ),
  ];
  return {
    name: GENERATED.calc,
    role: "generated",
    visible: false,
    cells: [],
    blocks: [{ id: "calc", top: 1, left: 1, rows: rows.length, columns }],
  };
}
