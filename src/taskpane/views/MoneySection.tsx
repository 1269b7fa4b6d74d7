/**
 * Results: money at stake (spec §9). The totals per currency and the ten most expensive
 * customers of each currency, from the reconciliation files given; said plainly to be pre-tax
 * and never converted. Shown only when billing files were read.
 */
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { CustomerOutcome } from "../../office/types";
import { useI18n } from "../i18n";
import { Figures, amount, mostExpensive } from "./money";
import { SelectRows, rowsBySheet } from "./select";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: "8px" },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  h4: { margin: "4px 0 0", fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground2 },
  total: { fontSize: tokens.fontSizeBase300 },
  strong: { fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingInlineStart: "22px", display: "flex", flexDirection: "column", gap: "4px" },
  item: { overflowWrap: "anywhere" },
  name: {
    padding: 0,
    border: "none",
    backgroundColor: "transparent",
    color: tokens.colorBrandForegroundLink,
    font: "inherit",
    fontWeight: tokens.fontWeightSemibold,
    textAlign: "start",
    cursor: "pointer",
    overflowWrap: "anywhere",
    ":hover": { textDecoration: "underline" },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
    ":disabled": { color: tokens.colorNeutralForeground1, cursor: "default", textDecoration: "none" },
  },
  figures: { display: "block", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

export interface MoneyFigures {
  readonly byCurrency: readonly Figures[];
  readonly unmatchedLines: number;
}

export function MoneySection({ money, customers, onSelect }: { money: MoneyFigures; customers: readonly CustomerOutcome[]; onSelect: SelectRows }) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section className={styles.section} aria-labelledby="money-title" data-testid="money">
      <h3 id="money-title" className={styles.h3}>
        {t("money.heading")}
      </h3>
      <Text size={200} className={styles.hint}>
        {t("money.source")}
      </Text>
      {money.byCurrency.length === 0 && <Text>{t("money.none")}</Text>}
      {money.byCurrency.map((total) => {
        const top = mostExpensive(customers, total.currency);
        return (
          <div key={total.currency} className={styles.section} data-currency={total.currency}>
            <Text className={styles.total} data-testid="money-total">
              {t("money.total", { soFar: amount(i18n, total.soFar, total.currency), perDay: amount(i18n, total.perDay, total.currency) })}
            </Text>
            {top.length > 0 && (
              <>
                <h4 id={`money-top-${total.currency}`} className={styles.h4}>
                  {t("money.top", { currency: total.currency })}
                </h4>
                <ol className={styles.list} aria-labelledby={`money-top-${total.currency}`}>
                  {top.map(({ customer: c, figures }) => {
                    const first = rowsBySheet(c.rows)[0];
                    return (
                      <li key={c.index} className={styles.item} data-customer={c.name}>
                        <button
                          type="button"
                          className={styles.name}
                          disabled={!first}
                          title={first ? t("results.selectRows", { count: first.rows.length, sheet: first.sheet }) : t("results.noRows")}
                          onClick={() => first && onSelect(first.sheet, first.rows)}
                        >
                          {c.name}
                        </button>
                        <span className={styles.figures}>
                          {t("money.customer", { soFar: amount(i18n, figures.soFar, figures.currency), perDay: amount(i18n, figures.perDay, figures.currency) })}
                        </span>
                      </li>
                    );
                  })}
                </ol>
              </>
            )}
          </div>
        );
      })}
      {money.unmatchedLines > 0 && (
        <Text size={200} className={styles.hint}>
          {t("money.unmatched", { count: money.unmatchedLines })}
        </Text>
      )}
    </section>
  );
}
