/**
 * The task pane: five views (Import, Sheets, Results, Next steps, Settings) over one workbook gateway, a
 * Reconcile bar that stays at the bottom, and a polite live region for progress and results.
 * Components reach the workbook only through the gateway they are given.
 */
import { lazy, Suspense, useEffect, useRef } from "react";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular, SettingsRegular } from "@fluentui/react-icons";
import type { WorkbookGateway } from "../office/types";
import { I18nProvider, MessageKey, useI18n } from "./i18n";
import { PaneProvider, View, usePane } from "./state";
import { ThemeName, fluentTheme } from "./theme";
import { RunBar } from "./components/RunBar";
import { srOnly } from "./components/styles";
import { ImportView } from "./views/ImportView";
import { SheetsView } from "./views/SheetsView";
import { ResultsView } from "./views/ResultsView";
import { NextStepsView } from "./views/NextStepsView";

// Rarely used: fetched when first opened, not with the pane.
const SettingsView = lazy(() => import(/* webpackChunkName: "settings" */ "./views/SettingsView"));

export interface AppProps {
  readonly gateway: WorkbookGateway;
  /** Office's display language (Office.context.displayLanguage), e.g. "fr-FR". */
  readonly displayLanguage?: string | null;
  readonly theme?: ThemeName;
}

const useStyles = makeStyles({
  provider: { minHeight: "100vh", display: "flex", flexDirection: "column" },
  root: { display: "flex", flexDirection: "column", flexGrow: 1, minHeight: "100vh", minWidth: 0 },
  header: {
    display: "flex",
    alignItems: "center",
    gap: "8px",
    padding: "12px 16px 4px",
  },
  logo: { width: "20px", height: "20px", flexShrink: 0 },
  // Five tabs must fit ~320 px in every language ("Paramètres", "Instellingen"): tabs share the
  // width and may shrink; the list scrolls sideways rather than the whole pane.
  tabs: { padding: "0 2px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, overflowX: "auto", overflowY: "hidden" },
  tabList: { flexWrap: "nowrap" },
  tab: { flexShrink: 0, paddingLeft: "2px", paddingRight: "2px" },
  main: { flexGrow: 1, padding: "12px 16px 16px", display: "flex", flexDirection: "column", gap: "12px", minWidth: 0 },
  // A file name or an Excel message may be one long unbroken word: it wraps, the pane never widens.
  notice: { minWidth: 0, maxWidth: "100%", boxSizing: "border-box" },
  noticeBody: { minWidth: 0, overflowWrap: "anywhere" },
  noticeItems: { margin: "4px 0 0", paddingInlineStart: "18px" },
  technical: { marginTop: "4px", fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, cursor: "pointer" },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
});

// Settings is a gear: five worded tabs do not fit 320 px in French or Dutch.
const VIEWS: readonly { view: View; label: MessageKey; heading: MessageKey; iconOnly?: boolean }[] = [
  { view: "import", label: "nav.import", heading: "import.heading" },
  { view: "sheets", label: "nav.sheets", heading: "sheets.heading" },
  { view: "results", label: "nav.results", heading: "results.heading" },
  { view: "nextSteps", label: "nav.nextSteps", heading: "next.heading" },
  { view: "settings", label: "nav.settings", heading: "settings.heading", iconOnly: true },
];

function NoticeBar() {
  const { notice, setNotice, view } = usePane();
  const { t } = useI18n();
  const styles = useStyles();
  if (!notice || notice.view !== view) return null;
  return (
    <MessageBar intent={notice.intent} layout="multiline" className={styles.notice}>
      <MessageBarBody className={styles.noticeBody}>
        {notice.intent === "error" && <MessageBarTitle>{t("notice.errorTitle")}</MessageBarTitle>}
        <div>{notice.text}</div>
        {notice.detail && <div>{notice.detail}</div>}
        {notice.items && notice.items.length > 0 && (
          <ul className={styles.noticeItems}>
            {notice.items.map((it, i) => (
              <li key={i}>{it}</li>
            ))}
          </ul>
        )}
        {notice.technical && (
          <details className={styles.technical}>
            <summary>{t("notice.technical")}</summary>
            {notice.technical}
          </details>
        )}
      </MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" size="small" icon={<DismissRegular />} aria-label={t("notice.dismiss")} onClick={() => setNotice(null)} />} />
    </MessageBar>
  );
}

function CurrentView({ view }: { view: View }) {
  switch (view) {
    case "import":
      return <ImportView />;
    case "sheets":
      return <SheetsView />;
    case "results":
      return <ResultsView />;
    case "nextSteps":
      return <NextStepsView />;
    case "settings":
      return <SettingsView />;
  }
}

function Shell() {
  const pane = usePane();
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.documentElement.lang = i18n.locale;
    document.title = t("app.title");
  }, [i18n.locale, t]);

  useEffect(() => {
    if (pane.focusRequest > 0) heading.current?.focus();
  }, [pane.focusRequest]);

  const current = VIEWS.find((v) => v.view === pane.view)!;
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <img className={styles.logo} src="assets/icon-32.png" alt="" />
        <Text as="h1" size={400} weight="semibold">
          {t("app.title")}
        </Text>
      </header>
      <nav className={styles.tabs} aria-label={t("nav.label")}>
        <TabList className={styles.tabList} selectedValue={pane.view} onTabSelect={(_, d) => pane.goTo(d.value as View)} size="small">
          {VIEWS.map((v) => (
            <Tab
              key={v.view}
              className={styles.tab}
              id={`tab-${v.view}`}
              value={v.view}
              aria-controls="view-panel"
              {...(v.iconOnly ? { icon: <SettingsRegular />, "aria-label": t(v.label), title: t(v.label) } : {})}
            >
              {v.iconOnly ? null : t(v.label)}
            </Tab>
          ))}
        </TabList>
      </nav>
      <main className={styles.main}>
        <div id="view-panel" role="tabpanel" aria-labelledby={`tab-${pane.view}`} style={{ display: "contents" }}>
          <h2 ref={heading} tabIndex={-1} className={styles.heading}>
            {t(current.heading)}
          </h2>
          <NoticeBar />
          {pane.state === null ? (
            <Spinner size="small" label={t("app.loading")} />
          ) : (
            <Suspense fallback={<Spinner size="small" />}>
              <CurrentView view={pane.view} />
            </Suspense>
          )}
        </div>
      </main>
      <RunBar />
      <div role="status" aria-live="polite" aria-atomic="true" style={srOnly}>
        {pane.announcement}
      </div>
    </div>
  );
}

export function App({ gateway, displayLanguage, theme = "light" }: AppProps) {
  const styles = useStyles();
  return (
    <FluentProvider theme={fluentTheme(theme)} className={styles.provider}>
      <I18nProvider displayLanguage={displayLanguage}>
        <PaneProvider gateway={gateway}>
          <Shell />
        </PaneProvider>
      </I18nProvider>
    </FluentProvider>
  );
}
