/**
 * The headless command's report.json (spec §6).
 */
import { ReportAction, deriveActions, reportAction } from "./actions";
import { serialToIso } from "./cells";
import { NO_BILLING } from "./charges";
import { EngineResult, ProblemCode } from "./model";
import { Money, MoneyResult, computeMoney, customerMoney, groupMoney, inCents } from "./money";
import { CUSTOMER_ORDER, CustomerVerdict, GroupVerdict, isFlagged } from "./verdicts";
import { RunWarning, runWarnings } from "./warnings";

export interface ReportGroup {
  readonly offer: string;
  readonly azure: boolean;
  readonly required: number;
  readonly newSeats: number;
  readonly verdict: GroupVerdict;
  readonly notes: readonly string[];
  /** §9, in cents; empty when no charge line matched. */
  readonly money: Money;
}

export interface ReportCustomer {
  readonly customer: string;
  readonly microsoftId: string | null;
  readonly verdict: CustomerVerdict;
  /** §4 problem rows of the customer's exports. */
  readonly problems: number;
  readonly groups: readonly ReportGroup[];
  readonly money: Money;
}

/** §9 top level: every customer together, per currency, and what the billing files held. */
export interface ReportMoney {
  readonly byCurrency: Money;
  readonly unmatchedLines: number;
  readonly duplicateLines: number;
  readonly files: readonly { source: string; kind: "legacy" | "nce" | null; lines: number }[];
}

export interface Report {
  readonly asOf: string;
  /** Exports of a whole side missing (src/domain/warnings.ts); empty when both sides were read. */
  readonly warnings: readonly RunWarning[];
  readonly customers: readonly ReportCustomer[];
  readonly problems: readonly { source: string; row: number; code: ProblemCode; message: string }[];
  readonly totals: { customers: number; flagged: number; byVerdict: Partial<Record<CustomerVerdict, number>> };
  /** Spec §8 Next steps, in its order. */
  readonly actions: readonly ReportAction[];
  readonly money: ReportMoney;
}

/** Customers in Summary order: verdict order of the Summary sheet, then name. */
export function summaryOrder(result: EngineResult): number[] {
  return result.customers
    .map((c) => c.index)
    .sort((a, b) => {
      const ca = result.customers[a];
      const cb = result.customers[b];
      return CUSTOMER_ORDER.indexOf(ca.verdict) - CUSTOMER_ORDER.indexOf(cb.verdict) || a - b;
    });
}

/** `money`: the §9 figures when billing files were read; without them every figure is empty. */
export function buildReport(result: EngineResult, money: MoneyResult = computeMoney(result, NO_BILLING)): Report {
  const customers = summaryOrder(result).map((ci) => {
    const c = result.customers[ci];
    return {
      customer: c.name,
      microsoftId: c.microsoftId,
      verdict: c.verdict,
      problems: c.problemRows,
      groups: c.groups
        .map((gi) => result.groups[gi])
        // Groups whose rows all failed to read count nowhere (§7.3) and are left out.
        .filter((g) => g.counted)
        .map((g) => ({
          offer: g.offerKey,
          azure: g.azure,
          required: g.totals.R,
          newSeats: g.totals.N,
          verdict: g.verdict,
          notes: g.notes,
          money: inCents(groupMoney(money, g.index)),
        })),
      money: inCents(customerMoney(money, ci)),
    };
  });
  const byVerdict: Partial<Record<CustomerVerdict, number>> = {};
  for (const c of customers) byVerdict[c.verdict] = (byVerdict[c.verdict] ?? 0) + 1;
  return {
    asOf: serialToIso(result.asOf),
    warnings: runWarnings(result),
    customers,
    problems: [...result.problems, ...money.problems].map((p) => ({ source: p.source, row: p.row, code: p.code, message: p.message })),
    totals: {
      customers: customers.length,
      flagged: customers.filter((c) => isFlagged(c.verdict, c.problems)).length,
      byVerdict,
    },
    actions: deriveActions(result).map(reportAction),
    money: {
      byCurrency: inCents(money.byCurrency),
      unmatchedLines: money.unmatchedLines,
      duplicateLines: money.duplicateLines,
      files: money.files.map((f) => ({ source: f.source, kind: f.kind, lines: f.lines })),
    },
  };
}
