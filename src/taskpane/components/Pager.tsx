/**
 * Pages of a long list. Partners have thousands of customers: rendering them all would make the
 * pane sluggish in Office's webview, and a page of 25 is what fits a task pane anyway.
 */
import { useEffect, useState } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ChevronLeftRegular, ChevronRightRegular } from "@fluentui/react-icons";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  pager: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "8px" },
  status: { color: tokens.colorNeutralForeground2 },
});

export function usePaging<T>(items: readonly T[], size: number, resetKey: unknown) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(items.length / size));
  useEffect(() => setPage(0), [resetKey]);
  const current = Math.min(page, pages - 1);
  return {
    page: current,
    pages,
    slice: items.slice(current * size, current * size + size),
    from: items.length === 0 ? 0 : current * size + 1,
    to: Math.min(items.length, current * size + size),
    total: items.length,
    setPage,
  };
}

export function Pager({ paging, label }: { paging: ReturnType<typeof usePaging<unknown>>; label: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  if (paging.total === 0) return null;
  return (
    <nav className={styles.pager} aria-label={label}>
      <Button
        appearance="subtle"
        size="small"
        icon={<ChevronLeftRegular />}
        aria-label={t("results.previous")}
        disabled={paging.page === 0}
        onClick={() => paging.setPage(paging.page - 1)}
      />
      <Text size={200} className={styles.status} aria-live="polite">
        {t("results.page", { from: paging.from, to: paging.to, total: paging.total })}
      </Text>
      <Button
        appearance="subtle"
        size="small"
        icon={<ChevronRightRegular />}
        aria-label={t("results.next")}
        disabled={paging.page >= paging.pages - 1}
        onClick={() => paging.setPage(paging.page + 1)}
      />
    </nav>
  );
}
