/**
 * What the live formulas cost a spreadsheet engine: LibreOffice headless opens the workbook,
 * recalculates every formula (the profile of test/support/libreoffice.ts forces it) and saves
 * it; the same is timed for the values-only twin (values-only.ts) and subtracted.
 */
import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { EngineResult } from "../src/domain/model";
import { CUSTOMERS, GENERATED, GROUP_CALC, NEXT_STEPS, SUMMARY, SUMMARY_TOP } from "../src/layout/plan";
import { WorkbookPlan } from "../src/layout/types";
import { recalculate } from "../test/support/libreoffice";
import { checkWorkbook, summaryOrder } from "../test/support/workbook-check";
import { Lap, lap } from "./clock";
import { writeValuesOnly } from "./values-only";
import { Wanted, readValues } from "./xlsx-values";

/** One start of LibreOffice on a tiny file, so that no measured run pays for the first start. */
export async function warmUp(dir: string): Promise<Lap> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("warm-up").getCell(1, 1).value = 1;
  const file = path.join(dir, "warm-up.xlsx");
  await wb.xlsx.writeFile(file);
  return lap(() => recalculate(file, path.join(dir, "warm-up-lo")), true);
}

/** The cells checkWorkbook reads: the reconciliation block beside every export row, group verdicts, Summary. */
export function checkedCells(plan: WorkbookPlan): Wanted {
  const wanted = new Map<string, (row: number, col: number) => boolean>();
  for (const s of plan.sheets) {
    if (s.role !== "data") continue;
    const left = s.blocks[0].left;
    wanted.set(s.name, (row, col) => row > 1 && col >= left && col <= left + 3);
  }
  wanted.set(GENERATED.groupCalc, (_row, col) => col === GROUP_CALC.label);
  wanted.set(GENERATED.customers, (_row, col) => col === CUSTOMERS.label);
  wanted.set(GENERATED.nextSteps, (_row, col) => col === NEXT_STEPS.key || col === NEXT_STEPS.stillNeeded || col === NEXT_STEPS.days);
  wanted.set(GENERATED.summary, (row, col) => (row === 3 && col === 2) || (row > SUMMARY_TOP && (col === SUMMARY.customer || col === SUMMARY.verdict || col === SUMMARY.problems || col === SUMMARY.flagged)));
  return wanted;
}

export interface Check {
  readonly rows: number;
  readonly groups: number;
  readonly customers: number;
  readonly mismatches: readonly string[];
}

/** Recalculated verdicts, seats, advice of every row, group and customer against the engine. */
export async function checkRecalculated(file: string, plan: WorkbookPlan, result: EngineResult): Promise<Check> {
  const { values } = await readValues(file, checkedCells(plan));
  const counts = { rows: 0, groups: 0, customers: 0, actions: 0 };
  const mismatches = checkWorkbook(values, plan, result, summaryOrder(result), counts);
  return { ...counts, mismatches };
}

export interface FormulaCost {
  /** Open + recalculate + save of the workbook as written, per run (wall and LibreOffice's CPU time). */
  readonly withFormulas: Lap[];
  /** The same for its values-only twin. */
  readonly valuesOnly: Lap[];
  readonly formulas: number;
  readonly fileBytes: number;
  readonly check: Check | null;
}

export const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Times `written` and its values-only twin `repeats` times each, alternating (formulas, values,
 * formulas, values...) so that neither side gets warmer caches. The first recalculated copy is
 * checked against the engine before anything is reported.
 */
export async function formulaCost(
  written: string,
  dir: string,
  repeats: number,
  check: { plan: WorkbookPlan; result: EngineResult } | null,
  log: (line: string) => void,
): Promise<FormulaCost> {
  const name = path.basename(written, ".xlsx");
  const withFormulas: Lap[] = [];
  const valuesOnly: Lap[] = [];
  const say = (what: string, l: Lap) => log(`  ${name}${what}: open+recalculate+save ${(l.wallMs / 1000).toFixed(1)} s (CPU ${(l.cpuMs / 1000).toFixed(1)} s)`);
  const first = await lap(() => recalculate(written, path.join(dir, `${name}-lo`)), true);
  withFormulas.push(first);
  say("", first);
  let verdict: Check | null = null;
  if (check) {
    verdict = await checkRecalculated(first.value, check.plan, check.result);
    log(`  ${name}: checked ${verdict.rows} rows, ${verdict.groups} groups, ${verdict.customers} customers: ${verdict.mismatches.length} mismatches`);
  }
  const values = path.join(dir, `${name}-values.xlsx`);
  const formulas = await writeValuesOnly(first.value, values);
  for (let k = 0; k < repeats; k++) {
    const v = await lap(() => recalculate(values, path.join(dir, `${name}-values-lo`)), true);
    valuesOnly.push(v);
    say(" values only", v);
    if (k + 1 < repeats) {
      const w = await lap(() => recalculate(written, path.join(dir, `${name}-lo`)), true);
      withFormulas.push(w);
      say("", w);
    }
  }
  const fileBytes = (await fs.stat(written)).size;
  return { withFormulas, valuesOnly, formulas, fileBytes, check: verdict };
}
