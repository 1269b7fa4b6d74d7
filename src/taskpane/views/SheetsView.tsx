/**
 * Sheets: every sheet that looks like an export, with the account it comes from (an old one or
 * the new one) and, for a per-customer sheet the user opened, the customer. Guesses are shown as
 * guesses and always editable; Confirm writes them to the Sources table.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { Badge, Button, Dropdown, Field, Input, Option, SearchBox, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Role } from "../../domain/model";
import type { SourceRecord } from "../../domain/workbook";
import { caseFold } from "../../domain/text";
import type { DetectedSheet, WorkbookState } from "../../office/types";
import { NEW_ACCOUNT } from "../files/layout";
import { useI18n } from "../i18n";
import { usePane } from "../state";
import { Pager, usePaging } from "../components/Pager";
import { knownAccounts } from "./accounts";

interface Edit {
  readonly role: Role;
  readonly account: string;
  readonly customer: string;
  /** The user chose "new account name…": the name is typed, not picked. */
  readonly typing: boolean;
}

const NEW_OPTION = "\u0000new";
const PAGE = 20;

const useStyles = makeStyles({
  intro: { color: tokens.colorNeutralForeground2 },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "10px" },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    padding: "10px 12px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  cardHead: { display: "flex", alignItems: "center", gap: "8px", justifyContent: "space-between" },
  name: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  meta: { color: tokens.colorNeutralForeground2 },
  fields: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: "8px" },
  full: { gridColumn: "1 / -1" },
  dropdown: { minWidth: 0, width: "100%" },
  actions: { display: "flex", gap: "8px" },
});

export function editsOf(state: WorkbookState): Map<string, Edit> {
  return new Map(
    state.sheets
      .filter((s) => s.kind !== "unknown")
      .map((s) => [s.name, { role: s.role, account: s.account, customer: s.customer, typing: false }]),
  );
}

/** The whole Sources table after the edits: imported files keep their own customers. */
export function recordsAfter(state: WorkbookState, edits: ReadonlyMap<string, Edit>): SourceRecord[] {
  const sheets = new Map(state.sheets.map((s) => [s.name, s]));
  const covered = new Set<string>();
  const out: SourceRecord[] = state.records.map((r) => {
    const e = edits.get(r.sheet);
    if (!e) return r;
    covered.add(r.sheet);
    const sheet = sheets.get(r.sheet);
    const ownSheet = sheet !== undefined && !sheet.imported;
    return { ...r, role: e.role, account: e.account.trim(), customer: ownSheet && r.kind === "subscriptions" ? e.customer.trim() : r.customer };
  });
  for (const s of state.sheets) {
    const e = edits.get(s.name);
    if (!e || covered.has(s.name) || s.kind === "unknown") continue;
    out.push({
      file: s.name,
      kind: s.kind,
      account: e.account.trim(),
      role: e.role,
      customer: s.kind === "subscriptions" ? e.customer.trim() : "",
      sheet: s.name,
      rows: s.rows,
      state: "ok",
      message: "",
    });
  }
  return out;
}

export function SheetsView() {
  const pane = usePane();
  const { t } = useI18n();
  const styles = useStyles();
  const state = pane.state!;
  const [edits, setEdits] = useState(() => editsOf(state));
  const [filter, setFilter] = useState("");
  const [tried, setTried] = useState(false);

  useEffect(() => {
    setEdits(editsOf(state));
    setTried(false);
  }, [state]);

  const exportsOnly = useMemo(() => state.sheets.filter((s) => s.kind !== "unknown"), [state.sheets]);
  const others = state.sheets.length - exportsOnly.length;
  const shown = useMemo(() => {
    const q = caseFold(filter.trim());
    return q === "" ? exportsOnly : exportsOnly.filter((s) => caseFold(`${s.name} ${edits.get(s.name)?.account ?? ""}`).includes(q));
  }, [exportsOnly, filter, edits]);
  const paging = usePaging(shown, PAGE, filter);

  const missing = [...edits.values()].some((e) => e.account.trim() === "");

  const update = (name: string, change: Partial<Edit>) =>
    setEdits((prev) => {
      const next = new Map(prev);
      next.set(name, { ...prev.get(name)!, ...change });
      return next;
    });

  const confirm = async () => {
    setTried(true);
    if (missing) return;
    const records = recordsAfter(state, edits);
    const ok = await pane.run("save", async () => {
      await pane.gateway.saveSources(records);
      return true;
    });
    await pane.refresh();
    if (ok) {
      pane.markStale();
      pane.setNotice({ intent: "success", text: t("sheets.saved") });
      pane.announce(t("sheets.saved"));
    }
  };

  if (exportsOnly.length === 0) {
    return (
      <>
        <Text>{t("sheets.none")}</Text>
        <div>
          <Button appearance="primary" onClick={() => pane.goTo("import", true)}>
            {t("sheets.goImport")}
          </Button>
        </div>
        {others > 0 && <Text size={200}>{t("sheets.others", { count: others })}</Text>}
      </>
    );
  }

  return (
    <>
      <Text className={styles.intro}>{t("sheets.intro")}</Text>
      {exportsOnly.length > PAGE / 2 && (
        <SearchBox aria-label={t("sheets.filter")} placeholder={t("sheets.filter")} dismiss={{ "aria-label": t("search.clear") }} value={filter} onChange={(_, d) => setFilter(d.value)} />
      )}
      <ul className={styles.list}>
        {paging.slice.map((s) => (
          <li key={s.name}>
            <SheetCard sheet={s} edit={edits.get(s.name)!} onChange={(c) => update(s.name, c)} showErrors={tried} />
          </li>
        ))}
      </ul>
      {shown.length > PAGE && <Pager paging={paging} label={t("sheets.heading")} />}
      {others > 0 && (
        <Text size={200} className={styles.meta}>
          {t("sheets.others", { count: others })}
        </Text>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void confirm()} disabled={pane.task !== null}>
          {t("sheets.confirm")}
        </Button>
      </div>
    </>
  );
}

function SheetCard({ sheet, edit, onChange, showErrors }: { sheet: DetectedSheet; edit: Edit; onChange: (c: Partial<Edit>) => void; showErrors: boolean }) {
  const pane = usePane();
  const { t } = useI18n();
  const styles = useStyles();
  const nameInput = useRef<HTMLInputElement>(null);
  const id = `sheet-${sheet.name.replace(/[^A-Za-z0-9_-]/g, "_")}`;
  const accounts = useMemo(() => {
    const list = knownAccounts(pane.state, edit.role);
    if (edit.role === "to" && list.length === 0) list.push(NEW_ACCOUNT);
    return list;
  }, [pane.state, edit.role]);
  const typing = edit.typing || (edit.account !== "" && !accounts.some((a) => caseFold(a) === caseFold(edit.account))) || accounts.length === 0;
  const accountError = showErrors && edit.account.trim() === "";

  useEffect(() => {
    if (edit.typing) nameInput.current?.focus();
  }, [edit.typing]);

  const setRole = (role: Role) => {
    const list = knownAccounts(pane.state, role);
    const account = role === "to" ? (list[0] ?? NEW_ACCOUNT) : (list[0] ?? "");
    onChange({ role, account, typing: false });
  };

  return (
    <section className={styles.card} aria-labelledby={`${id}-name`} data-sheet={sheet.name}>
      <div className={styles.cardHead}>
        <h3 id={`${id}-name`} className={styles.name}>
          {sheet.name}
        </h3>
        <Badge appearance="tint" color={sheet.confirmed ? "success" : "warning"} shape="rounded">
          {sheet.confirmed ? t("sheets.confirmed") : t("sheets.guessed")}
        </Badge>
      </div>
      <Text size={200} className={styles.meta}>
        {[
          t(sheet.kind === "customers" ? "sheets.kind.customers" : "sheets.kind.subscriptions"),
          t("count.rows", { count: sheet.rows }),
          sheet.imported ? t("sheets.imported") : null,
          sheet.protected ? t("sheets.protected") : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </Text>
      <div className={styles.fields}>
        <Field label={t("sheets.role")} size="small">
          <Dropdown
            size="small"
            className={styles.dropdown}
            value={t(edit.role === "to" ? "role.to" : "role.from")}
            selectedOptions={[edit.role]}
            onOptionSelect={(_, d) => d.optionValue && setRole(d.optionValue as Role)}
          >
            <Option value="from">{t("role.from")}</Option>
            <Option value="to">{t("role.to")}</Option>
          </Dropdown>
        </Field>
        <Field
          label={t("sheets.account")}
          size="small"
          validationState={accountError && !typing ? "error" : "none"}
          validationMessage={accountError && !typing ? t("sheets.accountMissing") : undefined}
        >
          <Dropdown
            size="small"
            className={styles.dropdown}
            value={typing ? t("sheets.newAccount") : edit.account}
            selectedOptions={[typing ? NEW_OPTION : edit.account]}
            onOptionSelect={(_, d) => {
              if (d.optionValue === NEW_OPTION) onChange({ typing: true, account: "" });
              else if (d.optionValue) onChange({ typing: false, account: d.optionValue });
            }}
          >
            {accounts.map((a) => (
              <Option key={a} value={a}>
                {a}
              </Option>
            ))}
            <Option value={NEW_OPTION}>{t("sheets.newAccount")}</Option>
          </Dropdown>
        </Field>
        {typing && (
          <Field
            className={styles.full}
            label={t("sheets.newAccountName")}
            size="small"
            required
            validationState={accountError ? "error" : "none"}
            validationMessage={accountError ? t("sheets.accountMissing") : undefined}
          >
            <Input size="small" ref={nameInput} value={edit.account} onChange={(_, d) => onChange({ account: d.value })} />
          </Field>
        )}
        {sheet.kind === "subscriptions" && !sheet.imported && (
          <Field className={styles.full} label={t("sheets.customer")} hint={t("sheets.customerHint")} size="small">
            <Input size="small" value={edit.customer} onChange={(_, d) => onChange({ customer: d.value })} />
          </Field>
        )}
      </div>
    </section>
  );
}
