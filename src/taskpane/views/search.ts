/**
 * The customer search: accents and case ignored ("muller" finds Müller, "lefevre" Lefèvre), and a
 * customer is found by its name, Microsoft ID (with or without braces), primary domains,
 * subscription IDs, offers and verdicts as the pane shows them.
 */
import { caseFold } from "../../domain/text";
import type { CustomerOutcome } from "../../office/types";
import type { I18n } from "../i18n";

/** Text as the search compares it: decomposed and stripped of accents, case-folded, GUID braces dropped, spaces collapsed. */
export function searchKey(s: string): string {
  return caseFold(s.normalize("NFKD").replace(/\p{M}+/gu, ""))
    .replace(/[{}]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Everything a customer is found by, one searchKey'd text (lines keep one field's words apart). */
export function customerHaystack(c: CustomerOutcome, i18n: I18n): string {
  const fields = [c.name, c.microsoftId ?? "", ...c.domains, ...c.subscriptionIds, i18n.verdict(c.verdict), ...c.groups.flatMap((g) => [g.offer, i18n.verdict(g.verdict)])];
  return fields.map(searchKey).join("\n");
}

export function matches(haystack: string, query: string): boolean {
  const q = searchKey(query);
  return q === "" || haystack.includes(q);
}
