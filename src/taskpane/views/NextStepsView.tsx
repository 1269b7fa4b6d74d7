/**
 * Next steps (spec §8), account by account: a partner signs in to one account in Partner Center
 * and works through its list, then the next. A count per account; the actions of one account at
 * a time, in §8's order; a customer's name selects the subscription's rows in the workbook, and
 * each subscription ID has a copy button (to paste into Partner Center's search).
 */
import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { Badge, Button,  MessageBar, MessageBarBody, SearchBox, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { CheckmarkRegular, CopyRegular } from "@fluentui/react-icons";
import type { ActionOutcome } from "../../office/types";
import { I18n, useI18n } from "../i18n";
import { usePane } from "../state";
import { Pager, usePaging } from "../components/Pager";
import { copyText } from "../components/clipboard";
import { srOnly } from "../components/styles";
import { SelectRows, rowsBySheet, useSelectRows } from "./select";
import { SheetLinks } from "../components/SheetLinks";
import { matches, searchKey } from "./search";

const PAGE = 25;

const useStyles = makeStyles({
  hint: { color: tokens.colorNeutralForeground2 },
  // Accounts wrap onto more lines rather than scroll: every count stays in sight.
  accounts: { flexWrap: "wrap", rowGap: "2px" },
  accountTab: { paddingLeft: "6px", paddingRight: "6px" },
  count: {
    marginInlineStart: "6px",
    padding: "0 6px",
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  panel: { display: "flex", flexDirection: "column", gap: "8px", minWidth: 0 },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  item: { display: "flex", flexDirection: "column", gap: "4px", padding: "8px 0", borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, minWidth: 0 },
  customer: {
    alignSelf: "flex-start",
    padding: "2px 4px",
    margin: "0 -4px",
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorBrandForegroundLink,
    font: "inherit",
    fontWeight: tokens.fontWeightSemibold,
    textAlign: "start",
    overflowWrap: "anywhere",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover, textDecoration: "underline" },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  customerText: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  sentence: { overflowWrap: "anywhere" },
  ids: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  id: { display: "flex", flexDirection: "column", minWidth: 0 },
  // The ID and its button stay on one line; a long ID wraps within its own box.
  idRow: { display: "flex", alignItems: "center", gap: "4px", minWidth: 0 },
  // The pane's own font, not a monospace one: a GUID and its button then fit one line at 320 px.
  idText: {
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: "tabular-nums",
    overflowWrap: "anywhere",
    minWidth: 0,
    userSelect: "all",
  },
  copy: { flexShrink: 0, minWidth: "auto" },
  failed: { color: tokens.colorPaletteRedForeground1 },
  empty: { color: tokens.colorNeutralForeground2, padding: "8px 0" },
});

/** One place to sign in to, with its actions in §8's order. */
interface Place {
  readonly id: string;
  readonly kind: ActionOutcome["accountKind"];
  readonly name: string;
  readonly actions: readonly ActionOutcome[];
}

const KIND_ORDER: Record<Place["kind"], number> = { new: 0, old: 1, microsoft: 2, customer: 3 };

/**
 * The new account first (what must exist before an old subscription stops), then the old accounts
 * by name, then Microsoft's Azure support, then the customers' own tenants.
 */
function places(actions: readonly ActionOutcome[], locale: string): Place[] {
  const by = new Map<string, ActionOutcome[]>();
  for (const a of actions) {
    const id = a.accountKind === "old" ? `old:${a.account}` : a.accountKind;
    by.set(id, [...(by.get(id) ?? []), a]);
  }
  const collator = new Intl.Collator(locale, { sensitivity: "base", numeric: true });
  return [...by.entries()]
    .map(([id, list]) => ({ id, kind: list[0].accountKind, name: list[0].account, actions: list }))
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || collator.compare(a.name, b.name));
}

function placeLabel(p: Place, i18n: I18n): string {
  return p.kind === "old" ? i18n.t("next.account.old", { account: p.name }) : i18n.t(`next.account.${p.kind}`);
}

function signIn(p: Place, i18n: I18n): string {
  return p.kind === "old" ? i18n.t("next.signIn.old", { account: p.name }) : i18n.t(`next.signIn.${p.kind}`);
}

const haystack = (a: ActionOutcome, i18n: I18n) => [a.customer, a.microsoftId ?? "", ...a.subscriptionIds, a.sentence.offer ?? "", i18n.action(a.sentence)].map(searchKey).join("\n");

export function NextStepsView() {
  const pane = usePane();
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const select = useSelectRows();
  const outcome = pane.outcome;
  const [chosen, setChosen] = useState<string | null>(null);
  const [query, setQuery] = useState("");
  const deferredQuery = useDeferredValue(query);

  const all = useMemo(() => places(outcome?.actions ?? [], i18n.locale), [outcome, i18n.locale]);
  const place = all.find((p) => p.id === chosen) ?? all[0];
  const haystacks = useMemo(() => new Map((place?.actions ?? []).map((a) => [a.key, haystack(a, i18n)])), [place, i18n]);
  const shown = useMemo(() => (place?.actions ?? []).filter((a) => matches(haystacks.get(a.key) ?? "", deferredQuery)), [place, haystacks, deferredQuery]);
  const paging = usePaging(shown, PAGE, `${place?.id}|${deferredQuery}`);

  if (!outcome) return <Text>{pane.state?.reconciled ? t("results.previousRun") : t("next.none")}</Text>;
  if (!place) return <Text>{t("next.nothing")}</Text>;

  const index = all.indexOf(place);
  return (
    <>
      {pane.outcomeStale && (
        <MessageBar intent="warning">
          <MessageBarBody>{t("results.stale")}</MessageBarBody>
        </MessageBar>
      )}
      <Text size={200} className={styles.hint}>
        {t("next.hint")}
      </Text>
      <TabList
        size="small"
        className={styles.accounts}
        aria-label={t("next.accounts")}
        selectedValue={place.id}
        onTabSelect={(_, d) => {
          setChosen(d.value as string);
          setQuery("");
        }}
        data-testid="next-accounts"
      >
        {all.map((p, k) => (
          <Tab key={p.id} id={`next-tab-${k}`} className={styles.accountTab} value={p.id} aria-controls="next-panel" data-place={p.id}>
            {placeLabel(p, i18n)}{" "}
            {/* Seen as a number; heard as "10 actions" (the tab's name holds what it shows, for speech input). */}
            <span className={styles.count} aria-hidden="true" data-count="">
              {i18n.number(p.actions.length)}
            </span>
            <span style={srOnly}> {t("count.actions", { count: p.actions.length })}</span>
          </Tab>
        ))}
      </TabList>
      <section id="next-panel" role="tabpanel" aria-labelledby={`next-tab-${index}`} className={styles.panel} data-testid="next-panel" data-place={place.id}>
        <h3 className={styles.h3}>{t("next.accountCount", { account: placeLabel(place, i18n), count: place.actions.length })}</h3>
        <Text>{signIn(place, i18n)}</Text>
        {place.actions.length > PAGE && (
          <SearchBox aria-label={t("next.search")} placeholder={t("next.search")} dismiss={{ "aria-label": t("search.clear") }} value={query} onChange={(_, d) => setQuery(d.value)} />
        )}
        {shown.length === 0 ? (
          <Text className={styles.empty}>{t("next.noMatch")}</Text>
        ) : (
          <ol className={styles.list} aria-label={placeLabel(place, i18n)} data-testid="action-list" start={paging.from}>
            {paging.slice.map((a) => (
              <ActionItem key={a.key} action={a} onSelect={select} />
            ))}
          </ol>
        )}
        {shown.length > PAGE && <Pager paging={paging} label={placeLabel(place, i18n)} />}
      </section>
    </>
  );
}

function ActionItem({ action: a, onSelect }: { action: ActionOutcome; onSelect: SelectRows }) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t } = i18n;
  const sheets = rowsBySheet(a.rows);
  const first = sheets[0];
  return (
    <li className={styles.item} data-action={a.action} data-customer={a.customer}>
      {first ? (
        <button type="button" className={styles.customer} title={t("results.selectRows", { count: first.rows.length, sheet: first.sheet })} onClick={() => onSelect(first.sheet, first.rows)}>
          {a.customer}
        </button>
      ) : (
        <span className={styles.customerText}>{a.customer}</span>
      )}
      <Text size={200} className={styles.sentence}>
        {i18n.action(a.sentence)}
      </Text>
      {a.due && (
        <div>
          <Badge appearance="tint" color="warning" shape="rounded">
            {t("next.due", { date: i18n.date(a.due) })}
          </Badge>
        </div>
      )}
      {a.subscriptionIds.length > 0 && (
        <ul className={styles.ids} aria-label={t("next.ids")}>
          {a.subscriptionIds.map((id) => (
            <SubscriptionId key={id} id={id} />
          ))}
        </ul>
      )}
      <SheetLinks sheets={sheets} onSelect={onSelect} />
    </li>
  );
}

function SubscriptionId({ id }: { id: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { announce } = usePane();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const copy = async () => {
    const ok = await copyText(id);
    setState(ok ? "copied" : "failed");
    announce(ok ? t("next.copied", { id }) : t("next.copyFailed"));
    window.clearTimeout(timer.current);
    if (ok) timer.current = window.setTimeout(() => setState("idle"), 2500);
  };

  return (
    <li className={styles.id} data-id={id}>
      <div className={styles.idRow}>
        <span className={styles.idText}>{id}</span>
        <Button
          size="small"
          appearance="subtle"
          className={styles.copy}
          icon={state === "copied" ? <CheckmarkRegular /> : <CopyRegular />}
          // Its name holds what it shows ("Copied"), for speech input.
          aria-label={state === "copied" ? t("next.copied", { id }) : t("next.copy", { id })}
          title={t("next.copy", { id })}
          onClick={() => void copy()}
        >
          {state === "copied" ? t("next.copiedShort") : undefined}
        </Button>
      </div>
      {state === "failed" && (
        <Text size={200} className={styles.failed}>
          {t("next.copyFailed")}
        </Text>
      )}
    </li>
  );
}
