/**
 * CSP Groups (hidden): one row per group, in the order of CSP Calc. A group's numbers are the
 * running sums at its last CSP Calc row (a plain value: where that row is); its verdict is the
 * verdict table compiled into one formula (formulas.ts). Running sums per customer follow, the
 * groups of a customer being together, so a customer's figures are those at its last group.
 */
import { LABEL, severityRank } from "../../domain/verdicts";
import { at, formulaColumn, here, valueColumn } from "../columns";
import { STEP_ADVICE, groupAdvice } from "../../domain/advice";
import { quote } from "../a1";
import { groupAdviceFormula, groupLabelFormula, runningFormula } from "../formulas";
import { verdictLabelOfRank } from "./lists";
import { Layout } from "../model";
import { CALC, GROUP_CALC, LISTS, calcAt } from "../hidden";
import { GENERATED } from "../names";
import { ColumnSpec, SheetPlan } from "../types";

const FIRST = 2;
/** Above every rank: the running minimum's start. */
const NO_RANK = 99;


export function groupCalcSheet(layout: Layout): SheetPlan {
  const { result } = layout;
  const G = layout.groups.map((g) => result.groups[g]);
  const h = (col: number) => here(col, FIRST);
  const above = (col: number) => here(col, FIRST - 1);
  const last = h(GROUP_CALC.last);
  const atLast = (col: number) => calcAt(col, last);
  const perCustomer = (col: number, add: string) => runningFormula(above(GROUP_CALC.customer), h(GROUP_CALC.customer), above(col), add);

  // Customer sums, computed as the formulas do: groups of one customer are consecutive.
  const n = G.length;
  const liveOld = new Float64Array(n);
  const minRank = new Float64Array(n);
  const oldRows = new Float64Array(n);
  const newRows = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const same = k > 0 && G[k].customer === G[k - 1].customer;
    const t = G[k].totals;
    liveOld[k] = (same ? liveOld[k - 1] : 0) + t.oldLive;
    minRank[k] = Math.min(same ? minRank[k - 1] : NO_RANK, severityRank(G[k].verdict));
    oldRows[k] = (same ? oldRows[k - 1] : 0) + t.oldRows;
    newRows[k] = (same ? newRows[k - 1] : 0) + t.newRows;
  }

  // The customer's advice so far: each group's advice with its offer (advice.ts customerAdvice).
  const customerAdvice: string[] = [];
  for (let k = 0; k < n; k++) {
    const same = k > 0 && G[k].customer === G[k - 1].customer;
    const advice = groupAdvice(G[k]);
    const own = advice === "" ? "" : `${STEP_ADVICE.offer.before}${G[k].offerLabel}${STEP_ADVICE.offer.after}${advice}${STEP_ADVICE.end}`;
    customerAdvice.push((same ? customerAdvice[k - 1] : "") + own);
  }
  const advice = h(GROUP_CALC.advice);
  const withOffer = `${quote(STEP_ADVICE.offer.before)}&${h(GROUP_CALC.offer)}&${quote(STEP_ADVICE.offer.after)}&${advice}&${quote(STEP_ADVICE.end)}`;

  const columns: ColumnSpec[] = [
    // Row numbers, for a reader of the hidden sheet: no formula reads them.
    formulaColumn("Group #", "ROW()-1", (k) => k + 1),
    valueColumn("Customer #", (k) => G[k].customer + 1),
    valueColumn("Azure", (k) => (G[k].azure ? 1 : 0)),
    valueColumn("Reassign", (k) => (G[k].reassign ? 1 : 0)),
    valueColumn("Last CSP Calc row", (k) => layout.groupLast[k]),
    formulaColumn("Rank", atLast(CALC.rank), (k) => severityRank(G[k].verdict)),
    formulaColumn("Verdict", groupLabelFormula(atLast(CALC.stale), verdictLabelOfRank(h(GROUP_CALC.rank))), (k) => LABEL[G[k].verdict]),
    formulaColumn("Customer live old", perCustomer(GROUP_CALC.liveOld, atLast(CALC.oldLive)), (k) => liveOld[k]),
    formulaColumn("Customer min rank", `MIN(IF(${above(GROUP_CALC.customer)}=${h(GROUP_CALC.customer)},${above(GROUP_CALC.minRank)},${NO_RANK}),${h(GROUP_CALC.rank)})`, (k) => minRank[k]),
    formulaColumn("Customer stale", perCustomer(GROUP_CALC.stale, atLast(CALC.stale)), () => 0),
    formulaColumn("Customer old rows", perCustomer(GROUP_CALC.oldRows, atLast(CALC.oldRows)), (k) => oldRows[k]),
    formulaColumn("Customer new rows", perCustomer(GROUP_CALC.newRows, atLast(CALC.newRows)), (k) => newRows[k]),
    // The offer label kept once on CSP Lists (a few dozen labels for tens of thousands of groups).
    formulaColumn("Offer", `""&${at(GENERATED.lists, LISTS.offerLabel, `${h(GROUP_CALC.offerNo)}+1`)}`, (k) => G[k].offerLabel),
    formulaColumn(
      "Advice",
      groupAdviceFormula({ rank: h(GROUP_CALC.rank), reassign: h(GROUP_CALC.reassign), earliestStart: atLast(CALC.earliest), expiries: atLast(CALC.expiries), asOf: layout.asOfRef }),
      (k) => groupAdvice(G[k]),
    ),
    formulaColumn(
      "Customer advice",
      `IF(${above(GROUP_CALC.customer)}=${h(GROUP_CALC.customer)},${above(GROUP_CALC.customerAdvice)},"")&IF(${advice}="","",${withOffer})`,
      (k) => customerAdvice[k],
    ),
    valueColumn("Offer #", (k) => layout.offerNo[layout.groups[k]]),
  ];
  return {
    name: GENERATED.groupCalc,
    role: "generated",
    visible: false,
    cells: [],
    blocks: [{ id: "groupCalc", top: 1, left: 1, rows: n, columns }],
  };
}
