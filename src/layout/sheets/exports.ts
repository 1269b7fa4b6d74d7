/**
 * The block added beside each export sheet's rows: Verdict, Required, New seats, Advice and the
 * user's Decision. Each formula reads the row's own CSP Rows row by a relative reference (the
 * same formula on every row) and the group's figures by INDEX, so the user can sort and filter
 * the sheet: a sorted sheet no longer matches the keys of the run, and says "Re-run needed".
 */
import { Cell, isCellError } from "../../domain/cells";
import { formulaColumn, here, valueColumn } from "../columns";
import { ExportBlock, Layout } from "../model";
import { CALC, GROUP_CALC, ROWS, calcAt, groupCalcAt } from "../hidden";
import { ADDED_HEADERS, DECISIONS, GENERATED } from "../names";
import { PlanValue, SheetPlan } from "../types";

import { expectedAdvice, rowVerdictText } from "./rows";

function exportSheet(layout: Layout, b: ExportBlock): SheetPlan {
  const { result } = layout;
  const rowsRef = (col: number) => here(col, b.rowsTop + 1, GENERATED.rows);
  const pos = rowsRef(ROWS.pos);
  const last = rowsRef(ROWS.last);
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
            `IF(${pos}>0,${groupCalcAt(GROUP_CALC.label, rowsRef(ROWS.groupRow))},${rowsRef(ROWS.reason)})`,
            (i) => {
              const r = b.rowAt(i);
              return r ? rowVerdictText(result, r) : "";
            },
            { width: 26, verdictColors: true },
          ),
          formulaColumn(ADDED_HEADERS[1], ifReconciled(calcAt(CALC.R, last)), ifGrouped((i) => totals(i).R), { width: 10 }),
          formulaColumn(ADDED_HEADERS[2], ifReconciled(calcAt(CALC.N, last)), ifGrouped((i) => totals(i).N), { width: 10 }),
          formulaColumn(ADDED_HEADERS[3], rowsRef(ROWS.advice), ifGrouped((i) => expectedAdvice(result, grouped(i)!)), { width: 40 }),
          valueColumn(ADDED_HEADERS[4], existingDecision, { width: 11, input: DECISIONS }),
        ],
      },
    ],
  };
}

export function exportSheets(layout: Layout): SheetPlan[] {
  return layout.blocks.map((b) => exportSheet(layout, b));
}
