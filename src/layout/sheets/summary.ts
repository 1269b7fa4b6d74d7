/**
 * Summary: what the billing team reads first (issue 11: a new user sees every flagged customer,
 * why, what to do, and every problem, without widening a column). Above the table, in ten rows:
 * the as-of date, whether the workbook still matches its last run, the counts of customers,
 * flagged customers and problems (a link to the Problems sheet), when the run was made, and a
 * live picture of the customers per verdict (data bars). Then one row per customer with its
 * live verdict and its next step, which carries the advice of its groups.
 *
 * A customer's figures are read at its last group in CSP Groups and its verdict in CSP
 * Customers, by plain values in its row, so the user may sort and filter the table.
 */
import { customerAdvice } from "../../domain/advice";
import { CUSTOMER_ORDER, LABEL, RERUN_LABEL } from "../../domain/verdicts";
import { SHEETS } from "../../domain/workbook";
import { runWarnings } from "../../domain/warnings";
import { cellAddress, columnLetters, rangeAddress, rangeRef, sheetPrefix } from "../a1";
import { blockHeights, columnsOf, fitWidth, formulaColumn, here, valueColumn } from "../columns";
import { flaggedFormula } from "../formulas";
import { Layout } from "../model";
import { CUSTOMERS, GROUP_CALC, ROWS, customerRowOf, customersAt, groupCalcAt } from "../hidden";
import { AS_OF_CELL, GENERATED, STATUS_CELL } from "../names";
import { Block, ColumnSpec, FreeCell, PlanLink, SheetPlan } from "../types";
import { customerMoney } from "../../domain/money";
import { MONEY_LABEL, moneyColumns, moneySentence } from "../money";

import { nextStepFormula, nextStepOf } from "./rules";

/** The row of the link to the Next steps sheet, in the Summary's top cells. */
export const NEXT_STEPS_LINK_ROW = 8;

/** The link to the Next steps sheet: how many actions, and where. */
function nextStepsLink(actions: number): PlanLink {
  const text = actions === 0 ? "Nothing to do" : `${actions} action${actions === 1 ? "" : "s"}, account by account`;
  return { text, link: `${sheetPrefix(GENERATED.nextSteps)}A1` };
}

/**
 * Header row of the Summary table: the rows above it are frozen with it, so they are kept few
 * (the verdict counts sit in two columns of eight beside the run's figures, not in one of 15).
 * Row 10 holds the money at stake or the run's warnings; a run with both moves the table one
 * row down (`summaryTop`).
 */
export const SUMMARY_TOP = 11;

/** The Summary table's header row: one more when both the money line and warnings need row 10. */
export function summaryTop(lines: number): number {
  return Math.max(SUMMARY_TOP, SUMMARY_ROWS.lines + lines);
}
/**
 * Who, what the verdict is, whether it is flagged and has problems, what to do; the counts of
 * subscriptions last. Verdict and Flagged, Next step and Old subscriptions are the columns the
 * verdict counts above the table use: a label column and a bar column each, the bar columns of
 * one width so that their bars share one scale.
 */
export const SUMMARY = columnsOf([
  "customer", "microsoftId", "verdict", "flagged", "problems", "nextStep", "oldSubs", "newSubs",
  "no", "lastGroup", "noExportOld", "unreadableExport", "inNewList", "newCovered", "newListPresent",
] as const);

/** Widths in characters: B holds the run's figures above the table, D and G the count bars. */
const WIDTH = { customer: 34, microsoftId: 42, verdict: 26, bars: 12, problems: 10, nextStep: 60 } as const;

/** The run's figures, in column A (label) and B (value), from row 2. */
export const SUMMARY_ROWS = { asOf: AS_OF_CELL.row, status: STATUS_CELL.row, customers: 4, flagged: 5, problems: 6, lastRun: 7, nextSteps: NEXT_STEPS_LINK_ROW, note: 9, lines: 10 } as const;

/** Verdict counts: the labels in the order the table sorts by, then the re-run notice. */
const COUNT_LABELS = [...CUSTOMER_ORDER.map((v) => LABEL[v]), RERUN_LABEL];
const COUNT_ROWS = Math.ceil(COUNT_LABELS.length / 2);

/** A date and time as Excel's serial, in the local time of the run (`offsetMinutes` east of UTC). */
export function localSerial(iso: string, offsetMinutes: number): number | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return (ms + offsetMinutes * 60_000) / 86_400_000 + 25_569;
}

/** The two blocks of verdict counts: labels coloured as in the table, a live count with a data bar. */
function countBlocks(verdictRange: string, byVerdict: ReadonlyMap<string, number>): Block[] {
  const halves = [COUNT_LABELS.slice(0, COUNT_ROWS), COUNT_LABELS.slice(COUNT_ROWS)];
  const places = [
    { label: SUMMARY.verdict, count: SUMMARY.flagged },
    { label: SUMMARY.nextStep, count: SUMMARY.oldSubs },
  ];
  const countRange = (p: (typeof places)[number], n: number) => rangeAddress(p.count, 2, p.count, 1 + n, true);
  // One scale for both columns of bars (of one width): the largest count of either.
  const max = `MAX(${places.map((p, k) => countRange(p, halves[k].length)).join(",")})`;
  // Each label sits right before its bar column.
  if (places.some((p) => p.count !== p.label + 1)) throw new Error("Internal error: a verdict count is not beside its label");
  return places.map((p, k) => {
    const labels = halves[k];
    return {
      id: `verdict-counts-${k + 1}`,
      top: 1,
      left: p.label,
      rows: labels.length,
      columns: [
        valueColumn("Verdict", (i) => labels[i], { verdictColors: true, ...(k === 1 ? { align: "right" as const } : {}) }),
        formulaColumn("Customers", `COUNTIF(${verdictRange},${here(p.label, 2)})`, (i) => byVerdict.get(labels[i]) ?? 0, {
          format: "integer",
          dataBar: { max },
        }),
      ],
    };
  });
}

export function summarySheet(layout: Layout): SheetPlan {
  const { result, input } = layout;
  const C = result.customers;
  const order = layout.summaryOrder;
  const warnings = runWarnings(result).map((w) => `Warning: ${w.message}`);
  // Full-width lines under the run's figures: the money at stake (§9), then the warnings.
  const lines: FreeCell[][] = [];
  if (layout.money) {
    lines.push([
      { row: 0, col: 1, value: MONEY_LABEL, style: "label" },
      { row: 0, col: 2, value: moneySentence(layout.money) },
    ]);
  }
  // Exports of a whole side missing, said where the reader looks first, across the free row.
  if (warnings.length) lines.push([{ row: 0, col: 1, value: warnings.join(" "), style: "label" }]);
  const top = summaryTop(lines.length);
  const FIRST = top + 1;
  const h = (col: number) => here(col, FIRST);
  const lastGroup = h(SUMMARY.lastGroup);
  const ofCustomer = (col: number, none: number) => `IF(${lastGroup}>0,${groupCalcAt(col, lastGroup)},${none})`;
  // The live verdict is CSP Customers' (the customer's row there is its number + 1).
  const verdictFormula = customersAt(CUSTOMERS.label, customerRowOf(h(SUMMARY.no)));
  // The verdict's next step, then the advice of each of the customer's groups (CSP Groups keeps
  // the customer's advice so far, so its last group row has all of it).
  const nextStep = `${nextStepFormula(h(SUMMARY.verdict))}&IF(${lastGroup}>0,${groupCalcAt(GROUP_CALC.customerAdvice, lastGroup)},"")`;
  const c = (i: number) => C[order[i]];
  const bool = (b: boolean) => (b ? 1 : 0);
  const byKey = {
    customer: valueColumn("Customer", (i) => c(i).name, { width: fitWidth(order.map((ci) => C[ci].name), { header: "Customer", min: WIDTH.customer, max: 50 }) }),
    microsoftId: valueColumn("Microsoft ID", (i) => c(i).microsoftId ?? "", { width: WIDTH.microsoftId }),
    verdict: formulaColumn("Verdict", verdictFormula, (i) => LABEL[c(i).verdict], { width: WIDTH.verdict, verdictColors: true }),
    flagged: formulaColumn("Flagged", flaggedFormula(h(SUMMARY.verdict), h(SUMMARY.problems)), (i) => (c(i).flagged ? "Yes" : "No"), { width: WIDTH.bars }),
    // §4 problem rows, a fact of the run: only a re-run reads the rows again.
    problems: valueColumn("Problems", (i) => c(i).problemRows, { width: WIDTH.problems, format: "integer" }),
    nextStep: formulaColumn("Next step", nextStep, (i) => nextStepOf(LABEL[c(i).verdict]) + customerAdvice(result, c(i).groups), {
      width: WIDTH.nextStep,
      wrap: true,
    }),
    oldSubs: formulaColumn("Old subscriptions", ofCustomer(GROUP_CALC.oldRows, 0), (i) => c(i).oldRows, { width: WIDTH.bars, format: "integer" }),
    newSubs: formulaColumn("New subscriptions", ofCustomer(GROUP_CALC.newRows, 0), (i) => c(i).newRows, { width: WIDTH.bars, format: "integer" }),
    no: valueColumn("Customer #", (i) => order[i] + 1, { hidden: true }),
    lastGroup: valueColumn("Last group row", (i) => layout.customerLastGroupRow[order[i]], { hidden: true }),
    noExportOld: valueColumn("No export (old)", (i) => bool(c(i).noExportOld), { hidden: true }),
    unreadableExport: valueColumn("Unreadable export", (i) => bool(c(i).unreadableExport), { hidden: true }),
    inNewList: valueColumn("In new list", (i) => bool(c(i).inNewList), { hidden: true }),
    newCovered: valueColumn("New covered", (i) => bool(c(i).newCovered), { hidden: true }),
    newListPresent: valueColumn("New list present", (i) => bool(c(i).newListPresent), { hidden: true }),
  } satisfies Record<keyof typeof SUMMARY, ColumnSpec>;
  // Money at stake per currency, after the hidden columns: no column of the table moves.
  const money = layout.money;
  const columns: ColumnSpec[] = [
    ...(Object.keys(SUMMARY) as (keyof typeof SUMMARY)[]).map((k) => byKey[k]),
    ...(money ? moneyColumns(layout.currencies, (i) => customerMoney(money, order[i])) : []),
  ];

  const rows = order.length;
  const verdictRange = rangeRef(GENERATED.summary, SUMMARY.verdict, FIRST, SUMMARY.verdict, top + Math.max(1, rows));
  const flaggedRange = rangeRef(GENERATED.summary, SUMMARY.flagged, FIRST, SUMMARY.flagged, top + Math.max(1, rows));
  const staleTotal = `SUM(${sheetPrefix(GENERATED.rows)}$${columnLetters(ROWS.stale)}:$${columnLetters(ROWS.stale)})`;
  const mapRows = input.offerMap.length;
  const mapCheck = rangeRef(SHEETS.offerMap, 4, 2, 4, mapRows + 1);
  const mapChanged = mapRows
    ? `COUNTIF(${mapCheck},"<>applied")+(COUNTA(${sheetPrefix(SHEETS.offerMap)}$A:$A)<>${mapRows + 1})`
    : `(COUNTA(${sheetPrefix(SHEETS.offerMap)}$A:$A)>1)`;
  const byVerdict = new Map<string, number>();
  for (const ci of order) byVerdict.set(LABEL[C[ci].verdict], (byVerdict.get(LABEL[C[ci].verdict]) ?? 0) + 1);
  const flagged = order.filter((ci) => C[ci].flagged).length;
  // The billing files' problems too (spec §9: MISSING_COLUMN, BAD_VALUE), as report.json counts them.
  const problems = result.problems.length + (money?.problems.length ?? 0);
  const lastRun = localSerial(input.runAt, input.runAtOffsetMinutes ?? 0);
  const R = SUMMARY_ROWS;
  const cells: FreeCell[] = [
    { row: 1, col: 1, value: "CSP reconciliation", style: "title" },
    { row: R.asOf, col: 1, value: "As of", style: "label" },
    { row: R.asOf, col: AS_OF_CELL.col, value: input.fixedAsOf === null ? { f: "TODAY()", v: result.asOf } : input.fixedAsOf, style: "date" },
    { row: R.status, col: 1, value: "Workbook", style: "label" },
    {
      row: R.status,
      col: STATUS_CELL.col,
      value: {
        f: `IF(${staleTotal}+${mapChanged}>0,"${RERUN_LABEL}: keys or offer map changed","Up to date with the last run")`,
        v: "Up to date with the last run",
      },
    },
    { row: R.customers, col: 1, value: "Customers", style: "label" },
    { row: R.customers, col: 2, value: rows },
    { row: R.flagged, col: 1, value: "Flagged", style: "label" },
    { row: R.flagged, col: 2, value: { f: `COUNTIF(${flaggedRange},"Yes")`, v: flagged } },
    // Every problem of the run, file-wide ones included, is one click away (issue 11 point 3).
    { row: R.problems, col: 1, value: "Problems", style: "label" },
    {
      row: R.problems,
      col: 2,
      value: problems === 0 ? "None" : { text: `${problems} ${problems === 1 ? "problem" : "problems"}: see the Problems sheet`, link: `${sheetPrefix(GENERATED.problems)}A1` },
    },
    // The run's moment as a date-time value: each reader's Excel shows it in their own format.
    { row: R.lastRun, col: 1, value: "Last run", style: "label" },
    { row: R.lastRun, col: 2, value: lastRun ?? input.runAt, style: lastRun === null ? undefined : "datetime" },
    { row: NEXT_STEPS_LINK_ROW, col: 1, value: "Next steps", style: "label" },
    { row: NEXT_STEPS_LINK_ROW, col: 2, value: nextStepsLink(layout.actions.length) },
    { row: R.note, col: 1, value: `Type a date in ${cellAddress(AS_OF_CELL.col, AS_OF_CELL.row)} to freeze the as-of date for an audit (default: today).`, style: "note" },
    ...lines.flatMap((line, k) => line.map((c) => ({ ...c, row: R.lines + k }))),
  ];
  const table: Block = { id: "summary", top, left: 1, rows, columns, autoFilter: true, heights: blockHeights(columns) };
  return {
    name: GENERATED.summary,
    role: "generated",
    visible: true,
    tabColor: "2F6FB2",
    cells,
    freeze: { rows: top, cols: 1 },
    blocks: [...countBlocks(verdictRange, byVerdict), table],
  };
}
