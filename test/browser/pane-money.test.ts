// Money at stake in the pane (spec §9): the most expensive customers are ranked within one
// currency (amounts of two currencies are never compared), amounts are written as the locale
// writes them.
import { createI18n } from "../../src/taskpane/i18n";
import { amount, mostExpensive } from "../../src/taskpane/views/money";

const c = (name: string, ...money: [string, number, number][]) => ({ name, money: money.map(([currency, soFar, perDay]) => ({ currency, soFar, perDay })) });

describe("the most expensive customers, per currency", () => {
  const customers = [
    c("Rousseau", ["EUR", 229.47, 7.53]),
    c("Hoffmann", ["CHF", 28.5, 1.9]),
    c("Lefèvre", ["EUR", 596.3, 24.61]),
    c("Moreau", ["EUR", 0, 2.8]),
    c("Bernard", ["EUR", 0, 0]),
    c("Both", ["CHF", 1000, 0], ["EUR", 1, 0]),
    c("Müller", ["EUR", 85.83, 17.17]),
    c("Twin A", ["EUR", 5, 1]),
    c("Twin B", ["EUR", 5, 1]),
  ];
  const names = (currency: string, n?: number) => mostExpensive(customers, currency, n).map((x) => x.customer.name);

  test("by cost so far, then per day; a customer costing nothing is not listed; equals keep their order", () => {
    expect(names("EUR")).toEqual(["Lefèvre", "Rousseau", "Müller", "Twin A", "Twin B", "Both", "Moreau"]);
  });

  test("each currency on its own: CHF figures are never ranked against EUR ones", () => {
    expect(names("CHF")).toEqual(["Both", "Hoffmann"]);
    expect(mostExpensive(customers, "CHF")[0].figures).toEqual({ currency: "CHF", soFar: 1000, perDay: 0 });
  });

  test("at most ten, or as many as asked", () => {
    const many = Array.from({ length: 25 }, (_, k) => c(`C${k}`, ["EUR", k + 1, 0]));
    expect(mostExpensive(many, "EUR").map((x) => x.customer.name)).toEqual(Array.from({ length: 10 }, (_, k) => `C${24 - k}`));
    expect(names("EUR", 2)).toEqual(["Lefèvre", "Rousseau"]);
  });
});

describe("amounts in their currency, as the locale writes them", () => {
  test("English, French and Dutch; two decimals", () => {
    expect(amount(createI18n("en-US"), 596.3, "EUR")).toBe(new Intl.NumberFormat("en-US", { style: "currency", currency: "EUR", minimumFractionDigits: 2 }).format(596.3));
    expect(amount(createI18n("fr-FR"), 28.5, "CHF")).toBe(new Intl.NumberFormat("fr-FR", { style: "currency", currency: "CHF", minimumFractionDigits: 2 }).format(28.5));
    expect(amount(createI18n("nl-NL"), 1234, "EUR")).toMatch(/1\.234,00/);
  });

  test("a currency code Intl does not know is written after the number, as the file wrote it", () => {
    expect(amount(createI18n("en-US"), 12, "EURO")).toBe("12.00 EURO");
  });
});
