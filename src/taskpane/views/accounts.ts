/** Accounts the workbook already knows, for the pane's account pickers. */
import type { Role } from "../../domain/model";
import { caseFold, compareCodePoints } from "../../domain/text";
import type { WorkbookState } from "../../office/types";

/** Account names of one role, from the sheets and the Sources table, one spelling each. */
export function knownAccounts(state: WorkbookState | null, role: Role): string[] {
  if (!state) return [];
  const seen = new Map<string, string>();
  for (const a of [...state.records.filter((r) => r.role === role), ...state.sheets.filter((s) => s.role === role && s.kind !== "unknown")]) {
    const name = a.account.trim();
    if (name !== "" && !seen.has(caseFold(name))) seen.set(caseFold(name), name);
  }
  return [...seen.values()].sort((a, b) => compareCodePoints(caseFold(a), caseFold(b)));
}

/** The new account's name when the workbook has one already. */
export function newAccountName(state: WorkbookState | null): string | null {
  return knownAccounts(state, "to")[0] ?? null;
}
