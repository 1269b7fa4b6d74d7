/**
 * A layout plan made up for testing the xlsx writer on its own, with every kind of cell the
 * writer knows and the value each formula must give: uniform columns with relative, absolute
 * and other-sheet references and results of every type (number, text, "", TRUE/FALSE, 0), a
 * per-row formula, links, dates, money, a dropdown, verdict colours, a hidden column, free
 * cells, a defined name, sheet names with an apostrophe and non-ASCII letters, and an input
 * sheet with a block beside its data. Any number of rows: the bench writes a million.
 */
import { SheetData } from "../../src/domain/workbook";
import { ColumnSpec, PlanValue, WorkbookPlan, uniformColumn } from "../../src/layout/types";

/** The cell of the hidden sheet that reads the main sheet through its quoted name. */
export const QUOTED_REF = { sheet: "Lookup ü", ref: "D1" } as const;

export const SYNTH = {
  sheet: "Zoë's data",
  lookup: "Lookup ü",
  input: "Input ä",
  /** The block's header row on the main sheet; data starts below it. */
  top: 3,
} as const;

const qty = (i: number) => (i * 7) % 50;
const lookupValue = (i: number) => i * 3;

export interface SyntheticPlan {
  readonly inputSheets: SheetData[];
  readonly plan: WorkbookPlan;
  /** Rows of the main block. */
  readonly rows: number;
}

export function syntheticPlan(rows: number): SyntheticPlan {
  const first = SYNTH.top + 1;
  const B = `B${first}`;
  const columns: ColumnSpec[] = [
    { header: "Key", width: 14, cell: (i) => `K-${i}` },
    { header: "Qty", format: "integer", cell: (i) => qty(i) },
    uniformColumn({ header: "Double" }, `${B}*2`, (i) => qty(i) * 2),
    uniformColumn({ header: "Plus first" }, `${B}+$B$${first}`, (i) => qty(i) + qty(0)),
    uniformColumn({ header: "Size" }, `IF(${B}>25,"big","small")`, (i) => (qty(i) > 25 ? "big" : "small")),
    uniformColumn({ header: "Flag" }, `${B}>10`, (i) => qty(i) > 10),
    uniformColumn({ header: "Empty" }, `IF(${B}>1000,"x","")`, () => ""),
    uniformColumn({ header: "Zero" }, `${B}*0`, () => 0),
    uniformColumn({ header: "Other sheet" }, `'${SYNTH.lookup}'!A2*1`, (i) => lookupValue(i)),
    uniformColumn({ header: "Money", format: "money" }, `${B}*1.25`, (i) => qty(i) * 1.25),
    { header: "Row text", cell: (i) => ({ f: `"row "&${i + 1}`, v: `row ${i + 1}` }) },
    { header: "Date", format: "date", width: 12, cell: (i) => 45000 + (i % 365) },
    { header: "Go", cell: (i) => (i % 1000 === 0 ? { text: `to ${i + 1}`, link: `'${SYNTH.lookup}'!A${i + 2}` } : null) },
    { header: "Decision", input: ["Keep", "Exclude"], cell: () => null },
    { header: "Verdict", width: 20, verdictColors: true, cell: (i) => (qty(i) > 25 ? "Seats short" : "Done") },
    { header: "Group #", hidden: true, cell: (i) => Math.floor(i / 5) + 1 },
  ];
  const inputRows = Math.min(rows, 50);
  const inputSheets: SheetData[] = [
    { name: SYNTH.input, rows: [["Name", "Amount"], ...Array.from({ length: inputRows }, (_, i) => [`name ${i}`, i])] },
  ];
  const plan: WorkbookPlan = {
    schemaVersion: 1,
    names: [{ name: "Synth_First", ref: `'Zoë''s data'!$B$${first}` }],
    sheets: [
      {
        name: SYNTH.sheet,
        role: "generated",
        visible: true,
        tabColor: "2F6FB2",
        freeze: { rows: SYNTH.top, cols: 1 },
        blocks: [{ id: "main", top: SYNTH.top, left: 1, rows, columns, autoFilter: true }],
        cells: [
          { row: 1, col: 1, value: "Synthetic plan", style: "title" },
          { row: 2, col: 1, value: "As of", style: "label" },
          { row: 2, col: 2, value: { f: "45000+0", v: 45000 }, style: "date" },
          { row: 2, col: 3, value: "a note", style: "note" },
        ],
      },
      {
        name: SYNTH.input,
        role: "data",
        visible: true,
        blocks: [{ id: "beside", top: 1, left: 3, rows: inputRows, columns: [uniformColumn({ header: "Twice" }, "B2*2", (i) => i * 2)] }],
        cells: [],
      },
      {
        name: SYNTH.lookup,
        role: "generated",
        visible: false,
        blocks: [{ id: "lookup", top: 1, left: 1, rows, columns: [{ header: "N", cell: (i) => lookupValue(i) }] }],
        // A reference into the sheet whose name has an apostrophe and an accent.
        cells: rows > 5 ? [{ row: 1, col: 4, value: { f: `'Zoë''s data'!B${first + 5}*10`, v: qty(5) * 10 } }] : [],
      },
    ],
  };
  return { inputSheets, plan, rows };
}

/** Every formula cell's expected value, by sheet and A1 reference. */
export function expectedFormulaValues(s: SyntheticPlan): Map<string, Map<string, PlanValue>> {
  const out = new Map<string, Map<string, PlanValue>>();
  for (const sheet of s.plan.sheets) {
    const m = new Map<string, PlanValue>();
    for (const b of sheet.blocks) {
      b.columns.forEach((spec, k) => {
        const letters = String.fromCharCode(64 + b.left + k);
        for (let i = 0; i < b.rows; i++) {
          const c = spec.cell(i);
          if (c !== null && typeof c === "object" && "f" in c) m.set(`${letters}${b.top + 1 + i}`, c.v ?? null);
        }
      });
    }
    for (const fc of sheet.cells) if (fc.value !== null && typeof fc.value === "object" && "f" in fc.value) m.set(`${String.fromCharCode(64 + fc.col)}${fc.row}`, fc.value.v ?? null);
    out.set(sheet.name, m);
  }
  return out;
}
