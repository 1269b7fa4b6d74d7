/**
 * The pane's shared state: the gateway, what `inspect()` last said about the workbook, the last
 * reconciliation, and the one workbook operation that may run at a time (Excel runs batches in
 * order anyway; two at once would interleave their writes).
 */
import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { CancelledError, Progress, ProgressFn, ReconcileOutcome, WorkbookError, WorkbookGateway, WorkbookState } from "../office/types";
import { useI18n } from "./i18n";

export type View = "import" | "sheets" | "results" | "settings";
export type TaskKind = "import" | "reconcile" | "remove" | "save";

export interface Task {
  readonly kind: TaskKind;
  readonly progress: Progress | null;
  readonly cancel: (() => void) | null;
  readonly cancelling: boolean;
}

export interface Notice {
  readonly intent: "success" | "error" | "info" | "warning";
  readonly text: string;
  readonly detail?: string;
  readonly items?: readonly string[];
}

export interface Pane {
  readonly gateway: WorkbookGateway;
  readonly state: WorkbookState | null;
  readonly outcome: ReconcileOutcome | null;
  /** The workbook changed (import, sources, settings) since `outcome` was computed. */
  readonly outcomeStale: boolean;
  readonly view: View;
  /** Bumped when a view change should move focus to the view's heading. */
  readonly focusRequest: number;
  readonly task: Task | null;
  readonly notice: Notice | null;
  /** Text for the polite live region. */
  readonly announcement: string;
  goTo(view: View, moveFocus?: boolean): void;
  refresh(): Promise<WorkbookState | null>;
  /**
   * Runs one workbook operation with progress; errors become a notice. Resolves to the
   * operation's value, or undefined when it failed or was cancelled.
   */
  run<T>(kind: TaskKind, op: (progress: ProgressFn, signal: AbortSignal) => Promise<T>, options?: { cancellable?: boolean }): Promise<T | undefined>;
  setOutcome(outcome: ReconcileOutcome | null): void;
  markStale(): void;
  setNotice(notice: Notice | null): void;
  /** Shows an error from an operation that runs without the progress bar (selecting cells). */
  fail(error: unknown): void;
  announce(text: string): void;
}

const PaneContext = createContext<Pane | null>(null);

export function usePane(): Pane {
  const pane = useContext(PaneContext);
  if (!pane) throw new Error("usePane outside PaneProvider");
  return pane;
}

const isCancel = (e: unknown) =>
  e instanceof CancelledError || (e instanceof Error && (e.name === "AbortError" || e.message === "cancelled"));

export function PaneProvider({ gateway, children }: { gateway: WorkbookGateway; children: ReactNode }) {
  const i18n = useI18n();
  const [state, setState] = useState<WorkbookState | null>(null);
  const [outcome, setOutcomeState] = useState<ReconcileOutcome | null>(null);
  const [outcomeStale, setOutcomeStale] = useState(false);
  const [view, setView] = useState<View>("import");
  const [focusRequest, setFocusRequest] = useState(0);
  const [task, setTask] = useState<Task | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const busy = useRef(false);
  const lastPhase = useRef("");

  const announce = useCallback((text: string) => {
    // Re-announce identical text: screen readers ignore an unchanged live region.
    setAnnouncement((prev) => (prev === text ? `${text}\u00a0` : text));
  }, []);

  const reportError = useCallback(
    (e: unknown) => {
      if (e instanceof WorkbookError) {
        setNotice({ intent: "error", text: i18n.error(e.key), detail: e.message !== e.key ? e.message : undefined });
      } else {
        setNotice({ intent: "error", text: i18n.error("failed"), detail: e instanceof Error ? e.message : String(e) });
      }
    },
    [i18n],
  );

  const refresh = useCallback(async () => {
    try {
      const s = await gateway.inspect();
      setState(s);
      return s;
    } catch (e) {
      reportError(e);
      return null;
    }
  }, [gateway, reportError]);

  const run = useCallback(
    async <T,>(kind: TaskKind, op: (progress: ProgressFn, signal: AbortSignal) => Promise<T>, options: { cancellable?: boolean } = {}) => {
      if (busy.current) return undefined;
      busy.current = true;
      const controller = new AbortController();
      lastPhase.current = "";
      const cancel = options.cancellable
        ? () => {
            controller.abort();
            setTask((t) => (t ? { ...t, cancelling: true } : t));
          }
        : null;
      setNotice(null);
      setTask({ kind, progress: null, cancel, cancelling: false });
      const progress: ProgressFn = (p) => {
        setTask((t) => (t ? { ...t, progress: p } : t));
        if (p.phase !== lastPhase.current) {
          lastPhase.current = p.phase;
          announce(i18n.phase(p.phase));
        }
      };
      try {
        return await op(progress, controller.signal);
      } catch (e) {
        if (isCancel(e) || controller.signal.aborted) {
          setNotice({ intent: "info", text: i18n.t("run.cancelled") });
          announce(i18n.t("run.cancelled"));
        } else {
          reportError(e);
          announce(i18n.t("notice.errorTitle"));
        }
        return undefined;
      } finally {
        busy.current = false;
        setTask(null);
      }
    },
    [announce, i18n, reportError],
  );

  const goTo = useCallback((v: View, moveFocus = false) => {
    setView(v);
    if (moveFocus) setFocusRequest((n) => n + 1);
  }, []);

  const setOutcome = useCallback((o: ReconcileOutcome | null) => {
    setOutcomeState(o);
    setOutcomeStale(false);
  }, []);
  const markStale = useCallback(() => setOutcomeStale(true), []);

  // First look at the workbook: start where there is something to do.
  useEffect(() => {
    let live = true;
    void refresh().then((s) => {
      if (!live || !s) return;
      setView(s.sheets.some((sh) => sh.kind !== "unknown") ? "sheets" : "import");
    });
    return () => {
      live = false;
    };
  }, [refresh]);

  const pane = useMemo<Pane>(
    () => ({
      gateway,
      state,
      outcome,
      outcomeStale,
      view,
      focusRequest,
      task,
      notice,
      announcement,
      goTo,
      refresh,
      run,
      setOutcome,
      markStale,
      setNotice,
      fail: reportError,
      announce,
    }),
    [gateway, state, outcome, outcomeStale, view, focusRequest, task, notice, announcement, goTo, refresh, run, setOutcome, markStale, reportError, announce],
  );
  return <PaneContext.Provider value={pane}>{children}</PaneContext.Provider>;
}
