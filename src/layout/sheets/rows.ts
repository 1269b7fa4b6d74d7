/**
 * CSP Rows (hidden): how each export row reads, row for row beside its export sheet. One block
 * per export sheet; block row i mirrors export row i with relative references, so every
 * formula of a block is the same in R1C1 terms and the export sheet's own formulas reach it
 * with a relative reference too.
 *
 * - Pos: the row's place in CSP Calc (0 when the engine did not reconcile it), a plain value.
 * - Code, Seats: the row's Status and Quantity as the engine reads them (status vocabulary,
 *   quantity grammar), live.
 * - Stale: 1 when a key cell no longer reads as it did at the run (edited, or the sheet sorted).
 * - Advice: the §4 advice of the row, which the export sheet shows.
 * Row facts the run decided (new or old, commerce by offer, end date) are plain values here, so
 * the row's formulas read them in their own row.
 */
import { Cell } from "../../domain/cells";
import { EngineResult, RowResult } from "../../domain/model";
import { LABEL } from "../../domain/verdicts";
import { at, formulaColumn, here, valueColumn } from "../columns";
import { adviceFormula, quantityTextFormula, seatsFormula, staleFormula, statusCodeFormula } from "../formulas";
import { ExportBlock, ID_TAIL, Layout, quantityText } from "../model";
import { CALC, GROUP_CALC, LISTS, ROWS, calcAt, groupCalcAt, rowsKeyColumn } from "../hidden";
import { GENERATED } from "../names";
import { Block, ColumnSpec, SheetPlan } from "../types";
import { vocabularyRange } from "./lists";

import { rowAdvice } from "../../domain/advice";

/** Text of the Verdict cell of export rows the engine did not reconcile (the engine's reason). */
export const NOT_RECONCILED: Record<Exclude<RowResult["outcome"], "grouped">, string> = {
  duplicate: "Not counted: duplicate subscription ID (see Problems)",
  "empty-offer": "Not reconciled: empty offer name (see Problems)",
  "missing-column": "Not reconciled: the export misses a column (see Problems)",
};

/** The advice text the engine expects in a row's Advice cell. */
export function expectedAdvice(result: EngineResult, r: RowResult): string {
  return rowAdvice(r, r.group === null ? null : result.groups[r.group], result.asOf);
}

/** The Verdict cell text the engine expects for a row (tests compare the workbook with it). */
export function rowVerdictText(result: EngineResult, r: RowResult): string {
  return r.group === null ? NOT_RECONCILED[r.outcome as keyof typeof NOT_RECONCILED] : LABEL[result.groups[r.group].verdict];
}

function blockPlan(layout: Layout, b: ExportBlock): Block {
  const first = b.rowsTop + 1;
  const exportRow = b.headerRow + 1;
  const cellOf = (i: number, col: number | undefined): Cell => (col === undefined ? null : (b.data.rows[b.headerRow + i]?.[col - 1] ?? null));
  const exportRef = (col: number) => here(col, exportRow, b.name);
  const words = vocabularyRange(LISTS.word);
  const codes = vocabularyRange(LISTS.code);
  const row = (i: number) => b.rowAt(i);
  const grouped = (i: number) => {
    const r = row(i);
    return r !== undefined && r.group !== null ? r : undefined;
  };
  const { status, quantity } = b.fields;
  const h = (col: number) => here(col, first);
  const advice = adviceFormula({
    isNew: h(ROWS.isNew),
    status: h(ROWS.code),
    nce: `IF(${h(ROWS.nceByOffer)}=1,1,${at(GENERATED.lists, LISTS.nce, h(ROWS.account))})`,
    endDate: h(ROWS.end),
    groupRank: groupCalcAt(GROUP_CALC.rank, h(ROWS.groupRow)),
    earliestStart: calcAt(CALC.earliest, h(ROWS.last)),
    asOf: layout.asOfRef,
  });
  const { result } = layout;
  const columns: ColumnSpec[] = [
    valueColumn("Pos", (i) => {
      const r = grouped(i);
      return r ? layout.calcRowOf.get(r)! : 0;
    }),
    valueColumn("Group row", (i) => {
      const r = grouped(i);
      return r ? layout.groupNo[r.group!] + 1 : 0;
    }),
    valueColumn("Group's last CSP Calc row", (i) => {
      const r = grouped(i);
      return r ? layout.groupLast[layout.groupNo[r.group!] - 1] : 0;
    }),
    valueColumn("Reason", (i) => {
      const r = row(i);
      return r && r.group === null ? rowVerdictText(result, r) : "";
    }),
    valueColumn("Azure", (i) => (row(i)?.azure ? 1 : 0)),
    valueColumn("New", (i) => (row(i)?.role === "to" ? 1 : 0)),
    valueColumn("NCE by offer", (i) => (row(i)?.nceByOffer ? 1 : 0)),
    valueColumn("Account row", (i) => layout.accountRow.get(row(i)?.account ?? "") ?? 0),
    valueColumn("End", (i) => {
      const r = row(i);
      return r && r.role === "from" && r.endDate !== null ? r.endDate : 0;
    }),
    status === undefined
      ? valueColumn("Code", () => 0)
      : formulaColumn("Code", statusCodeFormula(`""&${exportRef(status)}`, `""&${exportRef(b.decisionCol)}`, words, codes), (i) => b.code[i]),
    quantity === undefined
      ? valueColumn("Quantity", () => "")
      : formulaColumn("Quantity", quantityTextFormula(exportRef(quantity)), (i) => quantityText(cellOf(i, quantity))),
    formulaColumn("Seats", seatsFormula(h(ROWS.azure), h(ROWS.quantity)), (i) => b.seats[i]),
    formulaColumn(
      "Stale",
      staleFormula(
        b.keys.map((col, k) => ({
          now: exportRef(col),
          atRun: col === b.fields.subscriptionId ? h(rowsKeyColumn(k)) : at(GENERATED.lists, LISTS.keyText, h(rowsKeyColumn(k))),
          tail: col === b.fields.subscriptionId ? ID_TAIL : undefined,
        })),
      ),
      () => 0,
    ),
    // The row's customer as the run found it (engine number + 1; 0 for none): the Customer
    // column beside the export reads its name from CSP Customers.
    valueColumn("Customer #", (i) => {
      const r = row(i);
      return r && r.customer >= 0 && result.customers[r.customer] ? r.customer + 1 : 0;
    }),
    formulaColumn("Advice", `IF(${h(ROWS.pos)}>0,${advice},"")`, (i) => {
      const r = grouped(i);
      return r ? expectedAdvice(result, r) : "";
    }),
    ...b.keys.map((col, k) => valueColumn(col === b.fields.subscriptionId ? `Key ${k + 1} at run` : `Key ${k + 1} at run (CSP Lists row)`, b.keyAtRun[k])),
  ];
  return { id: `rows:${b.name}`, top: b.rowsTop, left: 1, rows: b.rows, columns };
}

export function rowsSheet(layout: Layout): SheetPlan {
  return {
    name: GENERATED.rows,
    role: "generated",
    visible: false,
    cells: [],
    blocks: layout.blocks.map((b) => blockPlan(layout, b)),
  };
}
