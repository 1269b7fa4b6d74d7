/**
 * Groups: one row per (customer, offer) in Summary order, with its live counts, seats and
 * verdict. Each row carries where its group is (hidden plain values), so the user may sort and
 * filter the sheet freely.
 */
import { STEP_ADVICE, stepWithGroupAdvice } from "../../domain/advice";
import { LABEL } from "../../domain/verdicts";
import { quote } from "../a1";
import { blockHeights, columnsOf, fitWidth, formulaColumn, here, valueColumn } from "../columns";
import { Layout } from "../model";
import { CALC, CUSTOMERS, GROUP_CALC, calcAt, customerTextAt, groupCalcAt, groupRowOf } from "../hidden";
import { GENERATED } from "../names";
import { ColumnSpec, SheetPlan } from "../types";
import { groupMoney } from "../../domain/money";
import { moneyColumns } from "../money";

import { nextStepFormula, nextStepOf } from "./rules";

export const GROUPS = columnsOf([
  "customer", "microsoftId", "offer", "azure", "oldSubs", "oldBilling", "required", "newSeats", "newNotActive",
  "verdict", "nextStep", "group", "last",
] as const);

const FIRST = 2;

export function groupsSheet(layout: Layout): SheetPlan {
  const { result } = layout;
  const C = result.customers;
  const G = result.groups;
  const order = layout.summaryOrder.flatMap((ci) => C[ci].groups);
  const g = (k: number) => G[order[k]];
  const h = (col: number) => here(col, FIRST);
  const atLast = (col: number) => calcAt(col, h(GROUPS.last));
  const groupRow = groupRowOf(h(GROUPS.group));
  // The customer's name and Microsoft ID are kept once per customer (CSP Customers) and the offer
  // once per group (CSP Groups), not on each of the customer's rows here: 5 MB of the add-in's
  // requests at 10k customers (docs/PERFORMANCE.md).
  const customerNo = groupCalcAt(GROUP_CALC.customer, groupRow);
  // The verdict's next step, then the group's advice (CSP Groups): "reassign licenses", the days
  // of double billing, the dates to let old rows expire, "transfer or cancel within 7 days".
  const advice = groupCalcAt(GROUP_CALC.advice, groupRow);
  const nextStep = `${nextStepFormula(h(GROUPS.verdict))}&IF(${advice}="","",${quote(STEP_ADVICE.group.before)}&${advice}&${quote(STEP_ADVICE.group.after)})`;
  // Names and offers sized to the longest (within reason); counts wide enough for the longest
  // word of their wrapped headers ("subscriptions").
  const names = new Set(order.map((gi) => C[G[gi].customer].name));
  const offers = order.map((gi) => G[gi].offerLabel);
  const count = 12;
  const columns: ColumnSpec[] = [
    formulaColumn("Customer", customerTextAt(CUSTOMERS.name, customerNo), (k) => C[g(k).customer].name, { width: fitWidth(names, { header: "Customer", min: 16, max: 45 }) }),
    formulaColumn("Microsoft ID", customerTextAt(CUSTOMERS.microsoftId, customerNo), (k) => C[g(k).customer].microsoftId ?? "", { width: 38 }),
    formulaColumn("Offer", groupCalcAt(GROUP_CALC.offer, groupRow), (k) => g(k).offerLabel, { width: fitWidth(offers, { header: "Offer", min: 16, max: 60 }) }),
    valueColumn("Azure", (k) => (g(k).azure ? "Yes" : "No"), { width: 7 }),
    formulaColumn("Old subscriptions", atLast(CALC.oldRows), (k) => g(k).totals.oldRows, { width: count }),
    formulaColumn("Old still billing", atLast(CALC.A), (k) => g(k).totals.A, { width: count }),
    formulaColumn("Required", atLast(CALC.R), (k) => g(k).totals.R, { width: 10 }),
    formulaColumn("New seats", atLast(CALC.N), (k) => g(k).totals.N, { width: 10 }),
    formulaColumn("New not active", atLast(CALC.P), (k) => g(k).totals.P, { width: count }),
    formulaColumn("Verdict", groupCalcAt(GROUP_CALC.label, groupRow), (k) => LABEL[g(k).verdict], { width: 26, verdictColors: true }),
    formulaColumn("Next step", nextStep, (k) => stepWithGroupAdvice(nextStepOf(LABEL[g(k).verdict]), g(k)), { width: 60, wrap: true }),
    valueColumn("Group #", (k) => layout.groupNo[order[k]], { hidden: true }),
    valueColumn("Last CSP Calc row", (k) => layout.groupLast[layout.groupNo[order[k]] - 1], { hidden: true }),
    // Money at stake of the group per currency (§9), after the hidden columns.
    ...(layout.money ? moneyColumns(layout.currencies, (k) => groupMoney(layout.money!, order[k])) : []),
  ];
  return {
    name: GENERATED.groups,
    role: "generated",
    visible: true,
    cells: [],
    freeze: { rows: 1, cols: 1 },
    blocks: [{ id: "groups", top: 1, left: 1, rows: order.length, columns, autoFilter: true, heights: blockHeights(columns) }],
  };
}
