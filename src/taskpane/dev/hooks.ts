/**
 * What the development page exposes to the browser test (window.__fakeWorkbook, window.__gate):
 * a look at the workbook the pane is working on, what a user could do to it behind the pane's
 * back (protect a sheet), a way to hold the next reconcile so that Cancel can be pressed
 * while it runs, without timing.
 */
import type { Cell } from "../../domain/cells";
import type { WorkbookGateway } from "../../office/types";

export interface DevWorkbookHooks {
  /** Sheet names in tab order (hidden ones included). */
  sheets(): string[];
  /** The sheet's values as Excel shows them; rows[0] is row 1. */
  values(sheet: string): Cell[][];
  /** The selected rows (1-based) and their sheet, or null. */
  selection(): { sheet: string; rows: number[] } | null;
  /** Everything the workbook holds, comparable with JSON equality. */
  snapshot(): unknown;
  /** Review → Protect Sheet, as a user would. */
  protect(sheet: string): void;
}


export interface DevGate {
  hold(): void;
  release(): void;
}

/** Wraps a gateway so that, while held, reconcile waits (after its first progress report) until released. */
export function gated(inner: WorkbookGateway): { gateway: WorkbookGateway; gate: DevGate } {
  let held = false;
  let open: (() => void) | null = null;
  let waiting: Promise<void> | null = null;
  const gate: DevGate = {
    hold() {
      held = true;
      waiting = new Promise((resolve) => (open = resolve));
    },
    release() {
      held = false;
      open?.();
    },
  };
  const gateway: WorkbookGateway = {
    ...inner,
    inspect: () => inner.inspect(),
    importFiles: (f, p, s) => inner.importFiles(f, p, s),
    saveSources: (r) => inner.saveSources(r),
    saveSettings: (s) => inner.saveSettings(s),
    select: (sheet, rows) => inner.select(sheet, rows),
    remove: (o, p) => inner.remove(o, p),
    async reconcile(progress, signal) {
      if (held && waiting) {
        progress({ fraction: 0, phase: "reading" });
        await waiting;
      }
      return inner.reconcile(progress, signal);
    },
  };
  return { gateway, gate };
}

declare global {
  interface Window {
    __fakeWorkbook?: DevWorkbookHooks;
    __gate?: DevGate;
  }
}
