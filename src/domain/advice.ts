/**
 * Advice (spec §4 "Advice columns"): never changes a verdict, only tells the billing team
 * what the dates imply. The same texts are produced by the workbook's Advice formula
 * (layout/formulas.ts); both are built from the phrases below.
 */
import { serialToIso } from "./cells";
import { GroupResult, RowResult } from "./model";

/** A phrase with one blank, so that the formula can fill it with a live value. */
export interface Phrase {
  readonly before: string;
  readonly after: string;
}

export const fill = (p: Phrase, value: string | number): string => `${p.before}${value}${p.after}`;

export const ADVICE = {
  doubleBilling: { before: "double billing for ", after: " days" } as Phrase,
  letExpire: { before: "let it expire on ", after: "" } as Phrase,
  transferOrCancel: "transfer or cancel within 7 days",
  reassign: "reassign licenses",
  separator: "; ",
  /** "within 30 days of the as-of date": the commitment ends on the as-of date or in the 30 days after. */
  expiryWindowDays: 30,
} as const;

export function doubleBillingDays(group: GroupResult, asOf: number): number | null {
  if (group.verdict !== "OLD_STILL_ACTIVE" || group.totals.earliestNewStart === null) return null;
  return Math.max(0, Math.floor(asOf) - group.totals.earliestNewStart);
}

/** An old active legacy row whose commitment ends within 30 days of the as-of date (§4 "let it expire"). */
export function expiresSoon(r: RowResult, asOf: number): boolean {
  if (r.role !== "from" || r.status !== "active" || r.excluded || r.nce || r.endDate === null) return false;
  const days = r.endDate - Math.floor(asOf);
  return days >= 0 && days <= ADVICE.expiryWindowDays;
}

/** The Advice cell of one subscription row. */
export function rowAdvice(r: RowResult, group: GroupResult | null, asOf: number): string {
  if (!group || r.outcome !== "grouped") return "";
  const parts: string[] = [];
  const days = doubleBillingDays(group, asOf);
  if (r.role === "from" && !r.excluded && (r.status === "active" || r.status === "pending") && days !== null) {
    parts.push(fill(ADVICE.doubleBilling, days));
  }
  if (expiresSoon(r, asOf)) parts.push(fill(ADVICE.letExpire, serialToIso(r.endDate!)));
  if (group.verdict === "NCE_STILL_BILLED" && r.role === "from" && !r.excluded && r.status === "suspended" && r.nce) {
    parts.push(ADVICE.transferOrCancel);
  }
  return parts.join(ADVICE.separator);
}

/** The report's notes of a group: "reassign licenses" (§4) and the advice that applies. */
export function groupNotes(group: GroupResult, rows: readonly RowResult[], asOf: number): string[] {
  const notes: string[] = [];
  if (group.verdict === "DONE" && group.reassign) notes.push(ADVICE.reassign);
  const days = doubleBillingDays(group, asOf);
  if (days !== null) notes.push(fill(ADVICE.doubleBilling, days));
  for (const i of group.rows) {
    const r = rows[i];
    if (r.outcome === "grouped" && expiresSoon(r, asOf)) {
      const note = fill(ADVICE.letExpire, serialToIso(r.endDate!));
      if (!notes.includes(note)) notes.push(note);
    }
  }
  if (group.verdict === "NCE_STILL_BILLED") notes.push(ADVICE.transferOrCancel);
  return notes;
}
