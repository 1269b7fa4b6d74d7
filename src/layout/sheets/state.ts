/**
 * CSP State (hidden): what a teammate's add-in needs to find the product's work again.
 */
import { valueColumn } from "../columns";
import { Layout } from "../model";
import { ADDED_HEADERS, GENERATED, SCHEMA_VERSION } from "../names";
import { PlanCell, SheetPlan } from "../types";

export function stateSheet(layout: Layout): SheetPlan {
  const { input } = layout;
  const rows: PlanCell[][] = [
    ["product", "csp-reconcile", ""],
    ["schemaVersion", SCHEMA_VERSION, ""],
    ["runAt", input.runAt, ""],
    ["asOf", input.fixedAsOf === null ? "today" : input.fixedAsOf, ""],
    ...layout.blocks.map((b): PlanCell[] => ["dataSheet", b.name, `${b.headerRow},${b.left},${ADDED_HEADERS.length}`]),
  ];
  return {
    name: GENERATED.state,
    role: "generated",
    visible: false,
    cells: [],
    blocks: [{ id: "state", top: 1, left: 1, rows: rows.length, columns: ["Key", "Value", "Detail"].map((h, k) => valueColumn(h, (i) => rows[i][k])) }],
  };
}
