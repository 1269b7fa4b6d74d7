/**
 * Spec §9 "Money at stake", rule by rule: which files are read, how lines are matched to old
 * subscriptions, the overlap, the cost so far, the cost per day, the sums per currency, and
 * that money never changes a verdict. The as-of date is 2026-11-24 throughout.
 */
import { Cell, isoToSerial } from "../../src/domain/cells";
import fc from "fast-check";
import { amountValue, chargeKey, currencyValue, readAmount, readCurrency } from "../../src/domain/charges";
import { readDate, readDateCode, readDateParts } from "../../src/domain/dates";
import { classifyHeader, recogniseBillingHeader } from "../../src/domain/headers";
import { detectKind, importFiles } from "../../src/domain/importer";
import { computeMoney, customerMoney, groupMoney, roundCents, rowMoney } from "../../src/domain/money";
import { buildReport } from "../../src/domain/report";
import { Charge, LEGACY_HEADER, NCE_HEADER, legacyGrid, nceGrid, readBilling, runWithBilling } from "./support/billing";
import { ExportSet, Sub, groupOf, importFile, onlyGroup, problemList } from "./support/exports";

const OLD = "7cefd5c5-6385-4768-ae5d-eaa1ef2cd05a";
const OLD2 = "52e200a0-aefd-4e41-8e4e-f56377c3d00d";
const NEW = "6ec72bdb-fe59-4e9b-a494-467745241ae5";
const E3 = "Office 365 E3";

const oldRow = (status = "Active", id = OLD, offer = E3): Sub => ({ id, offer, qty: "10", status });
const newRow = (start: Cell = "2026-11-10", status = "Active"): Sub => ({ id: NEW, offer: E3, qty: "10", status, cols: { "Start date": start } });

/** Contoso: one old FR row and one new row started on `start` (overlap `start`..2026-11-24). */
const contoso = (status = "Active", start: Cell = "2026-11-10") => new ExportSet().old("FR", "Contoso", [oldRow(status)]).new("Contoso", [newRow(start)]);

const nce = (charges: Charge[], source = "billing/nce.csv") => ({ source, grid: nceGrid(charges) });
const legacy = (charges: Charge[], source = "billing/legacy.csv") => ({ source, grid: legacyGrid(charges) });
const charge = (start: string, end: string, subtotal: Cell, more: Partial<Charge> = {}): Charge => ({ id: OLD, start, end, subtotal, ...more });

/** The only old row's figures, unrounded. */
const moneyOfOld = (run: ReturnType<typeof runWithBilling>) => rowMoney(run.money, run.result.rows.findIndex((r) => r.role === "from"));

describe("§9 input: the two reconciliation files are recognised by their headers", () => {
  test("the legacy license-based file, by its key column SyndicationPartnerSubscriptionNumber", () => {
    const h = recogniseBillingHeader([...LEGACY_HEADER]);
    expect([h.kind, h.key, h.start, h.end, h.amountField, h.amount, h.currency, h.missing]).toEqual(["legacy", 7, 13, 14, "subtotal", 20, 23, []]);
  });

  test("the new-commerce invoice file, by its SubscriptionId", () => {
    const h = recogniseBillingHeader([...NCE_HEADER]);
    expect([h.kind, h.key, h.start, h.end, h.amountField, h.amount, h.currency, h.missing]).toEqual(["nce", 26, 27, 28, "subtotal", 18, 21, []]);
  });

  test("header names are matched case- and space-insensitively (also the docs' Syndication_Partner_Subscription_Number)", () => {
    const h = recogniseBillingHeader(["syndication_partner_subscription_number", " Charge Start Date ", "CHARGEENDDATE", "sub total", "currency"]);
    expect([h.kind, h.key, h.start, h.end, h.amount, h.currency, h.missing]).toEqual(["legacy", 0, 1, 2, 3, 4, []]);
    const run = runWithBilling(contoso(), [
      { source: "billing/x.csv", grid: [["Subscription Id", "charge start date", "Charge End Date", "SUBTOTAL", "Currency"], [OLD, "2026-11-01", "2026-11-30", "300", "EUR"]] },
    ]);
    expect(moneyOfOld(run)).toEqual([{ currency: "EUR", soFar: 150, perDay: 10 }]);
  });

  test("Subtotal, else Amount, else Total: the pre-tax amount", () => {
    expect(recogniseBillingHeader(["SubscriptionId", "ChargeStartDate", "ChargeEndDate", "Total", "Subtotal", "Currency"]).amountField).toBe("subtotal");
    expect(recogniseBillingHeader(["SubscriptionId", "ChargeStartDate", "ChargeEndDate", "Total", "Amount", "Currency"]).amountField).toBe("amount");
    expect(recogniseBillingHeader(["SubscriptionId", "ChargeStartDate", "ChargeEndDate", "Total", "Currency"]).amountField).toBe("total");
    // A new-commerce line with tax: Subtotal 300, Total 357 (19% VAT): the subtotal counts.
    const run = runWithBilling(contoso(), [nce([charge("2026-11-01", "2026-11-30", "300", { cells: { TaxTotal: "57", Total: "357" } })])]);
    expect(moneyOfOld(run)).toEqual([{ currency: "EUR", soFar: 150, perDay: 10 }]);
    // A legacy line with a discount: Amount 9456.00, TotalOtherDiscount 472.80, Subtotal 8983.20.
    const leg = runWithBilling(contoso(), [legacy([charge("2026-11-01", "2026-11-30", "8983.20", { cells: { Amount: "9456.00", TotalOtherDiscount: "472.80" } })])]);
    expect(moneyOfOld(leg)[0].perDay).toBeCloseTo(8983.2 / 30, 10);
  });

  test("a reconciliation file is never taken for a subscription export, although it has SubscriptionId, OfferName and Quantity", () => {
    for (const header of [LEGACY_HEADER, NCE_HEADER]) {
      expect(classifyHeader([...header])).toBe("billing");
      expect(detectKind("dropped.csv", [[...header]])).toBe("billing");
    }
    const imported = importFiles([{ path: "loose/recon.csv", role: "from", account: "FR", grid: legacyGrid([charge("2026-11-01", "2026-11-30", "10")]) }]);
    expect([imported.sheets.length, imported.records.length, imported.billing.map((f) => f.path)]).toEqual([0, 0, ["loose/recon.csv"]]);
  });
});

describe("§9 input: a billing file without the needed columns is one MISSING_COLUMN problem (row 0), its lines unread", () => {
  test("a new-commerce file without Currency", () => {
    const header = NCE_HEADER.filter((h) => h !== "Currency");
    const run = runWithBilling(contoso(), [{ source: "billing/nce.csv", grid: nceGrid([charge("2026-11-01", "2026-11-30", "300")], header) }]);
    expect(problemList(run.money.problems)).toEqual([["billing/nce.csv", 0, "MISSING_COLUMN"]]);
    expect(run.money.problems[0].message).toBe("New-commerce invoice reconciliation file: missing column Currency; its lines are not read");
    expect([moneyOfOld(run), run.money.files[0].state, run.money.unmatchedLines]).toEqual([[], "MISSING_COLUMN", 0]);
  });

  test("a legacy file whose SyndicationPartnerSubscriptionNumber was deleted is not read as new commerce by its SubscriptionId", () => {
    const header = LEGACY_HEADER.filter((h) => h !== "SyndicationPartnerSubscriptionNumber");
    const run = runWithBilling(contoso(), [{ source: "billing/legacy.csv", grid: legacyGrid([charge("2026-11-01", "2026-11-30", "300", { billingId: OLD })], header) }]);
    expect(problemList(run.money.problems)).toEqual([["billing/legacy.csv", 0, "MISSING_COLUMN"]]);
    expect(run.money.problems[0].message).toMatch(/^Legacy license-based reconciliation file: missing column SyndicationPartnerSubscriptionNumber \(the legacy file's SubscriptionId is a billing ID/);
    expect(moneyOfOld(run)).toEqual([]);
  });

  test("a file under billing/ that is no reconciliation file (a subscription export put there by mistake)", () => {
    const run = runWithBilling(contoso(), [{ source: "billing/Contoso.csv", grid: [["Subscription ID", "Subscription", "Quantity", "Status"], [OLD, E3, "10", "Active"]] }]);
    expect(problemList(run.money.problems)).toEqual([["billing/Contoso.csv", 0, "MISSING_COLUMN"]]);
    expect(run.money.problems[0].message).toBe(
      "Not a Partner Center reconciliation file: missing columns SyndicationPartnerSubscriptionNumber or SubscriptionId, ChargeStartDate, ChargeEndDate, Subtotal (or Amount, or Total), Currency; its lines are not read",
    );
  });

  test("an empty file (no header row at all) is EMPTY_FILE", () => {
    const run = runWithBilling(contoso(), [{ source: "billing/empty.csv", grid: [[""], []] }]);
    expect(problemList(run.money.problems)).toEqual([["billing/empty.csv", 0, "EMPTY_FILE"]]);
  });

  test("a header-only file is no problem: no lines", () => {
    const run = runWithBilling(contoso(), [nce([])]);
    expect([run.money.problems, run.money.files[0].lines, moneyOfOld(run)]).toEqual([[], 0, []]);
  });
});

describe("§9 input: dates — ISO (with a time or not), the spreadsheet's own dates, and Partner Center's M/D/YYYY", () => {
  // Each form writes 1 to 30 November 2026: 15 of its 30 days are in the overlap (10–24 November).
  test.each<[string, Cell, Cell]>([
    ["ISO", "2026-11-01", "2026-11-30"],
    ["ISO with a time", "2026-11-01T00:00:00Z", "2026-11-30T23:59:59.999Z"],
    ["M/D/YYYY H:MM as the legacy docs show it (2/1/2019 0:00, 2/28/2019 23:59)", "11/1/2026 0:00", "11/30/2026 23:59"],
    ["M/D/YYYY as the new-commerce docs show it", "11/1/2026", "11/30/2026"],
    ["spreadsheet serial days (xlsx, or a sheet in Excel), with a time fraction", 46327, 46356.99930555555],
  ])("%s", (_name, start, end) => {
    const run = runWithBilling(contoso(), [nce([charge("", "", "300", { start, end })])]);
    expect([run.money.problems, moneyOfOld(run)]).toEqual([[], [{ currency: "EUR", soFar: 150, perDay: 10 }]]);
  });

  test("every calendar day is read as isoToSerial reads it, and no day that does not exist (0, 13, 31 April, 29 Feb 1900)", () => {
    for (const y of [1, 26, 99, 100, 1900, 1904, 2000, 2024, 2026, 2100, 9999]) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const iso = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
          expect([iso, readDate(iso)]).toEqual([iso, isoToSerial(iso)]);
        }
      }
    }
  });

  test("the hand scanner of the usual forms reads every text as the date grammar does (readDateCode = readDateParts)", () => {
    const viaParts = (c: string) => {
      const r = readDateParts(c);
      if (r === null) return NaN;
      if ("serial" in r) return r.serial;
      const [a, b, y] = r.slash;
      return -(a * 1e6 + b * 1e4 + y);
    };
    for (const c of ["2026-11-01T00:00:00Z", "11/30/2026 23:59", " 11/1/2026", "11/1/2026 ", "2026-02-30", "12-11-2026", "11/30/20261", "2026-11-012", "2/28/2019 11:59 PM"]) {
      expect([c, readDateCode(c)]).toEqual([c, viaParts(c)]);
    }
    fc.assert(fc.property(fc.stringMatching(/^[0-9\-/ :.TZPMA]{0,20}$/), (c) => expect([c, readDateCode(c)]).toEqual([c, viaParts(c)])), { numRuns: 5000 });
    const parts = fc.tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 10000 }), fc.constantFrom("", " 0:00", " 23:59", "T10:00:00Z", "Z", " "));
    fc.assert(
      fc.property(parts, ([a, b, y, t]) => {
        for (const c of [`${a}/${b}/${y}${t}`, `${String(y).padStart(4, "0")}-${a}-${b}${t}`]) expect([c, readDateCode(c)]).toEqual([c, viaParts(c)]);
      }),
      { numRuns: 5000 },
    );
  });

  test("a file whose slash dates are day-first (re-saved by Excel in a European locale) is read day-first throughout", () => {
    // 13/10/2026 can only be day-first, so 01/11/2026 is 1 November and 30/11/2026 the 30th.
    const run = runWithBilling(contoso(), [nce([charge("13/10/2026", "31/10/2026", "0"), charge("01/11/2026", "30/11/2026", "300")])]);
    expect([run.money.problems, moneyOfOld(run)]).toEqual([[], [{ currency: "EUR", soFar: 150, perDay: 10 }]]);
  });

  test("a file with slash dates both day-first and month-first cannot be read either way: BAD_VALUE for its slash dates", () => {
    const run = runWithBilling(contoso(), [nce([charge("13/10/2026", "31/10/2026", "100"), charge("11/1/2026", "11/30/2026", "300"), charge("2026-11-01", "2026-11-30", "30")])]);
    expect(problemList(run.money.problems)).toEqual([
      ["billing/nce.csv", 2, "BAD_VALUE"],
      ["billing/nce.csv", 3, "BAD_VALUE"],
    ]);
    expect(run.money.problems[1].message).toBe(
      'Charge line not counted: ChargeStartDate "11/1/2026": the file\'s slash dates are written both day-first and month-first; ChargeEndDate "11/30/2026": the file\'s slash dates are written both day-first and month-first',
    );
    // The ISO line still counts.
    expect(moneyOfOld(run)).toEqual([{ currency: "EUR", soFar: 15, perDay: 1 }]);
  });

  test("an unreadable date is a BAD_VALUE problem for that line (row as a spreadsheet numbers it, header = 1); the other lines count", () => {
    const run = runWithBilling(contoso(), [nce([charge("2026-11-01", "2026-11-30", "300"), charge("next month", "2026-12-31", "310"), charge("2026-12-01", "", "310")])]);
    expect(problemList(run.money.problems)).toEqual([
      ["billing/nce.csv", 3, "BAD_VALUE"],
      ["billing/nce.csv", 4, "BAD_VALUE"],
    ]);
    expect(run.money.problems.map((p) => p.message)).toEqual([
      'Charge line not counted: ChargeStartDate "next month" is not a date',
      "Charge line not counted: ChargeEndDate is empty",
    ]);
    expect(moneyOfOld(run)).toEqual([{ currency: "EUR", soFar: 150, perDay: 10 }]);
  });

  test("code's choice: a charge period that ends before it starts is a BAD_VALUE (a one-day period is not: both days count)", () => {
    const run = runWithBilling(contoso(), [nce([charge("2026-11-30", "2026-11-01", "300"), charge("2026-11-20", "2026-11-20", "7")])]);
    expect(problemList(run.money.problems)).toEqual([["billing/nce.csv", 2, "BAD_VALUE"]]);
    expect(run.money.problems[0].message).toBe("Charge line not counted: ChargeEndDate is before ChargeStartDate");
    expect(moneyOfOld(run)).toEqual([{ currency: "EUR", soFar: 7, perDay: 7 }]);
  });
});

describe("§9 input: amounts and currencies", () => {
  test.each<[string, Cell, number]>([
    ["a dot decimal", "310.00", 310],
    ["a credit", "-310.00", -310],
    ["a decimal comma (a file re-saved in a comma locale)", "310,00", 310],
    ["a number cell", 310, 310],
    ["an exponent (tiny usage amounts)", "3.1E+02", 310],
  ])("%s", (_name, subtotal, value) => {
    const run = runWithBilling(contoso(), [nce([charge("2026-11-01", "2026-11-30", subtotal)])]);
    expect(run.money.problems).toEqual([]);
    expect(moneyOfOld(run)[0].perDay).toBeCloseTo(value / 30, 12);
  });

  test.each<[string, Cell, string]>([
    ["ambiguous thousands separator", "1,234", 'Subtotal "1,234" is ambiguous (a thousands separator or a decimal comma?): write it without thousands separators'],
    ["text", "12 EUR", 'Subtotal "12 EUR" is not an amount'],
    ["empty", "", "Subtotal is empty"],
  ])("an unreadable amount is a BAD_VALUE: %s", (_name, subtotal, reason) => {
    const run = runWithBilling(contoso(), [nce([charge("2026-11-01", "2026-11-30", subtotal)])]);
    expect(run.money.problems.map((p) => [p.row, p.code, p.message])).toEqual([[2, "BAD_VALUE", `Charge line not counted: ${reason}`]]);
    expect(moneyOfOld(run)).toEqual([]);
  });

  test("code's choice: a line without a currency is a BAD_VALUE (it belongs to no currency, and amounts are never converted)", () => {
    const run = runWithBilling(contoso(), [nce([charge("2026-11-01", "2026-11-30", "300", { currency: " " })])]);
    expect(run.money.problems.map((p) => p.message)).toEqual(["Charge line not counted: Currency is empty: the amount belongs to no currency (amounts are never converted)"]);
  });

  test("the hand scanner of the usual amounts and codes reads as readAmount and readCurrency do", () => {
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^[-+0-9.,eE ]{0,10}$/), fc.double().map(String), fc.stringMatching(/^[A-Za-z ]{0,4}$/)), (c) => {
        const a = readAmount(c);
        expect([c, amountValue(c)]).toEqual([c, a.ok ? a.value : NaN]);
        const k = readCurrency(c);
        expect([c, currencyValue(c)]).toEqual([c, k.ok ? k.value : ""]);
      }),
      { numRuns: 5000 },
    );
  });

  test("currency codes are read in any case", () => {
    const run = runWithBilling(contoso(), [nce([charge("2026-11-01", "2026-11-30", "300", { currency: "eur" })])]);
    expect(moneyOfOld(run).map((m) => m.currency)).toEqual(["EUR"]);
  });

  test("code's choice: an unreadable line of a subscription the reconciliation does not hold is only counted as unmatched, no problem", () => {
    const run = runWithBilling(contoso(), [nce([charge("garbage", "2026-11-30", "x", { id: "11111111-2222-4333-8444-555555555555" })])]);
    expect([run.money.problems, run.money.unmatchedLines]).toEqual([[], 1]);
  });
});

describe("§9 matching: a line belongs to the old row whose Subscription ID equals its key (case-insensitive, braces ignored)", () => {
  test("braces and case", () => {
    expect(chargeKey(" {7CEFD5C5-6385-4768-AE5D-EAA1EF2CD05A} ")).toBe(OLD);
    const run = runWithBilling(
      new ExportSet().old("FR", "Contoso", [oldRow("Active", `{${OLD2.toUpperCase()}}`)]).new("Contoso", [newRow()]),
      [nce([charge("2026-11-01", "2026-11-30", "300", { id: OLD2 }), charge("2026-11-01", "2026-11-30", "30", { id: `{${OLD2.toUpperCase()}}` })])],
    );
    expect([run.money.unmatchedLines, moneyOfOld(run)]).toEqual([0, [{ currency: "EUR", soFar: 165, perDay: 11 }]]);
  });

  test("legacy file: the key is SyndicationPartnerSubscriptionNumber; its SubscriptionId (a billing ID) never matches, even when it looks like one", () => {
    const other = "99999999-8888-4777-8666-555555555555";
    const run = runWithBilling(contoso(), [
      legacy([
        // The billing ID column holds the old row's ID, the Partner Center ID column another one: no match.
        charge("2026-11-01", "2026-11-30", "300", { id: other, billingId: OLD }),
        // The Partner Center ID column holds the old row's ID: a match.
        charge("2026-11-01", "2026-11-30", "60", { id: OLD.toUpperCase(), billingId: "usCBMgAAAAAAAAIA" }),
      ]),
    ]);
    expect([run.money.unmatchedLines, moneyOfOld(run)]).toEqual([1, [{ currency: "EUR", soFar: 30, perDay: 2 }]]);
  });

  test("new-commerce file: the key is SubscriptionId", () => {
    const run = runWithBilling(contoso(), [nce([charge("2026-11-01", "2026-11-30", "60")])]);
    expect([run.money.unmatchedLines, moneyOfOld(run)]).toEqual([0, [{ currency: "EUR", soFar: 30, perDay: 2 }]]);
  });

  test("lines that match no old row are counted in unmatchedLines and are no problem (lines of new rows and of other customers too)", () => {
    const run = runWithBilling(contoso(), [
      nce([
        charge("2026-11-01", "2026-11-30", "60", { id: NEW }),
        charge("2026-11-01", "2026-11-30", "60", { id: "11111111-2222-4333-8444-555555555555" }),
        charge("2026-11-01", "2026-11-30", "60", { id: "" }),
        charge("2026-11-01", "2026-11-30", "60"),
      ]),
    ]);
    expect([run.money.problems, run.money.unmatchedLines, run.report.money.unmatchedLines, moneyOfOld(run)]).toEqual([
      [],
      3,
      3,
      [{ currency: "EUR", soFar: 30, perDay: 2 }],
    ]);
  });

  test("reading only the wanted lines gives the same figures as reading all of them", () => {
    const set = contoso();
    const files = [nce([charge("2026-11-01", "2026-11-30", "60"), charge("2026-11-01", "2026-11-30", "60", { id: NEW }), charge("bad", "2026-11-30", "1", { id: NEW })])];
    const { result } = set.run();
    const all = computeMoney(result, readBilling(files));
    const some = computeMoney(result, readBilling(files, (k) => (k === OLD ? OLD : null)));
    const figures = (m: typeof all) => ({ report: buildReport(result, m), rows: m.rowsWithLines.map((i) => m.row(i)) });
    expect(figures(some)).toEqual(figures(all));
    expect(all.unmatchedLines).toBe(2);
  });

  test("an ID twice in one old account: the lines belong to the row that counts (the first, §7.10)", () => {
    const run = runWithBilling(new ExportSet().old("FR", "Contoso", [oldRow(), oldRow()]).new("Contoso", [newRow()]), [nce([charge("2026-11-01", "2026-11-30", "60")])]);
    const rows = run.result.rows.filter((r) => r.role === "from");
    expect(rows.map((r) => r.outcome)).toEqual(["grouped", "duplicate"]);
    expect([rowMoney(run.money, 0), rowMoney(run.money, 1)]).toEqual([[{ currency: "EUR", soFar: 30, perDay: 2 }], []]);
  });
});

describe("§9 overlap: from the earliest start date of the group's active new rows to the as-of date, both days included", () => {
  const line = [charge("2026-11-01", "2026-11-30", "300")];

  test("the same date as the double-billing advice (§4): pending new rows do not count", () => {
    const run = runWithBilling(
      new ExportSet().old("FR", "Contoso", [oldRow()]).new("Contoso", [newRow("2026-11-20"), { ...newRow("2026-11-01", "Pending"), id: "0f0f0f0f-0000-4000-8000-000000000001" }]),
      [nce(line)],
    );
    expect(onlyGroup(run.result).notes).toEqual(["double billing for 4 days"]);
    expect(run.money.row(0)!.overlapFrom).toBe(run.result.groups[0].totals.earliestNewStart);
    // 20..24 November: 5 days of 30.
    expect(moneyOfOld(run)).toEqual([{ currency: "EUR", soFar: 50, perDay: 10 }]);
  });

  test("a start date on the as-of date: one day", () => {
    expect(moneyOfOld(runWithBilling(contoso("Active", "2026-11-24"), [nce(line)]))).toEqual([{ currency: "EUR", soFar: 10, perDay: 10 }]);
  });

  test("a start date after the as-of date: no overlap, nothing so far (per day still)", () => {
    const run = runWithBilling(contoso("Active", "2026-11-25"), [nce(line)]);
    expect([run.money.row(0)!.overlapFrom, moneyOfOld(run)]).toEqual([null, [{ currency: "EUR", soFar: 0, perDay: 10 }]]);
  });

  test("an unknown start date (the new export has no date column): no overlap, nothing so far, but the cost per day", () => {
    const run = runWithBilling(new ExportSet().old("FR", "Contoso", [oldRow()]).new("Contoso", [{ id: NEW, offer: E3, qty: "10", status: "Active" }]), [nce(line)]);
    expect(onlyGroup(run.result).verdict).toBe("OLD_STILL_ACTIVE");
    expect([run.money.row(0)!.overlapFrom, moneyOfOld(run)]).toEqual([null, [{ currency: "EUR", soFar: 0, perDay: 10 }]]);
  });

  test("no new row at all (MISSING_NEW): no overlap; per day as §9 says for any old row still billing", () => {
    const run = runWithBilling(new ExportSet().old("FR", "Contoso", [oldRow()]), [nce(line)]);
    expect(onlyGroup(run.result).verdict).toBe("MISSING_NEW");
    expect(moneyOfOld(run)).toEqual([{ currency: "EUR", soFar: 0, perDay: 10 }]);
  });
});

describe("§9 cost so far = Σ subtotal × days of the period inside the overlap ÷ days of the period (whole days, both ends included)", () => {
  // Overlap 10..24 November 2026.
  test.each<[string, string, string, Cell, number]>([
    ["a period inside the overlap counts whole", "2026-11-12", "2026-11-21", "100", 100],
    ["a period straddling the overlap's start: 10..30 Nov of 1..30 Nov", "2026-11-01", "2026-11-30", "300", 150],
    ["a period ending on the overlap's first day: one day of ten", "2026-11-01", "2026-11-10", "100", 10],
    ["a period ending the day before the overlap: nothing", "2026-10-01", "2026-11-09", "400", 0],
    ["a period starting on the as-of date: one day of ten", "2026-11-24", "2026-12-03", "100", 10],
    ["a period starting the day after the as-of date: nothing", "2026-11-25", "2026-12-24", "300", 0],
    ["a one-day period inside the overlap", "2026-11-15", "2026-11-15", "9", 9],
    ["an annual period, 19 Dec 2025..18 Dec 2026 = 365 days, 15 inside", "2025-12-19", "2026-12-18", "3650", 150],
    ["a period over the whole overlap and beyond: 15 of 31 days", "2026-11-01", "2026-12-01", "310", 150],
  ])("%s", (_name, start, end, subtotal, soFar) => {
    const run = runWithBilling(contoso("Suspended"), [nce([charge(start, end, subtotal)])]);
    expect(moneyOfOld(run)[0].soFar).toBeCloseTo(soFar, 10);
  });

  test("lines of every month add up; only the days inside the overlap count", () => {
    const run = runWithBilling(contoso("Suspended", "2026-10-20"), [
      nce([charge("2026-09-01", "2026-09-30", "300"), charge("2026-10-01", "2026-10-31", "310"), charge("2026-11-01", "2026-11-30", "300")]),
    ]);
    // October 20..31 = 12 of 31 days; November 1..24 = 24 of 30 days.
    expect(moneyOfOld(run)[0].soFar).toBeCloseTo(120 + 240, 10);
  });
});

describe("§9 credit lines (negative subtotals) count with their sign", () => {
  test("a legacy suspension mid-month: the month's fee and the prorated credit leave the days before it", () => {
    // Overlap from 1 October; suspended on 6 October: credit for 6..31 October.
    const run = runWithBilling(contoso("Suspended", "2026-10-01"), [
      legacy([charge("10/1/2026 0:00", "10/31/2026 23:59", "310.00"), charge("10/6/2026 0:00", "10/31/2026 23:59", "-260.00", { chargeType: "Prorate fees when cancel" })]),
    ]);
    expect(moneyOfOld(run)).toEqual([{ currency: "EUR", soFar: 50, perDay: 0 }]);
  });

  test("a credit straddling the overlap's start counts for its days inside only", () => {
    // Overlap from 10 November: the credit for 5..30 November (26 days) counts 15 of them.
    const run = runWithBilling(contoso("Suspended"), [nce([charge("2026-11-05", "2026-11-30", "-260")])]);
    expect(moneyOfOld(run)[0].soFar).toBeCloseTo(-150, 10);
  });
});

describe("§9 per day: an old row still billing costs its latest line's subtotal ÷ that line's days", () => {
  const lines = [charge("2026-11-01", "2026-11-30", "300"), charge("2026-10-01", "2026-10-31", "620")];

  test("the latest line is the one with the latest ChargeEndDate, wherever it is in the file", () => {
    expect(moneyOfOld(runWithBilling(contoso("Active"), [nce(lines)]))[0].perDay).toBe(10);
    expect(moneyOfOld(runWithBilling(contoso("Active"), [nce([...lines].reverse())]))[0].perDay).toBe(10);
  });

  test.each<[string, string, [string, string][], number]>([
    ["active", "Active", [], 10],
    ["pending", "Pending", [], 10],
    ["suspended and new commerce (accounts.csv)", "Suspended", [["FR", "nce"]], 10],
    ["suspended and legacy: it stopped billing", "Suspended", [], 0],
    ["canceled", "Canceled", [["FR", "nce"]], 0],
    ["expired", "Expired", [], 0],
  ])("%s", (_name, status, accounts, perDay) => {
    const run = runWithBilling(contoso(status).accounts(accounts), [nce(lines)]);
    expect(moneyOfOld(run)[0].perDay).toBe(perDay);
    expect(run.money.row(0)!.stillBilling).toBe(perDay > 0);
  });

  test("suspended, new commerce by its offer ID in a legacy account", () => {
    const run = runWithBilling(
      new ExportSet().old("FR", "Contoso", [{ ...oldRow("Suspended"), cols: { "Offer ID": "CFQ7TTC0LF8Q:0001:CFQ7TTC0KF6Q" } }]).new("Contoso", [newRow()]),
      [nce(lines)],
    );
    expect(onlyGroup(run.result).verdict).toBe("NCE_STILL_BILLED");
    expect(moneyOfOld(run)[0].perDay).toBe(10);
  });

  test("code's choice: lines ending on the same latest day make the day's cost together (a cycle charge and a seat change)", () => {
    const run = runWithBilling(contoso("Active"), [
      nce([
        charge("2026-11-01", "2026-11-30", "300"),
        charge("2026-11-12", "2026-11-30", "38", { chargeType: "addQuantity" }),
        charge("2026-11-12", "2026-11-30", "-19", { chargeType: "removeQuantity" }),
      ]),
    ]);
    expect(moneyOfOld(run)[0].perDay).toBeCloseTo(10 + 2 - 1, 10);
  });

  test("an annual line: its subtotal ÷ 365", () => {
    const run = runWithBilling(contoso("Active"), [legacy([charge("12/19/2025 0:00", "12/18/2026 23:59", "8983.20", { chargeType: "Renew fee" })])]);
    expect(moneyOfOld(run)[0].perDay).toBeCloseTo(8983.2 / 365, 10);
    expect(roundCents(moneyOfOld(run)[0].perDay)).toBe(24.61);
  });
});

describe("§9 an old row with no charge line", () => {
  test("has no figures (not zeros): its row, group and customer money is empty", () => {
    const run = runWithBilling(contoso("Active"), [nce([charge("2026-11-01", "2026-11-30", "300", { id: "11111111-2222-4333-8444-555555555555" })])]);
    expect([moneyOfOld(run), groupMoney(run.money, 0), customerMoney(run.money, 0), run.report.customers[0].money, run.report.customers[0].groups[0].money]).toEqual([
      [],
      [],
      [],
      [],
      [],
    ]);
  });

  test("and no billing file at all: every figure is empty, the report still has its money fields", () => {
    const { report } = contoso().run();
    expect([report.customers[0].money, report.money]).toEqual([[], { byCurrency: [], unmatchedLines: 0, duplicateLines: 0, files: [] }]);
  });
});

describe("§9 sums per row, group and customer, per currency (never converted)", () => {
  const CHF = "33ad2150-460f-461f-900f-5390875004e9";

  test("two currencies stay apart in the row, the group, the customer and the totals; groups and customers add their rows", () => {
    const run = runWithBilling(
      new ExportSet()
        .old("FR", "Contoso", [oldRow("Active", OLD), oldRow("Active", OLD2), oldRow("Active", "44444444-0000-4000-8000-000000000004", "Exchange Online (Plan 1)")])
        .old("CH", "Contoso", [oldRow("Active", CHF)])
        .new("Contoso", [newRow(), { id: "55555555-0000-4000-8000-000000000005", offer: "Exchange Online (Plan 1)", qty: "10", status: "Active", cols: { "Start date": "2026-11-20" } }]),
      [
        nce([charge("2026-11-01", "2026-11-30", "300"), charge("2026-11-01", "2026-11-30", "60", { id: OLD2 }), charge("2026-11-01", "2026-11-30", "30", { id: "44444444-0000-4000-8000-000000000004" })], "billing/eur.csv"),
        nce([charge("2026-11-01", "2026-11-30", "90", { id: CHF, currency: "CHF" })], "billing/chf.csv"),
      ],
    );
    const e3 = groupOf(run.result, "Contoso", "office 365 e3");
    const exo = groupOf(run.result, "Contoso", "exchange online (plan 1)");
    // Office 365 E3: 300 + 60 EUR and 90 CHF, 15 of 30 days each; Exchange from 20 November: 5 of 30 days.
    expect(groupMoney(run.money, e3.index)).toEqual([
      { currency: "CHF", soFar: 45, perDay: 3 },
      { currency: "EUR", soFar: 180, perDay: 12 },
    ]);
    expect(groupMoney(run.money, exo.index)).toEqual([{ currency: "EUR", soFar: 5, perDay: 1 }]);
    expect(customerMoney(run.money, 0)).toEqual([
      { currency: "CHF", soFar: 45, perDay: 3 },
      { currency: "EUR", soFar: 185, perDay: 13 },
    ]);
    expect(run.money.byCurrency).toEqual(customerMoney(run.money, 0));
    expect(run.report.money.byCurrency).toEqual([
      { currency: "CHF", soFar: 45, perDay: 3 },
      { currency: "EUR", soFar: 185, perDay: 13 },
    ]);
  });

  test("rows that count nowhere (unknown status, excluded) keep their own figures but add to no group", () => {
    const run = runWithBilling(
      new ExportSet()
        .old("FR", "Contoso", [oldRow("Transferred", OLD), { ...oldRow("Active", OLD2), cols: { Decision: "Exclude" } }, oldRow("Active", "44444444-0000-4000-8000-000000000004")])
        .new("Contoso", [newRow()]),
      [nce([charge("2026-11-01", "2026-11-30", "300"), charge("2026-11-01", "2026-11-30", "60", { id: OLD2 }), charge("2026-11-01", "2026-11-30", "30", { id: "44444444-0000-4000-8000-000000000004" })])],
    );
    expect([rowMoney(run.money, 0), rowMoney(run.money, 1)]).toEqual([
      [{ currency: "EUR", soFar: 150, perDay: 0 }],
      [{ currency: "EUR", soFar: 30, perDay: 2 }],
    ]);
    expect(groupMoney(run.money, 0)).toEqual([{ currency: "EUR", soFar: 15, perDay: 1 }]);
  });

  test("report.json figures are rounded to cents; the sums are made before rounding", () => {
    // 8983.20 × 23 ÷ 365 = 566.0646…; per day 8983.20 ÷ 365 = 24.6115…
    const run = runWithBilling(contoso("Active", "2026-11-02"), [legacy([charge("12/19/2025 0:00", "12/18/2026 23:59", "8983.20")])]);
    expect(moneyOfOld(run)[0].soFar).toBeCloseTo(566.0646575, 6);
    expect(run.report.customers[0].money).toEqual([{ currency: "EUR", soFar: 566.06, perDay: 24.61 }]);
    expect(run.report.customers[0].groups[0].money).toEqual([{ currency: "EUR", soFar: 566.06, perDay: 24.61 }]);
    expect([roundCents(1.005), roundCents(-157.255), roundCents(0.004), roundCents(-0.004)]).toEqual([1.01, -157.26, 0, 0]);
  });
});

describe("§9 the same line in two files", () => {
  const lines = [charge("2026-11-01", "2026-11-30", "300", { cells: { OrderId: "o-1" } })];

  test("code's choice: a line already counted from an earlier file (the same invoice downloaded twice) counts once", () => {
    const run = runWithBilling(contoso(), [nce(lines, "billing/nov.csv"), nce(lines, "billing/nov (1).csv")]);
    expect([moneyOfOld(run), run.money.duplicateLines, run.report.money.duplicateLines]).toEqual([[{ currency: "EUR", soFar: 150, perDay: 10 }], 1, 1]);
  });

  test("the current period's unbilled line, then the same charge on the invoice (an invoice number added): once", () => {
    const billed = [{ ...lines[0], cells: { ...lines[0].cells, InvoiceNumber: "G065102958" } }];
    const unbilled = [{ ...lines[0], cells: { ...lines[0].cells, InvoiceNumber: "" } }];
    const run = runWithBilling(contoso(), [nce(unbilled, "billing/unbilled.csv"), nce(billed, "billing/invoice.csv")]);
    expect(run.money.duplicateLines).toBe(1);
  });

  test("two equal lines within one file both count (the file is Microsoft's statement)", () => {
    const run = runWithBilling(contoso(), [nce([...lines, ...lines])]);
    expect([moneyOfOld(run), run.money.duplicateLines]).toEqual([[{ currency: "EUR", soFar: 300, perDay: 20 }], 0]);
  });

  test("code's choice: a subscription in both a legacy and a new-commerce file: each file's lines count", () => {
    const run = runWithBilling(contoso(), [legacy(lines), nce(lines)]);
    expect([moneyOfOld(run), run.money.duplicateLines]).toEqual([[{ currency: "EUR", soFar: 300, perDay: 20 }], 0]);
  });
});

describe("§9 nothing about money ever changes a verdict", () => {
  const set = () =>
    new ExportSet()
      .old("FR", "Contoso", [oldRow("Active"), oldRow("Suspended", OLD2, "Exchange Online (Plan 1)")])
      .new("Contoso", [newRow(), { id: "55555555-0000-4000-8000-000000000005", offer: "Exchange Online (Plan 1)", qty: "10", status: "Active" }])
      .accounts([["FR", "nce"]]);
  const files = [
    nce([charge("2026-11-01", "2026-11-30", "300"), charge("2026-11-01", "2026-11-30", "60", { id: OLD2 }), charge("bad", "2026-11-30", "1"), charge("2026-11-01", "2026-11-30", "5", { id: "x" })]),
    { source: "billing/broken.csv", grid: [["ChargeStartDate"], ["2026-11-01"]] },
  ];

  test("the engine result is the same object, unchanged, and the report differs only in money and the billing problems", () => {
    const plain = set().run();
    const { result } = set().run();
    const before = JSON.stringify(result);
    const money = computeMoney(result, readBilling(files));
    expect(JSON.stringify(result)).toBe(before);
    expect(money.problems.map((p) => p.code)).toEqual(["MISSING_COLUMN", "BAD_VALUE"]);
    const withMoney = buildReport(result, money);
    const strip = (r: typeof withMoney) => ({
      ...r,
      money: null,
      problems: r.problems.filter((p) => !p.source.startsWith("billing/")),
      customers: r.customers.map((c) => ({ ...c, money: null, groups: c.groups.map((g) => ({ ...g, money: null })) })),
    });
    expect(strip(withMoney)).toEqual(strip(plain.report));
    expect(withMoney.totals).toEqual(plain.report.totals);
    expect(withMoney.customers.map((c) => [c.verdict, c.groups.map((g) => g.verdict)])).toEqual(plain.report.customers.map((c) => [c.verdict, c.groups.map((g) => g.verdict)]));
  });

  test("the importer's reading of the same exports is untouched by a billing file among them", () => {
    const files2 = [...set().files, importFile("from/FR/Customers.csv", [["Microsoft ID", "Company name"]])];
    const recon = { path: "billing/nce.csv", role: "from" as const, account: "", grid: nceGrid([charge("2026-11-01", "2026-11-30", "300")]) };
    const a = importFiles(files2);
    const b = importFiles([...files2, recon]);
    expect([b.sheets, b.records]).toEqual([a.sheets, a.records]);
  });
});
