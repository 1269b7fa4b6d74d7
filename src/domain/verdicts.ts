/**
 * The verdict table of spec §4, once, as data. The engine evaluates it here; the workbook's
 * formula text is compiled from the same rules (layout/formulas.ts), and the Rules sheet
 * prints them. Nothing else in the code base restates a rule.
 */

export type GroupVerdict =
  | "CLOSED"
  | "NEW_ONLY"
  | "DONE"
  | "NEW_NOT_ACTIVE"
  | "OLD_STILL_ACTIVE"
  | "AZURE_PENDING"
  | "SERVICE_GAP"
  | "MISSING_NEW"
  | "SEATS_SHORT"
  | "NCE_STILL_BILLED"
  | "SEATS_OVER";

export type CustomerVerdict = GroupVerdict | "NO_EXPORT" | "UNREADABLE_EXPORT" | "RELATIONSHIP_PENDING";
export type Verdict = CustomerVerdict;

/** Group variables (spec §4): counts and seat sums over the group's rows. */
export type GroupNumber = "oldRows" | "oldLive" | "A" | "Snce" | "newLive" | "P" | "R" | "N";
export type GroupFlag = "azure";
/** Customer variables. */
export type CustomerNumber = "liveOld";
/**
 * `unreadableExport`: a subscription export covering the customer has MISSING_COLUMN,
 * UNREADABLE_FILE or EMPTY_FILE (§4 customer rule 2). A fact of the run, like the others: the
 * workbook holds it as a value, because only a re-run can read a repaired file.
 */
export type CustomerFlag = "noExportOld" | "unreadableExport" | "inNewList" | "newCovered" | "newListPresent";

export type Cond<N extends string, F extends string> =
  | { readonly op: "and"; readonly args: readonly Cond<N, F>[] }
  | { readonly op: "or"; readonly args: readonly Cond<N, F>[] }
  | { readonly op: "not"; readonly arg: Cond<N, F> }
  | { readonly op: "flag"; readonly name: F }
  | { readonly op: "cmp"; readonly name: N; readonly rel: "=" | ">" | "<"; readonly rhs: number | { readonly name: N } };

export interface Rule<N extends string, F extends string, V extends string> {
  readonly n: number;
  readonly when: Cond<N, F>;
  readonly verdict: V;
  /** The condition as the spec words it, for the Rules sheet. */
  readonly text: string;
}

const all = <N extends string, F extends string>(...args: Cond<N, F>[]): Cond<N, F> => ({ op: "and", args });
const any = <N extends string, F extends string>(...args: Cond<N, F>[]): Cond<N, F> => ({ op: "or", args });
const not = <N extends string, F extends string>(arg: Cond<N, F>): Cond<N, F> => ({ op: "not", arg });
const flag = <N extends string, F extends string>(name: F): Cond<N, F> => ({ op: "flag", name });
const cmp = <N extends string, F extends string>(name: N, rel: "=" | ">" | "<", rhs: number | N): Cond<N, F> => ({
  op: "cmp",
  name,
  rel,
  rhs: typeof rhs === "number" ? rhs : { name: rhs },
});

type G = Cond<GroupNumber, GroupFlag>;
const g = {
  all: (...a: G[]) => all<GroupNumber, GroupFlag>(...a),
  azure: flag<GroupNumber, GroupFlag>("azure"),
  is: (n: GroupNumber, rel: "=" | ">" | "<", rhs: number | GroupNumber) => cmp<GroupNumber, GroupFlag>(n, rel, rhs),
};
const TRUE: G = { op: "and", args: [] };

/** Spec §4, first matching line wins. "Every old row is gone" is `oldLive = 0` once rule 2 has ruled out groups without old rows. */
export const GROUP_RULES: readonly Rule<GroupNumber, GroupFlag, GroupVerdict>[] = [
  { n: 1, when: g.all(g.is("oldLive", "=", 0), g.is("newLive", "=", 0)), verdict: "CLOSED", text: "no live old row and no live new row" },
  { n: 2, when: g.is("oldRows", "=", 0), verdict: "NEW_ONLY", text: "no old row at all, only new rows" },
  { n: 3, when: g.all(g.is("oldLive", "=", 0), g.is("N", ">", 0)), verdict: "DONE", text: "every old row is gone, N > 0" },
  { n: 4, when: g.is("oldLive", "=", 0), verdict: "NEW_NOT_ACTIVE", text: "every old row is gone" },
  { n: 5, when: g.all(g.azure, g.is("N", ">", 0), g.is("A", ">", 0)), verdict: "OLD_STILL_ACTIVE", text: "Azure, N > 0, A > 0" },
  { n: 6, when: g.all(g.azure, g.is("N", ">", 0)), verdict: "DONE", text: "Azure, N > 0" },
  { n: 7, when: g.all(g.azure, g.is("A", ">", 0)), verdict: "AZURE_PENDING", text: "Azure, A > 0" },
  { n: 8, when: g.all(g.azure, g.is("P", ">", 0)), verdict: "NEW_NOT_ACTIVE", text: "Azure, P > 0" },
  { n: 9, when: g.azure, verdict: "SERVICE_GAP", text: "Azure" },
  { n: 10, when: g.all(g.is("N", "=", 0), g.is("P", "=", 0), g.is("A", ">", 0)), verdict: "MISSING_NEW", text: "N = 0, P = 0, A > 0" },
  { n: 11, when: g.all(g.is("N", "=", 0), g.is("P", "=", 0)), verdict: "SERVICE_GAP", text: "N = 0, P = 0" },
  { n: 12, when: g.is("N", "=", 0), verdict: "NEW_NOT_ACTIVE", text: "N = 0" },
  { n: 13, when: g.is("N", "<", "R"), verdict: "SEATS_SHORT", text: "N < R" },
  { n: 14, when: g.is("A", ">", 0), verdict: "OLD_STILL_ACTIVE", text: "A > 0" },
  { n: 15, when: g.is("Snce", ">", 0), verdict: "NCE_STILL_BILLED", text: "Snce > 0" },
  { n: 16, when: g.is("N", ">", "R"), verdict: "SEATS_OVER", text: "N > R" },
  { n: 17, when: TRUE, verdict: "DONE", text: "otherwise" },
];

type C = Cond<CustomerNumber, CustomerFlag>;
const c = {
  flag: (f: CustomerFlag) => flag<CustomerNumber, CustomerFlag>(f),
  liveOld: cmp<CustomerNumber, CustomerFlag>("liveOld", ">", 0),
};

/** Customer verdict, in order; when none applies, the most severe group verdict (or CLOSED). */
export const CUSTOMER_RULES: readonly Rule<CustomerNumber, CustomerFlag, CustomerVerdict>[] = [
  {
    n: 1,
    when: any<CustomerNumber, CustomerFlag>(
      c.flag("noExportOld"),
      all<CustomerNumber, CustomerFlag>(c.flag("inNewList"), not(c.flag("newCovered")), c.liveOld),
    ) as C,
    verdict: "NO_EXPORT",
    text:
      "in an old account's customer list but no export of that account covers it; or in the new account's list, with live old rows, and no export of the new account covers it",
  },
  {
    n: 2,
    when: c.flag("unreadableExport"),
    verdict: "UNREADABLE_EXPORT",
    text: "a subscription export that covers the customer could not be read (missing column, unreadable or empty file)",
  },
  {
    n: 3,
    when: all<CustomerNumber, CustomerFlag>(c.flag("newListPresent"), not(c.flag("inNewList")), c.liveOld),
    verdict: "RELATIONSHIP_PENDING",
    text: "a new account customer list is present, the customer is not in it, and it has old rows that are not gone",
  },
];

/** Spec §4 severity, high to low. */
export const SEVERITY: readonly GroupVerdict[] = [
  "SERVICE_GAP",
  "OLD_STILL_ACTIVE",
  "NCE_STILL_BILLED",
  "MISSING_NEW",
  "SEATS_SHORT",
  "NEW_NOT_ACTIVE",
  "AZURE_PENDING",
  "SEATS_OVER",
  "NEW_ONLY",
  "DONE",
  "CLOSED",
];

/**
 * Order of the Summary sheet: the customer-level verdicts first, in rule order (nothing else
 * about the customer can be trusted until they are cleared), then group severity. A decision of
 * ours, see docs/DECISIONS.md.
 */
export const CUSTOMER_ORDER: readonly CustomerVerdict[] = ["NO_EXPORT", "UNREADABLE_EXPORT", "RELATIONSHIP_PENDING", ...SEVERITY];

export const LABEL: Record<CustomerVerdict, string> = {
  CLOSED: "Closed",
  NEW_ONLY: "New only",
  DONE: "Done",
  NEW_NOT_ACTIVE: "New not active",
  OLD_STILL_ACTIVE: "Old still active",
  AZURE_PENDING: "Azure: awaiting Microsoft",
  SERVICE_GAP: "Service gap",
  MISSING_NEW: "New subscription missing",
  SEATS_SHORT: "Seats short",
  NCE_STILL_BILLED: "Suspended but still billed",
  SEATS_OVER: "Seats over",
  NO_EXPORT: "Not exported",
  UNREADABLE_EXPORT: "Export unreadable",
  RELATIONSHIP_PENDING: "Relationship pending",
};

/** Shown instead of a verdict when the workbook notices that its keys changed since the run. */
export const RERUN_LABEL = "Re-run needed";

/**
 * What the billing team does next, per verdict (task pane, Groups and Summary sheets). The
 * sheets show each group's advice after it (advice.ts STEP_ADVICE), so no step may contradict
 * an advice its verdict can carry: a verdict whose group can hold an active old row can carry
 * "let it expire on <date>", and DONE can carry "reassign licenses" (test/domain/wording.test.ts).
 */
export const NEXT_STEP: Record<CustomerVerdict, string> = {
  SERVICE_GAP: "The old subscription is suspended and no seat is active in the new account: create the subscription in the new account now.",
  OLD_STILL_ACTIVE: "Old subscription still bills next to the new one: suspend it (legacy) or transfer/cancel it (new commerce) today, unless the advice says to let it expire.",
  NCE_STILL_BILLED: "A suspended new-commerce subscription keeps billing: transfer it, or cancel it within 7 days of purchase or renewal.",
  MISSING_NEW: "Create the subscription in the new account with the same offer and seat count, then suspend the old one the same day, unless the advice says to let it expire.",
  SEATS_SHORT: "The new account has fewer seats than the old one: add seats before the old subscription stops.",
  NEW_NOT_ACTIVE: "The new subscription is pending or suspended: get it active before the old one stops.",
  AZURE_PENDING: "Microsoft moves Azure: send the customer's company name to Azure support and wait for the move.",
  SEATS_OVER: "The new account has more seats than the old one had: check that this is intended.",
  NEW_ONLY: "Only in the new account: nothing to move.",
  DONE: "Moved: nothing left to move.",
  CLOSED: "Nothing is live in either account.",
  NO_EXPORT: "Export this customer's subscriptions from every account that lists it, and add the files.",
  UNREADABLE_EXPORT: "An export of this customer could not be read, so its subscriptions are unknown: export it again (see Problems) and run the reconciliation again.",
  RELATIONSHIP_PENDING: "The customer has not accepted the new reseller relationship: resend the request.",
};

/**
 * §4 problem rows: rows of a customer's exports listed with one of these problems. Each row
 * counts once, whatever the number of its problems; a row the user excluded counts nowhere
 * (docs/DECISIONS.md).
 */
export const PROBLEM_ROW_CODES = ["BAD_QUANTITY", "UNKNOWN_STATUS", "EMPTY_OFFER", "DUPLICATE_ID", "SAME_ID_OLD_NEW"] as const;
export type ProblemRowCode = (typeof PROBLEM_ROW_CODES)[number];

/** The verdicts that alone do not flag a customer (§4 Flagged). */
export const FLAGGED_EXEMPT: ReadonlySet<CustomerVerdict> = new Set(["DONE", "CLOSED", "NEW_ONLY", "SEATS_OVER"]);

/**
 * §4 Flagged, the one definition: a verdict outside FLAGGED_EXEMPT, or at least one problem
 * row. The report, the task pane and the workbook's Flagged formula (compiled from
 * FLAGGED_EXEMPT and the same shape) all use it.
 */
export function isFlagged(v: CustomerVerdict, problemRows: number): boolean {
  return !FLAGGED_EXEMPT.has(v) || problemRows > 0;
}

/** 1-based rank in SEVERITY: the number the workbook formulas carry. */
export function severityRank(v: GroupVerdict): number {
  return SEVERITY.indexOf(v) + 1;
}

export function evaluate<N extends string, F extends string>(
  cond: Cond<N, F>,
  nums: Readonly<Record<N, number>>,
  flags: Readonly<Record<F, boolean>>,
): boolean {
  switch (cond.op) {
    case "and":
      return cond.args.every((a) => evaluate(a, nums, flags));
    case "or":
      return cond.args.some((a) => evaluate(a, nums, flags));
    case "not":
      return !evaluate(cond.arg, nums, flags);
    case "flag":
      return flags[cond.name];
    case "cmp": {
      const left = nums[cond.name];
      const right = typeof cond.rhs === "number" ? cond.rhs : nums[cond.rhs.name];
      return cond.rel === "=" ? left === right : cond.rel === ">" ? left > right : left < right;
    }
  }
}

export function firstMatch<N extends string, F extends string, V extends string>(
  rules: readonly Rule<N, F, V>[],
  nums: Readonly<Record<N, number>>,
  flags: Readonly<Record<F, boolean>>,
): V | null {
  for (const rule of rules) if (evaluate(rule.when, nums, flags)) return rule.verdict;
  return null;
}

export function groupVerdict(nums: Readonly<Record<GroupNumber, number>>, azure: boolean): GroupVerdict {
  // The table ends with "otherwise", so a verdict always exists.
  return firstMatch(GROUP_RULES, nums, { azure }) as GroupVerdict;
}

export function customerVerdict(
  nums: Readonly<Record<CustomerNumber, number>>,
  flags: Readonly<Record<CustomerFlag, boolean>>,
  groupVerdicts: readonly GroupVerdict[],
): CustomerVerdict {
  const ruled = firstMatch(CUSTOMER_RULES, nums, flags);
  if (ruled) return ruled;
  let best: GroupVerdict = "CLOSED";
  for (const v of groupVerdicts) if (severityRank(v) < severityRank(best)) best = v;
  return best;
}

/** How loudly a verdict is shown (workbook colours, task pane badges). "stale" is the re-run notice. */
export type Tone = "critical" | "warning" | "info" | "success" | "neutral" | "stale";

export const TONE: Record<CustomerVerdict, Tone> = {
  SERVICE_GAP: "critical",
  OLD_STILL_ACTIVE: "critical",
  NCE_STILL_BILLED: "critical",
  MISSING_NEW: "critical",
  SEATS_SHORT: "warning",
  NEW_NOT_ACTIVE: "warning",
  AZURE_PENDING: "warning",
  NO_EXPORT: "warning",
  UNREADABLE_EXPORT: "warning",
  RELATIONSHIP_PENDING: "warning",
  SEATS_OVER: "info",
  DONE: "success",
  NEW_ONLY: "neutral",
  CLOSED: "neutral",
};
