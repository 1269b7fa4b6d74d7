/**
 * The block added beside each export sheet's rows: Verdict, Required, New seats, Advice and the
 * user's Decision. Each formula reads the row's own CSP Rows row by a relative reference (the
 * same formula on every row) and the group's figures by INDEX, so the user can sort and filter
 * the sheet: a sorted sheet no longer matches the keys of the run, and says "Re-run needed".
 */
import { Cell, isCellError } from "../../domain/cells";
import { rowAdvice } from "../../domain/advice";
import { EngineResult, RowResult } from "../../domain/model";
import { at, formulaColumn, here, valueColumn } from "../columns";
import { adviceFormula, doubleBillingFormula } from "../formulas";
import { ExportBlock, Layout } from "../model";
import { ADDED_HEADERS, DECISIONS, GENERATED } from "../names";
import { PlanValue, SheetPlan } from "../types";
import { CALC, calcAt, nceOfCalcRow } from "./calc";
import { GROUP_CALC, groupCalcAt, groupRowOf } from "./group-calc";
import { ROWS, rowVerdictText } from "./rows";

/** The advice text the engine expects in a row's Advice cell. */
export function expectedAdvice(result: EngineResult, r: RowResult): string {
  return rowAdvice(r, r.group === null ? null : result.groups[r.group], result.asOf);
}

function exportSheet(layout: Layout, b: ExportBlock): SheetPlan {
  const { result } = layout;
  const rowsRef = (col: number) => here(col, b.rowsTop + 1, GENERATED.rows);
  const pos = rowsRef(ROWS.pos);
  const group = calcAt(CALC.group, pos);
  const last = calcAt(CALC.last, pos);
  const rank = groupCalcAt(GROUP_CALC.rank, groupRowOf(group));
  const ifReconciled = (f: string) => `IF(${pos}>0,${f},"")`;
  const grouped = (i: number) => {
    const r = b.rowAt(i);
    return r !== undefined && r.group !== null ? r : undefined;
  };
  const totals = (i: number) => result.groups[grouped(i)!.group!].totals;
  // The user's Decision cells are kept as they are (an error value is dropped).
  const existingDecision = (i: number): PlanValue => {
    const v: Cell | undefined = b.data.rows[b.headerRow + i]?.[b.decisionCol - 1];
    return v === undefined || isCellError(v) ? null : v;
  };
  const advice = adviceFormula({
    isNew: calcAt(CALC.isNew, pos),
    status: rowsRef(ROWS.code),
    nce: nceOfCalcRow(pos),
    endDate: calcAt(CALC.end, pos),
    groupRank: rank,
    doubleBillingDays: doubleBillingFormula(rank, at(GENERATED.calc, CALC.earliest, last), layout.asOfRef),
    asOf: layout.asOfRef,
  });
  const ifGrouped = (value: (i: number) => PlanValue) => (i: number) => (grouped(i) ? value(i) : "");
  return {
    name: b.name,
    role: "data",
    visible: true,
    cells: [],
    blocks: [
      {
        id: `added:${b.name}`,
        top: b.headerRow,
        left: b.left,
        rows: b.rows,
        columns: [
          formulaColumn(
            ADDED_HEADERS[0],
            `IF(${pos}>0,${groupCalcAt(GROUP_CALC.label, groupRowOf(group))},${rowsRef(ROWS.reason)})`,
            (i) => {
              const r = b.rowAt(i);
              return r ? rowVerdictText(result, r) : "";
            },
            { width: 26, verdictColors: true },
          ),
          formulaColumn(ADDED_HEADERS[1], ifReconciled(calcAt(CALC.R, last)), ifGrouped((i) => totals(i).R), { width: 10 }),
          formulaColumn(ADDED_HEADERS[2], ifReconciled(calcAt(CALC.N, last)), ifGrouped((i) => totals(i).N), { width: 10 }),
          formulaColumn(ADDED_HEADERS[3], ifReconciled(advice), ifGrouped((i) => expectedAdvice(result, grouped(i)!)), { width: 40 }),
          valueColumn(ADDED_HEADERS[4], existingDecision, { width: 11, input: DECISIONS }),
        ],
      },
    ],
  };
}

export function exportSheets(layout: Layout): SheetPlan[] {
  return layout.blocks.map((b) => exportSheet(layout, b));
}
