/**
 * Import: many export files at once, picked or dropped, folders included. Files in the spec's
 * folder layout (from/<account>/…, to/…) are placed by their path; loose files wait until the
 * user says which account they were exported from.
 */
import { DragEvent, ReactNode, useMemo, useRef, useState } from "react";
import { Button, Combobox, Field, Option, Radio, RadioGroup, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { DismissRegular, DocumentArrowUpRegular, FolderOpenRegular } from "@fluentui/react-icons";
import type { Role } from "../../domain/model";
import type { FileToRead } from "../files/read";
import { NEW_ACCOUNT, Place, loosePath, placeFiles } from "../files/layout";
import { PickedFile, filesFromDrop, filesFromInput } from "../files/drop";
import { useI18n } from "../i18n";
import { usePane } from "../state";
import { knownAccounts, newAccountName } from "./accounts";

interface Staged {
  readonly id: number;
  readonly file: File;
  readonly place: Place;
}

const useStyles = makeStyles({
  intro: { color: tokens.colorNeutralForeground2 },
  drop: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: "10px",
    padding: "16px 12px",
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
    textAlign: "center",
  },
  dropActive: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  buttons: { display: "flex", gap: "8px", flexWrap: "wrap", justifyContent: "center" },
  section: { display: "flex", flexDirection: "column", gap: "8px" },
  sectionTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  group: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "6px 10px",
  },
  summary: { cursor: "pointer", padding: "2px 0", display: "flex", justifyContent: "space-between", gap: "8px" },
  count: { color: tokens.colorNeutralForeground2, whiteSpace: "nowrap" },
  fileList: { listStyle: "none", margin: "4px 0 0", padding: 0 },
  file: { display: "flex", alignItems: "center", gap: "4px", minWidth: 0 },
  fileName: { flexGrow: 1, minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  loose: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    padding: "10px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap" },
});

let nextId = 1;

function groupKey(s: Staged): string {
  if (s.place.type !== "layout") return s.place.type;
  const p = s.place.placement;
  if (p.kind === "offerMap" || p.kind === "accounts" || p.kind === "billing") return p.kind;
  return p.role === "to" ? "to" : `from:${p.account}`;
}

export function ImportView() {
  const pane = usePane();
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const [staged, setStaged] = useState<readonly Staged[]>([]);
  const [dragging, setDragging] = useState(false);
  const [looseRole, setLooseRole] = useState<Role>("from");
  const [looseAccount, setLooseAccount] = useState("");
  const [accountTouched, setAccountTouched] = useState(false);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const accounts = useMemo(() => knownAccounts(pane.state, "from"), [pane.state]);
  const toAccount = newAccountName(pane.state) ?? NEW_ACCOUNT;

  const add = (picked: readonly PickedFile[]) => {
    if (picked.length === 0) return;
    const places = placeFiles(picked.map((p) => p.path));
    const incoming = picked.map((p, i) => ({ id: nextId++, file: p.file, place: places[i] }));
    // One loose folder (say a dropped "FR" folder) suggests its name as the account.
    const folders = new Set(incoming.flatMap((s) => (s.place.type === "loose" && s.place.folder ? [s.place.folder] : [])));
    if (folders.size === 1 && !accountTouched && looseAccount === "") setLooseAccount([...folders][0]);
    setStaged((prev) => {
      const paths = new Set(incoming.map((s) => s.place.path));
      return [...prev.filter((s) => !paths.has(s.place.path)), ...incoming];
    });
  };

  const onDrop = async (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    add(await filesFromDrop(e.dataTransfer));
  };

  const groups = useMemo(() => {
    const m = new Map<string, Staged[]>();
    for (const s of staged) {
      const k = groupKey(s);
      m.set(k, [...(m.get(k) ?? []), s]);
    }
    return m;
  }, [staged]);

  const loose = groups.get("loose") ?? [];
  const ignored = groups.get("ignored") ?? [];
  const toImport = staged.filter((s) => s.place.type !== "ignored");
  const accountMissing = loose.length > 0 && looseRole === "from" && looseAccount.trim() === "";

  const groupLabel = (k: string): string => {
    if (k === "to") return t("import.layoutTo");
    if (k === "offerMap") return t("import.layoutOfferMap");
    if (k === "accounts") return t("import.layoutAccounts");
    if (k === "billing") return t("import.layoutBilling");
    return t("import.layoutFrom", { account: k.slice("from:".length) });
  };

  const remove = (id: number) => setStaged((prev) => prev.filter((s) => s.id !== id));

  const submit = async () => {
    if (accountMissing) {
      setAccountTouched(true);
      return;
    }
    const plan: FileToRead[] = toImport.map((s) => {
      if (s.place.type === "layout") {
        const p = s.place.placement;
        return { file: s.file, path: s.place.path, role: p.role, account: p.role === "to" ? toAccount : p.account, kind: p.kind };
      }
      const account = looseRole === "to" ? toAccount : looseAccount.trim();
      return { file: s.file, path: loosePath(s.file.name, looseRole, account), role: looseRole, account };
    });
    const outcome = await pane.run(
      "import",
      async (progress, signal) => {
        const { readFiles } = await import(/* webpackChunkName: "read-files" */ "../files/read");
        // Reading is quick next to writing into Excel: give it the first fifth of the bar.
        const files = await readFiles(plan, (done, name) => progress({ fraction: (0.2 * done) / plan.length, phase: "files", detail: name }), signal);
        return pane.gateway.importFiles(files, (p) => progress({ ...p, fraction: 0.2 + 0.8 * p.fraction }), signal);
      },
      { cancellable: true },
    );
    await pane.refresh();
    if (!outcome) return;
    setStaged([]);
    pane.markStale();
    const done = t("import.done", { files: t("count.files", { count: outcome.files }), sheets: t("count.sheets", { count: outcome.sheets.length }) });
    pane.setNotice({
      intent: outcome.problems.length > 0 ? "warning" : "success",
      text: outcome.problems.length > 0 ? `${done} ${t("import.doneProblems")}` : done,
      // Shown on Sheets, where the import takes the user.
      view: "sheets",
      items: [
        ...outcome.problems
          .slice(0, 10)
          .map((p) => t("import.problem", { where: p.row > 0 ? t("results.problemRow", { source: p.source, row: p.row }) : p.source, problem: i18n.problemText(p) })),
        ...(outcome.problems.length > 10 ? [t("import.moreProblems", { count: outcome.problems.length - 10 })] : []),
      ],
    });
    pane.announce(done);
    pane.goTo("sheets", true);
  };

  return (
    <>
      <Text className={styles.intro}>{t("import.intro")}</Text>
      <div
        className={mergeClasses(styles.drop, dragging && styles.dropActive)}
        onDragEnter={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
        }}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={(e) => void onDrop(e)}
        data-testid="drop-zone"
      >
        <Text weight="semibold">{dragging ? t("import.dropActive") : t("import.dropZone")}</Text>
        <div className={styles.buttons}>
          <Button icon={<DocumentArrowUpRegular />} onClick={() => filesInput.current?.click()}>
            {t("import.chooseFiles")}
          </Button>
          <Button icon={<FolderOpenRegular />} onClick={() => folderInput.current?.click()}>
            {t("import.chooseFolder")}
          </Button>
        </div>
        <input
          ref={filesInput}
          type="file"
          multiple
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={t("import.filesInput")}
          data-testid="files-input"
          hidden
          onChange={(e) => {
            add(filesFromInput(e.currentTarget.files));
            e.currentTarget.value = "";
          }}
        />
        <input
          ref={folderInput}
          type="file"
          multiple
          // Not in React's typings; Chromium, WebView2, Safari and Firefox support it.
          {...({ webkitdirectory: "" } as Record<string, string>)}
          aria-label={t("import.folderInput")}
          data-testid="folder-input"
          hidden
          onChange={(e) => {
            add(filesFromInput(e.currentTarget.files));
            e.currentTarget.value = "";
          }}
        />
      </div>

      {staged.length > 0 && (
        <section className={styles.section} aria-labelledby="staged-title">
          <h3 id="staged-title" className={styles.sectionTitle}>
            {t("import.staged")}
          </h3>
          {[...groups.entries()]
            .filter(([k]) => k !== "loose" && k !== "ignored")
            .map(([k, items]) => (
              <Disclosure key={k} className={styles.group} data-group={k} summary={
                <>
                  <span>{groupLabel(k)}</span>
                  <span className={styles.count}>{t("count.files", { count: items.length })}</span>
                </>
              }>
                <FileList items={items} onRemove={remove} />
              </Disclosure>
            ))}

          {loose.length > 0 && (
            <div className={styles.loose} role="group" aria-labelledby="loose-title">
              <Text id="loose-title" weight="semibold">
                {t("import.looseGroup", { count: loose.length })}
              </Text>
              <Text size={200}>{t("import.looseHelp")}</Text>
              <Field label={t("import.exportedFrom")}>
                <RadioGroup value={looseRole} onChange={(_, d) => setLooseRole(d.value as Role)} layout="horizontal">
                  <Radio value="from" label={t("role.from")} />
                  <Radio value="to" label={t("role.to")} />
                </RadioGroup>
              </Field>
              {looseRole === "from" && (
                <Field
                  label={t("import.oldAccountName")}
                  required
                  hint={t("import.accountHint")}
                  validationState={accountMissing && accountTouched ? "error" : "none"}
                  validationMessage={accountMissing && accountTouched ? t("import.accountRequired") : undefined}
                >
                  <Combobox
                    freeform
                    value={looseAccount}
                    selectedOptions={accounts.includes(looseAccount) ? [looseAccount] : []}
                    onChange={(e) => setLooseAccount(e.target.value)}
                    onOptionSelect={(_, d) => setLooseAccount(d.optionValue ?? "")}
                    onBlur={() => setAccountTouched(true)}
                  >
                    {accounts.map((a) => (
                      <Option key={a} value={a}>
                        {a}
                      </Option>
                    ))}
                  </Combobox>
                </Field>
              )}
              <Disclosure summary={<span>{t("count.files", { count: loose.length })}</span>}>
                <FileList items={loose} onRemove={remove} />
              </Disclosure>
            </div>
          )}

          {ignored.length > 0 && (
            <Disclosure className={styles.group} summary={<span>{t("import.ignored", { count: ignored.length })}</span>}>
              <FileList items={ignored} onRemove={remove} />
            </Disclosure>
          )}

          <div className={styles.actions}>
            <Button appearance="primary" disabled={toImport.length === 0 || pane.task !== null} onClick={() => void submit()}>
              {t("import.submit", { count: toImport.length })}
            </Button>
            <Button onClick={() => setStaged([])} disabled={pane.task !== null}>
              {t("import.clear")}
            </Button>
          </div>
        </section>
      )}
    </>
  );
}

/**
 * A native <details> whose content is rendered only while open: a folder of a big partner holds
 * thousands of files, and thousands of hidden rows with buttons would make the pane crawl.
 */
function Disclosure({ summary, children, className, ...rest }: { summary: ReactNode; children: ReactNode; className?: string; "data-group"?: string }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  return (
    <details className={className} onToggle={(e) => setOpen(e.currentTarget.open)} {...rest}>
      <summary className={styles.summary}>{summary}</summary>
      {open && children}
    </details>
  );
}

/** At most this many names are listed per group; the rest are counted. */
const LISTED = 100;

function FileList({ items, onRemove }: { items: readonly Staged[]; onRemove: (id: number) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <ul className={styles.fileList}>
      {items.slice(0, LISTED).map((s) => (
        <li key={s.id} className={styles.file}>
          <span className={styles.fileName} title={s.place.path}>
            {s.place.path}
          </span>
          <Button
            appearance="subtle"
            size="small"
            icon={<DismissRegular />}
            aria-label={t("import.removeFile", { name: s.place.path })}
            onClick={() => onRemove(s.id)}
          />
        </li>
      ))}
      {items.length > LISTED && <li className={styles.count}>{t("import.moreFiles", { count: items.length - LISTED })}</li>}
    </ul>
  );
}
