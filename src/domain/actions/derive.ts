/**
 * The actions of spec §8, derived from an engine result by evaluating ACTION_TABLE (table.ts).
 * Pure: the same result always gives the same list, in the same order.
 */
import { doubleBillingDays, expiresSoon } from "../advice";
import { serialToIso } from "../cells";
import { countsAt } from "../engine";
import { AccountRef, CustomerResult, EngineResult, GroupResult, RowResult, UnreadableFile } from "../model";
import { caseFold, compareCodePoints, normalizeName } from "../text";
import { CUSTOMER_ORDER } from "../verdicts";
import { SentenceFacts, ENGLISH_WORDS, actionSentence } from "./sentence";
import { ACTION_TABLE, ActionCode, ActionFacts, ActionLine, STILL_NEEDED, evaluateAction } from "./table";

/** One action as report.json and the CSV carry it (spec §8), in this field order. */
export interface ReportAction {
  readonly customer: string;
  readonly microsoftId: string | null;
  /** The old account's name (its folder under from/), "new", "microsoft" or "customer". */
  readonly account: string;
  readonly action: ActionCode;
  /** The group's offer key (§3); null for the customer's own actions. */
  readonly offer: string | null;
  readonly subscriptionIds: readonly string[];
  readonly seats: number | null;
  /** ISO date, or null. */
  readonly due: string | null;
  readonly doubleBillingDays: number | null;
  readonly text: string;
}

/** An action with what the workbook and the pane need beside the report's fields. */
export interface Action extends ReportAction {
  /**
   * Identity across runs: customer key, account, action, offer and the sorted subscription IDs
   * (and, for REEXPORT_FILE, the file). The workbook keeps the user's "Done" by it.
   */
  readonly key: string;
  /** ACTION_TABLE line (its `n`) that made the action. */
  readonly line: number;
  readonly customerIndex: number;
  /** The group the action is about (null for customer actions). */
  readonly group: number | null;
  /** Indices into result.rows of the subscriptions the action names (to select them in the workbook). */
  readonly rows: readonly number[];
  /** The offer as the exports name it (null for customer actions). */
  readonly offerLabel: string | null;
  /** REEXPORT_FILE: the unreadable file. */
  readonly file: string | null;
  /** SUSPEND_OLD phrased "let it expire on <due>" (the commitment ends within 30 days). */
  readonly letExpire: boolean;
  /** What `text` says, in no language: the pane says it in French or Dutch (sentence.ts). */
  readonly sentence: SentenceFacts;
}

/** The `account` of an action for an engine account: the old account's name, or "new". */
export const actionAccount = (a: AccountRef): string => (a.role === "to" ? "new" : a.account);

/** The key of an action (see Action.key): a JSON array, so no separator can collide with data. */
export function actionKey(customerKey: string, account: string, action: ActionCode, offer: string | null, ids: readonly string[], file: string | null): string {
  const sorted = ids.map((id) => id.toLowerCase()).sort(compareCodePoints);
  return JSON.stringify([customerKey, account, action, offer ?? "", sorted, ...(file === null ? [] : [file])]);
}

/**
 * The short form of an action key that the Next steps sheet keeps in its hidden Key column: 64
 * bits of two multiplicative string hashes, as 16 hex digits. The full key (a JSON array with the
 * subscription IDs) averaged 140 characters a row, 2 MB of an add-in's requests at 10k customers
 * (docs/PERFORMANCE.md); a sheet holds a few tens of thousands of actions, where two keys share
 * a digest with a chance of about 10^-10. A key that is already a digest is returned as it is, so
 * a sheet written before digests (full JSON keys, starting with "[") reads the same.
 */
export function actionKeyDigest(key: string): string {
  if (/^[0-9a-f]{16}$/.test(key)) return key;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
  return hex(h2) + hex(h1);
}

interface Draft {
  readonly line: ActionLine;
  readonly account: string;
  readonly group: GroupResult | null;
  /** Indices into result.rows. */
  readonly rows: readonly number[];
  readonly file: UnreadableFile | null;
  readonly seats: number | null;
  /** {where}: the old account to sign in to, or null for the new account. */
  readonly oldAccount: string | null;
}

/** The facts of one candidate, always built with every field in one order (one object shape). */
function factsOf(c: CustomerResult, g: GroupResult | null, row: RowResult | null, accountA: number, problemRow: boolean): ActionFacts {
  return {
    customerVerdict: c.verdict,
    groupVerdict: g ? g.verdict : null,
    azure: g ? g.azure : row !== null && row.azure,
    reassign: g ? g.reassign : false,
    P: g ? g.totals.P : 0,
    rowStatus: row !== null && countsAt(row) ? row.status : null,
    rowNce: row !== null && row.nce,
    accountA,
    problemRow,
  };
}

const isBilling = (r: RowResult) => r.status === "active" || r.status === "pending";
const where = (a: AccountRef): string | null => (a.role === "to" ? null : a.account);

function seatsOf(line: ActionLine, g: GroupResult | null, row: RowResult | null): number | null {
  switch (line.seats) {
    case "R":
      return g!.totals.R;
    case "RminusN":
      return g!.totals.R - g!.totals.N;
    case "NminusR":
      return g!.totals.N - g!.totals.R;
    case "rowQuantity":
      return row && row.quantity.ok ? row.quantity.value : null;
    case "none":
      return null;
  }
}

/** The rows of a group that count (§3: known status, not excluded, not a duplicate), as indices into result.rows. */
function counted(result: EngineResult, g: GroupResult): number[] {
  return g.rows.filter((i) => countsAt(result.rows[i]));
}

/** The candidate actions of one customer, each with the facts its line's condition reads. */
function drafts(result: EngineResult, c: CustomerResult, problemRows: readonly number[]): Draft[] {
  const out: Draft[] = [];
  const R = result.rows;
  const draft = (line: ActionLine, d: Omit<Draft, "line">) => out.push({ line, ...d });
  // Each group once: its counted rows, its old rows by account name (then source order: a
  // partner works one account at a time), and its facts.
  const groups = c.groups.map((gi) => {
    const g = result.groups[gi];
    const rows = counted(result, g);
    const old = rows.filter((i) => R[i].role === "from");
    const folded = new Map(old.map((i) => [i, caseFold(R[i].account)]));
    old.sort((a, b) => compareCodePoints(folded.get(a)!, folded.get(b)!) || a - b);
    return { g, rows, old, facts: factsOf(c, g, null, 0, false) };
  });
  const customerFacts = factsOf(c, null, null, 0, false);

  for (const line of ACTION_TABLE) {
    switch (line.scope) {
      case "customer": {
        if (!evaluateAction(line.when, customerFacts)) break;
        if (line.account === "missingExport") {
          for (const a of c.missingExports) draft(line, { account: actionAccount(a), group: null, rows: [], file: null, seats: null, oldAccount: where(a) });
        } else if (line.account === "fileAccount") {
          for (const f of c.unreadableFiles) draft(line, { account: actionAccount(f), group: null, rows: [], file: f, seats: null, oldAccount: where(f) });
        } else {
          draft(line, { account: "new", group: null, rows: [], file: null, seats: null, oldAccount: null });
        }
        break;
      }
      case "group":
        for (const { g, rows, facts } of groups) {
          if (!evaluateAction(line.when, facts)) continue;
          const statuses = line.subscriptionIds === "newPendingOrSuspended" ? ["pending", "suspended"] : line.subscriptionIds === "newActive" ? ["active"] : [];
          const named = rows.filter((i) => R[i].role === "to" && statuses.includes(R[i].status!));
          const account = line.account === "microsoft" ? "microsoft" : line.account === "customer" ? "customer" : "new";
          draft(line, { account, group: g, rows: named, file: null, seats: seatsOf(line, g, null), oldAccount: null });
        }
        break;
      case "oldRow":
        for (const { g, old } of groups) {
          for (const i of old) {
            const r = R[i];
            if (!evaluateAction(line.when, factsOf(c, g, r, 0, false))) continue;
            draft(line, { account: r.account, group: g, rows: [i], file: null, seats: seatsOf(line, g, r), oldAccount: where(r) });
          }
        }
        break;
      case "oldAccount":
        for (const { g, old } of groups) {
          const accounts = new Map<string, number[]>();
          for (const i of old) {
            const k = caseFold(R[i].account);
            if (!accounts.has(k)) accounts.set(k, []);
            if (isBilling(R[i])) accounts.get(k)!.push(i);
          }
          for (const billing of accounts.values()) {
            if (!evaluateAction(line.when, factsOf(c, g, null, billing.length, false))) continue;
            const r = R[billing[0]];
            draft(line, { account: r.account, group: g, rows: billing, file: null, seats: null, oldAccount: where(r) });
          }
        }
        break;
      case "problemRow":
        for (const i of problemRows) {
          const r = R[i];
          const g = r.group === null ? null : result.groups[r.group];
          if (!evaluateAction(line.when, factsOf(c, g, r, 0, true))) continue;
          draft(line, { account: actionAccount(r), group: g, rows: [i], file: null, seats: null, oldAccount: where(r) });
        }
        break;
    }
  }
  return out;
}

/**
 * Each customer's §4 problem rows the user did not exclude, as indices into result.rows: by
 * account (old accounts by name, the new account last), then source order. One pass over the rows.
 */
function problemRowsByCustomer(result: EngineResult): Map<number, number[]> {
  const R = result.rows;
  const out = new Map<number, number[]>();
  R.forEach((r, i) => {
    if (r.customer < 0 || r.problems.length === 0 || r.excluded) return;
    let arr = out.get(r.customer);
    if (!arr) out.set(r.customer, (arr = []));
    arr.push(i);
  });
  const account = (r: RowResult) => (r.role === "to" ? "\uffff" : caseFold(r.account));
  for (const arr of out.values()) arr.sort((a, b) => compareCodePoints(account(R[a]), account(R[b])) || a - b);
  return out;
}

/** The old offer names of a group that differ from its offer (what REASSIGN_LICENSES moves from). */
function oldOffers(result: EngineResult, g: GroupResult): string[] {
  const names: string[] = [];
  for (const r of counted(result, g).map((i) => result.rows[i])) {
    if (r.role !== "from" || r.offerName === "" || normalizeName(r.offerName) === g.offerKey) continue;
    if (!names.some((n) => normalizeName(n) === normalizeName(r.offerName))) names.push(r.offerName);
  }
  return names;
}

function finish(result: EngineResult, c: CustomerResult, d: Draft): Action {
  const { line, group: g } = d;
  const asOf = Math.floor(result.asOf);
  const rows = d.rows.map((i) => result.rows[i]);
  const ids = rows.map((r) => r.subscriptionId).filter((id) => id !== "");
  const days = line.doubleBilling && g ? doubleBillingDays(g, result.asOf) : null;
  const row = line.scope === "oldRow" ? rows[0] : null;
  let due: number | null = null;
  let letExpire = false;
  if (line.due === "letExpire" && row && expiresSoon(row, result.asOf)) {
    due = row.endDate;
    letExpire = true;
  } else if (line.due === "nceWindow" && row && row.startDate !== null) {
    due = row.startDate + 7;
  }
  const sentence: SentenceFacts = {
    line: line.n,
    letExpire,
    customer: c.name,
    oldAccount: d.oldAccount,
    offer: g ? g.offerLabel : rows[0]?.offerName || null,
    seats: d.seats,
    ids,
    due: due === null ? null : serialToIso(due),
    nceWindow: line.due === "nceWindow" && due !== null ? (due >= asOf ? "open" : "closed") : null,
    doubleBillingDays: days,
    file: d.file ? { source: d.file.source, code: d.file.code, message: d.file.message } : null,
    problemRow: line.scope === "problemRow" ? rows[0].problems : [],
    oldOffers: g && line.action === "REASSIGN_LICENSES" ? oldOffers(result, g) : [],
  };
  const text = actionSentence(ENGLISH_WORDS, sentence);
  const offer = g ? g.offerKey : null;
  return {
    customer: c.name,
    microsoftId: c.microsoftId,
    account: d.account,
    action: line.action,
    offer,
    subscriptionIds: ids,
    seats: d.seats,
    due: due === null ? null : serialToIso(due),
    doubleBillingDays: days,
    text,
    key: actionKey(c.key, d.account, line.action, offer, ids, d.file?.source ?? null),
    line: line.n,
    customerIndex: c.index,
    group: g ? g.index : null,
    rows: d.rows,
    offerLabel: g ? g.offerLabel : null,
    file: d.file?.source ?? null,
    letExpire,
    sentence,
  };
}

/**
 * Spec §8 order: customers with a SERVICE_GAP group first (no live service), then by the
 * Summary's verdict order, then by name; within a customer, by table line, then by the
 * customer's group order (non-Azure offers by key, Azure last), then by account name and source row.
 */
export function customerActionOrder(result: EngineResult): number[] {
  const gap = result.customers.map((c) => (c.verdict === "SERVICE_GAP" || c.groups.some((g) => result.groups[g].verdict === "SERVICE_GAP") ? 0 : 1));
  const rank = result.customers.map((c) => CUSTOMER_ORDER.indexOf(c.verdict));
  return result.customers.map((c) => c.index).sort((a, b) => gap[a] - gap[b] || rank[a] - rank[b] || a - b);
}

/** Actions already derived for a result: the report and the layout both ask for them. */
const derived = new WeakMap<EngineResult, readonly Action[]>();

/** Every action of spec §8 for an engine result, in §8's order (derived once per result). */
export function deriveActions(result: EngineResult): readonly Action[] {
  let actions = derived.get(result);
  if (!actions) derived.set(result, (actions = deriveAll(result)));
  return actions;
}

function deriveAll(result: EngineResult): Action[] {
  const out: Action[] = [];
  const problems = problemRowsByCustomer(result);
  for (const ci of customerActionOrder(result)) {
    const c = result.customers[ci];
    // drafts() walks the table line by line, groups in the customer's order, rows by account:
    // the order within a customer is already §8's.
    for (const d of drafts(result, c, problems.get(ci) ?? [])) out.push(finish(result, c, d));
  }
  return out;
}

/** The report's fields of an action, in §8's order. */
export function reportAction(a: Action): ReportAction {
  return {
    customer: a.customer,
    microsoftId: a.microsoftId,
    account: a.account,
    action: a.action,
    offer: a.offer,
    subscriptionIds: a.subscriptionIds,
    seats: a.seats,
    due: a.due,
    doubleBillingDays: a.doubleBillingDays,
    text: a.text,
  };
}

/**
 * The facts an action's condition reads, in `result`: the run that made the action, or the
 * engine's answer for the same exports after Status, Quantity or Decision edits (same rows,
 * groups and customers). What the workbook's live "Still needed" formula must compute.
 */
export function actionFacts(result: EngineResult, a: Action): ActionFacts {
  const c = result.customers[a.customerIndex];
  const g = a.group === null ? null : result.groups[a.group];
  const scope = ACTION_TABLE.find((l) => l.n === a.line)!.scope;
  const row = scope === "oldRow" || scope === "problemRow" ? result.rows[a.rows[0]] : null;
  let accountA = 0;
  if (scope === "oldAccount" && g) {
    for (const i of counted(result, g)) {
      const r = result.rows[i];
      if (r.role === "from" && caseFold(r.account) === caseFold(a.account) && isBilling(r)) accountA++;
    }
  }
  return factsOf(c, g, row, accountA, row !== null && row.problems.length > 0 && !row.excluded);
}

/**
 * Whether `result` still calls for the action (STILL_NEEDED of its code). `run` is the result
 * the workbook was written from: whether a row is a §4 problem row is a fact of that run (the
 * workbook reads the row again only when reconciling again), like the Summary's Problems.
 */
export function stillNeeded(result: EngineResult, a: Action, run: EngineResult = result): boolean {
  const facts = actionFacts(result, a);
  const problemRow = run === result ? facts.problemRow : actionFacts(run, a).problemRow;
  return evaluateAction(STILL_NEEDED[a.action], { ...facts, problemRow });
}
