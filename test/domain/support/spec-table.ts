/**
 * Spec §4, restated for the tests from the spec's own words (not imported from the product),
 * so that a test can say which line of the table applies to a group and that no earlier line
 * does.
 */
export interface SpecTotals {
  readonly azure: boolean;
  /** Counted old rows (known status, not excluded), and how many of them are live. */
  readonly oldRows: number;
  readonly oldLive: number;
  readonly newRows: number;
  readonly newLive: number;
  readonly R: number;
  readonly A: number;
  readonly S: number;
  readonly Snce: number;
  readonly N: number;
  readonly P: number;
}

export type SpecGroupVerdict =
  | "CLOSED"
  | "NEW_ONLY"
  | "DONE"
  | "NEW_NOT_ACTIVE"
  | "OLD_STILL_ACTIVE"
  | "AZURE_PENDING"
  | "SERVICE_GAP"
  | "MISSING_NEW"
  | "SEATS_SHORT"
  | "NCE_STILL_BILLED"
  | "SEATS_OVER";

const everyOldGone = (t: SpecTotals) => t.oldRows > 0 && t.oldLive === 0;

/** The §4 table, line by line: [line, condition, code]. */
export const SPEC_LINES: readonly [number, (t: SpecTotals) => boolean, SpecGroupVerdict][] = [
  [1, (t) => t.oldLive === 0 && t.newLive === 0, "CLOSED"],
  [2, (t) => t.oldRows === 0 && t.newRows > 0, "NEW_ONLY"],
  [3, (t) => everyOldGone(t) && t.N > 0, "DONE"],
  [4, (t) => everyOldGone(t), "NEW_NOT_ACTIVE"],
  [5, (t) => t.azure && t.N > 0 && t.A > 0, "OLD_STILL_ACTIVE"],
  [6, (t) => t.azure && t.N > 0, "DONE"],
  [7, (t) => t.azure && t.A > 0, "AZURE_PENDING"],
  [8, (t) => t.azure && t.P > 0, "NEW_NOT_ACTIVE"],
  [9, (t) => t.azure, "SERVICE_GAP"],
  [10, (t) => t.N === 0 && t.P === 0 && t.A > 0, "MISSING_NEW"],
  [11, (t) => t.N === 0 && t.P === 0, "SERVICE_GAP"],
  [12, (t) => t.N === 0, "NEW_NOT_ACTIVE"],
  [13, (t) => t.N < t.R, "SEATS_SHORT"],
  [14, (t) => t.A > 0, "OLD_STILL_ACTIVE"],
  [15, (t) => t.Snce > 0, "NCE_STILL_BILLED"],
  [16, (t) => t.N > t.R, "SEATS_OVER"],
  [17, () => true, "DONE"],
];

/** The lines of the table whose condition holds, in order (the first one gives the verdict). */
export function matchingLines(t: SpecTotals): number[] {
  return SPEC_LINES.filter(([, when]) => when(t)).map(([n]) => n);
}

/** §4 customer verdict severity, high to low. */
export const SPEC_SEVERITY: readonly SpecGroupVerdict[] = [
  "SERVICE_GAP",
  "OLD_STILL_ACTIVE",
  "NCE_STILL_BILLED",
  "MISSING_NEW",
  "SEATS_SHORT",
  "NEW_NOT_ACTIVE",
  "AZURE_PENDING",
  "SEATS_OVER",
  "NEW_ONLY",
  "DONE",
  "CLOSED",
];

/** §4: flagged = any verdict other than these. */
export const SPEC_NOT_FLAGGED = ["DONE", "CLOSED", "NEW_ONLY", "SEATS_OVER"] as const;
