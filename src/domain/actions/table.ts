/**
 * The action table of spec §8, once, as data (the to-do list a partner works through in Partner
 * Center, account by account). The engine derives the actions from it (derive.ts); the workbook's
 * live "Still needed" formula is to be compiled from the same conditions; the pane and the
 * report read what the engine derived. Nothing else in the code base restates a line.
 *
 * Each line says: which action, at what scope one action is made, the condition that calls for
 * it, and how its account, subscription IDs, seats, due date and sentence are found.
 */
import type { Status } from "../status";
import type { CustomerVerdict, GroupVerdict } from "../verdicts";

export type ActionCode =
  | "EXPORT_SUBSCRIPTIONS"
  | "REEXPORT_FILE"
  | "RESEND_RELATIONSHIP"
  | "CREATE_SUBSCRIPTION"
  | "ACTIVATE_SUBSCRIPTION"
  | "ADD_SEATS"
  | "SUSPEND_OLD"
  | "CANCEL_NCE"
  | "REQUEST_AZURE_MOVE"
  | "CONFIRM_AZURE_SUSPENDED"
  | "REVIEW_SEATS"
  | "REASSIGN_LICENSES"
  | "CHECK_PROBLEM_ROW";

/**
 * What one action is about:
 * - `customer`: the customer (EXPORT_SUBSCRIPTIONS: one per account whose export is missing;
 *   REEXPORT_FILE: one per unreadable file covering it; RESEND_RELATIONSHIP: one);
 * - `group`: one (customer, offer) group;
 * - `oldRow`: one old subscription row of a group;
 * - `oldAccount`: one old account's rows of a group;
 * - `problemRow`: one §4 problem row of the customer's exports (old or new).
 */
export type ActionScope = "customer" | "group" | "oldRow" | "oldAccount" | "problemRow";

/**
 * The variables a condition reads. Every one is a cell the workbook already has, so that a
 * formula compiled from a condition follows Status, Quantity and Decision edits live:
 *
 * - `customerVerdict` (choice, CustomerVerdict): the customer's current verdict, the Summary's
 *   live Verdict cell (compare with LABEL of the codes; "Re-run needed" matches no code).
 * - `groupVerdict` (choice, GroupVerdict): the group's current verdict, CSP Groups' rank or label.
 *   Unset (matches nothing) at customer scope.
 * - `azure` (flag): the group is the customer's Azure group (CSP Groups "Azure", a value).
 * - `reassign` (flag): the group was reached through an offer-map pair whose names differ
 *   (CSP Groups "Reassign", a value); with `groupVerdict` DONE it is §4's "reassign licenses" note.
 * - `P` (number): the group's new rows pending or suspended (CSP Groups "P", live).
 * - `rowStatus` (choice, Status): the old row's current status (oldRow scope), CSP Calc's live
 *   status code (STATUS_CODE); unset (matches nothing) for an unknown status or an excluded row.
 * - `rowNce` (flag): the old row is new commerce (oldRow scope): by its offer ID or term, or its
 *   account marked nce — CSP Calc's live "NCE" column.
 * - `accountA` (number): the old rows of this action's account in the group that are active or
 *   pending (oldAccount scope): COUNTIFS over the group's CSP Calc block by account and status.
 * - `problemRow` (flag): the row is a §4 problem row the user did not exclude (problemRow scope).
 *   A fact of the run, like the Summary's Problems column: only a re-run reads the row again.
 */
export type ActionChoice = "customerVerdict" | "groupVerdict" | "rowStatus";
export type ActionFlag = "azure" | "reassign" | "rowNce" | "problemRow";
export type ActionNumber = "P" | "accountA";

/** A sibling of verdicts.ts `Cond`, with `in`: the variable equals one of the listed codes. */
export type ActionCond =
  | { readonly op: "and"; readonly args: readonly ActionCond[] }
  | { readonly op: "or"; readonly args: readonly ActionCond[] }
  | { readonly op: "not"; readonly arg: ActionCond }
  | { readonly op: "flag"; readonly name: ActionFlag }
  | { readonly op: "cmp"; readonly name: ActionNumber; readonly rel: "=" | ">" | "<"; readonly rhs: number }
  | { readonly op: "in"; readonly name: "customerVerdict"; readonly values: readonly CustomerVerdict[] }
  | { readonly op: "in"; readonly name: "groupVerdict"; readonly values: readonly GroupVerdict[] }
  | { readonly op: "in"; readonly name: "rowStatus"; readonly values: readonly Status[] };

/** The values of the variables for one candidate action (null: not set at this scope). */
export interface ActionFacts {
  readonly customerVerdict: CustomerVerdict;
  readonly groupVerdict: GroupVerdict | null;
  readonly azure: boolean;
  readonly reassign: boolean;
  readonly P: number;
  readonly rowStatus: Status | null;
  readonly rowNce: boolean;
  readonly accountA: number;
  readonly problemRow: boolean;
}

export function evaluateAction(cond: ActionCond, facts: ActionFacts): boolean {
  switch (cond.op) {
    case "and":
      return cond.args.every((a) => evaluateAction(a, facts));
    case "or":
      return cond.args.some((a) => evaluateAction(a, facts));
    case "not":
      return !evaluateAction(cond.arg, facts);
    case "flag":
      return facts[cond.name];
    case "cmp": {
      const left = facts[cond.name];
      return cond.rel === "=" ? left === cond.rhs : cond.rel === ">" ? left > cond.rhs : left < cond.rhs;
    }
    case "in": {
      const value = facts[cond.name];
      return value !== null && (cond.values as readonly string[]).includes(value);
    }
  }
}

/**
 * Where the partner signs in: each account whose export is missing (`missingExport`), the
 * unreadable file's account (`fileAccount`), the new account (`new`), the row's account
 * (`rowAccount`: its old account, or "new" for a new row), each old account with active or pending rows of the group (`oldAccount`),
 * Microsoft's Azure support (`microsoft`), the customer's own tenant (`customer`).
 */
export type AccountRule = "missingExport" | "fileAccount" | "new" | "rowAccount" | "oldAccount" | "microsoft" | "customer";

/**
 * `newPendingOrSuspended` / `newActive`: the group's new rows with those statuses; `row`: the
 * row's own ID; `accountActive`: the account's active or pending rows of the group.
 */
export type IdsRule = "none" | "newPendingOrSuspended" | "newActive" | "row" | "accountActive";
export type SeatsRule = "none" | "R" | "RminusN" | "NminusR" | "rowQuantity";
/**
 * `letExpire`: the commitment end date when it is within 30 days of the as-of date (the text
 * then says "let it expire" instead of "suspend"); `nceWindow`: 7 days after the row's
 * creation/start date.
 */
export type DueRule = "none" | "letExpire" | "nceWindow";

export interface ActionLine {
  /** Line of the §8 table: the order of actions within a customer. */
  readonly n: number;
  readonly action: ActionCode;
  readonly scope: ActionScope;
  readonly when: ActionCond;
  readonly account: AccountRule;
  readonly subscriptionIds: IdsRule;
  readonly seats: SeatsRule;
  readonly due: DueRule;
  /** Carries the group's days of double billing so far (§4 advice; OLD_STILL_ACTIVE groups). */
  readonly doubleBilling: boolean;
  /** The sentence, with {placeholders} (see ACTION_PHRASES). */
  readonly text: string;
  /** The condition as §8 words it, for a Rules-like print. */
  readonly spec: string;
}

const all = (...args: ActionCond[]): ActionCond => ({ op: "and", args });
const any = (...args: ActionCond[]): ActionCond => ({ op: "or", args });
const not = (arg: ActionCond): ActionCond => ({ op: "not", arg });
const flag = (name: ActionFlag): ActionCond => ({ op: "flag", name });
const customerIs = (...values: CustomerVerdict[]): ActionCond => ({ op: "in", name: "customerVerdict", values });
const groupIs = (...values: GroupVerdict[]): ActionCond => ({ op: "in", name: "groupVerdict", values });
const rowIs = (...values: Status[]): ActionCond => ({ op: "in", name: "rowStatus", values });
const atLeastOne = (name: ActionNumber): ActionCond => ({ op: "cmp", name, rel: ">", rhs: 0 });

const line = (l: Omit<ActionLine, "subscriptionIds" | "seats" | "due" | "doubleBilling"> & Partial<ActionLine>): ActionLine => ({
  subscriptionIds: "none",
  seats: "none",
  due: "none",
  doubleBilling: false,
  ...l,
});

/**
 * Spec §8, in its order. Placeholders: {customer} (company name), {where} ("account FR" or "the
 * new account"), {offer} (the offer as the exports name it), {seats}, {ids} (the subscription
 * IDs), {date}, {file}, {problem}, {oldOffers}.
 */
export const ACTION_TABLE: readonly ActionLine[] = [
  line({
    n: 1,
    action: "EXPORT_SUBSCRIPTIONS",
    scope: "customer",
    when: customerIs("NO_EXPORT"),
    account: "missingExport",
    text: "In {where}, export the subscriptions of {customer} and add the file",
    spec: "customer NO_EXPORT: each account whose export is missing",
  }),
  line({
    n: 2,
    action: "REEXPORT_FILE",
    scope: "customer",
    when: customerIs("UNREADABLE_EXPORT"),
    account: "fileAccount",
    text: "In {where}, export the subscriptions of {customer} again to replace {file} ({problem})",
    spec: "customer UNREADABLE_EXPORT: one per unreadable file, in the file's account",
  }),
  line({
    n: 3,
    action: "RESEND_RELATIONSHIP",
    scope: "customer",
    when: customerIs("RELATIONSHIP_PENDING"),
    account: "new",
    text: "In the new account, resend the reseller relationship request to {customer}: it has not accepted it yet",
    spec: "customer RELATIONSHIP_PENDING",
  }),
  line({
    n: 4,
    action: "CREATE_SUBSCRIPTION",
    scope: "group",
    when: all(groupIs("SERVICE_GAP"), not(flag("azure"))),
    account: "new",
    seats: "R",
    text: "In the new account, create {offer} × {seats} seats for {customer} now: no subscription of it is active in either account",
    spec: "SERVICE_GAP (not Azure)",
  }),
  line({
    n: 5,
    action: "CREATE_SUBSCRIPTION",
    scope: "group",
    when: groupIs("MISSING_NEW"),
    account: "new",
    seats: "R",
    text: "In the new account, create {offer} × {seats} seats for {customer}, then stop the old subscription the same day, unless its advice says to let it expire",
    spec: "MISSING_NEW",
  }),
  line({
    n: 6,
    action: "ACTIVATE_SUBSCRIPTION",
    scope: "group",
    when: all(groupIs("NEW_NOT_ACTIVE"), atLeastOne("P"), not(flag("azure"))),
    account: "new",
    subscriptionIds: "newPendingOrSuspended",
    text: "In the new account, get {offer} {ids} of {customer} active: it is pending or suspended",
    spec: "NEW_NOT_ACTIVE with P > 0 (not Azure)",
  }),
  line({
    n: 7,
    action: "ADD_SEATS",
    scope: "group",
    when: groupIs("SEATS_SHORT"),
    account: "new",
    subscriptionIds: "newActive",
    seats: "RminusN",
    text: "In the new account, add {seats} seats to {offer} {ids} of {customer} before the old subscription stops",
    spec: "SEATS_SHORT: R − N seats",
  }),
  line({
    n: 8,
    action: "SUSPEND_OLD",
    scope: "oldRow",
    when: all(groupIs("OLD_STILL_ACTIVE"), not(flag("azure")), rowIs("active", "pending"), not(flag("rowNce"))),
    account: "rowAccount",
    subscriptionIds: "row",
    seats: "rowQuantity",
    due: "letExpire",
    doubleBilling: true,
    text: "In {where}, suspend {offer} {ids} of {customer} ({seats} seats): it still bills next to the new one",
    spec: "OLD_STILL_ACTIVE (not Azure): each active or pending legacy old row",
  }),
  line({
    n: 9,
    action: "CANCEL_NCE",
    scope: "oldRow",
    when: all(groupIs("OLD_STILL_ACTIVE"), not(flag("azure")), rowIs("active", "pending", "suspended"), flag("rowNce")),
    account: "rowAccount",
    subscriptionIds: "row",
    seats: "rowQuantity",
    due: "nceWindow",
    doubleBilling: true,
    text: "In {where}, transfer or cancel {offer} {ids} of {customer} ({seats} seats): it still bills next to the new one",
    spec: "OLD_STILL_ACTIVE (not Azure): each active, pending or suspended nce old row",
  }),
  line({
    n: 10,
    action: "CANCEL_NCE",
    scope: "oldRow",
    when: all(groupIs("NCE_STILL_BILLED"), rowIs("suspended"), flag("rowNce")),
    account: "rowAccount",
    subscriptionIds: "row",
    seats: "rowQuantity",
    due: "nceWindow",
    text: "In {where}, transfer or cancel {offer} {ids} of {customer} ({seats} seats): a suspended new-commerce subscription keeps billing",
    spec: "NCE_STILL_BILLED: each suspended nce old row",
  }),
  line({
    n: 11,
    action: "REQUEST_AZURE_MOVE",
    scope: "group",
    when: any(groupIs("AZURE_PENDING"), all(flag("azure"), groupIs("SERVICE_GAP", "NEW_NOT_ACTIVE"))),
    account: "microsoft",
    text: "Ask Microsoft (Azure support) to move the Azure subscriptions of the company {customer} to the new account",
    spec: "AZURE_PENDING, or Azure SERVICE_GAP / NEW_NOT_ACTIVE",
  }),
  line({
    n: 12,
    action: "CONFIRM_AZURE_SUSPENDED",
    scope: "oldAccount",
    when: all(flag("azure"), groupIs("OLD_STILL_ACTIVE"), atLeastOne("accountA")),
    account: "oldAccount",
    subscriptionIds: "accountActive",
    doubleBilling: true,
    text: "In {where}, confirm that the old Azure subscription {ids} of {customer} shows suspended: the new one is active",
    spec: "Azure OLD_STILL_ACTIVE: one per old account with active or pending Azure rows",
  }),
  line({
    n: 13,
    action: "REVIEW_SEATS",
    scope: "group",
    when: groupIs("SEATS_OVER"),
    account: "new",
    subscriptionIds: "newActive",
    seats: "NminusR",
    text: "In the new account, {offer} {ids} of {customer} has {seats} seats more than the old account had: reduce them or confirm",
    spec: "SEATS_OVER: N − R seats",
  }),
  line({
    n: 14,
    action: "REASSIGN_LICENSES",
    scope: "group",
    when: all(groupIs("DONE"), flag("reassign")),
    account: "customer",
    text: "In the tenant of {customer}, move the users' licenses from {oldOffers} to {offer}",
    spec: 'DONE with the "reassign licenses" note',
  }),
  // Not in §8's table (docs/DECISIONS.md): §4 flags a customer for a problem row whatever its
  // verdict, and a flagged customer always gets something to do. The row's subscription is
  // checked in its own account; the row is then corrected in the workbook, or excluded.
  line({
    n: 15,
    action: "CHECK_PROBLEM_ROW",
    scope: "problemRow",
    when: flag("problemRow"),
    account: "rowAccount",
    subscriptionIds: "row",
    text: "In {where}, check {offer} {ids} of {customer}: {problem}; correct the row in the workbook or mark it Exclude, then run again",
    spec: "a §4 problem row the user did not exclude (an extension of §8)",
  }),
];

/** Phrases the sentences are built from, with {placeholders}. */
export const ACTION_PHRASES = {
  whereOld: "account {account}",
  whereNew: "the new account",
  doubleBilling: "double billing for {days} days so far",
  letExpire: "In {where}, let {offer} {ids} of {customer} ({seats} seats) expire on {date} instead of suspending it: a legacy cancellation gets no refund",
  nceDue: "cancel it by {date} (7 days after its start) at the latest",
  nceWindowClosed: "its 7-day cancellation window closed on {date}: transfer it",
  oldOffersUnknown: "the old offer",
  /** {offer} of a problem row outside any group (a duplicate, an empty offer name). */
  offerUnknown: "the subscription",
  /** {problem} of a problem row, by its first code. */
  problemRow: {
    BAD_QUANTITY: "its quantity cannot be read, so its seats are not counted",
    UNKNOWN_STATUS: "its status is not a known status, so it is not counted",
    EMPTY_OFFER: "its offer name is empty",
    DUPLICATE_ID: "its subscription ID is already in another row of the account, so it is not counted",
    SAME_ID_OLD_NEW: "its subscription ID is also in an old account",
  },
  /** In place of {seats} when the row's quantity could not be read (BAD_QUANTITY). */
  seatsUnreadable: "an unreadable number of",
  separator: "; ",
  end: ".",
} as const;

/**
 * The condition that keeps an action "still needed": the lines of its code, OR-ed. Two lines
 * share a code (CREATE_SUBSCRIPTION, CANCEL_NCE) and give actions of the same identity, so the
 * action is still needed while either line applies.
 */
export const STILL_NEEDED: Readonly<Record<ActionCode, ActionCond>> = (() => {
  const out = {} as Record<ActionCode, ActionCond>;
  for (const l of ACTION_TABLE) {
    const prev = out[l.action];
    out[l.action] = prev ? { op: "or", args: prev.op === "or" ? [...prev.args, l.when] : [prev, l.when] } : l.when;
  }
  return out;
})();

/** The action codes in the table's order (the keys of STILL_NEEDED). */
export const ACTION_CODES: readonly ActionCode[] = [...new Set(ACTION_TABLE.map((l) => l.action))];

/** The action as the workbook's Next steps sheet names it (English, like the workbook). */
export const ACTION_LABEL: Readonly<Record<ActionCode, string>> = {
  EXPORT_SUBSCRIPTIONS: "Export subscriptions",
  REEXPORT_FILE: "Export again",
  RESEND_RELATIONSHIP: "Resend relationship request",
  CREATE_SUBSCRIPTION: "Create subscription",
  ACTIVATE_SUBSCRIPTION: "Activate subscription",
  ADD_SEATS: "Add seats",
  SUSPEND_OLD: "Suspend old subscription",
  CANCEL_NCE: "Transfer or cancel (new commerce)",
  REQUEST_AZURE_MOVE: "Ask Microsoft to move Azure",
  CONFIRM_AZURE_SUSPENDED: "Confirm old Azure suspended",
  REVIEW_SEATS: "Review extra seats",
  REASSIGN_LICENSES: "Reassign licenses",
  CHECK_PROBLEM_ROW: "Check problem row",
};
/** A SUSPEND_OLD whose commitment ends within 30 days: the sentence says to let it expire. */
export const LET_EXPIRE_LABEL = "Let old subscription expire";

/** The account to sign in to as the Next steps sheet shows it: an old account by its name. */
export const ACCOUNT_LABEL: Readonly<Record<"new" | "microsoft" | "customer", string>> = {
  new: "New account",
  microsoft: "Microsoft (Azure support)",
  customer: "Customer's tenant",
};

export function accountLabel(account: string): string {
  return Object.prototype.hasOwnProperty.call(ACCOUNT_LABEL, account) ? ACCOUNT_LABEL[account as keyof typeof ACCOUNT_LABEL] : account;
}

/** Replaces {name} by values[name]; a placeholder without a value is left as it is (a test catches it). */
export function fillText(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
