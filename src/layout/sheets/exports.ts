/**
 * The block added beside each export sheet's rows: Verdict, Required, New seats, Advice and the
 * user's Decision. Each formula reads the row's own CSP Rows row by a relative reference (the
 * same formula on every row) and the group's figures by INDEX, so the user can sort and filter
 * the sheet: a sorted sheet no longer matches the keys of the run, and says "Re-run needed".
 */
import { Cell, isCellError } from "../../domain/cells";
import { fitWidth, formulaColumn, here, valueColumn } from "../columns";
import { ExportBlock, Layout } from "../model";
import { CALC, CUSTOMERS, GROUP_CALC, ROWS, calcAt, customerTextAt, groupCalcAt } from "../hidden";
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
    const v: Cell | undefined = b.data.rows[b.headerRow + i]?.[b.decisionAtRun - 1];
    return v === undefined || isCellError(v) ? null : v;
  };
  const ifGrouped = (value: (i: number) => PlanValue) => (i: number) => (grouped(i) ? value(i) : "");
  const customer = (i: number): PlanValue => {
    const r = b.rowAt(i);
    return r && r.customer >= 0 ? (result.customers[r.customer]?.name ?? "") : "";
  };
  function* advices(): Generator<string> {
    for (let i = 0; i < b.rows; i++) {
      const r = grouped(i);
      if (r) yield expectedAdvice(result, r);
    }
  }
  // Sized to the longest advice of the run's date (a later as-of date can only shorten the days).
  const adviceWidth = fitWidth(advices(), { header: ADDED_HEADERS[4], min: 20, max: 70 });
  function* customers(): Generator<string> {
    for (let i = 0; i < b.rows; i++) yield String(customer(i));
  }
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
          // The row's customer as the run reconciled it (its number in CSP Rows is a fact of the
          // run, like its group), named from CSP Customers: the name once per customer, not on
          // each of its rows (2 MB of the add-in's requests at 10k customers).
          formulaColumn(
            ADDED_HEADERS[0],
            `IF(${rowsRef(ROWS.customerNo)}>0,${customerTextAt(CUSTOMERS.name, rowsRef(ROWS.customerNo))},"")`,
            customer,
            { width: fitWidth(customers(), { header: ADDED_HEADERS[0], min: 14, max: 40 }) },
          ),
          formulaColumn(
            ADDED_HEADERS[1],
            `IF(${pos}>0,${groupCalcAt(GROUP_CALC.label, rowsRef(ROWS.groupRow))},${rowsRef(ROWS.reason)})`,
            (i) => {
              const r = b.rowAt(i);
              return r ? rowVerdictText(result, r) : "";
            },
            { width: 26, verdictColors: true },
          ),
          formulaColumn(ADDED_HEADERS[2], ifReconciled(calcAt(CALC.R, last)), ifGrouped((i) => totals(i).R), { width: 10 }),
          formulaColumn(ADDED_HEADERS[3], ifReconciled(calcAt(CALC.N, last)), ifGrouped((i) => totals(i).N), { width: 10 }),
          formulaColumn(ADDED_HEADERS[4], rowsRef(ROWS.advice), ifGrouped((i) => expectedAdvice(result, grouped(i)!)), { width: adviceWidth }),
          valueColumn(ADDED_HEADERS[5], existingDecision, { width: 11, input: DECISIONS }),
        ],
      },
    ],
  };
}

export function exportSheets(layout: Layout): SheetPlan[] {
  return layout.blocks.map((b) => exportSheet(layout, b));
}
