/**
 * Summary: what the billing team reads first. The as-of date, whether the workbook still
 * matches its last run, counts per verdict, and one row per customer with its live verdict.
 * A customer's figures are read at its last group in CSP Groups and its verdict in CSP
 * Customers, by plain values in its row, so the user may sort and filter the table.
 */
import { CUSTOMER_ORDER, LABEL, RERUN_LABEL } from "../../domain/verdicts";
import { SHEETS } from "../../domain/workbook";
import { runWarnings } from "../../domain/warnings";
import { columnLetters, quote, rangeRef, sheetPrefix } from "../a1";
import { columnsOf, formulaColumn, here, valueColumn } from "../columns";
import { flaggedFormula } from "../formulas";
import { Layout } from "../model";
import { CUSTOMERS, GROUP_CALC, ROWS, customerRowOf, customersAt, groupCalcAt } from "../hidden";
import { AS_OF_CELL, GENERATED } from "../names";
import { ColumnSpec, FreeCell, PlanCell, PlanLink, SheetPlan } from "../types";

import { nextStepFormula, nextStepOf } from "./rules";

/** The row of the link to the Next steps sheet, in the Summary's top cells. */
export const NEXT_STEPS_LINK_ROW = 7;

/** The link to the Next steps sheet: how many actions, and where. */
function nextStepsLink(actions: number): PlanLink {
  const text = actions === 0 ? "Nothing to do" : `${actions} action${actions === 1 ? "" : "s"}, account by account`;
  return { text, link: `${sheetPrefix(GENERATED.nextSteps)}A1` };
}

/** Header row of the Summary table. */
export const SUMMARY_TOP = 19;
export const SUMMARY = columnsOf([
  "customer", "microsoftId", "oldSubs", "newSubs", "verdict", "nextStep", "flagged", "problems",
  "no", "lastGroup", "noExportOld", "unreadableExport", "inNewList", "newCovered", "newListPresent",
] as const);

const FIRST = SUMMARY_TOP + 1;


export function summarySheet(layout: Layout): SheetPlan {
  const { result, input } = layout;
  const C = result.customers;
  const order = layout.summaryOrder;
  const h = (col: number) => here(col, FIRST);
  const lastGroup = h(SUMMARY.lastGroup);
  const ofCustomer = (col: number, none: number) => `IF(${lastGroup}>0,${groupCalcAt(col, lastGroup)},${none})`;
  // The live verdict is CSP Customers' (the customer's row there is its number + 1).
  const verdictFormula = customersAt(CUSTOMERS.label, customerRowOf(h(SUMMARY.no)));
  const c = (i: number) => C[order[i]];
  const bool = (b: boolean) => (b ? 1 : 0);
  const columns: ColumnSpec[] = [
    valueColumn("Customer", (i) => c(i).name, { width: 34 }),
    valueColumn("Microsoft ID", (i) => c(i).microsoftId ?? "", { width: 38 }),
    formulaColumn("Old subscriptions", ofCustomer(GROUP_CALC.oldRows, 0), (i) => c(i).oldRows, { width: 11, format: "integer" }),
    formulaColumn("New subscriptions", ofCustomer(GROUP_CALC.newRows, 0), (i) => c(i).newRows, { width: 11, format: "integer" }),
    formulaColumn("Verdict", verdictFormula, (i) => LABEL[c(i).verdict], { width: 26, verdictColors: true }),
    formulaColumn("Next step", nextStepFormula(h(SUMMARY.verdict)), (i) => nextStepOf(LABEL[c(i).verdict]), { width: 70, wrap: false }),
    formulaColumn("Flagged", flaggedFormula(h(SUMMARY.verdict), h(SUMMARY.problems)), (i) => (c(i).flagged ? "Yes" : "No"), { width: 9 }),
    // §4 problem rows, a fact of the run: only a re-run reads the rows again.
    valueColumn("Problems", (i) => c(i).problemRows, { width: 9, format: "integer" }),
    valueColumn("Customer #", (i) => order[i] + 1, { hidden: true }),
    valueColumn("Last group row", (i) => layout.customerLastGroupRow[order[i]], { hidden: true }),
    valueColumn("No export (old)", (i) => bool(c(i).noExportOld), { hidden: true }),
    valueColumn("Unreadable export", (i) => bool(c(i).unreadableExport), { hidden: true }),
    valueColumn("In new list", (i) => bool(c(i).inNewList), { hidden: true }),
    valueColumn("New covered", (i) => bool(c(i).newCovered), { hidden: true }),
    valueColumn("New list present", (i) => bool(c(i).newListPresent), { hidden: true }),
  ];

  const rows = order.length;
  const verdictRange = rangeRef(GENERATED.summary, SUMMARY.verdict, FIRST, SUMMARY.verdict, SUMMARY_TOP + Math.max(1, rows));
  const flaggedRange = rangeRef(GENERATED.summary, SUMMARY.flagged, FIRST, SUMMARY.flagged, SUMMARY_TOP + Math.max(1, rows));
  const staleTotal = `SUM(${sheetPrefix(GENERATED.rows)}$${columnLetters(ROWS.stale)}:$${columnLetters(ROWS.stale)})`;
  const mapRows = input.offerMap.length;
  const mapCheck = rangeRef(SHEETS.offerMap, 4, 2, 4, mapRows + 1);
  const mapChanged = mapRows
    ? `COUNTIF(${mapCheck},"<>applied")+(COUNTA(${sheetPrefix(SHEETS.offerMap)}$A:$A)<>${mapRows + 1})`
    : `(COUNTA(${sheetPrefix(SHEETS.offerMap)}$A:$A)>1)`;
  const byVerdict = new Map<string, number>();
  for (const ci of order) byVerdict.set(LABEL[C[ci].verdict], (byVerdict.get(LABEL[C[ci].verdict]) ?? 0) + 1);
  const flagged = order.filter((ci) => C[ci].flagged).length;
  const cells: FreeCell[] = [
    { row: 1, col: 1, value: "CSP reconciliation", style: "title" },
    { row: AS_OF_CELL.row, col: 1, value: "As of", style: "label" },
    { row: AS_OF_CELL.row, col: AS_OF_CELL.col, value: input.fixedAsOf === null ? { f: "TODAY()", v: result.asOf } : input.fixedAsOf, style: "date" },
    { row: AS_OF_CELL.row, col: 3, value: "Today by default; type a date to freeze it for an audit.", style: "note" },
    { row: 3, col: 1, value: "Workbook", style: "label" },
    {
      row: 3,
      col: 2,
      value: {
        f: `IF(${staleTotal}+${mapChanged}>0,"${RERUN_LABEL}: keys or the offer map changed since the run","Up to date with the last run")`,
        v: "Up to date with the last run",
      },
    },
    { row: 4, col: 1, value: "Customers", style: "label" },
    { row: 4, col: 2, value: rows },
    { row: 5, col: 1, value: "Flagged", style: "label" },
    { row: 5, col: 2, value: { f: `COUNTIF(${flaggedRange},"Yes")`, v: flagged } },
    { row: 6, col: 1, value: "Last run", style: "label" },
    { row: 6, col: 2, value: input.runAt },
    { row: NEXT_STEPS_LINK_ROW, col: 1, value: "Next steps", style: "label" },
    { row: NEXT_STEPS_LINK_ROW, col: 2, value: nextStepsLink(layout.actions.length) },
    { row: 3, col: 4, value: "Customers by verdict", style: "label" },
    // Exports of a whole side missing, said where the reader looks first (rows 8-9 are free; the
    // text runs across columns A-C up to the verdict counts in D).
    ...runWarnings(result).map((w, k): FreeCell => ({ row: 8 + k, col: 1, value: `Warning: ${w.message}`, style: "label" })),
    ...[...CUSTOMER_ORDER.map((v) => LABEL[v]), RERUN_LABEL].flatMap((label, k): FreeCell[] => [
      { row: 4 + k, col: 4, value: label, style: "label" },
      { row: 4 + k, col: 5, value: { f: `COUNTIF(${verdictRange},${quote(label)})`, v: byVerdict.get(label) ?? 0 } as PlanCell },
    ]),
  ];
  return {
    name: GENERATED.summary,
    role: "generated",
    visible: true,
    tabColor: "2F6FB2",
    cells,
    freeze: { rows: SUMMARY_TOP, cols: 1 },
    blocks: [{ id: "summary", top: SUMMARY_TOP, left: 1, rows, columns, autoFilter: true }],
  };
}
