/**
 * The "textbook" variant of the product's workbook: the same sheets and formulas, except that
 * the group sums are written the way a spreadsheet user writes them — every subscription row
 * computes its group's counts and seats with COUNTIFS/SUMIFS over the whole subscription table,
 * with the customer and the offer as criteria — instead of the product's one formula per group
 * over the group's own contiguous block of rows. CSP Groups then reads a group's figures from
 * its first row. Everything downstream (verdicts, Summary, the columns beside the exports) is
 * unchanged, so checkWorkbook proves the variant computes the same thing.
 */
import { EngineResult } from "../src/domain/model";
import { STATUS_CODE } from "../src/domain/status";
import { columnLetters, quote, ref, shiftFormula } from "../src/layout/a1";
import { CALC, GENERATED, GROUPS } from "../src/layout/plan";
import { Block, ColumnSpec, SheetPlan, WorkbookPlan } from "../src/layout/types";

/** Figures of a group, in CSP Groups column order (E..M). */
const FIGURES = ["oldRows", "oldLive", "A", "Snce", "newRows", "newLive", "P", "R", "N"] as const;
type Figure = (typeof FIGURES)[number];
const GROUP_COLUMN: Record<Figure, number> = {
  oldRows: GROUPS.oldRows, oldLive: GROUPS.oldLive, A: GROUPS.A, Snce: GROUPS.Snce, newRows: GROUPS.newRows,
  newLive: GROUPS.newLive, P: GROUPS.P, R: GROUPS.R, N: GROUPS.N,
};

const CUST = 19; // S
const OFFER = 20; // T
const FIRST_FIGURE = 21; // U..AC

export function textbookPlan(plan: WorkbookPlan, result: EngineResult): WorkbookPlan {
  const calcRows: { group: number }[] = result.groups.flatMap((g) => g.rows.map(() => ({ group: g.index })));
  const firstRow: number[] = [];
  let at = 2;
  for (const g of result.groups) {
    firstRow[g.index] = at;
    at += g.rows.length;
  }
  const last = Math.max(2, calcRows.length + 1);
  const whole = (col: number) => `$${columnLetters(col)}$2:$${columnLetters(col)}$${last}`;
  const rel = (col: number) => `${columnLetters(col)}2`;
  const same = `${whole(CUST)},${rel(CUST)},${whole(OFFER)},${rel(OFFER)}`;
  const { active, pending, suspended } = STATUS_CODE;
  const live = [[CALC.code, `>=${active}`], [CALC.code, `<=${suspended}`]] as [number, string][];
  const countIfs = (isNew: 0 | 1, ...criteria: [number, string | number][]) =>
    `COUNTIFS(${same},${whole(CALC.isNew)},${isNew}${criteria.map(([c, v]) => `,${whole(c)},${typeof v === "number" ? v : quote(v)}`).join("")})`;
  const formula: Record<Figure, string> = {
    oldRows: countIfs(0, [CALC.code, ">0"]),
    oldLive: countIfs(0, ...live),
    A: countIfs(0, [CALC.code, `>=${active}`], [CALC.code, `<=${pending}`]),
    Snce: countIfs(0, [CALC.code, suspended], [CALC.nce, 1]),
    newRows: countIfs(1, [CALC.code, ">0"]),
    newLive: countIfs(1, ...live),
    P: countIfs(1, [CALC.code, `>=${pending}`], [CALC.code, `<=${suspended}`]),
    R: `SUMIFS(${whole(CALC.seats)},${same},${whole(CALC.isNew)},0,${whole(CALC.code)},">=${active}",${whole(CALC.code)},"<=${suspended}",${whole(CALC.seats)},">=0")`,
    N: `SUMIFS(${whole(CALC.seats)},${same},${whole(CALC.isNew)},1,${whole(CALC.code)},${active},${whole(CALC.seats)},">=0")`,
  };
  const extra: ColumnSpec[] = [
    { header: "Customer key", cell: (i) => result.customers[result.groups[calcRows[i].group].customer].key },
    { header: "Offer key", cell: (i) => result.groups[calcRows[i].group].offerKey },
    ...FIGURES.map((name): ColumnSpec => ({ header: name, uniform: true, cell: (i) => ({ f: shiftFormula(formula[name], i, 0) }) })),
  ];
  const figureOf = new Map<number, Figure>(FIGURES.map((f) => [GROUP_COLUMN[f], f]));

  const sheets = plan.sheets.map((s): SheetPlan => {
    if (s.name === GENERATED.calc) {
      const b = s.blocks[0];
      return { ...s, blocks: [{ ...b, columns: [...b.columns, ...extra] } as Block] };
    }
    if (s.name === GENERATED.groupCalc) {
      const b = s.blocks[0];
      const columns = b.columns.map((c, k): ColumnSpec => {
        const fig = figureOf.get(k + 1);
        if (!fig) return c;
        const col = FIRST_FIGURE + FIGURES.indexOf(fig);
        return { header: c.header, cell: (g) => ({ f: ref(GENERATED.calc, col, firstRow[g], false) }) };
      });
      return { ...s, blocks: [{ ...b, columns } as Block] };
    }
    return s;
  });
  return { ...plan, sheets };
}
