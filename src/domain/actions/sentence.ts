/**
 * An action's sentence (spec §8 "and a sentence"), put together from facts in no language and the
 * words of one language. The engine says it in English (report.json, the CSV, the Next steps
 * sheet) with ENGLISH_WORDS, the words of ACTION_TABLE and ACTION_PHRASES; the task pane says the
 * same facts in French or Dutch with its catalogue's words (src/taskpane/i18n). One assembly, so
 * a sentence cannot say one thing in English and another in French.
 */
import type { ProblemRowCode } from "../verdicts";
import type { SourceState } from "../model";
import { ACTION_PHRASES, ACTION_TABLE, fillText } from "./table";

/** The words of every sentence in one language; placeholders as in ACTION_TABLE. */
export interface ActionWords {
  /** The sentence of each ACTION_TABLE line, by its `n`. */
  readonly lines: Readonly<Record<number, string>>;
  readonly whereOld: string;
  readonly whereNew: string;
  readonly doubleBilling: string;
  readonly letExpire: string;
  readonly nceDue: string;
  readonly nceWindowClosed: string;
  readonly oldOffersUnknown: string;
  readonly offerUnknown: string;
  readonly problemRow: Readonly<Record<ProblemRowCode, string>>;
  readonly seatsUnreadable: string;
  readonly separator: string;
  readonly end: string;
}

export const ENGLISH_WORDS: ActionWords = {
  ...ACTION_PHRASES,
  lines: Object.fromEntries(ACTION_TABLE.map((l) => [l.n, l.text])),
};

/** What an action's sentence says, in no language (the values of its placeholders). */
export interface SentenceFacts {
  /** The ACTION_TABLE line. */
  readonly line: number;
  /** SUSPEND_OLD phrased "let it expire on {date}". */
  readonly letExpire: boolean;
  readonly customer: string;
  /** {where}: the old account to sign in to, or null for the new account. */
  readonly oldAccount: string | null;
  /** {offer} as the exports name it; null when unknown (a problem row outside any group). */
  readonly offer: string | null;
  /** {seats}; null when the line names seats and the row's quantity cannot be read. */
  readonly seats: number | null;
  readonly ids: readonly string[];
  /** The due date (ISO), or null. */
  readonly due: string | null;
  /** CANCEL_NCE with a due date: still within the 7-day window on the as-of date ("open"), or past it. */
  readonly nceWindow: "open" | "closed" | null;
  readonly doubleBillingDays: number | null;
  /** REEXPORT_FILE: the unreadable file and why. */
  readonly file: { readonly source: string; readonly code: SourceState["code"]; readonly message: string } | null;
  /** CHECK_PROBLEM_ROW: the row's §4 problem codes. */
  readonly problemRow: readonly ProblemRowCode[];
  /** REASSIGN_LICENSES: the old offer names the licenses move from (empty: unknown). */
  readonly oldOffers: readonly string[];
}

/** How values are written: the engine writes plain numbers and ISO dates; the pane its locale's. */
export interface SentenceFormat {
  number(n: number): string;
  date(iso: string): string;
  /** {problem} of an unreadable file: the reason, short. */
  fileProblem(file: NonNullable<SentenceFacts["file"]>): string;
}

/** The first part of an unreadable file's message ("Missing column Quantity", "The file is empty"). */
export const ENGINE_FORMAT: SentenceFormat = {
  number: (n) => String(n),
  date: (iso) => iso,
  fileProblem: (f) => f.message.split(/[:;]/)[0].trim(),
};

export function actionSentence(words: ActionWords, f: SentenceFacts, format: SentenceFormat = ENGINE_FORMAT): string {
  const values = {
    customer: f.customer,
    where: f.oldAccount === null ? words.whereNew : fillText(words.whereOld, { account: f.oldAccount }),
    offer: f.offer ?? words.offerUnknown,
    seats: f.seats === null ? words.seatsUnreadable : format.number(f.seats),
    ids: f.ids.join(", "),
    date: f.due === null ? "" : format.date(f.due),
    file: f.file?.source ?? "",
    problem: f.problemRow.length > 0 ? f.problemRow.map((p) => words.problemRow[p]).join(words.separator) : f.file ? format.fileProblem(f.file) : "",
    oldOffers: f.oldOffers.length > 0 ? f.oldOffers.join(", ") : words.oldOffersUnknown,
  };
  // An export without subscription IDs: the sentence names the offer only.
  const template = (f.letExpire ? words.letExpire : words.lines[f.line]).replace(f.ids.length === 0 ? " {ids}" : "\0", "");
  const parts = [fillText(template, values)];
  if (f.nceWindow !== null) parts.push(fillText(f.nceWindow === "open" ? words.nceDue : words.nceWindowClosed, values));
  if (f.doubleBillingDays !== null) parts.push(fillText(words.doubleBilling, { days: format.number(f.doubleBillingDays) }));
  return parts.join(words.separator) + words.end;
}
