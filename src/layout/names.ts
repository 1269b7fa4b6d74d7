/**
 * Names the workbook and the add-in agree on: the sheets the product makes, the block it adds
 * beside export rows, the as-of cell. The office gateway finds its own work again by them.
 */
export const SCHEMA_VERSION = 3;

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

/**
 * Headers of the block added beside export rows, in order; found again on re-runs. The first
 * column names the row's customer as the run reconciled it (issue 11: an account sheet mixes
 * every customer's rows and the export rows do not name them). Its header is no spelling of a
 * subscription field (headers.ts), so a re-run never reads it as the row's own customer.
 */
export const ADDED_HEADERS = ["Customer (reconciled)", "Verdict", "Required", "New seats", "Advice", "Decision"] as const;

/**
 * The added blocks of earlier schema versions, newest first, found on re-runs over a workbook an
 * older version reconciled: schema 2 had no customer column. The new block starts where the old
 * one did and is wider by the columns added since; the Decision column moves with it.
 */
export const EARLIER_ADDED_HEADERS: readonly (readonly string[])[] = [["Verdict", "Required", "New seats", "Advice", "Decision"]];

/** Where an added block of this or an earlier schema starts in a header row (0-based), and its headers. */
export function findAddedBlock(header: readonly unknown[], text: (c: unknown) => string): { at: number; headers: readonly string[] } | null {
  for (const headers of [ADDED_HEADERS, ...EARLIER_ADDED_HEADERS]) {
    for (let c = 0; c + headers.length <= header.length; c++) {
      if (headers.every((name, k) => text(header[c + k]).trim() === name)) return { at: c, headers };
    }
  }
  return null;
}
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
