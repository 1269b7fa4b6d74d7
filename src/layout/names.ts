/**
 * Names the workbook and the add-in agree on: the sheets the product makes, the block it adds
 * beside export rows, the as-of cell. The office gateway finds its own work again by them.
 */
export const SCHEMA_VERSION = 2;

export const GENERATED = {
  summary: "Summary",
  groups: "Groups",
  problems: "Problems",
  rules: "Rules",
  /** One row per action of spec §8, account by account. */
  nextSteps: "Next steps",
  /** One row per reconciled subscription, in group order: the running sums per group. */
  calc: "CSP Calc",
  /** One row per group: its verdict, and running sums per customer. */
  groupCalc: "CSP Groups",
  /** One row per customer, in the engine's order: its facts and its live verdict. */
  customers: "CSP Customers",
  /** One block per export sheet, row for row beside it: how each export row is read. */
  rows: "CSP Rows",
  lists: "CSP Lists",
  state: "CSP State",
} as const;

/** Headers of the block added beside export rows, in order; found again on re-runs. */
export const ADDED_HEADERS = ["Verdict", "Required", "New seats", "Advice", "Decision"] as const;
export const DECISIONS = ["Exclude"] as const;
/** The Next steps sheet's Done column: what its dropdown offers (any text counts as typed). */
export const DONE_CHOICES = ["Yes"] as const;
/** Headers of the Next steps columns a re-run reads back to keep the user's Done (office/). */
export const NEXT_STEPS_KEY = "Key";
export const NEXT_STEPS_DONE = "Done";

export const AS_OF_CELL = { row: 2, col: 2 } as const;
export const AS_OF_NAME = "CSP_AsOf";

/** The Summary's "Workbook" status cell: written last by a run (office/reconcile.ts). */
export const STATUS_CELL = { row: 3, col: 2 } as const;

export const RERUN_STEP =
  "A key cell (subscription ID, offer, customer) changed, a reconciled sheet was sorted, or the offer map changed since the last run: run the reconciliation again.";
