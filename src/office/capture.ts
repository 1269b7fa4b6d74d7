/**
 * Before a run writes, it records what it is about to overwrite on sheets it did not create:
 * the content of non-empty cells, the number formats and styles of cells it formats, and column
 * widths — each with what the run writes there. Removing the reconciliation later puts the
 * original back unless the user changed the cell since (then the user's edit stays).
 *
 * On the input tables (Sources, Accounts, Offer map) a run rewrites the user's own rows in
 * normalised form; every cell it changes there is recorded, so "remove" gives the table back as
 * it was, row by row, unless the user edited that row after the run.
 */
import { PlanCell } from "../layout/types";
import { ExcelContent, excelText, sameContent, toExcelInput } from "./cells";
import { ColumnWidth, SheetLayout, planCellAt } from "./plan-extents";
import { ReadQueue } from "./read";
import { MAX_COLS, Rect, containsCell, intersect, subtractAll } from "./rects";
import { Meter } from "./requests";
import { Extent, GatewayState, Original, StyleSnapshot, WidthOriginal } from "./state";

/** A cell nobody formatted. */
export const PLAIN_STYLE: StyleSnapshot = {
  fill: null,
  bold: false,
  italic: false,
  color: "#000000",
  size: 11,
  wrap: false,
  vAlign: "Bottom",
  hAlign: "General",
  numberFormat: "General",
};

export const cellKey = (sheet: string, row: number, col: number) => `${sheet.toLowerCase()}|${row}|${col}`;

/** The content of a cell as the input that recreates it (formula text, or text behind an apostrophe when needed). */
export function contentInput(formula: unknown, value: unknown, type: unknown): ExcelContent {
  if (type === "Empty") return "";
  if (typeof formula === "string" && formula.startsWith("=") && !(type === "String" && value === formula)) return formula;
  if (typeof value === "string") return type === "Error" ? value : excelText(value);
  if (typeof value === "number" || typeof value === "boolean") return value;
  return "";
}

export interface Capture {
  /** Every original the state must keep (carried over and new), by cell. */
  readonly originals: Map<string, Original>;
  readonly widths: WidthOriginal[];
  /** Columns whose width this run sets, per sheet. */
  readonly setWidths: Map<string, ColumnWidth[]>;
}

function ofKind(extents: readonly Extent[], sheet: string, kinds: readonly Extent["kind"][]): Rect[] {
  const lower = sheet.toLowerCase();
  return extents.filter((e) => e.sheet.toLowerCase() === lower && kinds.includes(e.kind)).map((e) => e.rect);
}

/** Reads contents through the queue; `each` gets every cell's content as the input that recreates it. */
function queueContents(q: ReadQueue, sheet: string, rects: readonly Rect[], each: (row: number, col: number, input: ExcelContent) => void): void {
  for (const r of rects) {
    q.addArea(sheet, r, ["formulas", "values", "valueTypes"], (got) =>
      got.formulas.forEach((line, i) => line.forEach((f, j) => each(r.top + i, r.left + j, contentInput(f, got.values[i][j], got.valueTypes[i][j])))),
    );
  }
}

const STYLE_LOAD = "numberFormat,format/fill/color,format/font/bold,format/font/italic,format/font/color,format/font/size,format/wrapText,format/verticalAlignment,format/horizontalAlignment";

function queueStyles(q: ReadQueue, meter: Meter, sheet: string, cells: readonly { row: number; col: number }[], each: (i: number, s: StyleSnapshot) => void): void {
  cells.forEach((c, i) =>
    q.add(
      300,
      () => meter.ctx.workbook.worksheets.getItem(sheet).getRangeByIndexes(c.row - 1, c.col - 1, 1, 1).load(STYLE_LOAD),
      (r) => {
        const fill = r.format.fill.color;
        each(i, {
          // Excel reports "no fill" as white.
          fill: fill === "#FFFFFF" ? null : fill,
          bold: r.format.font.bold,
          italic: r.format.font.italic,
          color: r.format.font.color,
          size: r.format.font.size,
          wrap: r.format.wrapText,
          vAlign: r.format.verticalAlignment,
          hAlign: r.format.horizontalAlignment,
          numberFormat: String(r.numberFormat[0][0]),
        });
      },
    ),
  );
}

/**
 * Records originals for the planned `layouts` on sheets the product did not create (`ours`
 * excluded), given the previous run's state.
 */
export async function captureOriginals(
  meter: Meter,
  layouts: ReadonlyMap<string, SheetLayout>,
  old: GatewayState,
  ours: ReadonlySet<string>,
  existing: ReadonlySet<string>,
  /** Input tables this run creates (header only, bold): nothing to read, originals are known. */
  pendingInputs: ReadonlySet<string> = new Set(),
  /**
   * Each sheet's used range (values and formulas, `getUsedRange(true)`), when known: no cell
   * outside it holds content, so nothing there is read. On a first run the added columns lie
   * beyond the export's data, and the 10k-customer capture went from 21 requests to none.
   */
  usedOf: (sheet: string) => Rect | null | undefined = () => undefined,
): Promise<Capture> {
  const originals = new Map<string, Original>();
  for (const o of old.originals) if (existing.has(o.sheet.toLowerCase())) originals.set(cellKey(o.sheet, o.row, o.col), o);
  const widths = old.widths.filter((w) => existing.has(w.sheet.toLowerCase()));
  const setWidths = new Map<string, ColumnWidth[]>();
  const q = new ReadQueue(meter);
  const merge = (sheet: string, row: number, col: number, patch: Partial<Original>) => {
    const k = cellKey(sheet, row, col);
    const prev = originals.get(k);
    originals.set(k, { ...(prev ?? { sheet, row, col }), ...patch });
  };

  for (const [name, layout] of layouts) {
    if (pendingInputs.has(name)) {
      for (const e of layout.extents) {
        if (e.kind === "input") {
          for (const c of cellsOf(e.rect)) {
            if (c.row === e.rect.top) continue;
            const ours = toExcelInput(planCellAt(layout.plan, c.row, c.col) as PlanCell);
            if (ours !== "") merge(name, c.row, c.col, { content: "", ours });
          }
        }
        if (e.kind === "style") {
          const input = layout.extents.find((x) => x.kind === "input");
          for (const c of cellsOf(e.rect)) merge(name, c.row, c.col, { style: { ...PLAIN_STYLE, bold: Boolean(input && c.col <= input.rect.right) } });
        }
      }
      continue;
    }
    if (ours.has(name)) {
      setWidths.set(name, [...layout.widths]);
      continue;
    }
    if (!existing.has(name.toLowerCase())) continue;
    const plan = layout.plan;
    const ourInput = (row: number, col: number): ExcelContent => toExcelInput(planCellAt(plan, row, col) as PlanCell);
    const mine = (kind: Extent["kind"]) => layout.extents.filter((e) => e.kind === kind).map((e) => e.rect);

    // Content: cells newly ours that hold something.
    const oldContent = ofKind(old.extents, name, ["content", "input"]);
    const used = usedOf(name);
    const newContent = subtractAll(mine("content"), oldContent);
    const holding = used === undefined ? newContent : used === null ? [] : newContent.map((r) => intersect(r, used)).filter((r): r is Rect => r !== null);
    queueContents(q, name, holding, (row, col, cur) => {
      if (cur === "") return;
      if (!originals.get(cellKey(name, row, col))?.ours) merge(name, row, col, { content: cur, ours: ourInput(row, col) });
    });

    // Input tables: every cell the run changes, compared with what the previous run wrote.
    queueContents(q, name, mine("input"), (row, col, cur) => {
      const ours = ourInput(row, col);
      const k = cellKey(name, row, col);
      const prev = originals.get(k);
      if (prev?.ours !== undefined) {
        if (!sameContent(cur, prev.ours)) {
          // The user edited the cell after the last run: that edit is the new baseline.
          const { content: _c, ours: _o, ...rest } = prev;
          if (cur === ours) originals.set(k, rest as Original);
          else originals.set(k, { ...rest, content: cur, ours } as Original);
        } else if (prev.content === ours) {
          // Back to what it was before any run: nothing to restore.
          const { content: _c, ours: _o, ...rest } = prev;
          originals.set(k, rest as Original);
        } else {
          merge(name, row, col, { ours });
        }
      } else if (cur !== ours) {
        merge(name, row, col, { content: cur, ours });
      }
    });

    // Styles of cells newly styled by us.
    const styleCells = subtractAll(mine("style"), ofKind(old.extents, name, ["style"])).flatMap((r) => cellsOf(r));
    queueStyles(q, meter, name, styleCells, (i, style) => merge(name, styleCells[i].row, styleCells[i].col, { style }));

    // Number formats of cells newly formatted by us.
    for (const r of subtractAll(mine("numberFormat"), ofKind(old.extents, name, ["numberFormat"]))) {
      q.addArea(name, r, ["numberFormat"], (got) =>
        got.numberFormat.forEach((line, i) =>
          line.forEach((nf, j) => {
            if (nf !== "General") merge(name, r.top + i, r.left + j, { numberFormat: String(nf) });
          }),
        ),
      );
    }

    // Widths: on the user's sheets we only size columns that still have the standard width.
    // RangeFormat.columnWidth is in points (office-js #187) but Worksheet.standardWidth is in
    // characters of the Normal style's font, whose width in points depends on that font and the
    // screen (docs: "One unit of column width is equal to the width of one character in the
    // Normal style"). So the standard width is read in points from a column nobody sizes, the
    // sheet's last one (XFD), and compared in the same unit.
    if (layout.widths.length > 0) {
      q.add(
        100 * layout.widths.length + 100,
        () => {
          const ws = meter.ctx.workbook.worksheets.getItem(name);
          const standard = ws.getRangeByIndexes(0, MAX_COLS - 1, 1, 1).getEntireColumn().load("format/columnWidth");
          return { standard, cols: layout.widths.map((w) => ws.getRangeByIndexes(0, w.col - 1, 1, 1).getEntireColumn().load("format/columnWidth,columnHidden")) };
        },
        ({ standard, cols }) => {
          const chosen: ColumnWidth[] = [];
          const standardPoints = standard.format.columnWidth;
          layout.widths.forEach((w, i) => {
            const current = cols[i].format.columnWidth;
            const recorded = widths.some((x) => x.sheet.toLowerCase() === name.toLowerCase() && x.col === w.col);
            // A width the user (or an earlier run) chose stays; the original is recorded once.
            // Excel keeps widths in whole pixels: within half a pixel (3/8 point) is the same width.
            if (Math.abs(current - standardPoints) < 0.375 && w.width > 0) {
              chosen.push(w);
              if (!recorded) widths.push({ sheet: name, col: w.col, width: current, hidden: Boolean(cols[i].columnHidden) });
            }
          });
          setWidths.set(name, chosen);
        },
      );
    }
  }
  await q.run();

  // Keep only originals still inside an extent of this run; the rest are restored by the release.
  return { originals, widths, setWidths };
}

export function cellsOf(r: Rect): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push({ row, col });
  return out;
}

/** Originals inside the given extents (what the final state keeps). */
export function originalsWithin(originals: Iterable<Original>, extents: readonly Extent[]): Original[] {
  const out: Original[] = [];
  for (const o of originals) {
    const lower = o.sheet.toLowerCase();
    if (extents.some((e) => e.sheet.toLowerCase() === lower && containsCell(e.rect, o.row, o.col))) out.push(o);
  }
  return out;
}
