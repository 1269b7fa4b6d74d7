/**
 * Rules: the verdict table as the formulas apply it (printed from the same data), and the
 * legend of verdicts with their next steps, which the Summary and Groups sheets look up.
 */
import { CUSTOMER_ORDER, CUSTOMER_RULES, CustomerVerdict, GROUP_RULES, LABEL, NEXT_STEP, RERUN_LABEL, isFlagged } from "../../domain/verdicts";
import { rangeRef } from "../a1";
import { valueColumn } from "../columns";
import { GENERATED, RERUN_STEP } from "../names";
import { PlanCell, SheetPlan } from "../types";

const ruleLines: PlanCell[][] = [
  ...GROUP_RULES.map((r) => [`G${r.n}`, r.text, LABEL[r.verdict]]),
  ...CUSTOMER_RULES.map((r) => [`C${r.n}`, r.text, LABEL[r.verdict]]),
  ["C" + (CUSTOMER_RULES.length + 1), "otherwise the most severe group verdict (order below); no group: Closed", ""],
];

const RULES_TOP = 3;
const LEGEND_TOP = RULES_TOP + ruleLines.length + 3;

const legend: PlanCell[][] = [
  ...CUSTOMER_ORDER.map((v: CustomerVerdict) => [LABEL[v], v, CUSTOMER_ORDER.indexOf(v) + 1, isFlagged(v, 0) ? "Yes" : "With problem rows", NEXT_STEP[v]]),
  [RERUN_LABEL, "RERUN", CUSTOMER_ORDER.length + 1, "Yes", RERUN_STEP],
];

const legendLabels = rangeRef(GENERATED.rules, 1, LEGEND_TOP + 1, 1, LEGEND_TOP + legend.length);
const legendSteps = rangeRef(GENERATED.rules, 5, LEGEND_TOP + 1, 5, LEGEND_TOP + legend.length);

/** The next step of the verdict label in `labelRef`, looked up in the legend. */
export function nextStepFormula(labelRef: string): string {
  return `IFERROR(INDEX(${legendSteps},MATCH(${labelRef},${legendLabels},0)),"")`;
}

/** The value nextStepFormula gives for a label. */
export function nextStepOf(label: string): string {
  const line = legend.find((l) => l[0] === label);
  return line ? String(line[4]) : "";
}

export function rulesSheet(): SheetPlan {
  return {
    name: GENERATED.rules,
    role: "generated",
    visible: true,
    cells: [
      { row: 1, col: 1, value: "How verdicts are decided (spec §4): the first line that applies wins.", style: "title" },
      {
        row: LEGEND_TOP - 1,
        col: 1,
        value: "Verdicts, most urgent first. R = required seats, N = new active seats, A = old rows active or pending, P = new rows pending or suspended, S = old rows suspended.",
        style: "note",
      },
    ],
    blocks: [
      {
        id: "rules",
        top: RULES_TOP,
        left: 1,
        rows: ruleLines.length,
        columns: ["#", "When", "Verdict"].map((h, k) => valueColumn(h, (i) => ruleLines[i][k], { width: [6, 90, 26][k] })),
      },
      {
        id: "legend",
        top: LEGEND_TOP,
        left: 1,
        rows: legend.length,
        columns: ["Verdict", "Code", "Order", "Flagged", "Next step"].map((h, k) =>
          valueColumn(h, (i) => legend[i][k], { width: [26, 22, 7, 8, 110][k], verdictColors: k === 0 }),
        ),
      },
    ],
  };
}
