/**
 * Guessing, for a sheet the user has not confirmed yet, which account it comes from, whether
 * that is an old account or the new one, and which customer it is about — from the sheet's
 * name ("FR - Contoso", "Contoso (FR)", "contoso.onmicrosoft.com", a Microsoft ID, "New -
 * Fabrikam") and the customer lists in the workbook. Only a guess: the pane shows it for the
 * user to confirm, and nothing is reconciled on a guess.
 */
import { Role } from "../domain/model";
import { caseFold, looksLikeDomain, normalizeDomain, normalizeName, parseGuid } from "../domain/text";

export interface KnownEntry {
  readonly microsoftId: string | null;
  readonly companyName: string;
  readonly domain: string;
  readonly account: string;
  readonly role: Role;
}

export interface Guess {
  readonly account: string;
  readonly role: Role;
  readonly customer: string;
}

const NEW_WORDS = new Set(["new", "to", "target", "destination", "nouveau", "nouvelle", "neu", "neue", "nuevo", "nueva", "nuovo", "nuova", "novo", "nova", "nieuw", "nieuwe", "transitioning to"]);
const OLD_WORDS = new Set(["old", "from", "source", "ancien", "ancienne", "alt", "alte", "antiguo", "vecchio", "antigo", "oud", "oude", "transitioning from"]);
const LIST_WORDS = new Set(["customers", "customer", "clients", "client", "kunden", "kunde", "clientes", "clienti", "klanten", "顧客", "list", "liste", "lista", "lijst"]);
const SUB_WORDS = new Set(["subscriptions", "subscription", "abonnements", "abonnement", "abonnementen", "suscripciones", "sottoscrizioni", "assinaturas", "export", "exports"]);

const GUID_IN = /\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?/i;

const LEGAL_FORMS = new Set([
  "SA", "SAS", "SNC", "AG", "KG", "OHG", "SE", "NV", "BV", "VOF", "SRL", "SPA", "SAS", "SL", "LDA", "PLC", "LLC", "LTD", "INC", "LLP",
  "AB", "AS", "ASA", "OY", "KK", "GK", "CO", "SCA", "SCS", "EV",
]);

/** Splits on the separators people put between account and customer in sheet names. */
function segments(name: string): string[] {
  return name
    .split(/\s+[-–—]\s+|[–—_|()[\]:]|\s-|-\s/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

export function guessSheet(name: string, knownAccounts: readonly { account: string; role: Role }[], entries: readonly KnownEntry[], perRowCustomer: boolean): Guess {
  let account = "";
  let role: Role | null = null;
  const rest: string[] = [];
  const accountOf = (s: string) => knownAccounts.find((a) => caseFold(a.account) === caseFold(s));
  const take = (seg: string, trailing = false): boolean => {
    const key = caseFold(seg);
    const known = accountOf(seg);
    if (known && account === "") {
      account = known.account;
      role = role ?? known.role;
      return true;
    }
    if (NEW_WORDS.has(key)) {
      role = "to";
      return true;
    }
    if (OLD_WORDS.has(key)) {
      role = role ?? "from";
      return true;
    }
    if (LIST_WORDS.has(key) || SUB_WORDS.has(key)) return true;
    // A country code ("FR", "DE") names an old account; a trailing "SA", "AG", "BV" is the
    // company's legal form ("Transports Lefèvre SA"), not an account.
    if (account === "" && /^[A-Z]{2,3}$/.test(seg) && !(trailing && LEGAL_FORMS.has(seg))) {
      account = seg;
      return true;
    }
    return false;
  };
  for (const seg of segments(name)) {
    if (take(seg)) continue;
    // "FR Contoso", "Contoso FR", "New Fabrikam", "FR customers": a leading or trailing word.
    const words = seg.split(/\s+/);
    while (words.length > 1 && take(words[0])) words.shift();
    while (words.length > 1 && take(words[words.length - 1], true)) words.pop();
    if (words.length === 1 && take(words[0])) continue;
    rest.push(words.join(" "));
  }
  let customer = perRowCustomer ? "" : rest.join(" - ");
  const guid = GUID_IN.exec(name);
  if (!perRowCustomer && guid) customer = guid[0];
  else if (!perRowCustomer && /^\{?[0-9a-f]{8}-[0-9a-f-]{4,}$/i.test(name.trim())) customer = name.trim();
  if (customer !== "") {
    const entry = findEntry(customer, entries, account);
    if (entry) {
      // A list of an old account says nothing about the account of a sheet named "New - ...".
      if (account === "" && (role === null || role === entry.role)) account = entry.account;
      role = role ?? entry.role;
      customer = entry.companyName !== "" ? entry.companyName : entry.microsoftId ?? customer;
    }
  }
  return { account: role === "to" && account === "" ? "New" : account, role: role ?? "from", customer };
}

/** A customer-list entry named by a Microsoft ID, a primary domain or a company name (§7.7), preferring the given account's list. */
export function findEntry(text: string, entries: readonly KnownEntry[], account: string): KnownEntry | undefined {
  const id = parseGuid(text);
  const pick = (xs: KnownEntry[]) => xs.find((e) => caseFold(e.account) === caseFold(account)) ?? xs[0];
  if (id) {
    const hits = entries.filter((e) => e.microsoftId === id);
    if (hits.length) return pick(hits);
  }
  if (looksLikeDomain(text)) {
    const d = normalizeDomain(text);
    const hits = entries.filter((e) => e.domain !== "" && normalizeDomain(e.domain) === d);
    if (hits.length) return pick(hits);
  }
  // Sheet names stop at 31 characters: a Microsoft ID (36) arrives cut short.
  const partial = /^\{?([0-9a-f]{8}-[0-9a-f-]{4,})$/i.exec(text.trim());
  if (partial) {
    const prefix = partial[1].toLowerCase();
    const hits = entries.filter((e) => e.microsoftId?.startsWith(prefix));
    if (hits.length && hits.every((e) => e.microsoftId === hits[0].microsoftId)) return pick(hits);
  }
  const n = normalizeName(text);
  const hits = entries.filter((e) => e.companyName !== "" && normalizeName(e.companyName) === n);
  if (hits.length) return pick(hits);
  // Sheet names are short: "Northwind" for "Northwind Traders", if only one company starts so.
  if (n.length < 3) return undefined;
  const starts = entries.filter((e) => normalizeName(e.companyName).startsWith(`${n} `));
  const keys = new Set(starts.map((e) => e.microsoftId ?? normalizeName(e.companyName)));
  return keys.size === 1 ? pick(starts) : undefined;
}
