/**
 * Money at stake (spec §9): what the overlap of old and new subscriptions has cost so far, and
 * what each further day costs, from the charge lines of the old accounts' reconciliation files.
 *
 * A pure function of the engine's result and the charge lines. It reads the result and never
 * changes it: money is advice, and nothing about it may change a verdict. Amounts are summed
 * per currency and never converted; they are kept unrounded here and rounded to cents where
 * they are shown (`roundCents`).
 */
import { BillingData, BillingFileInfo, ChargeLine, chargeKey, lineIdentity } from "./charges";
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

/**
 * The old row each charge-line key belongs to (§9 matching): every old row that is not a
 * duplicate of an earlier one, by its `chargeKey`; the first row in the engine's order when two
 * old accounts hold the same ID. Made once per run: the billing reader keeps only the lines of
 * these keys (`wantedKeys`), and `computeMoney` matches the lines with it.
 */
export type ChargeKeys = ReadonlyMap<string, number>;

export function chargeKeys(result: EngineResult): ChargeKeys {
  const keys = new Map<string, number>();
  const rows = result.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!matchable(r)) continue;
    const k = chargeKey(r.subscriptionId);
    if (!keys.has(k)) keys.set(k, i);
  }
  return keys;
}

/**
 * `BillingReader`'s `wanted` for a run: a line's key if an old row holds it, as the row's own
 * string (a kept line then holds no text of the file it came from), else null.
 */
export function wantedKeys(result: EngineResult, keys: ChargeKeys = chargeKeys(result)): (key: string) => string | null {
  return (k) => {
    const i = keys.get(k);
    return i === undefined ? null : chargeKey(result.rows[i].subscriptionId);
  };
}

/** §9 "per day": the row keeps billing. */
export function stillBilling(r: RowResult): boolean {
  return r.status === "active" || r.status === "pending" || (r.status === "suspended" && r.nce);
}

/** Days of `from`..`to`, both included; 0 when the range is empty. */
const daysIn = (from: number, to: number): number => Math.max(0, to - from + 1);

/**
 * A row's figures while its lines are counted, then as shown (`RowMoney`): its first currency in
 * fields, any other one in `more` (rare). One object per row with charge lines: there are tens of
 * thousands of them at 10k customers.
 */
class RowFigures implements RowMoney {
  lines = 0;
  stillBilling = false;
  money: Money = [];
  private latestEnd = -Infinity;
  private soFar = 0;
  /** Σ amount ÷ days of the lines that end on `latestEnd`. */
  private latest = 0;
  private more: Map<string, { soFar: number; latest: number }> | null = null;

  constructor(
    readonly row: number,
    readonly overlapFrom: number | null,
    private readonly currency: string,
  ) {}

  /** One charge line (§9 "cost so far" and "per day"). */
  count(line: ChargeLine, asOf: number): void {
    this.lines++;
    const days = daysIn(line.start, line.end);
    const inside = this.overlapFrom === null ? 0 : daysIn(Math.max(line.start, this.overlapFrom), Math.min(line.end, asOf));
    // Lines that end on the same latest day (a cycle charge and a seat change) make the day's cost together.
    if (line.end > this.latestEnd) {
      this.latestEnd = line.end;
      this.latest = 0;
      if (this.more) for (const m of this.more.values()) m.latest = 0;
    }
    const perDay = line.end === this.latestEnd ? line.amount / days : 0;
    const soFar = (line.amount * inside) / days;
    if (line.currency === this.currency) {
      this.soFar += soFar;
      this.latest += perDay;
      return;
    }
    this.more ??= new Map();
    const m = this.more.get(line.currency);
    if (m) {
      m.soFar += soFar;
      m.latest += perDay;
    } else this.more.set(line.currency, { soFar, latest: perDay });
  }

  /** Done counting: the figures, per day only while the row keeps billing. */
  settle(stillBilling: boolean): void {
    this.stillBilling = stillBilling;
    const first: CurrencyMoney = { currency: this.currency, soFar: this.soFar, perDay: stillBilling ? this.latest : 0 };
    if (!this.more) {
      this.money = [first];
      return;
    }
    const all = [first, ...[...this.more].map(([currency, m]) => ({ currency, soFar: m.soFar, perDay: stillBilling ? m.latest : 0 }))];
    this.money = all.sort((a, b) => (a.currency < b.currency ? -1 : 1));
  }
}

/** Figures gathered per index (group, customer): the first part alone, the others aside (rare). */
class Gathered {
  private readonly first: (Money | undefined)[];
  private readonly more = new Map<number, Money[]>();
  readonly used: number[] = [];

  constructor(size: number) {
    this.first = filled<Money | undefined>(size, undefined);
  }

  add(at: number, m: Money): void {
    if (this.first[at] === undefined) {
      this.first[at] = m;
      this.used.push(at);
      return;
    }
    const more = this.more.get(at);
    if (more) more.push(m);
    else this.more.set(at, [m]);
  }

  /** The sums, by index; NONE where nothing was gathered. */
  sums(size: number): Money[] {
    const out = filled<Money>(size, NONE);
    for (const at of this.used) {
      const more = this.more.get(at);
      out[at] = more ? sum([this.first[at]!, ...more]) : this.first[at]!;
    }
    return out;
  }
}

const NONE: Money = [];

/**
 * An array of `size` times `value`, built by pushing: V8 gives `new Array(size)` of 100,000 and
 * more (rows at 10k customers) dictionary elements, which made every index a hash lookup.
 */
function filled<T>(size: number, value: T): T[] {
  const a: T[] = [];
  for (let i = 0; i < size; i++) a.push(value);
  return a;
}

/** `keys`: the run's `chargeKeys`, when the billing files were read with them. */
export function computeMoney(result: EngineResult, billing: BillingData, keys: ChargeKeys = chargeKeys(result)): MoneyResult {
  const asOf = Math.floor(result.asOf);
  const owner = keys;

  let unmatched = billing.unmatchedLines;
  let duplicates = 0;
  const firstFile = new Map<string, number>();
  // By row index: an array, not a map (tens of thousands of rows at 10k customers).
  const accs = filled<RowFigures | undefined>(result.rows.length, undefined);
  const counted: number[] = [];
  const overlapOf = (i: number): number | null => {
    const g = result.rows[i].group;
    const from = g === null ? null : result.groups[g].totals.earliestNewStart;
    return from !== null && from <= asOf ? from : null;
  };

  // Only lines of different files can be the same charge twice.
  const severalFiles = billing.files.length > 1;
  for (const line of billing.lines) {
    const i = owner.get(line.key);
    if (i === undefined) {
      unmatched++;
      continue;
    }
    if (severalFiles) {
      const identity = lineIdentity(line);
      const seen = firstFile.get(identity);
      if (seen !== undefined && seen !== line.file) {
        duplicates++;
        continue;
      }
      firstFile.set(identity, line.file);
    }
    let acc = accs[i];
    if (!acc) {
      acc = accs[i] = new RowFigures(i, overlapOf(i), line.currency);
      counted.push(i);
    }
    acc.count(line, asOf);
  }

  const problems: Problem[] = [...billing.problems];
  for (const bad of billing.badLines) {
    if (owner.has(bad.key)) problems.push({ source: billing.files[bad.file].source, row: bad.row, code: "BAD_VALUE", message: bad.message });
    else unmatched++;
  }

  // Only the groups and customers that have figures are added up (most have none).
  const rows = new Map<number, RowMoney>();
  const groupParts = new Gathered(result.groups.length);
  for (const i of counted.sort((a, b) => a - b)) {
    const figures = accs[i]!;
    const r = result.rows[i];
    figures.settle(stillBilling(r));
    rows.set(i, figures);
    if (r.group !== null && countsAt(r)) groupParts.add(r.group, figures.money);
  }
  const groups = groupParts.sums(result.groups.length);
  const customerParts = new Gathered(result.customers.length);
  for (const g of groupParts.used) customerParts.add(result.groups[g].customer, groups[g]);
  const customers = customerParts.sums(result.customers.length);
  return {
    asOf,
    rows,
    groups,
    customers,
    byCurrency: sum(customerParts.used.map((c) => customers[c])),
    unmatchedLines: unmatched,
    duplicateLines: duplicates,
    files: billing.files,
    problems,
  };
}

const add = (m: Map<string, number>, currency: string, x: number) => m.set(currency, (m.get(currency) ?? 0) + x);

/** The sum of figures, per currency. */
export function sum(parts: readonly Money[]): Money {
  // A group of one row, a customer of one group: the same figures, nothing to add.
  if (parts.length === 1) return parts[0];
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
