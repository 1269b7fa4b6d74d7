/**
 * Settings kept in the workbook (as-of date, new-commerce accounts, offer map, auto-open), and
 * Remove. Loaded on first use: most sessions never open it.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Divider,
  Field,
  Input,
  Radio,
  RadioGroup,
  Switch,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { AddRegular, DeleteRegular } from "@fluentui/react-icons";
import { isoToSerial } from "../../domain/cells";
import { caseFold } from "../../domain/text";
import type { WorkbookSettings } from "../../office/types";
import { useI18n } from "../i18n";
import { usePane } from "../state";
import { knownAccounts } from "./accounts";

interface MapRow {
  readonly id: number;
  readonly oldOffer: string;
  readonly newOffer: string;
}

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: "16px" },
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px", minWidth: 0 },
  legend: { padding: 0, marginBottom: "4px", fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  help: { color: tokens.colorNeutralForeground2 },
  // Old above new, not side by side: offer names are long and a task pane is ~350 px wide.
  mapList: { listStyle: "none", margin: 0, padding: 0 },
  mapRow: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    gap: "4px",
    alignItems: "center",
    padding: "6px 0",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  arrow: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap" },
  danger: { display: "flex", flexDirection: "column", gap: "8px", alignItems: "flex-start" },
});

let nextRow = 1;
const rowsOf = (s: WorkbookSettings): MapRow[] => s.offerMap.map((e) => ({ id: nextRow++, ...e }));
const today = () => new Date().toISOString().slice(0, 10);

export default function SettingsView() {
  const pane = usePane();
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const settings = pane.state!.settings;

  const [fixed, setFixed] = useState(settings.asOf !== "today");
  const [date, setDate] = useState(settings.asOf !== "today" ? settings.asOf : today());
  const [nce, setNce] = useState<ReadonlySet<string>>(() => new Set(settings.nceAccounts.map(caseFold)));
  const [rows, setRows] = useState<readonly MapRow[]>(() => rowsOf(settings));
  const [autoOpen, setAutoOpen] = useState(settings.autoOpen);
  const [tried, setTried] = useState(false);
  const lastAdded = useRef<HTMLInputElement>(null);
  const [focusNew, setFocusNew] = useState(0);

  useEffect(() => {
    setFixed(settings.asOf !== "today");
    setDate(settings.asOf !== "today" ? settings.asOf : today());
    setNce(new Set(settings.nceAccounts.map(caseFold)));
    setRows(rowsOf(settings));
    setAutoOpen(settings.autoOpen);
  }, [settings]);

  useEffect(() => {
    if (focusNew > 0) lastAdded.current?.focus();
  }, [focusNew]);

  // Old accounts from the sheets, plus any the settings name that no sheet has (yet).
  const accounts = useMemo(() => {
    const list = knownAccounts(pane.state, "from");
    for (const a of settings.nceAccounts) if (!list.some((x) => caseFold(x) === caseFold(a))) list.push(a);
    return list;
  }, [pane.state, settings.nceAccounts]);

  const dateInvalid = fixed && isoToSerial(date) === null;

  const save = async () => {
    setTried(true);
    if (dateInvalid) return;
    const next: WorkbookSettings = {
      asOf: fixed ? date : "today",
      nceAccounts: accounts.filter((a) => nce.has(caseFold(a))),
      offerMap: rows.map((r) => ({ oldOffer: r.oldOffer.trim(), newOffer: r.newOffer.trim() })).filter((r) => r.oldOffer !== "" || r.newOffer !== ""),
      autoOpen,
    };
    const ok = await pane.run("save", async () => {
      await pane.gateway.saveSettings(next);
      return true;
    });
    await pane.refresh();
    if (ok) {
      pane.markStale();
      pane.setNotice({ intent: "success", text: t("settings.saved") });
      pane.announce(t("settings.saved"));
    }
  };

  const setRow = (id: number, change: Partial<MapRow>) => setRows((prev) => prev.map((r) => (r.id === id ? { ...r, ...change } : r)));

  return (
    <>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{t("settings.asOf")}</legend>
          <RadioGroup value={fixed ? "fixed" : "today"} onChange={(_, d) => setFixed(d.value === "fixed")} aria-label={t("settings.asOf")}>
            <Radio value="today" label={t("settings.asOfToday")} />
            <Radio value="fixed" label={t("settings.asOfFixed")} />
          </RadioGroup>
          {fixed && (
            <Field
              label={t("settings.asOfDate")}
              validationState={tried && dateInvalid ? "error" : "none"}
              validationMessage={tried && dateInvalid ? t("settings.asOfInvalid") : undefined}
              hint={!dateInvalid ? i18n.date(date) : undefined}
            >
              <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} data-testid="as-of-date" />
            </Field>
          )}
        </fieldset>

        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{t("settings.nce")}</legend>
          <Text size={200} className={styles.help}>
            {t("settings.nceHelp")}
          </Text>
          {accounts.length === 0 ? (
            <Text size={200}>{t("settings.nceNone")}</Text>
          ) : (
            accounts.map((a) => (
              <Checkbox
                key={a}
                label={a}
                checked={nce.has(caseFold(a))}
                onChange={(_, d) =>
                  setNce((prev) => {
                    const next = new Set(prev);
                    if (d.checked) next.add(caseFold(a));
                    else next.delete(caseFold(a));
                    return next;
                  })
                }
              />
            ))
          )}
        </fieldset>

        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{t("settings.offerMap")}</legend>
          <Text size={200} className={styles.help}>
            {t("settings.offerMapHelp")}
          </Text>
          {rows.length === 0 ? (
            <Text size={200}>{t("settings.offerMapEmpty")}</Text>
          ) : (
            <ul className={styles.mapList}>
              {rows.map((r, i) => (
                <li key={r.id} className={styles.mapRow} data-testid="offer-map-row">
                  <Input
                    size="small"
                    aria-label={t("settings.oldOfferRow", { n: i + 1 })}
                    placeholder={t("settings.oldOffer")}
                    value={r.oldOffer}
                    ref={i === rows.length - 1 ? lastAdded : undefined}
                    onChange={(_, d) => setRow(r.id, { oldOffer: d.value })}
                  />
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<DeleteRegular />}
                    aria-label={t("settings.removeRow", { n: i + 1 })}
                    onClick={() => setRows((prev) => prev.filter((x) => x.id !== r.id))}
                    style={{ gridRow: "1 / span 2", gridColumn: 2 }}
                  />
                  <Input
                    size="small"
                    aria-label={t("settings.newOfferRow", { n: i + 1 })}
                    placeholder={t("settings.newOffer")}
                    contentBefore={<span className={styles.arrow} aria-hidden="true">→</span>}
                    value={r.newOffer}
                    onChange={(_, d) => setRow(r.id, { newOffer: d.value })}
                  />
                </li>
              ))}
            </ul>
          )}
          <div>
            <Button
              size="small"
              icon={<AddRegular />}
              onClick={() => {
                setRows((prev) => [...prev, { id: nextRow++, oldOffer: "", newOffer: "" }]);
                setFocusNew((n) => n + 1);
              }}
            >
              {t("settings.addRow")}
            </Button>
          </div>
        </fieldset>

        <Field hint={t("settings.autoOpenHelp")}>
          <Switch checked={autoOpen} onChange={(_, d) => setAutoOpen(d.checked)} label={t("settings.autoOpen")} />
        </Field>

        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={pane.task !== null}>
            {t("settings.save")}
          </Button>
        </div>
      </form>

      <Divider />
      <RemoveSection />
    </>
  );
}

function RemoveSection() {
  const pane = usePane();
  const { t } = useI18n();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [everything, setEverything] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  // The dialog focuses its first focusable element (the checkbox) when it opens; this effect runs
  // after the dialog's own (a parent's effects run after its children's), as in Fluent's ChangeFocus example.
  useEffect(() => {
    if (open) keep.current?.focus();
  }, [open]);

  const remove = async () => {
    setOpen(false);
    const ok = await pane.run("remove", async (progress) => {
      await pane.gateway.remove({ everything }, progress);
      return true;
    });
    await pane.refresh();
    if (ok) {
      pane.setOutcome(null);
      const text = everything ? t("remove.doneEverything") : t("remove.done");
      pane.setNotice({ intent: "success", text });
      pane.announce(text);
    }
    setEverything(false);
  };

  return (
    <section className={styles.danger} aria-labelledby="remove-title">
      <h3 id="remove-title" className={styles.legend} style={{ margin: 0 }}>
        {t("settings.removeHeading")}
      </h3>
      <Text size={200} className={styles.help}>
        {t("settings.removeHelp")}
      </Text>
      <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)} modalType="alert">
        <DialogTrigger disableButtonEnhancement>
          <Button icon={<DeleteRegular />} disabled={pane.task !== null}>
            {t("settings.remove")}
          </Button>
        </DialogTrigger>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t("remove.title")}</DialogTitle>
            <DialogContent>
              <Text block>{t("remove.body")}</Text>
              <Field hint={t("remove.everythingHelp")} style={{ marginTop: "12px" }}>
                <Checkbox checked={everything} onChange={(_, d) => setEverything(d.checked === true)} label={t("remove.everything")} />
              </Field>
            </DialogContent>
            {/* The safe choice is the primary button and has the focus: Enter or a hurried click keeps. */}
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="primary" ref={keep}>
                  {t("remove.keep")}
                </Button>
              </DialogTrigger>
              <Button appearance="secondary" icon={<DeleteRegular />} onClick={() => void remove()}>
                {t("remove.confirm")}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
