/**
 * The generic alternative: a keyed table diff (daff, loaded as its README says for node) of
 * the old subscriptions against the new ones, from the same parsed files the engine gets.
 *
 * daff is handed one old table and one new table with the spec's columns already picked out
 * by the product's own header recognition (a user would have to do that by hand): the customer
 * (file name), subscription ID, offer, quantity and status, as text. It then matches rows by
 * key and lists inserts, deletes and changed cells. It does not identify customers across
 * accounts, map offers, read statuses in eight languages, sum seats per group nor decide
 * anything: the engine does all of that and more.
 */
import * as daff from "daff";
import { Cell, cellText } from "../src/domain/cells";
import { headerRowIndex, recogniseSubscriptionHeader } from "../src/domain/headers";
import { ImportFile } from "../src/domain/importer";
import { baseNameOf } from "../src/domain/workbook";

export type DaffKey = "subscription" | "customerOffer";

const HEADER = ["Customer", "Subscription ID", "Offer", "Quantity", "Status"];

export function daffTables(files: readonly ImportFile[]): { old: string[][]; fresh: string[][] } {
  const old: string[][] = [HEADER.slice()];
  const fresh: string[][] = [HEADER.slice()];
  for (const f of files) {
    if (f.kind !== "subscriptions" || !f.grid) continue;
    const h = headerRowIndex(f.grid);
    if (h < 0) continue;
    const { fields } = recogniseSubscriptionHeader(f.grid[h]);
    const cols = [fields.subscriptionId, fields.offerName, fields.quantity, fields.status];
    if (cols.some((c) => c === undefined)) continue;
    const customer = baseNameOf(f.path);
    const into = f.role === "to" ? fresh : old;
    for (let i = h + 1; i < f.grid.length; i++) {
      const r: Cell[] = f.grid[i];
      into.push([customer, ...cols.map((c) => cellText(r[c!]))]);
    }
  }
  return { old, fresh };
}

export interface DaffOutcome {
  readonly inserts: number;
  readonly deletes: number;
  readonly updates: number;
  readonly diffRows: number;
}

export function daffDiff(files: readonly ImportFile[], key: DaffKey): DaffOutcome {
  const { old, fresh } = daffTables(files);
  const flags = new daff.CompareFlags();
  if (key === "subscription") flags.addPrimaryKey("Subscription ID");
  else {
    flags.addPrimaryKey("Customer");
    flags.addPrimaryKey("Offer");
  }
  const alignment = daff.compareTables(new daff.TableView(old), new daff.TableView(fresh), flags).align();
  const out: unknown[][] = [];
  const diff = new daff.TableDiff(alignment, flags);
  diff.hilite(new daff.TableView(out));
  const s = diff.getSummary();
  return { inserts: s.row_inserts, deletes: s.row_deletes, updates: s.row_updates, diffRows: out.length };
}
