/**
 * A customer's reasons in the pane's language. The gateway words each group in English as
 * "<offer>: <verdict label> (R <required>, N <new seats>)" (src/office/reconcile.ts,
 * customerOutcomes); the offer name stays as the export wrote it, the rest is translated.
 * Any other wording is shown as it is.
 */
import { CUSTOMER_ORDER, LABEL } from "../../domain/verdicts";
import type { I18n } from "../i18n";

const SEATS = / \(R (\d+), N (\d+)\)$/;
// Longest first: an offer name may itself contain ": " ("Azure: Azure: awaiting Microsoft").
const LABELS = CUSTOMER_ORDER.map((v) => ({ v, suffix: `: ${LABEL[v]}` })).sort((a, b) => b.suffix.length - a.suffix.length);

export function localReason(reason: string, i18n: I18n): string {
  const seats = SEATS.exec(reason);
  if (!seats) return reason;
  const head = reason.slice(0, seats.index);
  const label = LABELS.find((l) => head.endsWith(l.suffix) && head.length > l.suffix.length);
  if (!label) return reason;
  const offer = head.slice(0, head.length - label.suffix.length);
  return `${offer}: ${i18n.verdict(label.v)} ${i18n.t("results.seats", { required: Number(seats[1]), seats: Number(seats[2]) })}`;
}
