/**
 * The Next steps of a run (spec §8) as the pane lists them: the engine's actions with where
 * their subscriptions are in the workbook, so that a click selects them.
 */
import { deriveActions } from "../domain/actions";
import type { EngineResult } from "../domain/model";
import type { ActionOutcome } from "./types";

export function actionOutcomes(result: EngineResult): ActionOutcome[] {
  return deriveActions(result).map((a) => ({
    key: a.key,
    action: a.action,
    customer: a.customer,
    customerIndex: a.customerIndex,
    microsoftId: a.microsoftId,
    account: a.account,
    // `account` is a name, and an old account may be called anything ("new" too): the kind says which it is.
    accountKind: a.sentence.oldAccount !== null ? "old" : a.account === "microsoft" ? "microsoft" : a.account === "customer" ? "customer" : "new",
    subscriptionIds: a.subscriptionIds,
    seats: a.seats,
    due: a.due,
    doubleBillingDays: a.doubleBillingDays,
    text: a.text,
    sentence: a.sentence,
    rows: a.rows.flatMap((i) => {
      const at = result.rows[i].at;
      return at ? [{ sheet: at.sheet, row: at.row }] : [];
    }),
  }));
}
