/**
 * What makes a whole run untrustworthy, as opposed to one row (a problem, spec §5): exports of
 * a whole side missing. With only the new account's exports every group is "New only" and
 * nothing is flagged; with only the old accounts' every offer is "New subscription missing".
 * The verdicts are right by the rules, so the run completes (spec §6), but the reader must be
 * told before trusting "0 flagged". Shown on the Summary, in report.json and on stderr.
 */
import { EngineResult } from "./model";

export type RunWarningCode = "NO_OLD_ACCOUNT" | "NO_NEW_ACCOUNT";

export interface RunWarning {
  readonly code: RunWarningCode;
  readonly message: string;
}

/** Short enough to be read whole in one Summary cell (about 80 characters). */
export const RUN_WARNING_TEXT: Record<RunWarningCode, string> = {
  NO_OLD_ACCOUNT: "No export of an old account was read: nothing can be checked as moved.",
  NO_NEW_ACCOUNT: "No export of the new account was read: every offer shows as missing there.",
};

/** A side counts as present when any of its subscription exports was found, read or not (an unreadable one is a problem of its own). */
export function runWarnings(result: Pick<EngineResult, "sources">): RunWarning[] {
  const has = (role: "from" | "to") => result.sources.some((s) => s.role === role);
  const codes: RunWarningCode[] = [];
  if (!has("from")) codes.push("NO_OLD_ACCOUNT");
  if (!has("to")) codes.push("NO_NEW_ACCOUNT");
  return codes.map((code) => ({ code, message: RUN_WARNING_TEXT[code] }));
}
