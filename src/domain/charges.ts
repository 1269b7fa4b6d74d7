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

/** What tells one charge from another, to find the same line in two files (docs/DECISIONS.md). */
export function lineIdentity(l: ChargeLine): string {
  return `${l.kind}|${l.key}|${l.start}|${l.end}|${l.amount}|${l.currency}|${l.others}`;
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
  readonly lines: readonly ChargeLine[];
  readonly badLines: readonly BadLine[];
  /** Lines left out while reading: no subscription ID, or one the reconciliation does not hold. */
  readonly unmatchedLines: number;
  /** Whole-file problems: MISSING_COLUMN, EMPTY_FILE, UNREADABLE_FILE (row 0). */
  readonly problems: readonly Problem[];
}

export const NO_BILLING: BillingData = { files: [], lines: [], badLines: [], unmatchedLines: 0, problems: [] };

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

/**
 * A line kept until its file ends, as the ChargeLine it will become: only then is the order of
 * the file's slash dates known. Until then `start` and `end` hold `dateCode`s.
 */
type PendingLine = { -readonly [K in keyof ChargeLine]: ChargeLine[K] };

/** The cells of a line that cannot be read, for its message (kept only for such lines). */
interface Unread {
  readonly startCell: Cell | undefined;
  readonly endCell: Cell | undefined;
  readonly amountCell: Cell | undefined;
  readonly currencyCell: Cell | undefined;
}

const digit = (c: number) => c >= 0x30 && c <= 0x39;

/** `readAmount`'s value, NaN when it cannot be read; the usual `-123.45` is scanned by hand. */
function amountValue(cell: Cell | undefined): number {
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
function currencyValue(cell: Cell | undefined): string {
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
  private readonly lines: ChargeLine[] = [];
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
    return { files: [...this.files], lines: [...this.lines], badLines: [...this.badLines], unmatchedLines: this.unmatched, problems: [...this.problems] };
  }

  /** @internal The key a line of this subscription is kept under, or null. */
  accept(key: string): string | null {
    if (key === "") return null;
    return this.wanted === null ? detach(key) : this.wanted(key);
  }

  /** @internal A file's lines, once it has ended; a file that broke off half-way never gets here. */
  finish(info: BillingFileInfo, problem: Problem | null, lines: readonly ChargeLine[], bad: readonly BadLine[], unmatched: number): void {
    this.files.push(info);
    this.unmatched += unmatched;
    if (problem) this.problems.push(problem);
    for (const l of lines) this.lines.push(l);
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
  private readonly pending: PendingLine[] = [];
  private readonly unread = new Map<PendingLine, Unread>();
  /** Slash dates seen with a first number above 12 (day-first) or a second one above 12 (month-first). */
  private dayFirstSeen = false;
  private monthFirstSeen = false;
  private ended = false;
  private identityAt: [number | null, number | null] | null = null;
  private readonly texts = new Map<string, string>();

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
    const line: PendingLine = {
      key,
      start,
      end,
      amount: amountValue(amountCell),
      currency: this.shared(currencyValue(currencyCell)),
      file: this.index,
      row,
      kind: h.kind!,
      others: this.identityCells(cells),
    };
    this.pending.push(line);
    if (Number.isNaN(start) || Number.isNaN(end) || Number.isNaN(line.amount) || line.currency === "") {
      this.unread.set(line, { startCell, endCell, amountCell, currencyCell });
    }
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    const h = this.header;
    if (!h) {
      this.reader.finish(
        { source: this.source, kind: null, lines: 0, state: "EMPTY_FILE" },
        { source: this.source, row: 0, code: "EMPTY_FILE", message: "The billing file is empty" },
        [],
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
        [],
        [],
        0,
      );
      return;
    }
    const lines: ChargeLine[] = [];
    const bad: BadLine[] = [];
    for (const p of this.pending) {
      const startCode = p.start;
      const endCode = p.end;
      p.start = this.dateOf(startCode);
      p.end = this.dateOf(endCode);
      if (this.unread.has(p) || Number.isNaN(p.start) || Number.isNaN(p.end) || p.end < p.start) {
        bad.push({ key: p.key, file: this.index, row: p.row, message: this.whyNot(p, startCode, endCode) });
        continue;
      }
      lines.push(p);
    }
    this.reader.finish({ source: this.source, kind: h.kind, lines: this.count, state: "ok" }, null, lines, bad, this.unmatched);
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
    const text = (i: number | null) => (i === null ? "" : cellText(cells[i]).trim());
    return this.shared(`${text(a)}|${text(b)}`);
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
  private whyNot(p: PendingLine, startCode: number, endCode: number): string {
    const h = this.header!;
    const u = this.unread.get(p);
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
    if (!Number.isNaN(p.start) && !Number.isNaN(p.end) && p.end < p.start) reasons.push("ChargeEndDate is before ChargeStartDate");
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
