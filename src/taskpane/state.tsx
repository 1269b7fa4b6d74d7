/**
 * The pane's shared state: the gateway, what `inspect()` last said about the workbook, the last
 * reconciliation, and the one workbook operation that may run at a time (Excel runs batches in
 * order anyway; two at once would interleave their writes).
 */
import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { CancelledError, Progress, ProgressFn, ReconcileOutcome, WorkbookError, WorkbookGateway, WorkbookState } from "../office/types";
import { useI18n } from "./i18n";

export type View = "import" | "sheets" | "results" | "nextSteps" | "settings";
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
  /** A short line under the text, in the pane's language (e.g. the sheet concerned). */
  readonly detail?: string;
  /** The raw error (Excel's or the browser's wording), shown only on request, for support. */
  readonly technical?: string;
  readonly items?: readonly string[];
  /** The view it belongs to (default: the view it was given on); it goes when the user leaves that view. */
  readonly view?: View;
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

  const viewRef = useRef<View>("import");
  // A notice belongs to a view: given without one, it is the view the user is on.
  const showNotice = useCallback((n: Notice | null) => setNotice(n && { ...n, view: n.view ?? viewRef.current }), []);

  const reportError = useCallback(
    (e: unknown) => {
      // The sentence is the pane's own, in its language; what Excel or the browser said goes under "details".
      const raw = e instanceof WorkbookError ? (e.message !== e.key ? e.message : undefined) : e instanceof Error ? e.message : String(e);
      const sheet = e instanceof WorkbookError && typeof e.values.sheet === "string" && e.values.sheet !== "" ? e.values.sheet : undefined;
      showNotice({
        intent: "error",
        text: i18n.error(e instanceof WorkbookError ? e.key : "failed"),
        detail: sheet ? i18n.t("notice.sheet", { sheet }) : undefined,
        technical: raw?.split("\n")[0] || undefined,
      });
    },
    [i18n, showNotice],
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
      showNotice(null);
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
          showNotice({ intent: "info", text: i18n.t("run.cancelled") });
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
    [announce, i18n, reportError, showNotice],
  );

  const changeView = useCallback((v: View) => {
    viewRef.current = v;
    setView(v);
    // A notice does not follow the user to another tab ("Saved" on Sheets means nothing on Results).
    setNotice((n) => (n && n.view === v ? n : null));
  }, []);

  const goTo = useCallback(
    (v: View, moveFocus = false) => {
      changeView(v);
      if (moveFocus) setFocusRequest((n) => n + 1);
    },
    [changeView],
  );

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
      changeView(s.sheets.some((sh) => sh.kind !== "unknown") ? "sheets" : "import");
    });
    return () => {
      live = false;
    };
  }, [refresh, changeView]);

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
      setNotice: showNotice,
      fail: reportError,
      announce,
    }),
    [gateway, state, outcome, outcomeStale, view, focusRequest, task, notice, announcement, goTo, refresh, run, setOutcome, markStale, showNotice, reportError, announce],
  );
  return <PaneContext.Provider value={pane}>{children}</PaneContext.Provider>;
}
