/**
 * Reconciliation (invoice) files for the money tests (spec §9), with the column sets of
 * research/domain.md §1.6 in their documented order. A line names only what a test is about;
 * every other cell gets a plausible value.
 */
import { Cell } from "../../../src/domain/cells";
import { BillingData, BillingReader, readBillingGrid } from "../../../src/domain/charges";
import { MoneyResult, computeMoney } from "../../../src/domain/money";
import { Report, buildReport } from "../../../src/domain/report";
import { ExportSet, Run } from "./exports";

/** The legacy license-based file (docs: license-based-recon-files). */
export const LEGACY_HEADER = [
  "PartnerId", "CustomerId", "CustomerName", "MpnId", "ResellerMpnId", "OrderId", "SubscriptionId",
  "SyndicationPartnerSubscriptionNumber", "OfferId", "DurableOfferId", "OfferName", "SubscriptionStartDate",
  "SubscriptionEndDate", "ChargeStartDate", "ChargeEndDate", "ChargeType", "UnitPrice", "Quantity", "Amount",
  "TotalOtherDiscount", "Subtotal", "Tax", "TotalForCustomer", "Currency", "DomainName", "SubscriptionName",
  "SubscriptionDescription", "BillingCycleType",
] as const;

/** The new-commerce invoice file (docs: modern-invoice-reconciliation-file). */
export const NCE_HEADER = [
  "PartnerId", "CustomerId", "CustomerName", "CustomerDomainName", "CustomerCountry", "InvoiceNumber", "MpnId",
  "ResellerMpnId", "OrderId", "OrderDate", "ProductId", "SkuId", "AvailabilityId", "SkuName", "ProductName",
  "ChargeType", "UnitPrice", "Quantity", "Subtotal", "TaxTotal", "Total", "Currency", "PriceAdjustmentDescription",
  "PublisherName", "PublisherId", "SubscriptionDescription", "SubscriptionId", "ChargeStartDate", "ChargeEndDate",
  "TermAndBillingCycle", "EffectiveUnitPrice", "UnitType", "AlternateId", "BillableQuantity", "BillingFrequency",
  "PricingCurrency", "PCToBCExchangeRate", "PCToBCExchangeRateDate", "MeterDescription", "ReservationOrderId",
  "CreditReasonCode", "SubscriptionStartDate", "SubscriptionEndDate", "ReferenceId", "ProductQualifiers", "PromotionId",
] as const;

/** One charge line: the subscription (Partner Center ID), the period, the amount. */
export interface Charge {
  readonly id: Cell;
  readonly start: Cell;
  readonly end: Cell;
  readonly subtotal: Cell;
  readonly currency?: Cell;
  readonly chargeType?: string;
  /** Legacy only: the billing ID in the `SubscriptionId` column (never the Partner Center ID). */
  readonly billingId?: string;
  /** Cells by header name, overriding the defaults. */
  readonly cells?: Readonly<Record<string, Cell>>;
}

let order = 0;

function line(header: readonly string[], values: Record<string, Cell>): Cell[] {
  return header.map((h) => (h in values ? values[h] : ""));
}

export function legacyGrid(charges: readonly Charge[], header: readonly string[] = LEGACY_HEADER): Cell[][] {
  return [
    [...header],
    ...charges.map((c) =>
      line(header, {
        PartnerId: "3e0f9c71-5d4b-4c1e-9a57-1f2b8c6d0e41",
        CustomerName: "Contoso",
        OrderId: String(566890604832700000 + ++order),
        SubscriptionId: c.billingId ?? "usCBMgAAAAAAAAIA",
        SyndicationPartnerSubscriptionNumber: c.id,
        OfferName: "Office 365 E3",
        ChargeStartDate: c.start,
        ChargeEndDate: c.end,
        ChargeType: c.chargeType ?? "Cycle fee",
        Quantity: "10",
        Amount: c.subtotal,
        TotalOtherDiscount: "0",
        Subtotal: c.subtotal,
        Tax: "0",
        TotalForCustomer: c.subtotal,
        Currency: c.currency ?? "EUR",
        BillingCycleType: "Monthly",
        ...c.cells,
      }),
    ),
  ];
}

export function nceGrid(charges: readonly Charge[], header: readonly string[] = NCE_HEADER): Cell[][] {
  return [
    [...header],
    ...charges.map((c) =>
      line(header, {
        PartnerId: "8a41d2c6-0b7e-4f39-a5d8-6e2c1b9f7a30",
        CustomerName: "Contoso",
        CustomerCountry: "DE",
        InvoiceNumber: "G052418377",
        OrderId: `order-${++order}`,
        ProductId: "CFQ7TTC0LF8Q",
        SkuId: "0001",
        AvailabilityId: "CFQ7TTC0KF6Q",
        ProductName: "Office 365 E3",
        ChargeType: c.chargeType ?? "cycleCharge",
        Quantity: "10",
        Subtotal: c.subtotal,
        TaxTotal: "0",
        Total: c.subtotal,
        Currency: c.currency ?? "EUR",
        SubscriptionId: c.id,
        ChargeStartDate: c.start,
        ChargeEndDate: c.end,
        ...c.cells,
      }),
    ),
  ];
}

export interface BillingFileSpec {
  readonly source: string;
  readonly grid: readonly (readonly Cell[])[];
}

/** Reads billing grids as the pane would read sheets (every line kept). */
export function readBilling(files: readonly BillingFileSpec[], wanted: ((key: string) => string | null) | null = null): BillingData {
  const reader = new BillingReader(wanted);
  for (const f of files) readBillingGrid(reader, f.source, f.grid);
  return reader.data();
}

export interface MoneyRun extends Run {
  readonly billing: BillingData;
  readonly money: MoneyResult;
  readonly report: Report;
}

/** The export set reconciled, then the billing files read and the money computed. */
export function runWithBilling(set: ExportSet, files: readonly BillingFileSpec[], asOf?: string): MoneyRun {
  const run = set.run(asOf);
  const billing = readBilling(files);
  const money = computeMoney(run.result, billing);
  return { ...run, billing, money, report: buildReport(run.result, money) };
}
