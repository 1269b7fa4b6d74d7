/**
 * Results of the last run: customers per verdict, the customers to act on (with the reason and
 * the next step; a click selects their rows in the workbook) and the problems (a click goes to
 * the row). Lists are searchable and paged: partners have thousands of customers.
 */
import { useDeferredValue, useMemo, useState } from "react";
import { Badge, BadgeProps, MessageBar, MessageBarBody, SearchBox, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Problem } from "../../domain/model";
import { CUSTOMER_ORDER, CustomerVerdict, TONE, Tone } from "../../domain/verdicts";
import type { CustomerOutcome } from "../../office/types";
import { useI18n } from "../i18n";
import { groupReason } from "./reasons";
import { customerHaystack, matches } from "./search";
import { usePane } from "../state";
import { SelectRows, rowsBySheet, useSelectRows } from "./select";
import { SheetLinks } from "../components/SheetLinks";
import { MoneySection } from "./MoneySection";
import { Pager, usePaging } from "../components/Pager";
import { VerdictChart } from "../components/VerdictChart";

const PAGE = 25;

const BADGE: Record<Tone, BadgeProps["color"]> = {
  critical: "danger",
  warning: "warning",
  info: "informative",
  success: "success",
  neutral: "subtle",
  stale: "subtle",
};

const useStyles = makeStyles({
  summary: { display: "flex", flexWrap: "wrap", columnGap: "12px", rowGap: "2px", color: tokens.colorNeutralForeground2 },
  strong: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  section: { display: "flex", flexDirection: "column", gap: "8px" },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground2 },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: "8px 0",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  itemHead: {
    display: "flex",
    alignItems: "flex-start",
    justifyContent: "space-between",
    gap: "8px",
    width: "100%",
    padding: "2px 4px",
    margin: "0 -4px",
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorBrandForegroundLink,
    font: "inherit",
    fontWeight: tokens.fontWeightSemibold,
    textAlign: "start",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover, textDecoration: "underline" },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
    ":disabled": { color: tokens.colorNeutralForeground1, cursor: "default", textDecoration: "none", backgroundColor: "transparent" },
  },
  name: { overflowWrap: "anywhere" },
  badge: { flexShrink: 0 },
  detail: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  next: { overflowWrap: "anywhere" },
  empty: { color: tokens.colorNeutralForeground2, padding: "8px 0" },
});

type Show = "flagged" | "all";

export function ResultsView() {
  const pane = usePane();
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const [query, setQuery] = useState("");
  const [show, setShow] = useState<Show>("flagged");
  const [verdict, setVerdict] = useState<CustomerVerdict | null>(null);
  const deferredQuery = useDeferredValue(query);
  const outcome = pane.outcome;

  const haystacks = useMemo(() => new Map((outcome?.customers ?? []).map((c) => [c.index, customerHaystack(c, i18n)])), [outcome, i18n]);
  const customers = useMemo(() => {
    if (!outcome) return [];
    return outcome.customers.filter((c) => {
      if (verdict ? c.verdict !== verdict : show === "flagged" && !c.flagged) return false;
      return matches(haystacks.get(c.index) ?? "", deferredQuery);
    });
  }, [outcome, haystacks, deferredQuery, show, verdict]);
  const ordered = useMemo(() => {
    // The Summary sheet's order: most urgent verdict first, then by name.
    const collator = new Intl.Collator(i18n.locale, { sensitivity: "base", numeric: true });
    return [...customers].sort((a, b) => CUSTOMER_ORDER.indexOf(a.verdict) - CUSTOMER_ORDER.indexOf(b.verdict) || collator.compare(a.name, b.name));
  }, [customers, i18n.locale]);
  const customerPages = usePaging(ordered, PAGE, `${deferredQuery}|${show}|${verdict}`);
  const problemPages = usePaging(outcome?.problems ?? [], PAGE, outcome);

  const select = useSelectRows();

  if (!outcome) {
    return <Text>{pane.state?.reconciled ? t("results.previousRun") : t("results.none")}</Text>;
  }

  const { totals } = outcome.report;
  return (
    <>
      <div className={styles.summary} data-testid="results-summary">
        <span className={styles.strong}>{t("count.customers", { count: totals.customers })}</span>
        <span>{t("count.flagged", { count: totals.flagged })}</span>
        <span>{t("count.problems", { count: outcome.problems.length })}</span>
        <span>{t("results.asOf", { date: i18n.date(outcome.report.asOf) })}</span>
      </div>
      {(outcome.report.warnings ?? []).map((w) => (
        <MessageBar key={w.code} intent="warning" data-warning={w.code}>
          <MessageBarBody>{i18n.warning(w.code)}</MessageBarBody>
        </MessageBar>
      ))}
      {pane.outcomeStale && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("results.stale")}</MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.section} aria-labelledby="chart-title">
        <h3 id="chart-title" className={styles.h3}>
          {t("results.chart")}
        </h3>
        <Text size={200} className={styles.hint}>
          {t("results.chartHint")}
        </Text>
        <VerdictChart byVerdict={outcome.byVerdict} selected={verdict} onSelect={setVerdict} labelId="chart-title" />
      </section>

      {/* Only when reconciliation files were given (§9 is optional): no files, no figures to show. */}
      {outcome.report.money.files.length > 0 && <MoneySection money={outcome.report.money} customers={outcome.customers} onSelect={select} />}

      <section className={styles.section} aria-labelledby="customers-title">
        <h3 id="customers-title" className={styles.h3}>
          {t("results.customers")}
        </h3>
        <SearchBox aria-label={t("results.search")} placeholder={t("results.search")} dismiss={{ "aria-label": t("search.clear") }} value={query} onChange={(_, d) => setQuery(d.value)} />
        <TabList
          size="small"
          aria-label={t("results.show")}
          selectedValue={verdict ?? show}
          onTabSelect={(_, d) => {
            if (d.value === "flagged" || d.value === "all") {
              setShow(d.value);
              setVerdict(null);
            }
          }}
        >
          <Tab value="flagged">{t("results.showFlagged")}</Tab>
          <Tab value="all">{t("results.showAll")}</Tab>
          {verdict && <Tab value={verdict}>{i18n.verdict(verdict)}</Tab>}
        </TabList>
        {customers.length === 0 ? (
          <Text className={styles.empty}>{t("results.noMatch")}</Text>
        ) : (
          <ul className={styles.list} aria-labelledby="customers-title" data-testid="customer-list">
            {customerPages.slice.map((c) => (
              <CustomerItem key={c.index} customer={c} onSelect={select} />
            ))}
          </ul>
        )}
        {customers.length > PAGE && <Pager paging={customerPages} label={t("results.customers")} />}
      </section>

      <section className={styles.section} aria-labelledby="problems-title">
        <h3 id="problems-title" className={styles.h3}>
          {t("results.problems")} ({i18n.number(outcome.problems.length)})
        </h3>
        {outcome.problems.length === 0 ? (
          <Text className={styles.empty}>{t("results.problemsNone")}</Text>
        ) : (
          <ul className={styles.list} aria-labelledby="problems-title" data-testid="problem-list">
            {problemPages.slice.map((p, i) => (
              <ProblemItem key={`${problemPages.from + i}`} problem={p} onSelect={select} />
            ))}
          </ul>
        )}
        {outcome.problems.length > PAGE && <Pager paging={problemPages} label={t("results.problems")} />}
      </section>
    </>
  );
}

function CustomerItem({ customer: c, onSelect }: { customer: CustomerOutcome; onSelect: SelectRows }) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, verdict, nextStep } = i18n;
  const sheets = rowsBySheet(c.rows);
  const advised = c.groups.filter((g) => g.advice.length > 0);
  const first = sheets[0];
  const id = `customer-${c.index}`;
  return (
    <li className={styles.item} data-customer={c.name} data-verdict={c.verdict}>
      <button
        type="button"
        className={styles.itemHead}
        disabled={!first}
        aria-describedby={[`${id}-verdict`, c.groups.length > 0 ? `${id}-reason` : "", advised.length > 0 ? `${id}-advice` : "", c.flagged ? `${id}-next` : ""].filter(Boolean).join(" ")}
        title={first ? t("results.selectRows", { count: first.rows.length, sheet: first.sheet }) : t("results.noRows")}
        onClick={() => first && onSelect(first.sheet, first.rows)}
      >
        <span className={styles.name}>{c.name}</span>
      </button>
      <div>
        <Badge id={`${id}-verdict`} className={styles.badge} appearance="tint" color={BADGE[TONE[c.verdict]]} shape="rounded">
          {verdict(c.verdict)}
        </Badge>
      </div>
      {c.groups.length > 0 && (
        <Text size={200} id={`${id}-reason`} className={styles.detail}>
          {c.groups.map((g) => groupReason(g, i18n)).join(" · ")}
        </Text>
      )}
      {advised.length > 0 && (
        <Text size={200} id={`${id}-advice`} className={styles.next} data-testid="advice">
          <strong>{t("results.advice")}</strong> {advised.map((g) => t("results.groupAdvice", { offer: g.offer, advice: g.advice.map(i18n.advice).join(i18n.separator) })).join(" · ")}
        </Text>
      )}
      {c.flagged && (
        <Text size={200} id={`${id}-next`} className={styles.next}>
          <strong>{t("results.nextStep")}</strong> {nextStep(c.verdict)}
        </Text>
      )}
      <SheetLinks sheets={sheets} onSelect={onSelect} />
    </li>
  );
}

function ProblemItem({ problem: p, onSelect }: { problem: Problem; onSelect: SelectRows }) {
  const styles = useStyles();
  const { t, problem, problemText } = useI18n();
  const where = p.row > 0 ? t("results.problemRow", { source: p.source, row: p.row }) : t("results.problemFile", { source: p.source });
  const at = p.at;
  return (
    <li className={styles.item} data-problem={p.code}>
      <button
        type="button"
        className={styles.itemHead}
        disabled={!at}
        title={at ? t("results.goTo", { sheet: at.sheet, row: at.row }) : undefined}
        onClick={() => at && onSelect(at.sheet, [at.row])}
      >
        <span className={styles.name}>{problem(p.code)}</span>
      </button>
      <Text size={200} className={styles.detail}>
        {where}
      </Text>
      <Text size={200} className={styles.next}>
        {problemText(p)}
      </Text>
    </li>
  );
}
