/**
 * Charge lines of Partner Center's reconciliation (invoice) files (spec §9), read one row at a
 * time and kept only as far as the money view needs them: the subscription, the charge period,
 * the pre-tax amount and its currency. Rows come from any reader — the streaming CSV reader,
 * exceljs's streaming xlsx reader, or a sheet already in the workbook — so the files never have
 * to be held as grids (tens of thousands of lines a month, several months).
 *
 * Reading is pure: a `BillingReader` is handed rows and gives back `BillingData`. Which lines are
 * worth keeping may be decided while reading (`wanted`: the old subscription IDs), so that lines
 * of subscriptions the reconciliation does not hold are only counted.
 */
import { Cell, cellText, isBlank } from "./cells";
import { codeParts, codeToSerial, readDateCode, slashDate } from "./dates";
import { BillingHeader, BillingKind, recogniseBillingHeader } from "./headers";
import { Problem } from "./model";

/** One readable charge line of a subscription. Dates are serial days; the period includes both ends. */
export interface ChargeLine {
  /** `chargeKey` of the line's subscription ID. */
  readonly key: string;
  readonly start: number;
  readonly end: number;
  /** Subtotal (else Amount, else Total): before tax; negative for a credit. */
  readonly amount: number;
  /** ISO 4217 code, upper case. */
  readonly currency: string;
  /** Index of the file in `BillingData.files`. */
  readonly file: number;
  readonly row: number;
  readonly kind: BillingKind;
  /** ChargeType|Quantity as written: with the rest, what tells this charge from another (`lineIdentity`). */
  readonly others: string;
}

/**
 * Charge lines column by column, with no object per line: there are tens of thousands a month at
 * 10k customers, and each object would be one more for the garbage collector to trace through a
 * large heap. The numbers sit in typed arrays (outside the JavaScript heap), grown by doubling;
 * read them below `length`. `at(i)` gives one line as an object, for tests and small uses.
 */
export class ChargeLines {
  readonly key: string[] = [];
  readonly currency: string[] = [];
  readonly kind: BillingKind[] = [];
  readonly others: string[] = [];
  private size = 0;
  private starts = new Float64Array(256);
  private ends = new Float64Array(256);
  private amounts = new Float64Array(256);
  private files = new Int32Array(256);
  private rows = new Int32Array(256);

  get length(): number {
    return this.size;
  }
  get start(): Float64Array {
    return this.starts;
  }
  get end(): Float64Array {
    return this.ends;
  }
  get amount(): Float64Array {
    return this.amounts;
  }
  get file(): Int32Array {
    return this.files;
  }
  get row(): Int32Array {
    return this.rows;
  }

  push(l: ChargeLine): void {
    this.add(l.key, l.start, l.end, l.amount, l.currency, l.file, l.row, l.kind, l.others);
  }

  add(key: string, start: number, end: number, amount: number, currency: string, file: number, row: number, kind: BillingKind, others: string): void {
    const i = this.size++;
    if (i === this.starts.length) this.grow();
    this.key.push(key);
    this.starts[i] = start;
    this.ends[i] = end;
    this.amounts[i] = amount;
    this.currency.push(currency);
    this.files[i] = file;
    this.rows[i] = row;
    this.kind.push(kind);
    this.others.push(others);
  }

  /** Line `from` moved to `to` (not after it), with its dates as given. */
  move(from: number, to: number, start: number, end: number): void {
    this.starts[to] = start;
    this.ends[to] = end;
    if (from === to) return;
    this.key[to] = this.key[from];
    this.amounts[to] = this.amounts[from];
    this.currency[to] = this.currency[from];
    this.files[to] = this.files[from];
    this.rows[to] = this.rows[from];
    this.kind[to] = this.kind[from];
    this.others[to] = this.others[from];
  }

  /** Only the first `length` lines kept. */
  truncate(length: number): void {
    this.size = Math.min(this.size, length);
    for (const column of [this.key, this.currency, this.kind, this.others]) column.length = this.size;
  }

  /** Line `i` of `from`, with its dates as given. */
  append(from: ChargeLines, i: number, start = from.start[i], end = from.end[i]): void {
    this.add(from.key[i], start, end, from.amount[i], from.currency[i], from.file[i], from.row[i], from.kind[i], from.others[i]);
  }

  at(i: number): ChargeLine {
    return {
      key: this.key[i],
      start: this.starts[i],
      end: this.ends[i],
      amount: this.amounts[i],
      currency: this.currency[i],
      file: this.files[i],
      row: this.rows[i],
      kind: this.kind[i],
      others: this.others[i],
    };
  }

  all(): ChargeLine[] {
    return Array.from({ length: this.size }, (_, i) => this.at(i));
  }

  private grow(): void {
    const n = this.starts.length * 2;
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    const i32 = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.starts = f64(this.starts);
    this.ends = f64(this.ends);
    this.amounts = f64(this.amounts);
    this.files = i32(this.files);
    this.rows = i32(this.rows);
  }
}

/** What tells one charge from another, to find the same line in two files (docs/DECISIONS.md). */
export function lineIdentity(lines: ChargeLines, i: number): string {
  return `${lines.kind[i]}|${lines.key[i]}|${lines.start[i]}|${lines.end[i]}|${lines.amount[i]}|${lines.currency[i]}|${lines.others[i]}`;
}

/** A line of a subscription whose date or amount cannot be read: a BAD_VALUE problem if the subscription is reconciled. */
export interface BadLine {
  readonly key: string;
  readonly file: number;
  readonly row: number;
  readonly message: string;
}

export interface BillingFileInfo {
  readonly source: string;
  /** Null when the file is not a readable reconciliation file (see `state`). */
  readonly kind: BillingKind | null;
  /** Data lines read (blank lines left out), matched or not. */
  readonly lines: number;
  readonly state: "ok" | "MISSING_COLUMN" | "EMPTY_FILE" | "UNREADABLE_FILE";
}

export interface BillingData {
  readonly files: readonly BillingFileInfo[];
  readonly lines: ChargeLines;
  readonly badLines: readonly BadLine[];
  /** Lines left out while reading: no subscription ID, or one the reconciliation does not hold. */
  readonly unmatchedLines: number;
  /** Whole-file problems: MISSING_COLUMN, EMPTY_FILE, UNREADABLE_FILE (row 0). */
  readonly problems: readonly Problem[];
}

export const NO_BILLING: BillingData = { files: [], lines: new ChargeLines(), badLines: [], unmatchedLines: 0, problems: [] };

/** A subscription ID as charge lines and old rows are matched by it: trimmed, braces ignored, any case (§9). */
export function chargeKey(id: string): string {
  const t = id.trim();
  const inner = t.length >= 2 && t.startsWith("{") && t.endsWith("}") ? t.slice(1, -1).trim() : t;
  // Most IDs are lower-case GUIDs already: the same string, no copy (there are tens of thousands).
  return /[A-Z\u0080-\uffff]/.test(inner) ? inner.toLowerCase() : inner;
}

export type Reading<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const shown = (c: Cell | undefined) => `"${cellText(c)}"`;

/**
 * A money amount as Partner Center writes it ("13.32", "-157.26", "1.2E-05"), or as a file
 * re-saved in a decimal-comma locale has it ("157,26"). A comma before exactly three digits
 * ("1,234") is a thousands separator in one locale and a decimal point in another: refused, as
 * a licence count "1,000" is (docs/DECISIONS.md).
 */
export function readAmount(cell: Cell | undefined): Reading<number> {
  if (typeof cell === "number") return Number.isFinite(cell) ? { ok: true, value: cell } : { ok: false, reason: `${shown(cell)} is not an amount` };
  if (isBlank(cell)) return { ok: false, reason: "is empty" };
  if (typeof cell !== "string") return { ok: false, reason: `${shown(cell)} is not an amount` };
  const t = cell.trim();
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) return { ok: true, value: Number(t) };
  if (/^[+-]?[1-9]\d{0,2},\d{3}$/.test(t)) return { ok: false, reason: `${shown(cell)} is ambiguous (a thousands separator or a decimal comma?): write it without thousands separators` };
  if (/^[+-]?\d+,\d+$/.test(t)) return { ok: true, value: Number(t.replace(",", ".")) };
  return { ok: false, reason: `${shown(cell)} is not an amount` };
}

/** A three-letter currency code, any case; amounts are never converted, so a line without one counts nowhere (§9). */
export function readCurrency(cell: Cell | undefined): Reading<string> {
  if (isBlank(cell)) return { ok: false, reason: "is empty: the amount belongs to no currency (amounts are never converted)" };
  const t = typeof cell === "string" ? cell.trim() : "";
  return /^[A-Za-z]{3}$/.test(t) ? { ok: true, value: t.toUpperCase() } : { ok: false, reason: `${shown(cell)} is not a currency code` };
}

/** The cells of a line that cannot be read, for its message (kept only for such lines). */
interface Unread {
  readonly startCell: Cell | undefined;
  readonly endCell: Cell | undefined;
  readonly amountCell: Cell | undefined;
  readonly currencyCell: Cell | undefined;
}

const digit = (c: number) => c >= 0x30 && c <= 0x39;

/** `readAmount`'s value, NaN when it cannot be read; the usual `-123.45` is scanned by hand. */
export function amountValue(cell: Cell | undefined): number {
  if (typeof cell === "string") {
    const n = cell.length;
    let i = cell.charCodeAt(0) === 0x2d ? 1 : 0;
    const from = i;
    while (i < n && digit(cell.charCodeAt(i))) i++;
    if (i > from && i < n && cell.charCodeAt(i) === 0x2e) {
      const dot = ++i;
      while (i < n && digit(cell.charCodeAt(i))) i++;
      if (i > dot && i === n) return Number(cell);
    } else if (i > from && i === n) return Number(cell);
  }
  const r = readAmount(cell);
  return r.ok ? r.value : NaN;
}

/** `readCurrency`'s code, "" when there is none. */
export function currencyValue(cell: Cell | undefined): string {
  if (typeof cell === "string" && cell.length === 3 && /^[A-Z]{3}$/.test(cell)) return cell;
  const r = readCurrency(cell);
  return r.ok ? r.value : "";
}

/**
 * V8 keeps a substring of 13 characters or more as a slice of the string it was cut from, so a
 * kept subscription or order ID would keep the whole chunk of the file it came from alive. A kept
 * text is copied out of its chunk (the concatenation is flattened into a string of its own).
 */
const detach = (s: string): string => (s.length < 13 ? s : (s + " ").slice(0, -1));

/** Collects the charge lines of any number of reconciliation files. */
export class BillingReader {
  private readonly files: BillingFileInfo[] = [];
  private lines = new ChargeLines();
  private readonly badLines: BadLine[] = [];
  private readonly problems: Problem[] = [];
  private unmatched = 0;

  /**
   * `wanted`: for a line's subscription (its `chargeKey`), the key to keep it under, or null to
   * only count it (the reconciliation's old subscriptions: `chargeKeys` of money.ts); every line
   * is kept when absent.
   */
  constructor(private readonly wanted: ((key: string) => string | null) | null = null) {}

  /** Starts a file; feed it its rows in order, then `end()` it. */
  file(source: string): BillingFile {
    return new BillingFile(source, this.files.length, this);
  }

  /** A file that could not be opened or decoded at all. */
  unreadable(source: string, message: string): void {
    this.files.push({ source, kind: null, lines: 0, state: "UNREADABLE_FILE" });
    this.problems.push({ source, row: 0, code: "UNREADABLE_FILE", message });
  }

  data(): BillingData {
    return { files: [...this.files], lines: this.lines, badLines: [...this.badLines], unmatchedLines: this.unmatched, problems: [...this.problems] };
  }

  /** @internal The key a line of this subscription is kept under, or null. */
  accept(key: string): string | null {
    if (key === "") return null;
    return this.wanted === null ? detach(key) : this.wanted(key);
  }

  /** @internal A file's lines, once it has ended; a file that broke off half-way never gets here. */
  finish(info: BillingFileInfo, problem: Problem | null, lines: ChargeLines | null, bad: readonly BadLine[], unmatched: number): void {
    this.files.push(info);
    this.unmatched += unmatched;
    if (problem) this.problems.push(problem);
    // The first file's lines are taken as they are; the next ones are added to them.
    if (lines && this.lines.length === 0) this.lines = lines;
    else if (lines) for (let i = 0; i < lines.length; i++) this.lines.append(lines, i);
    for (const b of bad) this.badLines.push(b);
  }
}

/** One reconciliation file being read: its header row first, then its lines. */
export class BillingFile {
  private header: BillingHeader | null = null;
  private refused = false;
  private mask: boolean[] | null = null;
  private count = 0;
  private unmatched = 0;
  /** Lines kept until the file ends: only then is the order of its slash dates known (their `start` and `end` are `readDateCode`s until then). */
  private readonly pending = new ChargeLines();
  private readonly unread = new Map<number, Unread>();
  /** Slash dates seen with a first number above 12 (day-first) or a second one above 12 (month-first). */
  private dayFirstSeen = false;
  private monthFirstSeen = false;
  private ended = false;
  private identityAt: [number | null, number | null] | null = null;
  private readonly texts = new Map<string, string>();
  private readonly identities = new Map<string, Map<string, string>>();

  constructor(
    readonly source: string,
    private readonly index: number,
    private readonly reader: BillingReader,
  ) {}

  /**
   * The columns the lines are read from, once the header is known (null before): a streaming
   * reader need not turn the other cells into strings.
   */
  columns(): readonly boolean[] | null {
    return this.mask;
  }

  /** One row as a spreadsheet shows it (1-based `row`). The reader does not keep `cells`. */
  row(cells: readonly Cell[], row: number, blank: boolean = cells.every(isBlank)): void {
    if (blank || this.refused) return;
    const h = this.header;
    if (!h) {
      this.readHeader(cells);
      return;
    }
    this.count++;
    const startCell = cells[h.start!];
    const endCell = cells[h.end!];
    // Every line's slash dates are looked at, matched or not: their order (day or month first) is the file's.
    const start = readDateCode(startCell);
    const end = readDateCode(endCell);
    if (start < 0) this.notice(start);
    if (end < 0) this.notice(end);
    const key = this.reader.accept(chargeKey(cellText(cells[h.key!])));
    if (key === null) {
      this.unmatched++;
      return;
    }
    const amountCell = cells[h.amount!];
    const currencyCell = cells[h.currency!];
    const amount = amountValue(amountCell);
    const currency = this.shared(currencyValue(currencyCell));
    const p = this.pending;
    if (Number.isNaN(start) || Number.isNaN(end) || Number.isNaN(amount) || currency === "") {
      this.unread.set(p.length, { startCell, endCell, amountCell, currencyCell });
    }
    p.add(key, start, end, amount, currency, this.index, row, h.kind!, this.identityCells(cells));
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    const h = this.header;
    if (!h) {
      this.reader.finish(
        { source: this.source, kind: null, lines: 0, state: "EMPTY_FILE" },
        { source: this.source, row: 0, code: "EMPTY_FILE", message: "The billing file is empty" },
        null,
        [],
        0,
      );
      return;
    }
    if (this.refused) {
      this.reader.finish(
        { source: this.source, kind: h.kind, lines: 0, state: "MISSING_COLUMN" },
        {
          source: this.source,
          row: 0,
          code: "MISSING_COLUMN",
          message: `${h.kind === null ? "Not a Partner Center reconciliation file" : `${h.kind === "legacy" ? "Legacy license-based" : "New-commerce invoice"} reconciliation file`}: missing column${h.missing.length > 1 ? "s" : ""} ${h.missing.join(", ")}; its lines are not read`,
        },
        null,
        [],
        0,
      );
      return;
    }
    // The kept lines become the file's lines where they are: dates settled, unreadable ones taken out.
    const p = this.pending;
    const bad: BadLine[] = [];
    let kept = 0;
    for (let i = 0; i < p.length; i++) {
      const start = this.dateOf(p.start[i]);
      const end = this.dateOf(p.end[i]);
      if (this.unread.has(i) || Number.isNaN(start) || Number.isNaN(end) || end < start) {
        bad.push({ key: p.key[i], file: this.index, row: p.row[i], message: this.whyNot(i, start, end) });
        continue;
      }
      p.move(i, kept++, start, end);
    }
    p.truncate(kept);
    this.reader.finish({ source: this.source, kind: h.kind, lines: this.count, state: "ok" }, null, p, bad, this.unmatched);
  }

  private readHeader(cells: readonly Cell[]): void {
    const h = recogniseBillingHeader(cells);
    this.header = h;
    if (h.missing.length > 0) {
      this.refused = true;
      this.mask = [];
      return;
    }
    this.identityAt = identityColumns(h);
    const used = [h.key, h.start, h.end, h.amount, h.currency, ...this.identityAt];
    const mask: boolean[] = [];
    for (const i of used) if (i !== null) mask[i] = true;
    for (let i = 0; i < mask.length; i++) mask[i] = mask[i] === true;
    this.mask = mask;
  }

  private identityCells(cells: readonly Cell[]): string {
    const [a, b] = this.identityAt!;
    const type = a === null ? "" : cellText(cells[a]).trim();
    const quantity = b === null ? "" : cellText(cells[b]).trim();
    // Looked up by its two parts: no joined text is built for each line.
    let byQuantity = this.identities.get(type);
    if (!byQuantity) this.identities.set(detach(type), (byQuantity = new Map()));
    let s = byQuantity.get(quantity);
    if (s === undefined) byQuantity.set(detach(quantity), (s = detach(`${type}|${quantity}`)));
    return s;
  }

  /**
   * One string for every line with the same text (a currency, a charge type and quantity): tens of
   * thousands of kept lines share a handful of strings instead of holding a copy each.
   */
  private shared(text: string): string {
    let s = this.texts.get(text);
    if (s === undefined) {
      s = detach(text);
      this.texts.set(s, s);
    }
    return s;
  }

  /** A slash date's code: the evidence of the file's order. */
  private notice(code: number): void {
    const [a, b] = codeParts(code);
    if (a > 12) this.dayFirstSeen = true;
    if (b > 12) this.monthFirstSeen = true;
  }

  /** The serial day of a `readDateCode`, once the file's slash-date order is known; NaN when it is no date. */
  private dateOf(code: number): number {
    if (code < 0 && this.dayFirstSeen && this.monthFirstSeen) return NaN;
    return codeToSerial(code, this.dayFirstSeen);
  }

  /** The BAD_VALUE message of a line that cannot be counted, naming every unreadable value. */
  private whyNot(i: number, start: number, end: number): string {
    const h = this.header!;
    const u = this.unread.get(i);
    const startCode = this.pending.start[i];
    const endCode = this.pending.end[i];
    const reasons: string[] = [];
    const date = (code: number, cell: Cell | undefined, column: string) => {
      if (Number.isNaN(code)) {
        reasons.push(isBlank(cell) ? `${column} is empty` : `${column} ${shown(cell)} is not a date`);
        return;
      }
      if (code >= 0) return;
      const written = codeParts(code).join("/");
      if (this.dayFirstSeen && this.monthFirstSeen) reasons.push(`${column} "${written}": the file's slash dates are written both day-first and month-first`);
      else if (slashDate(codeParts(code), this.dayFirstSeen) === null) reasons.push(`${column} "${written}" is not a date (${this.dayFirstSeen ? "day/month/year" : "month/day/year"})`);
    };
    date(startCode, u?.startCell, "ChargeStartDate");
    date(endCode, u?.endCell, "ChargeEndDate");
    const amount = u ? readAmount(u.amountCell) : null;
    const currency = u ? readCurrency(u.currencyCell) : null;
    if (amount && !amount.ok) reasons.push(`${h.amountField === "subtotal" ? "Subtotal" : h.amountField === "amount" ? "Amount" : "Total"} ${amount.reason}`);
    if (currency && !currency.ok) reasons.push(`Currency ${currency.reason}`);
    if (!Number.isNaN(start) && !Number.isNaN(end) && end < start) reasons.push("ChargeEndDate is before ChargeStartDate");
    return `Charge line not counted: ${reasons.join("; ")}`;
  }
}

/** ChargeType and Quantity: with the subscription, period, amount and currency they tell one charge from another. */
function identityColumns(h: BillingHeader): [number | null, number | null] {
  const f = h.map.fields;
  return [f.chargeType ?? null, f.quantity ?? null];
}

/** Reads a whole grid (a sheet already in the workbook, a small file) as one reconciliation file. */
export function readBillingGrid(reader: BillingReader, source: string, grid: readonly (readonly Cell[])[]): void {
  const file = reader.file(source);
  grid.forEach((cells, i) => file.row(cells, i + 1));
  file.end();
}
