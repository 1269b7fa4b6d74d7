/**
 * A seeded generator of random Partner Center export sets: several old accounts in random
 * languages of the spec, the new account, customer lists, offer map, nce accounts, and the
 * messy inputs partners really have (odd spacing and case, stripped accents, "25,0", bad
 * quantities, unknown statuses, duplicate IDs, header-only and broken files).
 */
import { Cell } from "../../src/domain/cells";
import { ImportFile } from "../../src/domain/importer";
import { CUSTOMER_HEADERS, LANGUAGES, Lang, STATUS_WORDS, StatusName, SUBSCRIPTION_HEADERS } from "./languages";

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  guid(): string {
    const h = () => Math.floor(this.next() * 16).toString(16);
    const s = (n: number) => Array.from({ length: n }, h).join("");
    return `${s(8)}-${s(4)}-4${s(3)}-${this.pick(["8", "9", "a", "b"])}${s(3)}-${s(12)}`;
  }
}

export const STATUSES: StatusName[] = ["active", "pending", "suspended", "expired", "disabled", "deleted", "canceled"];

interface Offer {
  name: string;
  id: string;
  azure?: boolean;
  nce?: boolean;
}

const OFFERS: Offer[] = [
  { name: "Office 365 E3", id: "796b6b5f-613c-4e24-a17c-eba730d49c02" },
  { name: "Office 365 E1", id: "91fd106f-4b2c-4938-95ac-f54f74e9a239" },
  { name: "Microsoft 365 Business Premium", id: "CFQ7TTC0LCHC:0002:CFQ7TTC0K5F8", nce: true },
  { name: "Microsoft 365 Business Standard", id: "CFQ7TTC0LDPB:0001:CFQ7TTC0K4MZ", nce: true },
  { name: "Exchange Online (Plan 1)", id: "195416c1-3447-423a-b37b-ee59a99a19c4" },
  { name: "Azure Active Directory Premium P1", id: "16c9f982-a827-4003-a88e-e75df1927f27" },
  { name: "Microsoft Azure", id: "MS-AZR-0145P", azure: true },
  { name: "Azure plan", id: "DZH318Z0BPS6:0001:DZH318Z0BML6", azure: true },
  { name: "Plan Azure", id: "", azure: true },
  { name: "Microsoft Teams Essentials™", id: "" },
];

const COMPANIES = ["Contoso", "Fabrikam", "Northwind", "Adatum", "Tailspin", "Wingtip", "Litware", "Proseware", "Woodgrove", "Alpine", "Coho", "Lucerne"];
const SUFFIX = ["Ltd", "GmbH", "SARL", "B.V.", "S.p.A.", "S.A.", "K.K.", "Lda"];

export interface GenOptions {
  readonly seed: number;
  readonly customers: number;
  readonly oldAccounts?: number;
  /** 0..1: how often inputs are messy. */
  readonly mess?: number;
}

/** A generated export set, as files a partner would drop in the folder of spec §6. */
export function randomExports(o: GenOptions): ImportFile[] {
  const r = new Rng(o.seed);
  const mess = o.mess ?? 0.15;
  const accountCount = o.oldAccounts ?? r.int(1, 3);
  const accounts = Array.from({ length: accountCount }, (_, i) => ({ name: ["FR", "DE", "NL", "IT", "ES", "PT", "JP", "UK"][i], lang: r.pick(LANGUAGES) as Lang }));
  const newLang: Lang = r.pick(LANGUAGES);
  const files: ImportFile[] = [];
  const lists = new Map<string, Cell[][]>(accounts.map((a) => [a.name, [CUSTOMER_HEADERS[a.lang].slice() as Cell[]]]));
  const newList: Cell[][] = [CUSTOMER_HEADERS[newLang].slice() as Cell[]];
  const withNewList = r.chance(0.7);

  const statusWord = (lang: Lang, s: StatusName): string => {
    let w = r.pick(STATUS_WORDS[r.chance(0.1) ? "en" : lang][s]);
    if (r.chance(mess)) w = r.pick([w.toUpperCase(), w.toLowerCase(), `  ${w} `, w.replace(/ /g, "  "), w.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC")]);
    if (r.chance(mess / 3)) w = r.pick(["Transferred", "?", "*", "", "Actve", "=1+1", "-", "Sospeso?"]);
    return w;
  };
  const quantity = (n: number): Cell => {
    if (!r.chance(mess)) return String(n);
    return r.pick<Cell>([`${n},0`, `${n}.00`, ` ${n} `, `${n},500`, "-3", "abc", "", `${n}.5`, "1,000", `0${n}`, "+4", "1e3", n]);
  };
  const seatsOf = () => r.pick([1, 2, 3, 5, 10, 12, 25, 50, 120]);

  for (let c = 0; c < o.customers; c++) {
    const name = `${r.pick(COMPANIES)} ${c} ${r.pick(SUFFIX)}`;
    const guid = r.guid();
    const domain = `${name.toLowerCase().replace(/[^a-z0-9]/g, "")}.onmicrosoft.com`;
    const fileName = () => r.pick([name, name, domain, guid, r.chance(0.5) ? `{${guid.toUpperCase()}}` : guid]);
    const inAccounts = accounts.filter(() => r.chance(0.6));
    if (inAccounts.length === 0 && r.chance(0.8)) inAccounts.push(r.pick(accounts));
    const oldRows: { offer: Offer; seats: number; status: StatusName }[] = [];
    for (const a of inAccounts) {
      if (r.chance(0.9)) lists.get(a.name)!.push([guid, name, domain, "Reseller"]);
      if (r.chance(0.08)) continue; // listed but not exported: NO_EXPORT
      const rows: Cell[][] = [SUBSCRIPTION_HEADERS[a.lang].slice() as Cell[]];
      const header = rows[0];
      const withId = r.chance(0.5);
      if (withId) header.push(a.lang === "en" ? "Offer ID" : "Offer ID");
      const n = r.int(0, 5);
      for (let k = 0; k < n; k++) {
        const offer = r.pick(OFFERS);
        const status = r.pick(STATUSES.slice(0, r.chance(0.6) ? 3 : 7));
        const seats = seatsOf();
        oldRows.push({ offer, seats, status });
        const id = r.chance(0.04) && rows.length > 1 ? (rows[rows.length - 1][0] as string) : r.guid();
        const row: Cell[] = [id, r.chance(mess / 4) ? "" : offer.name, quantity(seats), statusWord(a.lang, status), ""];
        if (withId) row.push(offer.id);
        rows.push(row);
        if (r.chance(mess / 5)) rows.push([]);
      }
      const broken = r.chance(mess / 5);
      if (broken) rows[0] = rows[0].filter((_, i) => i !== 2);
      files.push({ path: `from/${a.name}/${fileName()}.csv`, role: "from", account: a.name, kind: "subscriptions", grid: rows });
    }
    // The new account: most old offers re-created, some with other seats or statuses.
    const inNew = r.chance(0.8);
    if (withNewList && (inNew ? r.chance(0.85) : r.chance(0.1))) newList.push([guid, name, domain, "Reseller"]);
    if (!inNew) continue;
    const rows: Cell[][] = [SUBSCRIPTION_HEADERS[newLang].slice() as Cell[]];
    for (const old of oldRows) {
      if (old.offer.azure && r.chance(0.5)) continue;
      if (r.chance(0.2)) continue;
      const seats = r.chance(0.75) ? old.seats : seatsOf();
      const status = r.pick(["active", "active", "active", "pending", "suspended", "canceled"] as StatusName[]);
      rows.push([r.guid(), old.offer.name, quantity(seats), statusWord(newLang, status), ""]);
    }
    if (r.chance(0.2)) rows.push([r.guid(), r.pick(OFFERS).name, quantity(seatsOf()), statusWord(newLang, "active"), ""]);
    files.push({ path: `to/${fileName()}.csv`, role: "to", account: "New", kind: "subscriptions", grid: rows });
  }
  for (const a of accounts) {
    if (r.chance(0.85)) files.push({ path: `from/${a.name}/Customers.csv`, role: "from", account: a.name, kind: "customers", grid: lists.get(a.name)! });
  }
  if (withNewList) files.push({ path: "to/Customers.csv", role: "to", account: "New", kind: "customers", grid: newList });
  if (r.chance(0.6)) {
    files.push({
      path: "offer-map.csv",
      role: "from",
      account: "",
      kind: "offerMap",
      grid: [
        ["Old offer", "New offer"],
        ["Office 365 E3", "Microsoft 365 Business Premium"],
        ["195416c1-3447-423a-b37b-ee59a99a19c4", "Exchange Online (Plan 1)"],
        ["Azure Active Directory Premium P1", "Microsoft Entra ID P1"],
      ],
    });
  }
  if (r.chance(0.5)) {
    files.push({ path: "accounts.csv", role: "from", account: "", kind: "accounts", grid: [["Account", "Commerce"], [accounts[0].name, "nce"]] });
  }
  if (r.chance(mess)) files.push({ path: `from/${accounts[0].name}/broken.csv`, role: "from", account: accounts[0].name, kind: "subscriptions", grid: null, error: "The file could not be read" });
  return files;
}

/** Random values for Status and Quantity cells, as a user might type them into the workbook. */
export function randomEdit(r: Rng): { status?: Cell; quantity?: Cell } {
  const lang = r.pick(LANGUAGES);
  const status = r.chance(0.85)
    ? r.pick(STATUS_WORDS[lang][r.pick(STATUSES)])
    : r.pick<Cell>(["garbage", "", "  Active  ", "ACTIVE", "actif", "Sospeso", "In sospeso", "*", "Pending?", 5]);
  const quantity = r.pick<Cell>([0, 1, 7, 25, 30, 100, "12", "12,0", "3.5", "-1", "x", "", null, "1,000", 999999999, 1000000000]);
  const which = r.int(0, 2);
  return which === 0 ? { status } : which === 1 ? { quantity } : { status, quantity };
}
