/**
 * PROTOTYPE (investigation, not the product): the irreducible work of a reconciliation done in
 * one pass over the parsed files, with the product's own readers, but each reader's answer
 * cached per distinct cell text (a 10k-customer export set has ~30 distinct statuses, ~100
 * quantities, ~40 offer names) and no import → sheets → read-back round trip: recognise headers,
 * identify each file's customer through the lists, read status, quantity, Azure, commerce and
 * offer key of every row, sum R/N/A/S/Snce/P per (customer, offer) group and apply the verdict
 * table. It skips problems, duplicates, advice, ordering and the layout plan, so its time is a
 * floor for what a streamlined engine could reach, not a replacement. Its group verdicts are
 * compared with the engine's to show it does the same core work.
 */
import { Cell, cellText, isBlank } from "../src/domain/cells";
import { CustomerResolver, readCustomerList } from "../src/domain/customers";
import { headerRowIndex, recogniseSubscriptionHeader, recogniseCustomerListHeader } from "../src/domain/headers";
import { ImportFile } from "../src/domain/importer";
import { CustomerListSource, EngineResult, Problem } from "../src/domain/model";
import { OfferResolver, isAzureRow, isNceByOffer } from "../src/domain/offers";
import { readQuantity } from "../src/domain/quantity";
import { perDistinctTexts, perDistinctValue } from "../src/domain/memo";
import { Status, readStatus } from "../src/domain/status";
import { GroupVerdict, groupVerdict } from "../src/domain/verdicts";
import { baseNameOf } from "../src/domain/workbook";
import { caseFold } from "../src/domain/text";

interface Acc {
  azure: boolean;
  oldRows: number;
  oldLive: number;
  A: number;
  Snce: number;
  newLive: number;
  P: number;
  R: number;
  N: number;
}

export function leanPass(files: readonly ImportFile[]): Map<string, GroupVerdict> {
  const problems: Problem[] = [];
  const lists = files
    .filter((f) => f.kind === "customers" && f.grid)
    .map((f) => {
      const h = headerRowIndex(f.grid!);
      const src: CustomerListSource = {
        source: f.path, account: f.account, role: f.role, header: f.grid![h],
        rows: f.grid!.slice(h + 1).map((cells, i) => ({ cells, row: h + 2 + i })),
      };
      void recogniseCustomerListHeader;
      return readCustomerList(src, problems);
    })
    .filter((l) => l !== null);
  const resolver = new CustomerResolver(lists);
  const map = files.find((f) => f.kind === "offerMap")?.grid ?? [];
  const offers = new OfferResolver(map.slice(1).map((r) => ({ oldOffer: cellText(r[0]), newOffer: cellText(r[1]) })));
  const nceAccounts = new Set(
    (files.find((f) => f.kind === "accounts")?.grid ?? []).slice(1).filter((r) => cellText(r[1]).trim().toLowerCase() === "nce").map((r) => caseFold(cellText(r[0]).trim())),
  );
  // The engine's per-run caches (src/domain/memo.ts).
  const status = perDistinctValue(readStatus);
  const quantity = perDistinctValue(readQuantity);
  const offerOf = perDistinctTexts((id, name, unit) => {
    const azure = isAzureRow(id, name, unit);
    return { azure, key: offers.resolve(id, name, azure)?.key ?? null };
  });
  const nceOf = perDistinctTexts(isNceByOffer);
  const groups = new Map<string, Acc>();
  const text = (cells: Cell[], col: number | undefined) => (col === undefined ? "" : cellText(cells[col]).trim());
  for (const f of files) {
    if (f.kind !== "subscriptions" || !f.grid) continue;
    const h = headerRowIndex(f.grid);
    if (h < 0) continue;
    const { fields } = recogniseSubscriptionHeader(f.grid[h]);
    if (fields.status === undefined || fields.quantity === undefined) continue;
    const customer = resolver.resolve(baseNameOf(f.path), f.account, f.role).key;
    const isNew = f.role === "to";
    const accountNce = nceAccounts.has(caseFold(f.account.trim()));
    for (let i = h + 1; i < f.grid.length; i++) {
      const cells = f.grid[i];
      if (cells.every(isBlank)) continue;
      const st: Status | null = status(cells[fields.status]);
      if (st === null) continue;
      const offer = offerOf(text(cells, fields.offerId), text(cells, fields.offerName), text(cells, fields.unitType));
      if (offer.key === null) continue;
      const gk = `${customer}\u0000${offer.key}`;
      let g = groups.get(gk);
      if (!g) groups.set(gk, (g = { azure: offer.azure, oldRows: 0, oldLive: 0, A: 0, Snce: 0, newLive: 0, P: 0, R: 0, N: 0 }));
      const q = offer.azure ? 1 : ((r) => (r.ok ? r.value : -1))(quantity(cells[fields.quantity]));
      const live = st === "active" || st === "pending" || st === "suspended";
      if (!isNew) {
        g.oldRows++;
        if (live) {
          g.oldLive++;
          if (q >= 0) g.R += q;
        }
        if (st === "active" || st === "pending") g.A++;
        if (st === "suspended" && (accountNce || nceOf(text(cells, fields.offerId), text(cells, fields.term)))) g.Snce++;
      } else {
        if (live) g.newLive++;
        if (st === "active" && q >= 0) g.N += q;
        if (st === "pending" || st === "suspended") g.P++;
      }
    }
  }
  const out = new Map<string, GroupVerdict>();
  for (const [k, g] of groups) out.set(k, groupVerdict(g, g.azure));
  return out;
}

/** How many of the engine's groups get the same verdict from the lean pass. */
export function agreement(lean: Map<string, GroupVerdict>, result: EngineResult): { same: number; of: number } {
  let same = 0;
  for (const g of result.groups) {
    const key = `${result.customers[g.customer].key}\u0000${g.offerKey}`;
    if (lean.get(key) === g.verdict) same++;
  }
  return { same, of: result.groups.length };
}
