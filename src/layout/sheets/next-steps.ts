/**
 * Next steps (spec §8, issue 12): one row per action of deriveActions(), in §8's order, with what
 * a partner needs in Partner Center — the account to sign in to, the customer, the subscription
 * IDs, seats, due date and the sentence — so the sheet filtered to one account is that account's
 * work, top to bottom.
 *
 * Two columns are live. *Days of double billing* counts from the group's earliest active new
 * start to the as-of cell while the group is *Old still active*. *Still needed* is STILL_NEEDED
 * of the action's code (domain/actions/table.ts) compiled into one formula: CHOOSE by the code's
 * number over every code's condition, whose variables are hidden helper cells of the row — the
 * customer's verdict (CSP Customers), the group's rank and P and the row's status, commerce and
 * its account's active or pending rows (CSP Calc, at positions stored as plain values), the
 * Azure, Reassign and problem-row facts of the run. It says *Re-run needed* while the keys of the
 * group (or, for a customer's own action, of the customer) are stale. *Done* is the user's: the
 * add-in carries it over to the action with the same key on the next run.
 *
 * With reconciliation files (spec §9), the rows that stop the billing — an old row's SUSPEND_OLD
 * or CANCEL_NCE — carry that row's cost per day and its currency, values of the run like the
 * Summary's money (money.ts), after the hidden columns.
 */
import { ACTION_CODES, ACTION_LABEL, ACTION_TABLE, Action, ActionCode, LET_EXPIRE_LABEL, STILL_NEEDED, accountLabel, actionKeyDigest, stillNeeded } from "../../domain/actions";
import { isoToSerial } from "../../domain/cells";
import { LABEL, RERUN_LABEL, severityRank } from "../../domain/verdicts";
import { quote } from "../a1";
import { columnsOf, formulaColumn, here, inOrder, valueColumn } from "../columns";
import { compileActionCond } from "../formulas";
import { CALC, CUSTOMERS, calcAt, customerRowOf, customerTextAt, customersAt } from "../hidden";
import { Layout } from "../model";
import { DONE_CHOICES, GENERATED, NEXT_STEPS_DONE, NEXT_STEPS_KEY } from "../names";
import { ColumnSpec, PlanValue, SheetPlan } from "../types";
import { inCents, rowMoney } from "../../domain/money";
import { formatAmount } from "../money";

export const NEXT_STEPS = columnsOf([
  "account", "customer", "microsoftId", "action", "offer", "ids", "seats", "due", "days", "text", "stillNeeded", "done",
  "key", "code", "customerNo", "last", "pos", "azure", "reassign", "problemRow", "doubleBilling",
  "customerVerdict", "rank", "P", "rowCode", "rowNce", "accountA", "stale",
] as const);

const FIRST = 2;

/** Subscription IDs in one cell. */
export const NEXT_STEPS_ID_SEPARATOR = ", ";

const SCOPE = new Map(ACTION_TABLE.map((l) => [l.n, l.scope]));
/** Codes of which a line carries the days of double billing (SUSPEND_OLD, CANCEL_NCE, CONFIRM_AZURE_SUSPENDED). */
const DOUBLE_BILLING = new Set<ActionCode>(ACTION_TABLE.filter((l) => l.doubleBilling).map((l) => l.action));

/** The CSP Calc row the action's row variables are read at: the old row, or its account's last row in the group. */
function calcPosition(layout: Layout, a: Action): number {
  const scope = SCOPE.get(a.line);
  if (scope === "oldRow") return layout.calcRowOf.get(layout.result.rows[a.rows[0]]) ?? 0;
  if (scope === "oldAccount" && a.group !== null) return layout.accountRunLast.get(`${layout.groupNo[a.group]}|${layout.accountKeyOf(a.account)}`) ?? 0;
  return 0;
}

/** Headers of the money columns (§9), after the hidden ones. */
export const NEXT_STEPS_PER_DAY = "Per day";
export const NEXT_STEPS_CURRENCY = "Currency";

/**
 * Per day and currency of an action that stops an old row's billing (the §8 lines of one old row:
 * SUSPEND_OLD, CANCEL_NCE), null for other actions and rows with no charge line. One subscription
 * bills in one currency; should a row's lines hold two, the currency cell names each day's cost.
 */
function perDayOf(layout: Layout, a: Action): { perDay: number | null; currency: string } | null {
  if (!layout.money || SCOPE.get(a.line) !== "oldRow" || a.rows.length !== 1) return null;
  const m = inCents(rowMoney(layout.money, a.rows[0]));
  if (m.length === 0) return null;
  if (m.length === 1) return { perDay: m[0].perDay, currency: m[0].currency };
  return { perDay: null, currency: m.map((x) => `${x.currency} ${formatAmount(x.perDay)}`).join("; ") };
}

export function nextStepsSheet(layout: Layout): SheetPlan {
  const { result } = layout;
  const A = layout.actions;
  const h = (col: number) => here(col, FIRST);
  const last = h(NEXT_STEPS.last);
  const pos = h(NEXT_STEPS.pos);
  const group = (i: number) => (A[i].group === null ? null : result.groups[A[i].group!]);
  const lastOf = (i: number) => (A[i].group === null ? 0 : layout.groupLast[layout.groupNo[A[i].group!] - 1]);
  const positions = A.map((a) => calcPosition(layout, a));
  const atCalc = (i: number, values: ArrayLike<number>) => (positions[i] > 0 ? values[positions[i] - 2] : 0);
  const ifAt = (ref: string, col: number) => `IF(${ref}>0,${calcAt(col, ref)},0)`;
  const customerRow = customerRowOf(h(NEXT_STEPS.customerNo));

  const stillNeededFormula = `IF(${h(NEXT_STEPS.stale)}>0,${quote(RERUN_LABEL)},IF(CHOOSE(${h(NEXT_STEPS.code)},${ACTION_CODES.map((code) =>
    compileActionCond(STILL_NEEDED[code], (name) => {
      switch (name) {
        case "customerVerdict":
          return h(NEXT_STEPS.customerVerdict);
        case "groupVerdict":
          return h(NEXT_STEPS.rank);
        case "rowStatus":
          return h(NEXT_STEPS.rowCode);
        default:
          return h(NEXT_STEPS[name]);
      }
    }),
  ).join(",")}),"Yes","No"))`;
  const earliest = calcAt(CALC.earliest, last);
  const days = `IF(AND(${h(NEXT_STEPS.doubleBilling)}=1,${h(NEXT_STEPS.rank)}=${severityRank("OLD_STILL_ACTIVE")}),IF(${earliest}>0,MAX(0,INT(${layout.asOfRef})-${earliest}),""),"")`;
  const bool = (b: boolean) => (b ? 1 : 0);
  // By digest, whichever form of the key the previous sheet held (actionKeyDigest is idempotent).
  const previous = layout.input.previousDone && new Map([...layout.input.previousDone].map(([k, v]) => [actionKeyDigest(k), v] as const));

  const columns: ColumnSpec[] = inOrder(Object.keys(NEXT_STEPS) as (keyof typeof NEXT_STEPS)[], {
    account: valueColumn("Account", (i) => accountLabel(A[i].account), { width: 16 }),
    // Read from CSP Customers by the hidden Customer # (the name and ID once per customer).
    customer: formulaColumn("Customer", customerTextAt(CUSTOMERS.name, h(NEXT_STEPS.customerNo)), (i) => A[i].customer, { width: 30 }),
    microsoftId: formulaColumn("Microsoft ID", customerTextAt(CUSTOMERS.microsoftId, h(NEXT_STEPS.customerNo)), (i) => A[i].microsoftId ?? "", { width: 38 }),
    action: valueColumn("Action", (i) => (A[i].letExpire ? LET_EXPIRE_LABEL : ACTION_LABEL[A[i].action]), { width: 28 }),
    offer: valueColumn("Offer", (i) => A[i].offerLabel ?? (A[i].rows.length > 0 ? result.rows[A[i].rows[0]].offerName : ""), { width: 32 }),
    ids: valueColumn("Subscription IDs", (i) => A[i].subscriptionIds.join(NEXT_STEPS_ID_SEPARATOR), { width: 38 }),
    seats: valueColumn("Seats", (i) => A[i].seats ?? "", { width: 7, format: "integer" }),
    due: valueColumn("Due", (i): PlanValue => (A[i].due === null ? "" : isoToSerial(A[i].due!)), { width: 11, format: "date" }),
    days: formulaColumn("Days of double billing", days, (i) => A[i].doubleBillingDays ?? "", { width: 10, format: "integer" }),
    text: valueColumn("What to do", (i) => A[i].text, { width: 90 }),
    stillNeeded: formulaColumn("Still needed", stillNeededFormula, (i) => (stillNeeded(result, A[i]) ? "Yes" : "No"), { width: 10 }),
    done: valueColumn(NEXT_STEPS_DONE, (i) => previous?.get(actionKeyDigest(A[i].key)) ?? null, { width: 8, input: DONE_CHOICES }),
    key: valueColumn(NEXT_STEPS_KEY, (i) => actionKeyDigest(A[i].key), { hidden: true }),
    code: valueColumn("Action #", (i) => ACTION_CODES.indexOf(A[i].action) + 1, { hidden: true }),
    customerNo: valueColumn("Customer #", (i) => A[i].customerIndex + 1, { hidden: true }),
    last: valueColumn("Last CSP Calc row", lastOf, { hidden: true }),
    pos: valueColumn("CSP Calc row", (i) => positions[i], { hidden: true }),
    azure: valueColumn("Azure", (i) => bool(group(i)?.azure ?? false), { hidden: true }),
    reassign: valueColumn("Reassign", (i) => bool(group(i)?.reassign ?? false), { hidden: true }),
    problemRow: valueColumn("Problem row", (i) => bool(SCOPE.get(A[i].line) === "problemRow"), { hidden: true }),
    doubleBilling: valueColumn("Counts double billing", (i) => bool(DOUBLE_BILLING.has(A[i].action)), { hidden: true }),
    customerVerdict: formulaColumn("Customer verdict", customersAt(CUSTOMERS.label, customerRow), (i) => LABEL[result.customers[A[i].customerIndex].verdict], { hidden: true }),
    rank: formulaColumn("Group rank", ifAt(last, CALC.rank), (i) => (group(i) ? severityRank(group(i)!.verdict) : 0), { hidden: true }),
    P: formulaColumn("P", ifAt(last, CALC.P), (i) => group(i)?.totals.P ?? 0, { hidden: true }),
    rowCode: formulaColumn("Row status code", ifAt(pos, CALC.code), (i) => atCalc(i, layout.calcCode), { hidden: true }),
    rowNce: formulaColumn("Row NCE", ifAt(pos, CALC.nce), (i) => atCalc(i, layout.calcNce), { hidden: true }),
    accountA: formulaColumn("Account active or pending", ifAt(pos, CALC.accountA), (i) => atCalc(i, layout.running.accountA), { hidden: true }),
    stale: formulaColumn("Stale", `IF(${last}>0,${calcAt(CALC.stale, last)},${customersAt(CUSTOMERS.stale, customerRow)})`, () => 0, { hidden: true }),
  });
  if (layout.money) {
    const perDay = A.map((a) => perDayOf(layout, a));
    columns.push(
      valueColumn(NEXT_STEPS_PER_DAY, (i) => perDay[i]?.perDay ?? null, { width: 10, format: "money" }),
      valueColumn(NEXT_STEPS_CURRENCY, (i) => perDay[i]?.currency ?? null, { width: 9 }),
    );
  }
  return {
    name: GENERATED.nextSteps,
    role: "generated",
    visible: true,
    tabColor: "2F6FB2",
    cells: [],
    freeze: { rows: 1, cols: 0 },
    blocks: [{ id: "nextSteps", top: 1, left: 1, rows: A.length, columns, autoFilter: true }],
  };
}
