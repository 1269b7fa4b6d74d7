/**
 * CSP Customers (hidden): one row per customer, in the engine's customer order (never sorted by
 * the user): the customer's facts of the run (its last CSP Groups row, the flags the customer
 * rules read), its live verdict label, its name and Microsoft ID. The Summary and the Next steps
 * sheet read the label, the Groups sheet the name and ID, by the customer's number, so each may be
 * sorted and filtered.
 */
import { CustomerFlag, LABEL, severityRank } from "../../domain/verdicts";
import { formulaColumn, here, inOrder, valueColumn } from "../columns";
import { customerLabelFormula } from "../formulas";
import { CUSTOMERS, GROUP_CALC, groupCalcAt } from "../hidden";
import { Layout } from "../model";
import { GENERATED } from "../names";
import { ColumnSpec, SheetPlan } from "../types";
import { verdictLabelOfRank } from "./lists";

const FIRST = 2;

export function customersSheet(layout: Layout): SheetPlan {
  const C = layout.result.customers;
  const G = layout.result.groups;
  const h = (col: number) => here(col, FIRST);
  const last = h(CUSTOMERS.lastGroup);
  // A customer without groups has no CSP Groups row: INDEX(…, 0) would be the whole column.
  const ofLastGroup = (col: number, none: number) => `IF(${last}>0,${groupCalcAt(col, last)},${none})`;
  const closed = severityRank("CLOSED");
  const minRank = (i: number) => C[i].groups.reduce((m, g) => Math.min(m, severityRank(G[g].verdict)), closed);
  const label = customerLabelFormula(
    (name) => h(name === "liveOld" ? CUSTOMERS.liveOld : CUSTOMERS[name as CustomerFlag]),
    h(CUSTOMERS.stale),
    verdictLabelOfRank(h(CUSTOMERS.minRank)),
  );
  const flag = (f: CustomerFlag) => valueColumn(f, (i) => (C[i][f] ? 1 : 0));
  const columns: ColumnSpec[] = inOrder(Object.keys(CUSTOMERS) as (keyof typeof CUSTOMERS)[], {
    // Row numbers, for a reader of the hidden sheet: no formula reads them.
    customer: formulaColumn("Customer #", "ROW()-1", (i) => i + 1),
    lastGroup: valueColumn("Last CSP Groups row", (i) => layout.customerLastGroupRow[i]),
    noExportOld: flag("noExportOld"),
    unreadableExport: flag("unreadableExport"),
    inNewList: flag("inNewList"),
    newCovered: flag("newCovered"),
    newListPresent: flag("newListPresent"),
    liveOld: formulaColumn("Live old", ofLastGroup(GROUP_CALC.liveOld, 0), (i) => C[i].liveOld),
    minRank: formulaColumn("Min rank", ofLastGroup(GROUP_CALC.minRank, closed), minRank),
    stale: formulaColumn("Stale", ofLastGroup(GROUP_CALC.stale, 0), () => 0),
    label: formulaColumn("Verdict", label, (i) => LABEL[C[i].verdict]),
    // Once per customer, for the Groups sheet's rows (several per customer) to read.
    name: valueColumn("Customer", (i) => C[i].name),
    microsoftId: valueColumn("Microsoft ID", (i) => C[i].microsoftId ?? ""),
  });
  return {
    name: GENERATED.customers,
    role: "generated",
    visible: false,
    cells: [],
    blocks: [{ id: "customers", top: 1, left: 1, rows: C.length, columns }],
  };
}
