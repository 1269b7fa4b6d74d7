/**
 * Money at stake in the pane (spec §9): the totals and the most expensive customers, per
 * currency. Amounts of two currencies are never added or compared, so "most expensive" is
 * ranked within each currency.
 */
import type { I18n } from "../i18n";

/** One currency's figures, as report.json has them (rounded to cents). */
export interface Figures {
  readonly currency: string;
  readonly soFar: number;
  readonly perDay: number;
}

export interface Costly<C> {
  readonly customer: C;
  readonly figures: Figures;
}

/**
 * The customers that cost something in `currency` (so far, or per further day), most expensive
 * first: by cost so far, then by cost per day, then in the order given; at most `n`.
 */
export function mostExpensive<C extends { readonly money: readonly Figures[] }>(customers: readonly C[], currency: string, n = 10): Costly<C>[] {
  const out: Costly<C>[] = [];
  for (const customer of customers) {
    const figures = customer.money.find((m) => m.currency === currency);
    if (figures && (figures.soFar !== 0 || figures.perDay !== 0)) out.push({ customer, figures });
  }
  // A stable sort keeps the given order among equals.
  return out.sort((a, b) => b.figures.soFar - a.figures.soFar || b.figures.perDay - a.figures.perDay).slice(0, n);
}

/** An amount in its currency as the locale writes it ("596,30 €", "CHF 28.50"); an unknown code after the number. */
export function amount(i18n: I18n, value: number, currency: string): string {
  try {
    return new Intl.NumberFormat(i18n.locale, { style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
  } catch {
    // Not an ISO 4217 code Intl knows: the number, then the code as the file wrote it.
    return `${new Intl.NumberFormat(i18n.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)} ${currency}`;
  }
}
