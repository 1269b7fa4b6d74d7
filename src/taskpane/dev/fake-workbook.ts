/**
 * The development page's workbook: the in-memory fake Excel (src/office/fake), with the real
 * gateway over it, and a read-only view of it for the browser test (window.__fakeWorkbook).
 */
import type { Cell } from "../../domain/cells";
import { createFakeExcel } from "../../office/fake";
import { createOfficeGateway } from "../../office/gateway";
import type { OfficeHost } from "../../office/host";
import type { WorkbookGateway } from "../../office/types";
import type { DevWorkbookHooks } from "./hooks";
import { SAMPLE_SHEETS } from "./sample-sheets";

export function createDevWorkbook(start: "empty" | "sheets"): { gateway: WorkbookGateway; hooks: DevWorkbookHooks } {
  const fake = createFakeExcel(start === "sheets" ? { sheets: SAMPLE_SHEETS.map((s) => s.name) } : {});
  if (start === "sheets") {
    for (const s of SAMPLE_SHEETS) {
      s.rows.forEach((row, r) => row.forEach((v, c) => v !== null && fake.store.userWrite(s.name, r + 1, c + 1, v)));
    }
  }
  const { store } = fake;
  const hooks: DevWorkbookHooks = {
    sheets: () => store.sheets.map((s) => s.name),
    values: (name) => {
      const s = store.mustSheet(name);
      const used = store.usedRange(s, true);
      if (!used) return [];
      const rows: Cell[][] = [];
      for (let r = 1; r <= used.bottom; r++) {
        const row: Cell[] = [];
        for (let c = 1; c <= used.right; c++) {
          const rec = store.cell(s, r, c);
          // The fake does not calculate: a formula cell shows its formula.
          row.push(rec?.value ?? rec?.formula ?? null);
        }
        rows.push(row);
      }
      return rows;
    },
    selection: () => {
      const sel = store.selection;
      const sheet = sel ? store.sheetById(sel.sheetId) : undefined;
      if (!sel || !sheet) return null;
      const rows = new Set<number>();
      for (const a of sel.areas) for (let r = a.top; r <= a.bottom; r++) rows.add(r);
      return { sheet: sheet.name, rows: [...rows].sort((a, b) => a - b) };
    },
    snapshot: () => JSON.parse(JSON.stringify(store.snapshot())),
    protect: (name) => {
      store.mustSheet(name).protected = true;
    },
  };
  // The fake implements the subset of office.js the gateway uses, not all of its typings.
  return { gateway: createOfficeGateway({ host: fake as unknown as OfficeHost }), hooks };
}
