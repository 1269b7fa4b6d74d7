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
import { DateReading, readDateParts, slashDate } from "./dates";
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
  /** What tells this charge from another one, to find the same line in two files (docs/DECISIONS.md). */
  readonly identity: string;
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
  return inner.toLowerCase();
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

/** A kept line until its file ends: only then is the order of the file's slash dates known. */
interface PendingLine {
  readonly row: number;
  readonly key: string;
  readonly start: DateReading | null;
  readonly end: DateReading | null;
  /** The date cells as written, for the message when they are not dates. */
  readonly startCell: Cell | undefined;
  readonly endCell: Cell | undefined;
  readonly amount: Reading<number>;
  readonly currency: Reading<string>;
  readonly others: string;
}

/** Collects the charge lines of any number of reconciliation files. */
export class BillingReader {
  private readonly files: BillingFileInfo[] = [];
  private readonly lines: ChargeLine[] = [];
  private readonly badLines: BadLine[] = [];
  private readonly problems: Problem[] = [];
  private unmatched = 0;

  /** `wanted`: whether a line's subscription (its `chargeKey`) is worth keeping; every line when absent. */
  constructor(private readonly wanted: ((key: string) => boolean) | null = null) {}

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

  /** @internal Whether a line of this subscription is kept. */
  accept(key: string): boolean {
    return key !== "" && (this.wanted === null || this.wanted(key));
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
  /** Slash dates seen with a first number above 12 (day-first) or a second one above 12 (month-first). */
  private dayFirstSeen = false;
  private monthFirstSeen = false;
  private ended = false;

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

  /** One row as a spreadsheet shows it (1-based `row`). */
  row(cells: readonly Cell[], row: number, blank: boolean = cells.every(isBlank)): void {
    if (blank || this.refused) return;
    const h = this.header;
    if (!h) {
      this.readHeader(cells);
      return;
    }
    this.count++;
    const key = chargeKey(cellText(cells[h.key!]));
    // Dates are looked at on every line: the order of a file's slash dates is the file's.
    const start = readDateParts(cells[h.start!]);
    const end = readDateParts(cells[h.end!]);
    this.notice(start);
    this.notice(end);
    if (!this.reader.accept(key)) {
      this.unmatched++;
      return;
    }
    this.pending.push({
      row,
      key,
      start,
      end,
      startCell: cells[h.start!],
      endCell: cells[h.end!],
      amount: readAmount(cells[h.amount!]),
      currency: readCurrency(cells[h.currency!]),
      others: this.identityCells(cells),
    });
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
      const reasons: string[] = [];
      const start = this.dateOf(p.start, p.startCell, "ChargeStartDate", reasons);
      const end = this.dateOf(p.end, p.endCell, "ChargeEndDate", reasons);
      if (!p.amount.ok) reasons.push(`${h.amountField === "subtotal" ? "Subtotal" : h.amountField === "amount" ? "Amount" : "Total"} ${p.amount.reason}`);
      if (!p.currency.ok) reasons.push(`Currency ${p.currency.reason}`);
      if (start !== null && end !== null && end < start) reasons.push("ChargeEndDate is before ChargeStartDate");
      if (reasons.length > 0) {
        bad.push({ key: p.key, file: this.index, row: p.row, message: `Charge line not counted: ${reasons.join("; ")}` });
        continue;
      }
      const amount = (p.amount as { value: number }).value;
      const currency = (p.currency as { value: string }).value;
      lines.push({
        key: p.key,
        start: start!,
        end: end!,
        amount,
        currency,
        file: this.index,
        row: p.row,
        identity: `${h.kind}|${p.key}|${start}|${end}|${amount}|${currency}|${p.others}`,
      });
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
    const used = [h.key, h.start, h.end, h.amount, h.currency, ...identityColumns(h)];
    const mask: boolean[] = [];
    for (const i of used) if (i !== null) mask[i] = true;
    for (let i = 0; i < mask.length; i++) mask[i] = mask[i] === true;
    this.mask = mask;
  }

  private identityCells(cells: readonly Cell[]): string {
    return identityColumns(this.header!)
      .map((i) => (i === null ? "" : cellText(cells[i]).trim()))
      .join("|");
  }

  private notice(d: DateReading | null): void {
    if (d === null || !("slash" in d)) return;
    if (d.slash[0] > 12) this.dayFirstSeen = true;
    if (d.slash[1] > 12) this.monthFirstSeen = true;
  }

  private dateOf(d: DateReading | null, cell: Cell | undefined, column: string, reasons: string[]): number | null {
    if (d === null) {
      reasons.push(isBlank(cell) ? `${column} is empty` : `${column} ${shown(cell)} is not a date`);
      return null;
    }
    if ("serial" in d) return d.serial;
    if (this.dayFirstSeen && this.monthFirstSeen) {
      reasons.push(`${column} "${d.slash.join("/")}": the file's slash dates are written both day-first and month-first`);
      return null;
    }
    const serial = slashDate(d.slash, this.dayFirstSeen);
    if (serial === null) reasons.push(`${column} "${d.slash.join("/")}" is not a date (${this.dayFirstSeen ? "day/month/year" : "month/day/year"})`);
    return serial;
  }
}

/** ChargeType, Quantity, OrderId: with the period, amount and currency they tell one charge from another. */
function identityColumns(h: BillingHeader): (number | null)[] {
  const f = h.map.fields;
  return [f.chargeType ?? null, f.quantity ?? null, f.orderId ?? null];
}

/** Reads a whole grid (a sheet already in the workbook, a small file) as one reconciliation file. */
export function readBillingGrid(reader: BillingReader, source: string, grid: readonly (readonly Cell[])[]): void {
  const file = reader.file(source);
  grid.forEach((cells, i) => file.row(cells, i + 1));
  file.end();
}
