/**
 * Advice (spec §4 "Advice columns"): never changes a verdict, only tells the billing team
 * what the dates imply. The same texts are produced by the workbook's Advice formula
 * (layout/formulas.ts); both are built from the phrases below.
 */
import { serialToIso } from "./cells";
import { caseFold, compareCodePoints } from "./text";
import { EngineResult, GroupResult, RowResult } from "./model";

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

/** "let it expire on <date>" for a row that expiresSoon(), else "". */
export function letExpireNote(r: RowResult, asOf: number): string {
  return expiresSoon(r, asOf) ? fill(ADVICE.letExpire, serialToIso(r.endDate!)) : "";
}

/** The Advice cell of one subscription row. */
export function rowAdvice(r: RowResult, group: GroupResult | null, asOf: number): string {
  if (!group || r.outcome !== "grouped") return "";
  const parts: string[] = [];
  const days = doubleBillingDays(group, asOf);
  if (r.role === "from" && !r.excluded && (r.status === "active" || r.status === "pending") && days !== null) {
    parts.push(fill(ADVICE.doubleBilling, days));
  }
  const expire = letExpireNote(r, asOf);
  if (expire !== "") parts.push(expire);
  if (group.verdict === "NCE_STILL_BILLED" && r.role === "from" && !r.excluded && r.status === "suspended" && r.nce) {
    parts.push(ADVICE.transferOrCancel);
  }
  return parts.join(ADVICE.separator);
}

/**
 * A group's rows account by account (case-folded names in code point order), each account's in
 * their order: the order the let-expire dates are told in, and the order of the group's rows in
 * the workbook's CSP Calc, whose running concatenation of those dates must give the same text.
 */
export function byAccount(rows: readonly RowResult[], indexes: readonly number[]): number[] {
  const folded = new Map<string, string>();
  const key = (i: number) => {
    const a = rows[i].account;
    let f = folded.get(a);
    if (f === undefined) folded.set(a, (f = caseFold(a)));
    return f;
  };
  return [...indexes].sort((a, b) => compareCodePoints(key(a), key(b)) || a - b);
}

/** One piece of a group's advice, in no language: `adviceText` says it in English, the task pane in its own. */
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

/** A group's advice, item by item: "reassign licenses" (§4), the days of double billing, the dates to let old rows expire (account by account), "transfer or cancel". */
export function adviceItems(group: GroupResult, rows: readonly RowResult[], asOf: number): AdviceItem[] {
  const items: AdviceItem[] = [];
  if (group.verdict === "DONE" && group.reassign) items.push({ kind: "reassign" });
  const days = doubleBillingDays(group, asOf);
  if (days !== null) items.push({ kind: "doubleBilling", days });
  for (const i of byAccount(rows, group.rows)) {
    const r = rows[i];
    if (r.outcome !== "grouped" || !expiresSoon(r, asOf)) continue;
    const date = serialToIso(r.endDate!);
    if (!items.some((a) => a.kind === "letExpire" && a.date === date)) items.push({ kind: "letExpire", date });
  }
  if (group.verdict === "NCE_STILL_BILLED") items.push({ kind: "transferOrCancel" });
  return items;
}

/** The report's notes of a group: its advice items in English. */
export function groupNotes(group: GroupResult, rows: readonly RowResult[], asOf: number): string[] {
  return adviceItems(group, rows, asOf).map(adviceText);
}

/**
 * How the next step carries the advice where people look (issue 11: "let it expire on …" lived
 * only in the export sheets' Advice column while the Summary said "suspend it today"). A group's
 * advice is its notes; the Groups sheet shows it after the group's next step, the Summary shows,
 * after the customer's next step, the advice of each of the customer's groups with its offer.
 * The workbook's formulas (layout/sheets/groups.ts, summary.ts) are compiled from these phrases.
 */
export const STEP_ADVICE = {
  /** After a group's next step: " Advice: <notes>." */
  group: { before: " Advice: ", after: "." } as Phrase,
  /** After a customer's next step, once per group with advice: " Advice for <offer>: " then the notes and ".". */
  offer: { before: " Advice for ", after: ": " } as Phrase,
  end: ".",
} as const;

/** A group's advice: its notes in one text (the CSP Groups "Advice" column). */
export function groupAdvice(group: GroupResult): string {
  return group.notes.join(ADVICE.separator);
}

/** A group's next step followed by its advice (the Groups sheet). */
export function stepWithGroupAdvice(step: string, group: GroupResult): string {
  const advice = groupAdvice(group);
  return advice === "" ? step : step + fill(STEP_ADVICE.group, advice);
}

/** The advice of each of a customer's groups, with its offer, in the customer's group order. */
export function customerAdvice(result: Pick<EngineResult, "groups">, groups: readonly number[]): string {
  let out = "";
  for (const g of groups) {
    const advice = groupAdvice(result.groups[g]);
    if (advice !== "") out += fill(STEP_ADVICE.offer, result.groups[g].offerLabel) + advice + STEP_ADVICE.end;
  }
  return out;
}
