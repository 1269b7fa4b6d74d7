/**
 * Compares a recalculated workbook with the engine: every subscription row's Verdict,
 * Required, New seats and Advice, every group's verdict, every Summary verdict, Problems and
 * Flagged. `run` is the result the workbook was written from: its problem rows are facts of
 * the run (a value column), while `result` may be the engine's answer for edited data.
 */
import { ACTION_TABLE, actionKeyDigest, deriveActions, stillNeeded } from "../../src/domain/actions";
import { doubleBillingDays } from "../../src/domain/advice";
import { EngineResult } from "../../src/domain/model";
import { summaryOrder } from "../../src/domain/report";
import { LABEL, isFlagged } from "../../src/domain/verdicts";
import { customerAdvice, groupAdvice, stepWithGroupAdvice } from "../../src/domain/advice";
import { ADDED_HEADERS, CUSTOMERS, GENERATED, GROUPS, GROUP_CALC, NEXT_STEPS, SUMMARY, SUMMARY_TOP, expectedAdvice, layoutGroupOrder, rowVerdictText } from "../../src/layout/plan";
import { nextStepOf } from "../../src/layout/sheets/rules";
import { WorkbookPlan } from "../../src/layout/types";

/** A recalculated workbook's values by (sheet, row, column): ./libreoffice Values or ./engines/values EngineValues. */
export interface CellReader {
  text(sheet: string, row: number, col: number): string;
  number(sheet: string, row: number, col: number): number;
}

export interface CheckCounts {
  rows: number;
  groups: number;
  customers: number;
  actions: number;
}

export function checkWorkbook(
  values: CellReader,
  plan: WorkbookPlan,
  result: EngineResult,
  summaryCustomers: readonly number[],
  counts?: CheckCounts,
  run: EngineResult = result,
): string[] {
  const bad: string[] = [];
  const left = new Map(plan.sheets.filter((s) => s.role === "data").map((s) => [s.name, s.blocks[0].left]));
  for (const r of result.rows) {
    if (!r.at) continue;
    const col = left.get(r.at.sheet);
    if (col === undefined) {
      bad.push(`row ${r.at.sheet}!${r.at.row} has no reconciliation block`);
      continue;
    }
    const where = `${r.at.sheet}!${r.at.row}`;
    const at = (header: (typeof ADDED_HEADERS)[number]) => col + ADDED_HEADERS.indexOf(header);
    const customer = values.text(r.at.sheet, r.at.row, at("Customer (reconciled)"));
    if (customer !== (result.customers[r.customer]?.name ?? "")) bad.push(`${where} Customer: workbook "${customer}", engine "${result.customers[r.customer]?.name}"`);
    const verdict = values.text(r.at.sheet, r.at.row, at("Verdict"));
    const want = rowVerdictText(result, r);
    if (verdict !== want) bad.push(`${where} Verdict: workbook "${verdict}", engine "${want}"`);
    if (r.group !== null) {
      const g = result.groups[r.group];
      const req = values.number(r.at.sheet, r.at.row, at("Required"));
      const seats = values.number(r.at.sheet, r.at.row, at("New seats"));
      if (req !== g.totals.R) bad.push(`${where} Required: workbook ${req}, engine ${g.totals.R}`);
      if (seats !== g.totals.N) bad.push(`${where} New seats: workbook ${seats}, engine ${g.totals.N}`);
      const advice = values.text(r.at.sheet, r.at.row, at("Advice"));
      const wantAdvice = expectedAdvice(result, r);
      if (advice !== wantAdvice) bad.push(`${where} Advice: workbook "${advice}", engine "${wantAdvice}"`);
    }
    if (counts) counts.rows++;
  }
  layoutGroupOrder(result).forEach((gi, k) => {
    const g = result.groups[gi];
    const v = values.text(GENERATED.groupCalc, k + 2, GROUP_CALC.label);
    if (v !== LABEL[g.verdict]) bad.push(`group ${gi + 1} (${g.offerKey}): workbook "${v}", engine "${LABEL[g.verdict]}"`);
    const advice = values.text(GENERATED.groupCalc, k + 2, GROUP_CALC.advice);
    if (advice !== groupAdvice(g)) bad.push(`group ${gi + 1} (${g.offerKey}) advice: workbook "${advice}", engine "${groupAdvice(g)}"`);
    if (counts) counts.groups++;
  });
  // The Groups sheet lists the groups customer by customer in Summary order (issue 11 point 6:
  // each next step carries its group's advice).
  summaryCustomers
    .flatMap((ci) => run.customers[ci].groups)
    .forEach((gi, k) => {
      const g = result.groups[gi];
      const step = values.text(GENERATED.groups, k + 2, GROUPS.nextStep);
      const want = stepWithGroupAdvice(nextStepOf(LABEL[g.verdict]), g);
      if (step !== want) bad.push(`Groups ${g.offerKey} Next step: workbook "${step}", engine "${want}"`);
    });
  // The table's header row: SUMMARY_TOP, one lower when the money line and a warning are above it.
  const top = plan.sheets.find((s) => s.name === GENERATED.summary)?.blocks.find((b) => b.id === "summary")?.top ?? SUMMARY_TOP;
  summaryCustomers.forEach((ci, i) => {
    const c = result.customers[ci];
    const row = top + 1 + i;
    const name = values.text(GENERATED.summary, row, SUMMARY.customer);
    const v = values.text(GENERATED.summary, row, SUMMARY.verdict);
    if (name !== c.name) bad.push(`Summary row ${row}: customer "${name}", engine "${c.name}"`);
    if (v !== LABEL[c.verdict]) bad.push(`Summary ${c.name}: workbook "${v}", engine "${LABEL[c.verdict]}"`);
    const problems = values.number(GENERATED.summary, row, SUMMARY.problems);
    if (problems !== run.customers[ci].problemRows) bad.push(`Summary ${c.name} Problems: workbook ${problems}, run ${run.customers[ci].problemRows}`);
    const flagged = values.text(GENERATED.summary, row, SUMMARY.flagged);
    const wantFlagged = isFlagged(c.verdict, run.customers[ci].problemRows) ? "Yes" : "No";
    if (flagged !== wantFlagged) bad.push(`Summary ${c.name} Flagged: workbook "${flagged}", engine "${wantFlagged}"`);
    const step = values.text(GENERATED.summary, row, SUMMARY.nextStep);
    const wantStep = nextStepOf(LABEL[c.verdict]) + customerAdvice(result, c.groups);
    if (step !== wantStep) bad.push(`Summary ${c.name} Next step: workbook "${step}", engine "${wantStep}"`);
    if (counts) counts.customers++;
  });
  result.customers.forEach((c, k) => {
    const v = values.text(GENERATED.customers, k + 2, CUSTOMERS.label);
    if (v !== LABEL[c.verdict]) bad.push(`CSP Customers ${c.name}: workbook "${v}", engine "${LABEL[c.verdict]}"`);
  });
  // Next steps: one row per action of the run; Still needed and the days of double billing
  // follow the data as the engine reads it now (problem rows stay facts of the run).
  const doubleBilling = new Set(ACTION_TABLE.filter((l) => l.doubleBilling).map((l) => l.action));
  deriveActions(run).forEach((a, k) => {
    const row = k + 2;
    const where = `Next steps row ${row} (${a.action} ${a.customer} ${a.account} ${a.subscriptionIds.join(" ")})`;
    const key = values.text(GENERATED.nextSteps, row, NEXT_STEPS.key);
    if (key !== actionKeyDigest(a.key)) bad.push(`${where}: key "${key}", engine "${actionKeyDigest(a.key)}" (${a.key})`);
    const needed = values.text(GENERATED.nextSteps, row, NEXT_STEPS.stillNeeded);
    const want = stillNeeded(result, a, run) ? "Yes" : "No";
    if (needed !== want) bad.push(`${where} Still needed: workbook "${needed}", engine "${want}"`);
    const days = values.text(GENERATED.nextSteps, row, NEXT_STEPS.days);
    const wantDays = doubleBilling.has(a.action) && a.group !== null ? doubleBillingDays(result.groups[a.group], result.asOf) : null;
    if (days !== (wantDays === null ? "" : String(wantDays))) bad.push(`${where} Days of double billing: workbook "${days}", engine ${wantDays}`);
    if (counts) counts.actions++;
  });
  const status = values.text(GENERATED.summary, 3, 2);
  if (!status.startsWith("Up to date")) bad.push(`Summary says "${status}"`);
  return bad;
}

export { summaryOrder };
