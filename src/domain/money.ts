/**
 * Money at stake (spec §9): what the overlap of old and new subscriptions has cost so far, and
 * what each further day costs, from the charge lines of the old accounts' reconciliation files.
 *
 * A pure function of the engine's result and the charge lines. It reads the result and never
 * changes it: money is advice, and nothing about it may change a verdict. Amounts are summed
 * per currency and never converted; they are kept unrounded here and rounded to cents where
 * they are shown (`roundCents`).
 */
import { BillingData, BillingFileInfo, chargeKey, lineIdentity } from "./charges";
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

/**
 * The figures of a run, read by the engine's row, group and customer indexes (`rowMoney`,
 * `groupMoney`, `customerMoney`). They are kept column by column and each figure is built when
 * it is asked for, so that tens of thousands of rows cost no object each.
 */
export interface MoneyResult {
  readonly asOf: number;
  /** Old rows with at least one charge line, in row order. */
  readonly rowsWithLines: readonly number[];
  /** The figures of an old row; null when no charge line matched it. */
  row(row: number): RowMoney | null;
  /** By engine group index: the rows of the group that count (§3, §7.3). */
  group(group: number): Money;
  /** By engine customer index: the sum of its groups. */
  customer(customer: number): Money;
  /** Every customer together. */
  readonly byCurrency: Money;
  /** Charge lines counted for old rows. */
  readonly countedLines: number;
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

/**
 * The old row each charge-line key belongs to (§9 matching): every old row that is not a
 * duplicate of an earlier one, by its `chargeKey`; the first row in the engine's order when two
 * old accounts hold the same ID. Made once per run: the billing reader keeps only the lines of
 * these keys (`wantedKeys`), and `computeMoney` matches the lines with it.
 */
export type ChargeKeys = ReadonlyMap<string, number>;

export function chargeKeys(result: EngineResult): ChargeKeys {
  const rowOf = new Map<string, number>();
  const rows = result.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!matchable(r)) continue;
    const k = chargeKey(r.subscriptionId);
    if (!rowOf.has(k)) rowOf.set(k, i);
  }
  return rowOf;
}

/**
 * `BillingReader`'s `wanted` for a run: a line's key if an old row holds it, else null. The key
 * kept is the row's own string where the row's ID is already written as a key (the usual
 * lower-case GUID), so that a kept line holds no text of the file it came from.
 */
export function wantedKeys(result: EngineResult, keys: ChargeKeys = chargeKeys(result)): (key: string) => string | null {
  return (k) => {
    const i = keys.get(k);
    if (i === undefined) return null;
    const id = result.rows[i].subscriptionId;
    return id === k ? id : chargeKey(id);
  };
}

/** §9 "per day": the row keeps billing. */
export function stillBilling(r: RowResult): boolean {
  return r.status === "active" || r.status === "pending" || (r.status === "suspended" && r.nce);
}

/** Days of `from`..`to`, both included; 0 when the range is empty. */
const daysIn = (from: number, to: number): number => Math.max(0, to - from + 1);

const NONE: Money = [];

/** The currencies met in a run, numbered (sums keep a number per index, not a string). */
class Currencies {
  readonly codes: string[] = [];
  private readonly numbers = new Map<string, number>();

  number(code: string): number {
    let n = this.numbers.get(code);
    if (n === undefined) {
      n = this.codes.length;
      this.codes.push(code);
      this.numbers.set(code, n);
    }
    return n;
  }
}

/**
 * Running sums per index (row, group or customer), column by column in typed arrays — outside
 * the JavaScript heap, so that 100,000 rows add nothing for the garbage collector to trace: the
 * first currency met in the arrays, any other currency of the same index aside (rare).
 * `latest` is the per-day figure.
 */
class Sums {
  /** The currency's number + 1; 0 where nothing was added. */
  readonly currency: Int32Array;
  readonly soFar: Float64Array;
  readonly latest: Float64Array;
  readonly more = new Map<number, Map<number, { soFar: number; latest: number }>>();

  constructor(
    size: number,
    readonly currencies: Currencies,
  ) {
    this.currency = new Int32Array(size);
    this.soFar = new Float64Array(size);
    this.latest = new Float64Array(size);
  }

  add(at: number, currency: number, soFar: number, latest: number): void {
    const first = this.currency[at];
    if (first === 0) {
      this.currency[at] = currency + 1;
    } else if (first !== currency + 1) {
      let m = this.more.get(at);
      if (!m) this.more.set(at, (m = new Map()));
      const x = m.get(currency);
      if (x) {
        x.soFar += soFar;
        x.latest += latest;
      } else m.set(currency, { soFar, latest });
      return;
    }
    this.soFar[at] += soFar;
    this.latest[at] += latest;
  }

  /** Adds index `at` of `from` (every currency of it) to index `to`. */
  addFrom(from: Sums, at: number, to: number): void {
    if (from.currency[at] === 0) return;
    this.add(to, from.currency[at] - 1, from.soFar[at], from.latest[at]);
    const more = from.more.get(at);
    if (more) for (const [c, x] of more) this.add(to, c, x.soFar, x.latest);
  }

  /** Index `at`'s per-day figures set to 0 (a row that no longer bills). */
  stopDaily(at: number): void {
    this.latest[at] = 0;
    const more = this.more.get(at);
    if (more) for (const x of more.values()) x.latest = 0;
  }

  /** The indexes added to, in index order (a pass over the column: no sort). */
  usedInOrder(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.currency.length; i++) if (this.currency[i] !== 0) out.push(i);
    return out;
  }

  has(at: number): boolean {
    return at >= 0 && at < this.currency.length && this.currency[at] !== 0;
  }

  money(at: number): Money {
    if (!this.has(at)) return NONE;
    const codes = this.currencies.codes;
    const one: CurrencyMoney = { currency: codes[this.currency[at] - 1], soFar: this.soFar[at], perDay: this.latest[at] };
    const more = this.more.get(at);
    if (!more) return [one];
    return [one, ...[...more].map(([c, x]) => ({ currency: codes[c], soFar: x.soFar, perDay: x.latest }))].sort((a, b) => (a.currency < b.currency ? -1 : 1));
  }
}

/**
 * The rows' figures while their lines are counted: the sums, and for the per-day figure the
 * latest ChargeEndDate of each row, whose lines alone make the day's cost (`latest` is reset
 * when a later line comes).
 */
class RowSums extends Sums {
  readonly latestEnd: Float64Array;
  readonly lines: Int32Array;

  constructor(size: number, currencies: Currencies) {
    super(size, currencies);
    this.latestEnd = new Float64Array(size).fill(-Infinity);
    this.lines = new Int32Array(size);
  }

  count(i: number, start: number, end: number, amount: number, currency: number, overlapFrom: number | null, asOf: number): void {
    this.lines[i]++;
    const days = daysIn(start, end);
    const inside = overlapFrom === null ? 0 : daysIn(Math.max(start, overlapFrom), Math.min(end, asOf));
    // Lines that end on the same latest day (a cycle charge and a seat change) make the day's cost together.
    if (end > this.latestEnd[i]) {
      this.latestEnd[i] = end;
      this.stopDaily(i);
    }
    this.add(i, currency, (amount * inside) / days, end === this.latestEnd[i] ? amount / days : 0);
  }
}

/** `keys`: the run's `chargeKeys`, when the billing files were read with them. */
export function computeMoney(result: EngineResult, billing: BillingData, keys?: ChargeKeys): MoneyResult {
  // Without a charge line there is nothing to match: a run without billing files builds no key map.
  if (!keys) keys = billing.lines.length + billing.badLines.length > 0 ? chargeKeys(result) : new Map<string, number>();
  const asOf = Math.floor(result.asOf);
  const lines = billing.lines;
  const overlapOf = (i: number): number | null => {
    const g = result.rows[i].group;
    const from = g === null ? null : result.groups[g].totals.earliestNewStart;
    return from !== null && from <= asOf ? from : null;
  };

  let unmatched = billing.unmatchedLines;
  let duplicates = 0;
  let counted = 0;
  const currencies = new Currencies();
  const rows = new RowSums(result.rows.length, currencies);
  // Only lines of different files can be the same charge twice.
  const firstFile = billing.files.length > 1 ? new Map<string, number>() : null;
  for (let j = 0; j < lines.length; j++) {
    const i = keys.get(lines.key[j]);
    if (i === undefined) {
      unmatched++;
      continue;
    }
    if (firstFile) {
      const identity = lineIdentity(lines, j);
      const seen = firstFile.get(identity);
      if (seen !== undefined && seen !== lines.file[j]) {
        duplicates++;
        continue;
      }
      firstFile.set(identity, lines.file[j]);
    }
    counted++;
    rows.count(i, lines.start[j], lines.end[j], lines.amount[j], currencies.number(lines.currency[j]), overlapOf(i), asOf);
  }

  const problems: Problem[] = [...billing.problems];
  for (const bad of billing.badLines) {
    if (keys.has(bad.key)) problems.push({ source: billing.files[bad.file].source, row: bad.row, code: "BAD_VALUE", message: bad.message });
    else unmatched++;
  }

  // Per day only while a row keeps billing; groups add up their rows that count, customers their
  // groups, in index order (sums of the same figures in the same order give the same cents).
  const rowsWithLines = rows.usedInOrder();
  const billingNow = new Uint8Array(result.rows.length);
  const groups = new Sums(result.groups.length, currencies);
  for (const i of rowsWithLines) {
    const r = result.rows[i];
    if (stillBilling(r)) billingNow[i] = 1;
    else rows.stopDaily(i);
    if (r.group !== null && countsAt(r)) groups.addFrom(rows, i, r.group);
  }
  const customers = new Sums(result.customers.length, currencies);
  for (const g of groups.usedInOrder()) customers.addFrom(groups, g, result.groups[g].customer);
  const total = new Sums(1, currencies);
  for (const c of customers.usedInOrder()) total.addFrom(customers, c, 0);

  return {
    asOf,
    rowsWithLines,
    row: (i) => (rows.has(i) ? { row: i, overlapFrom: overlapOf(i), stillBilling: billingNow[i] === 1, lines: rows.lines[i], money: rows.money(i) } : null),
    group: (g) => groups.money(g),
    customer: (c) => customers.money(c),
    byCurrency: total.money(0),
    countedLines: counted,
    unmatchedLines: unmatched,
    duplicateLines: duplicates,
    files: billing.files,
    problems,
  };
}

/** The sum of figures, per currency. */
export function sum(parts: readonly Money[]): Money {
  const currencies = new Currencies();
  const total = new Sums(1, currencies);
  for (const m of parts) for (const x of m) total.add(0, currencies.number(x.currency), x.soFar, x.perDay);
  return total.money(0);
}

/** Figures by the engine's row, group and customer indexes; empty when no charge line matched. */
export const rowMoney = (m: MoneyResult, row: number): Money => m.row(row)?.money ?? NONE;
export const groupMoney = (m: MoneyResult, group: number): Money => m.group(group);
export const customerMoney = (m: MoneyResult, customer: number): Money => m.customer(customer);

/** To the cent, halves away from zero (the nudge keeps 1.005, stored as 1.00499…, at 1.01). */
export function roundCents(x: number): number {
  const cents = Math.round(Math.abs(x) * 100 + 1e-6);
  return cents === 0 ? 0 : (x < 0 ? -cents : cents) / 100;
}

export function inCents(m: Money): Money {
  return m.map((x) => ({ currency: x.currency, soFar: roundCents(x.soFar), perDay: roundCents(x.perDay) }));
}
