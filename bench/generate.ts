/**
 * A seeded generator of partner-scale export folders (spec §6 layout), written as real CSV
 * bytes so that the benchmark measures decoding and parsing too.
 *
 * The picture is a consolidation caught midway: four old accounts (FR and DE with ";" as Excel
 * saves CSV in those locales, NL and IT with ","), each customer with 5–8 old subscriptions,
 * most of them already re-created in the new account and suspended or cancelled in the old
 * one, and a realistic share of customers still in trouble. Unlike test/support/random-exports
 * (which hunts for edge cases), this one aims at the mix a billing team sees, at volume.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { Rng } from "../test/support/random-exports";
import { CUSTOMER_HEADERS, Lang, STATUS_WORDS, StatusName } from "../test/support/languages";
import { NCE_HEADER } from "../test/domain/support/billing";

export const AS_OF = "2026-11-24";

interface OldAccount {
  readonly name: string;
  readonly lang: Lang;
  readonly delimiter: string;
  readonly bom: boolean;
  readonly eol: string;
  /** Marked new commerce in accounts.csv: its suspended rows still bill (spec §4 rule 15). */
  readonly nce: boolean;
  readonly header: readonly string[];
  readonly date: (iso: string) => string;
  /** Decimal comma locales re-save "25" as "25,0" now and then. */
  readonly decimalComma: boolean;
}

const iso = (s: string) => s;
const dmyDot = (s: string) => `${s.slice(8, 10)}.${s.slice(5, 7)}.${s.slice(0, 4)}`;

/** Localized headers: the spec's five columns, then the optional ones Partner Center adds. */
export const OLD_ACCOUNTS: readonly OldAccount[] = [
  {
    name: "FR", lang: "fr", delimiter: ";", bom: true, eol: "\r\n", nce: false, date: iso, decimalComma: true,
    header: ["ID d'abonnement", "Abonnement", "Quantité", "État", "Revendeur", "ID de l'offre", "Date de fin d'engagement", "Cycle de facturation"],
  },
  {
    name: "DE", lang: "de", delimiter: ";", bom: false, eol: "\r\n", nce: true, date: dmyDot, decimalComma: true,
    header: ["Abonnement-ID", "Abonnement", "Menge", "Status", "Händler", "Angebots-ID", "Laufzeit", "Enddatum", "Abrechnungszyklus"],
  },
  {
    name: "NL", lang: "nl", delimiter: ",", bom: false, eol: "\n", nce: false, date: iso, decimalComma: false,
    header: ["Abonnements-id", "Abonnement", "Aantal", "Status", "Wederverkoper", "Aanbiedings-id", "Einddatum", "Factureringscyclus"],
  },
  {
    name: "IT", lang: "it", delimiter: ",", bom: true, eol: "\r\n", nce: false, date: iso, decimalComma: false,
    header: ["ID sottoscrizione", "Sottoscrizione", "Quantità", "Stato", "Rivenditore", "ID offerta", "Data di fine impegno", "Ciclo di fatturazione"],
  },
];

const NEW_HEADER = ["Subscription ID", "Subscription", "Quantity", "Status", "Reseller", "Offer ID", "Term", "Creation date", "Commitment end date", "Billing cycle"];

interface Offer {
  /** Name in the old (legacy) catalogue and its legacy offer ID. */
  readonly oldName: string;
  readonly oldId: string;
  /** Name and ID of the new-commerce offer it becomes. */
  readonly newName: string;
  readonly newId: string;
  readonly azure?: boolean;
  readonly seats: readonly number[];
}

/** Offer names and IDs as Partner Center shows them; some legacy offers were renamed in new commerce (offer map). */
const OFFERS: readonly Offer[] = [
  { oldName: "Office 365 E3", oldId: "796b6b5f-613c-4e24-a17c-eba730d49c02", newName: "Office 365 E3", newId: "CFQ7TTC0LF8Q:0001:CFQ7TTC0KF6Q", seats: [10, 25, 40, 80, 150] },
  { oldName: "Office 365 E1", oldId: "91fd106f-4b2c-4938-95ac-f54f74e9a239", newName: "Office 365 E1", newId: "CFQ7TTC0LF8R:0001:CFQ7TTC0KF6R", seats: [5, 10, 20, 60] },
  { oldName: "Microsoft 365 Business Premium", oldId: "031c9e47-4802-4248-838e-778fb1d2cc05", newName: "Microsoft 365 Business Premium", newId: "CFQ7TTC0LCHC:0002:CFQ7TTC0KLGP", seats: [3, 8, 12, 25, 50] },
  { oldName: "Microsoft 365 Business Standard", oldId: "2b3b6b8a-9f1e-4c0f-a5d2-6f1c2a8b9e01", newName: "Microsoft 365 Business Standard", newId: "CFQ7TTC0LDPB:0001:CFQ7TTC0K4MZ", seats: [2, 5, 10, 20] },
  { oldName: "Microsoft 365 Business Basic", oldId: "3b555118-da6a-4418-894f-7df1e2096870", newName: "Microsoft 365 Business Basic", newId: "CFQ7TTC0LH18:0001:CFQ7TTC0K971", seats: [5, 10, 30] },
  { oldName: "Exchange Online (Plan 1)", oldId: "195416c1-3447-423a-b37b-ee59a99a19c4", newName: "Exchange Online (Plan 1)", newId: "CFQ7TTC0LH16:0001:CFQ7TTC0K3SX", seats: [1, 2, 3, 5, 12] },
  { oldName: "Office 365 Business Premium", oldId: "b214fe43-f5a3-4703-beeb-fa97188220fc", newName: "Microsoft 365 Business Standard", newId: "CFQ7TTC0LDPB:0001:CFQ7TTC0K4MZ", seats: [4, 9, 15] },
  { oldName: "Office 365 ProPlus", oldId: "c2273bd0-dff7-4215-9ef5-2c7bcfb06425", newName: "Microsoft 365 Apps for enterprise", newId: "CFQ7TTC0LGZT:0001:CFQ7TTC0KDF5", seats: [5, 10, 25] },
  { oldName: "Azure Active Directory Premium P1", oldId: "16c9f982-a827-4003-a88e-e75df1927f27", newName: "Microsoft Entra ID P1", newId: "CFQ7TTC0LFLX:0001:CFQ7TTC0K4D8", seats: [10, 25, 50] },
  { oldName: "Microsoft Teams Essentials", oldId: "7e74bd05-2c47-404e-829a-ba95c66fe8e5", newName: "Microsoft Teams Essentials", newId: "CFQ7TTC0RM8K:0001:CFQ7TTC0RM8J", seats: [2, 6, 10] },
  { oldName: "Power BI Pro", oldId: "f8a1db68-be16-40ed-86d5-cb42ce701560", newName: "Power BI Pro", newId: "CFQ7TTC0L3PB:0001:CFQ7TTC0KHS1", seats: [1, 3, 8] },
  { oldName: "Visio Plan 2", oldId: "c5928f49-12ba-48f7-ada3-0d743a3601d5", newName: "Visio Plan 2", newId: "CFQ7TTC0KXN8:0001:CFQ7TTC0J1FV", seats: [1, 2, 4] },
  { oldName: "Project Plan 3", oldId: "53818b1b-4a27-454b-8896-0dba576410e6", newName: "Project Plan 3", newId: "CFQ7TTC0KXNC:0001:CFQ7TTC0HDZS", seats: [1, 2, 5] },
  { oldName: "Microsoft Defender for Office 365 (Plan 1)", oldId: "4ef96642-f096-40de-a3e9-d83fb2f90211", newName: "Microsoft Defender for Office 365 (Plan 1)", newId: "CFQ7TTC0LHSF:0001:CFQ7TTC0K5F1", seats: [10, 25, 50] },
  { oldName: "Microsoft 365 E3", oldId: "05e9a617-0261-4cee-bb44-138d3ef5d965", newName: "Microsoft 365 E3", newId: "CFQ7TTC0LFLZ:0002:CFQ7TTC0K5J9", seats: [20, 50, 100, 250] },
  { oldName: "Dynamics 365 Business Central Essentials", oldId: "2880026b-2b0c-4251-8656-5d41ff11e3aa", newName: "Dynamics 365 Business Central Essentials", newId: "CFQ7TTC0LH9H:0001:CFQ7TTC0LFJH", seats: [3, 5, 10] },
];
const AZURE_OLD: Offer = { oldName: "Microsoft Azure", oldId: "MS-AZR-0145P", newName: "Azure plan", newId: "DZH318Z0BPS6:0001:DZH318Z0BML6", azure: true, seats: [1] };

/** The offer map a partner keeps for renamed offers (spec §2.3). */
export const OFFER_MAP: readonly [string, string][] = OFFERS.filter((o) => o.oldName !== o.newName).map((o) => [o.oldName, o.newName]);

/**
 * What the customer looks like midway through the migration. Weights are per customer; most are
 * done, and each troubled customer has one or two troubled groups among otherwise done ones.
 */
const SCENARIOS = {
  done: 58,
  oldStillActive: 10,
  missingNew: 7,
  seatsShort: 6,
  nceStillBilled: 5,
  azurePending: 2,
  azureOldActive: 2,
  newNotActive: 3,
  seatsOver: 2,
  serviceGap: 1.5,
  relationshipPending: 2,
  noExport: 1,
  newOnly: 0.5,
} as const;
export type Scenario = keyof typeof SCENARIOS;

const TRADES: Record<string, readonly string[]> = {
  fr: ["Boulangerie", "Cabinet", "Pharmacie", "Transports", "Atelier", "Groupe", "Clinique", "Hôtel", "Garage", "Librairie"],
  de: ["Bäckerei", "Steuerberatung", "Maschinenbau", "Logistik", "Elektrotechnik", "Autohaus", "Praxis", "Brauerei", "Druckerei", "Bau"],
  nl: ["Bakkerij", "Installatiebedrijf", "Logistiek", "Tandartspraktijk", "Bouwbedrijf", "Drukkerij", "Kwekerij", "Advocatenkantoor"],
  it: ["Panificio", "Studio", "Farmacia", "Trasporti", "Officina", "Gruppo", "Albergo", "Cantina", "Tipografia", "Ristorante"],
};
const SURNAMES: Record<string, readonly string[]> = {
  fr: ["Martin", "Bernard", "Dubois", "Moreau", "Lefèvre", "Garnier", "Rousseau", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert"],
  de: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Schäfer", "Koch", "Richter"],
  nl: ["De Vries", "Van Dijk", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "De Boer", "Mulder", "De Groot", "Bos", "Vos"],
  it: ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo"],
};
const FORMS: Record<string, readonly string[]> = {
  fr: ["SARL", "SAS", "SA", ""],
  de: ["GmbH", "KG", "GmbH & Co. KG", "AG"],
  nl: ["B.V.", "V.O.F.", ""],
  it: ["S.r.l.", "S.p.A.", "S.n.c.", ""],
};

interface SubRow {
  id: string;
  offer: Offer;
  seats: number;
  status: StatusName;
  /** Old rows: commitment end date; new rows: creation date (ISO). */
  date: string;
  /** Old rows: new-commerce offer ID (a legacy account can hold new-commerce subscriptions since 2022). */
  nceId?: boolean;
}

interface Customer {
  name: string;
  domain: string;
  guid: string;
  accounts: OldAccount[];
  old: Map<OldAccount, SubRow[]>;
  fresh: SubRow[];
  scenario: Scenario;
  /** Accepted the new reseller relationship: listed in to/Customers.csv. */
  inNewList: boolean;
  /** Exports of these old accounts are missing although the account lists the customer. */
  notExported: Set<OldAccount>;
}

export interface GeneratedSet {
  readonly customers: number;
  readonly seed: number;
  /** Relative path (spec §6) → file bytes. */
  readonly files: Map<string, Buffer>;
  readonly oldRows: number;
  readonly newRows: number;
  readonly scenarios: Record<Scenario, number>;
  /** Every old subscription written, for the billing files (`billingFiles`). */
  readonly old: readonly GeneratedOld[];
}

export interface GeneratedOld {
  readonly id: string;
  readonly customer: string;
  readonly guid: string;
  readonly account: string;
  readonly offer: string;
  readonly productId: string;
  readonly seats: number;
  readonly azure: boolean;
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function csvField(v: string, delimiter: string): string {
  return v.includes(delimiter) || v.includes('"') || v.includes("\n") || v.includes("\r") ? `"${v.replace(/"/g, '""')}"` : v;
}

function csvBytes(rows: readonly (readonly string[])[], delimiter: string, eol: string, bom: boolean): Buffer {
  const text = rows.map((r) => r.map((v) => csvField(v, delimiter)).join(delimiter)).join(eol) + eol;
  return Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, "utf8")]);
}

const slug = (name: string) => name.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/[^a-z0-9]/g, "");

function weighted<K extends string>(r: Rng, weights: Readonly<Record<K, number>>): K {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let x = r.next() * total;
  for (const [k, w] of entries) {
    x -= w;
    if (x < 0) return k;
  }
  return entries[entries.length - 1][0];
}

export function generate(customers: number, seed: number): GeneratedSet {
  const r = new Rng(seed);
  const names = new Set<string>();
  const list: Customer[] = [];
  const scenarios = Object.fromEntries(Object.keys(SCENARIOS).map((k) => [k, 0])) as Record<Scenario, number>;
  const status = (lang: Lang, s: StatusName) => r.pick(STATUS_WORDS[lang][s]);
  const endDate = () => (r.chance(0.08) ? addDays(AS_OF, r.int(1, 28)) : addDays(AS_OF, r.int(35, 330)));
  const created = () => addDays(AS_OF, -r.int(3, 160));

  for (let c = 0; c < customers; c++) {
    const home = r.pick(OLD_ACCOUNTS);
    const accounts = [home];
    if (r.chance(0.1)) accounts.push(r.pick(OLD_ACCOUNTS.filter((a) => a !== home)));
    const base = `${r.pick(TRADES[home.lang])} ${r.pick(SURNAMES[home.lang])}`;
    const form = r.pick(FORMS[home.lang]);
    let name = form ? `${base} ${form}` : base;
    for (let n = 2; names.has(name.toLowerCase()); n++) name = `${base} ${n}${form ? ` ${form}` : ""}`;
    let domain = slug(name);
    for (let n = 2; names.has(domain); n++) domain = `${slug(name)}${n}`;
    names.add(name.toLowerCase());
    names.add(domain);
    domain = `${domain}.onmicrosoft.com`;
    const scenario = weighted(r, SCENARIOS);
    scenarios[scenario]++;
    const cust: Customer = {
      name, domain, guid: r.guid(), accounts, old: new Map(), fresh: [], scenario,
      inNewList: scenario !== "relationshipPending", notExported: new Set(),
    };
    list.push(cust);
    if (scenario === "newOnly") {
      for (let k = r.int(2, 4); k > 0; k--) {
        const offer = r.pick(OFFERS);
        cust.fresh.push({ id: r.guid(), offer, seats: r.pick(offer.seats), status: "active", date: created() });
      }
      cust.accounts = [];
      continue;
    }

    // 5–8 old subscriptions; a few offers held twice (several subscriptions, one group).
    const count = r.int(5, 8);
    const offers: Offer[] = [];
    if (r.chance(0.3) || scenario === "azurePending" || scenario === "azureOldActive") offers.push(AZURE_OLD);
    while (offers.length < count) {
      const o = r.pick(OFFERS);
      if (!offers.includes(o) || r.chance(0.1)) offers.push(o);
    }
    const oldRows: { account: OldAccount; row: SubRow }[] = offers.map((offer) => {
      const account = r.chance(0.8) ? home : r.pick(accounts);
      return { account, row: { id: r.guid(), offer, seats: r.pick(offer.seats), status: "active", date: endDate(), nceId: !offer.azure && r.chance(0.15) } };
    });

    // Every group starts done: new subscription active with the same seats, the old one
    // suspended (legacy stops billing) or cancelled (new commerce must be cancelled).
    // Groups as the engine forms them: by the new offer (the offer map's target), Azure together.
    const groups = new Map<string, { account: OldAccount; row: SubRow }[]>();
    for (const o of oldRows) groups.set(o.row.offer.newName, [...(groups.get(o.row.offer.newName) ?? []), o]);
    const keys = [...groups.keys()];
    const isAzure = (k: string) => groups.get(k)![0].row.offer.azure === true;
    const troubled = new Set<string>();
    const rowsOf = (k: string) => groups.get(k)!;
    // Seats short or over need live old rows that do not bill (legacy, suspended) and more than one seat.
    const fits = (k: string, s: Scenario) =>
      s === "azurePending" || s === "azureOldActive"
        ? isAzure(k)
        : !isAzure(k) &&
          (s !== "seatsShort" || rowsOf(k).reduce((t, x) => t + x.row.seats, 0) > 1) &&
          (s !== "seatsOver" || rowsOf(k).every((x) => !x.account.nce && !x.row.nceId));
    const pickGroup = (s: Scenario) => {
      const free = keys.filter((k) => !troubled.has(k));
      const cands = free.filter((k) => fits(k, s));
      const k = cands.length ? r.pick(cands) : free.length ? r.pick(free) : keys[0];
      troubled.add(k);
      return k;
    };
    const plan = new Map<string, Scenario>();
    const troubledCount = scenario === "done" || scenario === "relationshipPending" || scenario === "noExport" ? 0 : r.chance(0.25) ? 2 : 1;
    for (let k = 0; k < troubledCount; k++) {
      const s = k === 0 ? scenario : r.pick(["oldStillActive", "missingNew", "seatsShort", "newNotActive"] as Scenario[]);
      plan.set(pickGroup(s), s);
    }

    for (const [key, rows] of groups) {
      const offer = rows[0].row.offer;
      const s = plan.get(key) ?? (scenario === "relationshipPending" ? "relationshipPending" : "done");
      if (s === "nceStillBilled") for (const x of rows) x.row.nceId = true;
      const nceRow = (x: { account: OldAccount; row: SubRow }) => x.account.nce || x.row.nceId === true;
      const gone = (): StatusName => r.pick(["canceled", "canceled", "expired", "deleted"] as StatusName[]);
      // Done: legacy suspended (that stops billing) or already gone; new commerce must be cancelled.
      const stopped = (x: { account: OldAccount; row: SubRow }): StatusName => (offer.azure || !nceRow(x) ? (r.chance(0.8) ? "suspended" : gone()) : gone());
      let newStatus: StatusName | null = "active";
      for (const x of rows) {
        x.row.status =
          s === "oldStillActive" || s === "azureOldActive" || s === "missingNew" || s === "azurePending" || s === "relationshipPending"
            ? "active"
            : s === "nceStillBilled" || s === "serviceGap" || s === "seatsShort" || s === "seatsOver"
              ? "suspended"
              : stopped(x);
      }
      if (s === "missingNew" || s === "azurePending" || s === "relationshipPending" || s === "serviceGap") newStatus = null;
      if (s === "newNotActive") newStatus = "pending";
      // Required seats count live old rows only (spec §4); a group whose old rows are all gone needs its old total.
      const live = rows.filter((x) => !["expired", "disabled", "deleted", "canceled"].includes(x.row.status));
      const counted = live.length ? live : rows;
      const R = offer.azure ? counted.length : counted.reduce((t, x) => t + x.row.seats, 0);
      let newSeats = R;
      if (s === "seatsShort") newSeats = R > 1 ? Math.min(R - 1, Math.max(1, Math.floor(R * 0.6))) : 0;
      if (s === "seatsOver") newSeats = R + r.int(1, 5);
      for (const x of rows) {
        if (!cust.old.has(x.account)) cust.old.set(x.account, []);
        cust.old.get(x.account)!.push(x.row);
      }
      if (newStatus === null || newSeats === 0) continue;
      if (offer.azure || counted.length === 1 || r.chance(0.5)) {
        // Several old subscriptions are often consolidated into one new one.
        cust.fresh.push({ id: r.guid(), offer, seats: offer.azure ? 1 : newSeats, status: newStatus, date: created() });
      } else {
        let left = newSeats;
        counted.forEach((x, k) => {
          const seats = k === counted.length - 1 ? left : Math.min(left, x.row.seats);
          left -= seats;
          if (seats > 0) cust.fresh.push({ id: r.guid(), offer: x.row.offer, seats, status: newStatus!, date: created() });
        });
      }
    }
    // An account lists the customer but its export was never downloaded.
    if (scenario === "noExport") cust.notExported.add(r.pick([...cust.old.keys()]));
    // Accounts the customer actually has rows in.
    cust.accounts = [...cust.old.keys()];
  }

  // ---- Files --------------------------------------------------------------------------------
  const files = new Map<string, Buffer>();
  const taken = new Set<string>();
  const put = (p: string, bytes: Buffer) => {
    // Names are case-insensitive in the layout: two customers must never share a file.
    if (taken.has(p.toLowerCase())) throw new Error(`generator wrote ${p} twice`);
    taken.add(p.toLowerCase());
    files.set(p, bytes);
  };
  let oldRowCount = 0;
  let newRowCount = 0;
  const old: GeneratedOld[] = [];
  const fileName = (c: Customer, newSide: boolean) => {
    const x = r.next();
    if (newSide) return x < 0.5 ? c.guid : x < 0.8 ? c.domain : c.name;
    return x < 0.5 ? c.name : x < 0.8 ? c.domain : c.guid;
  };
  const quantity = (a: OldAccount | null, n: number) => (a?.decimalComma && r.chance(0.05) ? `${n},0` : String(n));

  for (const a of OLD_ACCOUNTS) {
    const listRows: string[][] = [CUSTOMER_HEADERS[a.lang].slice()];
    for (const c of list) {
      const rows = c.old.get(a);
      if (!rows) continue;
      listRows.push([c.guid, c.name, c.domain, a.lang === "de" ? "Cloud-Reseller" : "Reseller"]);
      if (c.notExported.has(a)) continue;
      const grid: string[][] = [a.header.slice()];
      for (const s of rows) {
        const offerId = s.nceId ? s.offer.newId : s.offer.oldId;
        const cycle = a.lang === "de" ? r.pick(["Monatlich", "Jährlich"]) : a.lang === "fr" ? r.pick(["Mensuel", "Annuel"]) : a.lang === "nl" ? r.pick(["Maandelijks", "Jaarlijks"]) : r.pick(["Mensile", "Annuale"]);
        const row = [s.id, s.offer.oldName, s.offer.azure ? "1" : quantity(a, s.seats), status(a.lang, s.status), ""];
        if (a.name === "DE") row.push(offerId, s.offer.azure ? "" : r.pick(["P1Y", "P1M"]), s.offer.azure ? "" : a.date(s.date), s.offer.azure ? "" : cycle);
        else row.push(offerId, s.offer.azure ? "" : a.date(s.date), s.offer.azure ? "" : cycle);
        grid.push(row);
        oldRowCount++;
        old.push({ id: s.id, customer: c.name, guid: c.guid, account: a.name, offer: s.offer.newName, productId: s.offer.newId, seats: s.seats, azure: s.offer.azure === true });
      }
      put(`from/${a.name}/${fileName(c, false)}.csv`, csvBytes(grid, a.delimiter, a.eol, a.bom));
    }
    put(`from/${a.name}/Customers.csv`, csvBytes(listRows, a.delimiter, a.eol, a.bom));
  }

  const newList: string[][] = [CUSTOMER_HEADERS.en.slice()];
  for (const c of list) {
    if (c.inNewList) newList.push([c.guid, c.name, c.domain, "Reseller"]);
    if (c.fresh.length === 0) continue;
    const grid: string[][] = [NEW_HEADER.slice()];
    for (const s of c.fresh) {
      const term = s.offer.azure ? "" : r.pick(["P1Y", "P1Y", "P1M"]);
      grid.push([
        s.id, s.offer.newName, String(s.seats), status("en", s.status), "", s.offer.newId, term, s.date,
        s.offer.azure ? "" : addDays(s.date, term === "P1M" ? 30 : 365), s.offer.azure ? "" : r.pick(["Monthly", "Annual"]),
      ]);
      newRowCount++;
    }
    put(`to/${fileName(c, true)}.csv`, csvBytes(grid, ",", "\r\n", false));
  }
  put("to/Customers.csv", csvBytes(newList, ",", "\r\n", false));
  put("offer-map.csv", csvBytes([["Old offer", "New offer"], ...OFFER_MAP.map((p) => [...p])], ",", "\r\n", false));
  put("accounts.csv", csvBytes([["Account", "Commerce"], ...OLD_ACCOUNTS.map((a) => [a.name, a.nce ? "nce" : "legacy"])], ",", "\r\n", false));
  return { customers, seed, files, oldRows: oldRowCount, newRows: newRowCount, scenarios, old };
}

/**
 * One new-commerce invoice reconciliation file of `lines` lines for a generated set, seeded:
 * monthly charges of its old subscriptions (license offers; Azure is billed elsewhere), month
 * after month, a seat change with its refund now and then, and one line in ten of customers the
 * exports do not hold. Written as Partner Center writes it: `,`, CRLF, US dates.
 */
export function billingFile(set: GeneratedSet, seed: number, lines: number): Buffer {
  const r = new Rng(seed);
  const subs = set.old.filter((o) => !o.azure);
  const us = (iso: string) => `${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}/${iso.slice(0, 4)}`;
  const price = new Map<string, number>();
  const priceOf = (offer: string) => {
    if (!price.has(offer)) price.set(offer, r.int(250, 5000) / 100);
    return price.get(offer)!;
  };
  const rows: string[][] = [NCE_HEADER.slice()];
  const partner = r.guid();
  const addOn = new Set(["Microsoft Defender for Office 365 (Plan 1)", "Power BI Pro"]);
  const push = (o: GeneratedOld, currency: string, start: string, end: string, type: string, qty: number, subtotal: number, invoice: string) => {
    const [product, sku, availability] = o.productId.split(":");
    const unit = priceOf(o.offer);
    const v: Record<string, string> = {
      PartnerId: partner, CustomerId: o.guid, CustomerName: o.customer, CustomerDomainName: "", CustomerCountry: o.account === "FR" ? "FR" : o.account === "IT" ? "IT" : o.account,
      InvoiceNumber: invoice, MpnId: "5390118", OrderId: r.guid().replace(/-/g, ""), OrderDate: us(start), ProductId: product ?? "", SkuId: sku ?? "",
      AvailabilityId: availability ?? "", SkuName: o.offer, ProductName: o.offer, ChargeType: type, UnitPrice: unit.toFixed(2), Quantity: String(qty),
      Subtotal: subtotal.toFixed(2), TaxTotal: "0.00", Total: subtotal.toFixed(2), Currency: currency, PublisherName: "Microsoft",
      SubscriptionDescription: o.offer, SubscriptionId: o.id, ChargeStartDate: us(start), ChargeEndDate: us(end),
      TermAndBillingCycle: "One-Year commitment for monthly/yearly billing", EffectiveUnitPrice: unit.toFixed(2), UnitType: "Licenses",
      BillableQuantity: String(qty), BillingFrequency: "Monthly", PricingCurrency: currency, PCToBCExchangeRate: "1",
      // Add-ons carry a JSON list, which the CSV quotes (its quotes doubled).
      ProductQualifiers: addOn.has(o.offer) ? '["AddOn"]' : "",
    };
    rows.push(NCE_HEADER.map((h) => v[h] ?? ""));
  };
  for (let month = 0; rows.length <= lines; month++) {
    const monthStart = (k: number) => new Date(Date.UTC(2026, 5 + k, 1)).toISOString().slice(0, 10);
    const start = monthStart(month);
    const end = addDays(monthStart(month + 1), -1);
    const invoice = `G0${String(52_418_377 + month * 6_412_837).padStart(8, "0")}`;
    for (const o of subs) {
      if (rows.length > lines) break;
      const currency = r.chance(0.03) ? "CHF" : "EUR";
      if (r.chance(0.1)) {
        // A customer of the old account that the exports do not hold.
        push({ ...o, id: r.guid(), customer: `${o.customer} (other)` }, currency, start, end, "cycleCharge", o.seats, o.seats * priceOf(o.offer), invoice);
        continue;
      }
      push(o, currency, start, end, "cycleCharge", o.seats, o.seats * priceOf(o.offer), invoice);
      if (r.chance(0.02) && rows.length + 2 <= lines) {
        const from = addDays(start, r.int(3, 20));
        const days = (Date.parse(end) - Date.parse(from)) / 86_400_000 + 1;
        const amount = Math.round(2 * priceOf(o.offer) * days * 100 / 30) / 100;
        push(o, currency, from, end, "addQuantity", 2, amount, invoice);
        push(o, currency, from, end, "removeQuantity", 2, -amount, invoice);
      }
    }
  }
  return csvBytes(rows.slice(0, lines + 1), ",", "\r\n", false);
}

export async function writeSet(set: GeneratedSet, dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
  const dirs = new Set([...set.files.keys()].map((p) => path.dirname(path.join(dir, p))));
  for (const d of dirs) await fs.mkdir(d, { recursive: true });
  for (const [p, bytes] of set.files) await fs.writeFile(path.join(dir, p), bytes);
}
