/**
 * Offer identity (spec §3, §7.5, §7.6, §7.13): Azure rows, the offer map, and commerce.
 */
import { OfferMapEntry } from "./model";
import { headerKey, normalizeName } from "./text";

export const AZURE_KEY = "azure";

const AZURE_OFFER_ID = /^(MS-AZR-|DZH318Z0BPS6)/i;
const AZURE_NAME_WORDS = new Set(["azure", "microsoft", "plan", "piano", "plano", "de"]);

/**
 * "Usage-based" in a unit-type or billing-type column, in the spec's languages (the API's
 * unitType "Usage-based" and billingType "usage", research/domain.md §1.5).
 */
const USAGE_BASED = new Set(
  [
    "Usage-based", "Usage based", "Usage", "Basé sur l'utilisation", "Utilisation", "Nutzungsbasiert",
    "Verbrauchsbasiert", "Basado en el uso", "Basado en uso", "Basato sull'utilizzo", "Basato sull'uso",
    "Baseado em uso", "Baseado no uso", "Op basis van gebruik", "Gebruiksgebaseerd", "従量課金",
    "使用量ベース",
  ].map(headerKey),
);

export function isUsageBased(unitType: string): boolean {
  return unitType.trim() !== "" && USAGE_BASED.has(headerKey(unitType));
}

/** "Microsoft Azure", "Azure plan", "Plan Azure", "Azure-Plan", "Microsoft Azure 2" — not "Azure Active Directory P1". */
export function isAzureName(offerName: string): boolean {
  const words = normalizeName(offerName).replace(/-/g, " ").split(" ").filter((w) => w !== "");
  if (words.length > 0 && /^[0-9]+$/.test(words[words.length - 1])) words.pop();
  return words.includes("azure") && words.every((w) => AZURE_NAME_WORDS.has(w));
}

export function isAzureRow(offerId: string, offerName: string, unitType: string): boolean {
  return AZURE_OFFER_ID.test(offerId.trim()) || isUsageBased(unitType) || isAzureName(offerName);
}

const NCE_OFFER_ID = /^[A-Z0-9]{12}:[0-9]{4}(:.*)?$/i;
const NCE_TERMS = new Set(["p1m", "p1y", "p3y"]);

/** New commerce by the row itself (offer ID shape or Term column); the account's marking is separate. */
export function isNceByOffer(offerId: string, term: string): boolean {
  return NCE_OFFER_ID.test(offerId.trim()) || NCE_TERMS.has(term.trim().toLowerCase());
}

export interface OfferKey {
  readonly key: string;
  /** The map pair that placed the row, if any. */
  readonly viaMap: OfferMapEntry | null;
}

/**
 * Offer keys with the map applied. The map's old side matches by offer ID (case-insensitive)
 * or normalized name; a row whose ID or name equals a map target joins that target's group;
 * no chaining (§7.6).
 */
export class OfferResolver {
  private readonly byId = new Map<string, OfferMapEntry>();
  private readonly byName = new Map<string, OfferMapEntry>();
  private readonly targetById = new Map<string, OfferMapEntry>();
  private readonly targetByName = new Map<string, OfferMapEntry>();

  constructor(entries: readonly OfferMapEntry[]) {
    for (const e of entries) {
      if (e.oldOffer.trim() === "" || e.newOffer.trim() === "") continue;
      const idKey = e.oldOffer.trim().toLowerCase();
      const nameKey = normalizeName(e.oldOffer);
      if (!this.byId.has(idKey)) this.byId.set(idKey, e);
      if (!this.byName.has(nameKey)) this.byName.set(nameKey, e);
      const tId = e.newOffer.trim().toLowerCase();
      const tName = normalizeName(e.newOffer);
      if (!this.targetById.has(tId)) this.targetById.set(tId, e);
      if (!this.targetByName.has(tName)) this.targetByName.set(tName, e);
    }
  }

  /** Null when neither the name nor the ID places the row anywhere (empty offer name). */
  resolve(offerId: string, offerName: string, azure: boolean): OfferKey | null {
    if (azure) return { key: AZURE_KEY, viaMap: null };
    const id = offerId.trim().toLowerCase();
    const name = normalizeName(offerName);
    const mapped = (id !== "" ? this.byId.get(id) : undefined) ?? (name !== "" ? this.byName.get(name) : undefined);
    if (mapped) return { key: normalizeName(mapped.newOffer), viaMap: mapped };
    const target = (id !== "" ? this.targetById.get(id) : undefined) ?? (name !== "" ? this.targetByName.get(name) : undefined);
    if (target) return { key: normalizeName(target.newOffer), viaMap: null };
    if (name === "") return null;
    return { key: name, viaMap: null };
  }
}

/** A pair whose names differ means the customer's licenses must be reassigned (§2.3). */
export function pairNamesDiffer(e: OfferMapEntry): boolean {
  return normalizeName(e.oldOffer) !== normalizeName(e.newOffer);
}
