/**
 * A customer's groups in the pane's language: "<offer>: <verdict> (required R, new N)". The offer
 * name stays as the export wrote it; the verdict is the same label the chart and the badge use.
 */
import type { GroupOutcome } from "../../office/types";
import type { I18n } from "../i18n";

export function groupReason(g: GroupOutcome, i18n: I18n): string {
  const label = i18n.verdict(g.verdict);
  // The label "Azure: awaiting Microsoft" names Azure already: not "Azure: Azure: awaiting Microsoft".
  const head = g.azure && g.verdict === "AZURE_PENDING" ? label : i18n.t("results.group", { offer: g.offer, verdict: label });
  // An Azure group's R and N count subscriptions, not seats (spec §3): no seat figures.
  return g.azure ? head : `${head} ${i18n.t("results.seats", { required: g.required, seats: g.newSeats })}`;
}
