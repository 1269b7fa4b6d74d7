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

/** One piece of a group's advice, in no language: `adviceText` says it in English, the pane in its own. */
export type AdviceItem =
  | { readonly kind: "reassign" }
  | { readonly kind: "doubleBilling"; readonly days: number }
  /** The commitment end date (ISO) of an old row to let expire. */
  | { readonly kind: "letExpire"; readonly date: string }
  | { readonly kind: "transferOrCancel" };

export function adviceText(a: AdviceItem): string {
  switch (a.kind) {
    case "reassign":
      return ADVICE.reassign;
    case "doubleBilling":
      return fill(ADVICE.doubleBilling, a.days);
    case "letExpire":
      return fill(ADVICE.letExpire, a.date);
    case "transferOrCancel":
      return ADVICE.transferOrCancel;
  }
}

/** The advice of a group: "reassign licenses" (§4), the days of double billing, the dates to let old rows expire, "transfer or cancel". */
export function groupAdvice(group: GroupResult, rows: readonly RowResult[], asOf: number): AdviceItem[] {
  const items: AdviceItem[] = [];
  if (group.verdict === "DONE" && group.reassign) items.push({ kind: "reassign" });
  const days = doubleBillingDays(group, asOf);
  if (days !== null) items.push({ kind: "doubleBilling", days });
  for (const i of group.rows) {
    const r = rows[i];
    if (r.outcome === "grouped" && expiresSoon(r, asOf)) {
      const date = serialToIso(r.endDate!);
      if (!items.some((a) => a.kind === "letExpire" && a.date === date)) items.push({ kind: "letExpire", date });
    }
  }
  if (group.verdict === "NCE_STILL_BILLED") items.push({ kind: "transferOrCancel" });
  return items;
}

/** The report's notes of a group: its advice in English. */
export function groupNotes(group: GroupResult, rows: readonly RowResult[], asOf: number): string[] {
  return groupAdvice(group, rows, asOf).map(adviceText);
}
