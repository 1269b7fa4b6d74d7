/**
 * Groups: one row per (customer, offer) in Summary order, with its live counts, seats and
 * verdict. Each row carries where its group is (hidden plain values), so the user may sort and
 * filter the sheet freely.
 */
import { ADVICE } from "../../domain/advice";
import { LABEL } from "../../domain/verdicts";
import { quote } from "../a1";
import { columnsOf, formulaColumn, here, valueColumn } from "../columns";
import { Layout } from "../model";
import { CALC, GROUP_CALC, calcAt, groupCalcAt, groupRowOf } from "../hidden";
import { GENERATED } from "../names";
import { ColumnSpec, SheetPlan } from "../types";

import { nextStepFormula, nextStepOf } from "./rules";

export const GROUPS = columnsOf([
  "customer", "microsoftId", "offer", "azure", "oldSubs", "oldBilling", "required", "newSeats", "newNotActive",
  "verdict", "note", "nextStep", "group", "last",
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
  const note = `IF(AND(${h(GROUPS.verdict)}=${quote(LABEL.DONE)},${groupCalcAt(GROUP_CALC.reassign, groupRow)}=1),${quote(ADVICE.reassign)},"")`;
  const columns: ColumnSpec[] = [
    valueColumn("Customer", (k) => C[g(k).customer].name, { width: 30 }),
    valueColumn("Microsoft ID", (k) => C[g(k).customer].microsoftId ?? "", { width: 38 }),
    valueColumn("Offer", (k) => g(k).offerLabel, { width: 36 }),
    valueColumn("Azure", (k) => (g(k).azure ? "Yes" : "No"), { width: 7 }),
    formulaColumn("Old subscriptions", atLast(CALC.oldRows), (k) => g(k).totals.oldRows, { width: 11 }),
    formulaColumn("Old still billing", atLast(CALC.A), (k) => g(k).totals.A, { width: 11 }),
    formulaColumn("Required", atLast(CALC.R), (k) => g(k).totals.R, { width: 10 }),
    formulaColumn("New seats", atLast(CALC.N), (k) => g(k).totals.N, { width: 10 }),
    formulaColumn("New not active", atLast(CALC.P), (k) => g(k).totals.P, { width: 11 }),
    formulaColumn("Verdict", groupCalcAt(GROUP_CALC.label, groupRow), (k) => LABEL[g(k).verdict], { width: 26, verdictColors: true }),
    formulaColumn("Note", note, (k) => (g(k).verdict === "DONE" && g(k).reassign ? ADVICE.reassign : ""), { width: 18 }),
    formulaColumn("Next step", nextStepFormula(h(GROUPS.verdict)), (k) => nextStepOf(LABEL[g(k).verdict]), { width: 70 }),
    valueColumn("Group #", (k) => layout.groupNo[order[k]], { hidden: true }),
    valueColumn("Last CSP Calc row", (k) => layout.groupLast[layout.groupNo[order[k]] - 1], { hidden: true }),
  ];
  return {
    name: GENERATED.groups,
    role: "generated",
    visible: true,
    cells: [],
    freeze: { rows: 1, cols: 1 },
    blocks: [{ id: "groups", top: 1, left: 1, rows: order.length, columns, autoFilter: true }],
  };
}
