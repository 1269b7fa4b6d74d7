/**
 * Money at stake (spec §9) in the workbook: per currency, never converted, as the run computed
 * it from the reconciliation files given. The figures are values of the run, not formulas
 * (docs/DECISIONS.md "Money at stake in the workbook"): "so far" is history pro-rated line by
 * line from the files, and "per day" is read with it, so the Summary, the Groups and Next steps
 * sheets, report.json and the pane show one set of figures that add up.
 *
 * Each sheet shows a currency in its own pair of columns, appended after the sheet's own
 * columns (its hidden helpers included), so no other column moves and a workbook without
 * billing files is laid out exactly as before.
 */
import { serialToIso } from "../domain/cells";
import { Money, MoneyResult, inCents } from "../domain/money";
import { valueColumn } from "./columns";
import { ColumnSpec } from "./types";

/** The run's money, or null when no billing file was given (the workbook then shows none). */
export function moneyOf(money: MoneyResult | undefined): MoneyResult | null {
  return money && money.files.length > 0 ? money : null;
}

/** The currencies the Summary and Groups show, in code order: those of the total. */
export function moneyCurrencies(money: MoneyResult | null): string[] {
  return money ? money.byCurrency.map((m) => m.currency) : [];
}

/** Widths in characters: "Double billing so far (EUR)" wraps onto two lines of the bold header. */
const WIDTH = { soFar: 16, perDay: 12 } as const;

export const soFarHeader = (currency: string) => `Double billing so far (${currency})`;
export const perDayHeader = (currency: string) => `Per day (${currency})`;

/**
 * A pair of columns per currency: "so far" and "per day" of data row i's figures, to the cent;
 * empty where no charge line of that currency matched (an unmatched customer shows nothing,
 * while a matched one with no overlap shows 0.00).
 */
export function moneyColumns(currencies: readonly string[], moneyAt: (i: number) => Money): ColumnSpec[] {
  const inCurrency = (i: number, currency: string) => inCents(moneyAt(i)).find((m) => m.currency === currency);
  return currencies.flatMap((currency) => [
    valueColumn(soFarHeader(currency), (i) => inCurrency(i, currency)?.soFar ?? null, { width: WIDTH.soFar, format: "money" }),
    valueColumn(perDayHeader(currency), (i) => inCurrency(i, currency)?.perDay ?? null, { width: WIDTH.perDay, format: "money" }),
  ]);
}

/** An amount as the Summary's sentence writes it: to the cent, with thousands separators ("1,234.56"). */
export function formatAmount(x: number): string {
  const cents = Math.round(Math.abs(x) * 100);
  const whole = Math.floor(cents / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = x < 0 && cents > 0 ? "-" : "";
  return `${sign}${whole}.${String(cents % 100).padStart(2, "0")}`;
}

export const MONEY_LABEL = "Money at stake";

/**
 * The Summary's line at the top: the total per currency, where the figures come from and what
 * they are. Plain text, so it says the same in every reader's Excel.
 */
export function moneySentence(money: MoneyResult): string {
  const totals = inCents(money.byCurrency);
  const source = `pre-tax, from the reconciliation files given (${money.files.length} file${money.files.length === 1 ? "" : "s"}), never converted`;
  if (totals.length === 0) {
    return `No charge line of the reconciliation files given matched an old subscription (${money.unmatchedLines} line${money.unmatchedLines === 1 ? "" : "s"} of other subscriptions).`;
  }
  const each = totals.map((m) => `${m.currency} ${formatAmount(m.soFar)} so far, ${formatAmount(m.perDay)} a day`).join("; ");
  return `${each} (to ${serialToIso(money.asOf)}; ${source}; per customer in the last columns).`;
}
