/**
 * The bar at the bottom of the pane: Reconcile when idle; the running step's progress and
 * Cancel while a step runs. Always in the same place, so keyboard users find it by Shift+Tab.
 */
import { Button, Field, Link, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../i18n";
import { usePane } from "../state";

const useStyles = makeStyles({
  bar: {
    position: "sticky",
    bottom: 0,
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    padding: "10px 16px 12px",
    backgroundColor: tokens.colorNeutralBackground2,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: "flex", alignItems: "center", gap: "8px" },
  grow: { flexGrow: 1, minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground2 },
});

export function RunBar() {
  const pane = usePane();
  const { t, phase, percent } = useI18n();
  const styles = useStyles();
  const { task, state } = pane;
  // Nothing is reconciled on a guess: only sheets confirmed in the Sources table count.
  const exportSheets = state?.sheets.filter((s) => s.kind === "subscriptions" && s.confirmed).length ?? 0;
  const guessed = state?.sheets.filter((s) => s.kind !== "unknown" && !s.confirmed).length ?? 0;

  const reconcile = async () => {
    const outcome = await pane.run("reconcile", (progress, signal) => pane.gateway.reconcile(progress, signal), { cancellable: true });
    if (!outcome) {
      await pane.refresh();
      return;
    }
    pane.setOutcome(outcome);
    await pane.refresh();
    pane.goTo("results", true);
    pane.announce(
      t("run.reconciled", {
        customers: t("count.customers", { count: outcome.report.totals.customers }),
        flagged: t("count.flagged", { count: outcome.report.totals.flagged }),
        problems: t("count.problems", { count: outcome.problems.length }),
      }),
    );
  };

  if (task) {
    const fraction = task.progress?.fraction;
    const label = task.cancelling ? t("run.cancelling") : phase(task.progress?.phase ?? "working");
    return (
      <section className={styles.bar} aria-label={t("run.progressLabel")} aria-busy="true">
        <div className={styles.row}>
          <Field
            className={styles.grow}
            label={label}
            hint={fraction !== undefined ? t("run.percent", { percent: percent(fraction) }) : task.progress?.detail}
          >
            <ProgressBar value={fraction} max={1} thickness="large" />
          </Field>
          {task.cancel && (
            <Button onClick={task.cancel} disabled={task.cancelling}>
              {t("run.cancel")}
            </Button>
          )}
        </div>
      </section>
    );
  }

  return (
    <section className={styles.bar} aria-label={t("run.reconcile")}>
      {/* Focusable even when disabled, so that keyboard users reach it and hear why (the hint). */}
      <Button
        appearance="primary"
        size="large"
        disabledFocusable={state === null || exportSheets === 0}
        aria-describedby="run-hint"
        onClick={() => void reconcile()}
      >
        {state?.reconciled || pane.outcome ? t("run.reconcileAgain") : t("run.reconcile")}
      </Button>
      <Text size={200} className={styles.hint} id="run-hint">
        {guessed > 0 ? (
          <>
            {t("run.hintGuessed", { count: guessed })}{" "}
            {pane.view !== "sheets" && (
              <Link as="button" onClick={() => pane.goTo("sheets", true)}>
                {t("run.reviewSheets")}
              </Link>
            )}
          </>
        ) : exportSheets === 0 ? (
          t("run.hintNoSheets")
        ) : (
          t("run.hintReady", { count: exportSheets })
        )}
      </Text>
    </section>
  );
}
