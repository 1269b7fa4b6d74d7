/**
 * Money at stake (spec §9): what the overlap of old and new subscriptions has cost so far, and
 * what each further day costs, from the charge lines of the old accounts' reconciliation files.
 *
 * A pure function of the engine's result and the charge lines. It reads the result and never
 * changes it: money is advice, and nothing about it may change a verdict. Amounts are summed
 * per currency and never converted; they are kept unrounded here and rounded to cents where
 * they are shown (`roundCents`).
 */
import { BillingData, BillingFileInfo, ChargeLine, chargeKey } from "./charges";
import { countsAt } from "./engine";
import { EngineResult, Problem, RowResult } from "./model";

/** One currency's figures. */
export interface CurrencyMoney {
  readonly currency: string;
  /** What the overlap has cost so far (pre-tax, credits included). */
  readonly soFar: number;
  /** What each further day costs while the old subscriptions keep billing. */
  readonly perDay: number;
}

/** Figures per currency, in currency-code order; empty when no charge line matched. */
export type Money = readonly CurrencyMoney[];

export interface RowMoney {
  /** The engine's row index (`EngineResult.rows`). */
  readonly row: number;
  /**
   * First day of the overlap (serial day): the earliest start date of the group's active new
   * rows, the date of the §4 double-billing advice; null when it is unknown or after the as-of date.
   */
  readonly overlapFrom: number | null;
  /** Active or pending, or suspended and new commerce: the row keeps billing (§9 "per day"). */
  readonly stillBilling: boolean;
  /** Charge lines counted for the row. */
  readonly lines: number;
  readonly money: Money;
}

export interface MoneyResult {
  readonly asOf: number;
  /** Old rows with at least one charge line, by engine row index. */
  readonly rows: ReadonlyMap<number, RowMoney>;
  /** By engine group index: the rows of the group that count (§3, §7.3). */
  readonly groups: readonly Money[];
  /** By engine customer index: the sum of its groups. */
  readonly customers: readonly Money[];
  /** Every customer together. */
  readonly byCurrency: Money;
  /** Lines whose subscription is no old row of the reconciliation (or that name no subscription). */
  readonly unmatchedLines: number;
  /** Lines already counted from an earlier file (the same charge downloaded twice). */
  readonly duplicateLines: number;
  readonly files: readonly BillingFileInfo[];
  /** The billing files' problems and a BAD_VALUE for each unreadable line of a reconciled subscription. */
  readonly problems: readonly Problem[];
}

/** A row whose charge lines belong to it: an old row that is not a duplicate of an earlier one (§7.10). */
function matchable(r: RowResult): boolean {
  return r.role === "from" && r.outcome !== "duplicate" && r.outcome !== "missing-column" && r.subscriptionId.trim() !== "";
}

/** The keys of every old row charge lines can belong to: for reading only the lines worth keeping. */
export function chargeKeys(result: EngineResult): Set<string> {
  const keys = new Set<string>();
  for (const r of result.rows) if (matchable(r)) keys.add(chargeKey(r.subscriptionId));
  return keys;
}

/** §9 "per day": the row keeps billing. */
export function stillBilling(r: RowResult): boolean {
  return r.status === "active" || r.status === "pending" || (r.status === "suspended" && r.nce);
}

/** Days of `from`..`to`, both included; 0 when the range is empty. */
const daysIn = (from: number, to: number): number => Math.max(0, to - from + 1);

interface RowAcc {
  lines: number;
  soFar: Map<string, number>;
  latestEnd: number;
  /** Σ amount ÷ days of the lines that end on `latestEnd`, per currency. */
  latest: Map<string, number>;
}

const add = (m: Map<string, number>, currency: string, x: number) => m.set(currency, (m.get(currency) ?? 0) + x);

export function computeMoney(result: EngineResult, billing: BillingData): MoneyResult {
  const asOf = Math.floor(result.asOf);
  const owner = new Map<string, number>();
  result.rows.forEach((r, i) => {
    if (!matchable(r)) return;
    const k = chargeKey(r.subscriptionId);
    // The same ID in two old accounts: the first row in the engine's order takes the lines.
    if (!owner.has(k)) owner.set(k, i);
  });

  let unmatched = billing.unmatchedLines;
  let duplicates = 0;
  const firstFile = new Map<string, number>();
  const accs = new Map<number, RowAcc>();
  const overlapOf = (i: number): number | null => {
    const g = result.rows[i].group;
    const from = g === null ? null : result.groups[g].totals.earliestNewStart;
    return from !== null && from <= asOf ? from : null;
  };

  for (const line of billing.lines) {
    const i = owner.get(line.key);
    if (i === undefined) {
      unmatched++;
      continue;
    }
    const seen = firstFile.get(line.identity);
    if (seen !== undefined && seen !== line.file) {
      duplicates++;
      continue;
    }
    firstFile.set(line.identity, line.file);
    let acc = accs.get(i);
    if (!acc) accs.set(i, (acc = { lines: 0, soFar: new Map(), latestEnd: -Infinity, latest: new Map() }));
    count(acc, line, overlapOf(i), asOf);
  }

  const problems: Problem[] = [...billing.problems];
  for (const bad of billing.badLines) {
    if (owner.has(bad.key)) problems.push({ source: billing.files[bad.file].source, row: bad.row, code: "BAD_VALUE", message: bad.message });
    else unmatched++;
  }

  const rows = new Map<number, RowMoney>();
  for (const [i, acc] of accs) {
    const r = result.rows[i];
    const billingNow = stillBilling(r);
    const currencies = [...new Set([...acc.soFar.keys(), ...acc.latest.keys()])].sort();
    rows.set(i, {
      row: i,
      overlapFrom: overlapOf(i),
      stillBilling: billingNow,
      lines: acc.lines,
      money: currencies.map((c) => ({ currency: c, soFar: acc.soFar.get(c) ?? 0, perDay: billingNow ? acc.latest.get(c) ?? 0 : 0 })),
    });
  }

  const groups = result.groups.map((g) => sum(g.rows.filter((i) => result.rows[i].role === "from" && countsAt(result.rows[i])).map((i) => rows.get(i)?.money ?? [])));
  const customers = result.customers.map((c) => sum(c.groups.map((g) => groups[g])));
  return {
    asOf,
    rows,
    groups,
    customers,
    byCurrency: sum(customers),
    unmatchedLines: unmatched,
    duplicateLines: duplicates,
    files: billing.files,
    problems,
  };
}

/** One charge line into its row's figures (§9 "cost so far" and "per day"). */
function count(acc: RowAcc, line: ChargeLine, overlapFrom: number | null, asOf: number): void {
  acc.lines++;
  const days = daysIn(line.start, line.end);
  const inside = overlapFrom === null ? 0 : daysIn(Math.max(line.start, overlapFrom), Math.min(line.end, asOf));
  add(acc.soFar, line.currency, (line.amount * inside) / days);
  // Lines that end on the same latest day (a cycle charge and a seat change) make the day's cost together.
  if (line.end > acc.latestEnd) {
    acc.latestEnd = line.end;
    acc.latest = new Map();
  }
  if (line.end === acc.latestEnd) add(acc.latest, line.currency, line.amount / days);
}

/** The sum of figures, per currency. */
export function sum(parts: readonly Money[]): Money {
  const soFar = new Map<string, number>();
  const perDay = new Map<string, number>();
  for (const m of parts) {
    for (const x of m) {
      add(soFar, x.currency, x.soFar);
      add(perDay, x.currency, x.perDay);
    }
  }
  return [...soFar.keys()].sort().map((c) => ({ currency: c, soFar: soFar.get(c)!, perDay: perDay.get(c)! }));
}

/** Figures by the engine's row, group and customer indexes; empty when no charge line matched. */
export const rowMoney = (m: MoneyResult, row: number): Money => m.rows.get(row)?.money ?? [];
export const groupMoney = (m: MoneyResult, group: number): Money => m.groups[group] ?? [];
export const customerMoney = (m: MoneyResult, customer: number): Money => m.customers[customer] ?? [];

/** To the cent, halves away from zero (the nudge keeps 1.005, stored as 1.00499…, at 1.01). */
export function roundCents(x: number): number {
  const cents = Math.round(Math.abs(x) * 100 + 1e-6);
  return cents === 0 ? 0 : (x < 0 ? -cents : cents) / 100;
}

export function inCents(m: Money): Money {
  return m.map((x) => ({ currency: x.currency, soFar: roundCents(x.soFar), perDay: roundCents(x.perDay) }));
}
