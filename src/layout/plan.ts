/**
 * The one workbook layout, built from an engine result (docs/DESIGN.md has the why). Each sheet
 * has its own module under sheets/ that declares its columns: plain values, or one formula per
 * column in R1C1 terms with the value the engine computed for every row. model.ts decides once
 * where everything goes.
 *
 *   export sheets ──(relative refs)──► CSP Rows ──INDEX──► CSP Calc ──INDEX──► CSP Groups
 *   (Status, Quantity,                 (code, seats,        (running sums     (verdict, sums
 *    Decision, keys)                    stale per row)       per group)         per customer)
 *
 * Summary, Groups and the columns beside the exports read CSP Groups and CSP Calc by INDEX
 * from plain values in their own rows, so they may be sorted and filtered.
 */
import { buildLayout, PlanInput } from "./model";
import { AS_OF_NAME, SCHEMA_VERSION } from "./names";
import { calcSheet } from "./sheets/calc";
import { customersSheet } from "./sheets/customers";
import { exportSheets } from "./sheets/exports";
import { groupCalcSheet } from "./sheets/group-calc";
import { groupsSheet } from "./sheets/groups";
import { accountsSheet, offerMapSheet, sourcesSheet } from "./sheets/inputs";
import { listsSheet } from "./sheets/lists";
import { nextStepsSheet } from "./sheets/next-steps";
import { problemsSheet } from "./sheets/problems";
import { rowsSheet } from "./sheets/rows";
import { rulesSheet } from "./sheets/rules";
import { stateSheet } from "./sheets/state";
import { summarySheet } from "./sheets/summary";
import { WorkbookPlan } from "./types";

export { addedBlockLeft, layoutGroupOrder } from "./model";
export type { DataSheetInfo, PlanInput } from "./model";
export { ADDED_HEADERS, AS_OF_CELL, AS_OF_NAME, DECISIONS, DONE_CHOICES, EARLIER_ADDED_HEADERS, GENERATED, NEXT_STEPS_DONE, NEXT_STEPS_KEY, RERUN_STEP, SCHEMA_VERSION, STATUS_CELL, findAddedBlock } from "./names";
export { NEXT_STEPS, NEXT_STEPS_ID_SEPARATOR } from "./sheets/next-steps";
export { NOT_RECONCILED, expectedAdvice, rowVerdictText } from "./sheets/rows";
export { SUMMARY, SUMMARY_TOP } from "./sheets/summary";
export { GROUPS } from "./sheets/groups";
export { CALC, CUSTOMERS, GROUP_CALC, LISTS, ROWS } from "./hidden";

export function buildPlan(input: PlanInput): WorkbookPlan {
  const layout = buildLayout(input);
  return {
    schemaVersion: SCHEMA_VERSION,
    sheets: [
      summarySheet(layout),
      nextStepsSheet(layout),
      groupsSheet(layout),
      problemsSheet(layout),
      offerMapSheet(layout),
      accountsSheet(layout),
      sourcesSheet(layout),
      rulesSheet(),
      calcSheet(layout),
      groupCalcSheet(layout),
      customersSheet(layout),
      rowsSheet(layout),
      listsSheet(layout),
      stateSheet(layout),
      ...exportSheets(layout),
    ],
    names: [{ name: AS_OF_NAME, ref: layout.asOfRef }],
  };
}

