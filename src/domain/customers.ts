/**
 * Customer lists and customer identity (spec §2.2, §3, §7.7 – §7.9).
 */
import { cellText, isBlank } from "./cells";
import { recogniseCustomerListHeader } from "./headers";
import { CustomerListSource, Problem, Role } from "./model";
import { caseFold, compareCodePoints, looksLikeDomain, normalizeDomain, normalizeName, parseGuid, quoted } from "./text";

export interface ListEntry {
  readonly microsoftId: string | null;
  readonly companyName: string;
  readonly domain: string;
  readonly row: number;
}

export interface CustomerList {
  readonly source: string;
  readonly account: string;
  readonly role: Role;
  readonly entries: readonly ListEntry[];
  /** Normalized company name → distinct customer keys (two keys = ambiguous). */
  readonly byName: ReadonlyMap<string, ReadonlySet<string>>;
  readonly byDomain: ReadonlyMap<string, ReadonlySet<string>>;
  readonly keys: ReadonlySet<string>;
}

export function customerKeyOf(microsoftId: string | null, companyName: string): string {
  return microsoftId ? `id:${microsoftId}` : `name:${normalizeName(companyName)}`;
}

function addTo(map: Map<string, Set<string>>, k: string, v: string): void {
  if (k === "") return;
  let set = map.get(k);
  if (!set) map.set(k, (set = new Set()));
  set.add(v);
}

/** Reads one customer list; an unusable list is a problem and is not used (§7.16). */
export function readCustomerList(src: CustomerListSource, problems: Problem[]): CustomerList | null {
  if (src.state) {
    problems.push({ source: src.source, row: 0, code: src.state.code, message: src.state.message });
    return null;
  }
  const map = recogniseCustomerListHeader(src.header);
  const idCol = map.fields.microsoftId;
  if (idCol === undefined) {
    problems.push({
      source: src.source,
      row: 0,
      code: "MISSING_COLUMN",
      message: "Customer list has no Microsoft ID column; it is not used",
    });
    return null;
  }
  const nameCol = map.fields.companyName;
  const domainCol = map.fields.domain;
  const entries: ListEntry[] = [];
  const byName = new Map<string, Set<string>>();
  const byDomain = new Map<string, Set<string>>();
  const keys = new Set<string>();
  for (const r of src.rows) {
    if (r.cells.every(isBlank)) continue;
    const idText = cellText(r.cells[idCol]).trim();
    const companyName = nameCol === undefined ? "" : cellText(r.cells[nameCol]).trim();
    const domain = domainCol === undefined ? "" : cellText(r.cells[domainCol]).trim();
    let microsoftId = parseGuid(idText);
    if (!microsoftId && idText !== "") {
      problems.push({
        source: src.source,
        row: r.row,
        code: "BAD_CUSTOMER_ID",
        message: `Microsoft ID ${quoted(idText)} is not a tenant ID (a GUID); the customer is matched by name`,
        at: r.at,
      });
    }
    if (!microsoftId && companyName === "" && domain === "") continue;
    microsoftId = microsoftId ?? null;
    const key = customerKeyOf(microsoftId, companyName !== "" ? companyName : domain);
    entries.push({ microsoftId, companyName, domain, row: r.row });
    keys.add(key);
    addTo(byName, normalizeName(companyName), key);
    addTo(byDomain, normalizeDomain(domain), key);
  }
  return { source: src.source, account: src.account, role: src.role, entries, byName, byDomain, keys };
}

export type Resolution =
  | { readonly kind: "found"; readonly key: string }
  | { readonly kind: "unknown"; readonly key: string; readonly reason: string };

/**
 * Finds the customer a file name, sheet name or customer cell stands for (§7.7): a GUID is a
 * Microsoft ID; otherwise a primary domain, then a company name, in the account's own list
 * first, then the new account's, then the other old accounts' lists in name order.
 */
export class CustomerResolver {
  private readonly ordered: readonly CustomerList[];

  constructor(private readonly lists: readonly CustomerList[]) {
    this.ordered = lists;
  }

  get anyList(): boolean {
    return this.lists.length > 0;
  }

  private searchOrder(account: string, role: Role): CustomerList[] {
    const own = this.ordered.filter((l) => l.role === role && caseFold(l.account.trim()) === caseFold(account.trim()));
    const newAccount = this.ordered.filter((l) => l.role === "to" && !own.includes(l));
    const others = this.ordered
      .filter((l) => l.role === "from" && !own.includes(l))
      // Account names are case-insensitive (§6): "de" and "DE" must take the same place.
      .sort((a, b) => compareCodePoints(caseFold(a.account), caseFold(b.account)));
    return [...own, ...newAccount, ...others];
  }

  resolve(name: string, account: string, role: Role): Resolution {
    const text = name.trim();
    const guid = parseGuid(text);
    if (guid) return { kind: "found", key: `id:${guid}` };
    const fallback = `name:${normalizeName(text)}`;
    const order = this.searchOrder(account, role);
    const domainKey = looksLikeDomain(text) ? normalizeDomain(text) : "";
    for (const [index, byKey] of [
      [domainKey, (l: CustomerList) => l.byDomain] as const,
      [normalizeName(text), (l: CustomerList) => l.byName] as const,
    ]) {
      if (index === "") continue;
      for (const list of order) {
        const hits = byKey(list).get(index);
        if (!hits || hits.size === 0) continue;
        if (hits.size > 1) {
          return {
            kind: "unknown",
            key: fallback,
            reason: `${quoted(text)} matches ${hits.size} different customers in the customer list ${list.source}`,
          };
        }
        return { kind: "found", key: [...hits][0] };
      }
    }
    if (this.anyList) {
      return { kind: "unknown", key: fallback, reason: `${quoted(text)} is in no customer list (by Microsoft ID, domain or company name)` };
    }
    return { kind: "found", key: fallback };
  }
}

/**
 * Two old accounts giving one company name different Microsoft IDs (§7.9): reported against
 * every list entry involved. Each account still resolves through its own list.
 */
export function findConflicts(lists: readonly CustomerList[], problems: Problem[]): void {
  const byName = new Map<string, { list: CustomerList; entry: ListEntry }[]>();
  for (const list of lists) {
    if (list.role !== "from") continue;
    for (const entry of list.entries) {
      if (!entry.microsoftId || entry.companyName === "") continue;
      const k = normalizeName(entry.companyName);
      let arr = byName.get(k);
      if (!arr) byName.set(k, (arr = []));
      arr.push({ list, entry });
    }
  }
  for (const hits of byName.values()) {
    const accounts = new Set(hits.map((h) => h.list.account));
    const ids = new Set(hits.map((h) => h.entry.microsoftId));
    if (accounts.size < 2 || ids.size < 2) continue;
    // Only entries whose ID differs from an entry of another account conflict.
    for (const h of hits) {
      const clash = hits.find((o) => o.list.account !== h.list.account && o.entry.microsoftId !== h.entry.microsoftId);
      if (!clash) continue;
      problems.push({
        source: h.list.source,
        row: h.entry.row,
        code: "CONFLICTING_CUSTOMER",
        message: `${quoted(h.entry.companyName)} has Microsoft ID ${h.entry.microsoftId} in account ${quoted(h.list.account)} but ${clash.entry.microsoftId} in account ${quoted(clash.list.account)}`,
      });
    }
  }
}
