/**
 * Selecting rows in the workbook from a list (a customer's rows, a problem's row, an action's
 * subscriptions): through the gateway, announced for screen readers, errors as a notice.
 */
import { useCallback } from "react";
import type { RowRef } from "../../office/types";
import { useI18n } from "../i18n";
import { usePane } from "../state";

export type SelectRows = (sheet: string, rows: readonly number[]) => void;

/** Rows grouped by sheet, in the order their sheets first appear. */
export function rowsBySheet(refs: readonly RowRef[]): { sheet: string; rows: number[] }[] {
  const m = new Map<string, number[]>();
  for (const r of refs) m.set(r.sheet, [...(m.get(r.sheet) ?? []), r.row]);
  return [...m.entries()].map(([sheet, rows]) => ({ sheet, rows }));
}

export function useSelectRows(): SelectRows {
  const pane = usePane();
  const { t } = useI18n();
  const { task, gateway, announce, fail } = pane;
  return useCallback(
    (sheet: string, rows: readonly number[]) => {
      // Selecting is instant in Excel: no progress bar, and it may run while nothing else does.
      if (task) return;
      gateway.select(sheet, rows).then(
        () => announce(t("results.selected", { count: rows.length, sheet })),
        (e: unknown) => fail(e),
      );
    },
    [task, gateway, announce, fail, t],
  );
}
