/**
 * Writes a layout plan into the open workbook, in the order the Excel docs recommend for large
 * writes (docs/excel/excel-add-ins-ranges-large.md): values first, then formulas, then formats,
 * conditional formats last; each request sized by the bytes of its data (requests.ts).
 *
 * - Text is written so that it stays text (cells.ts); only the plan's formula text becomes a
 *   formula, always in the invariant (English, comma) form of `Range.formulas` (§2.6).
 * - A `null` inside a 2-D array leaves its cell unchanged (docs: excel-add-ins-blank-null-values),
 *   which lets the values pass skip formula cells and the formulas pass skip value cells. An empty
 *   plan cell is written as "" (clears), so a re-run leaves nothing stale.
 * - Uniform columns (every row = row 0's formula moved down) are written once: row 0's formula,
 *   then one `Range.copyFrom` fills the rest where ExcelApi 1.9 has it — a single-cell source
 *   repeats over a destination that is a multiple of it (office-js #2674); on ExcelApi 1.7–1.8
 *   the column goes as one R1C1 text repeated down (`Range.formulasR1C1`, ExcelApi 1.2), which is
 *   the same formula in every row, instead of each row's A1 text built and sent separately.
 * - The Decision column's dropdown needs ExcelApi 1.8 (Range.dataValidation); Excel 2019 and Mac
 *   16.9–16.16 (ExcelApi 1.7) get the column without it.
 * - Conditional formats are cleared on our ranges before they are added again: otherwise each
 *   re-run stacks duplicate rules (§2.5). Their formulas are relative to the range's top-left cell.
 * - Links (PlanLink): the text goes in with the values, then each link is set on its cell
 *   (`Range.hyperlink` with `documentReference`, ExcelApi 1.7, the manifest's floor). A
 *   column declared `links` loses every hyperlink of its rows first: a hyperlink survives
 *   writing a value over it, so a row whose link went away since the last run would keep it.
 * - Sheet cosmetics (freeze panes, tab colour, autofilter, column visibility) are applied only to
 *   sheets the product created; the user's own sheets keep theirs.
 */
import { columnLetters, toR1C1 } from "../layout/a1";
import {
  HEADER_FILL as STYLE_HEADER_FILL,
  HEADER_FONT as STYLE_HEADER_FONT,
  NOTE_FONT as STYLE_NOTE_FONT,
  labelsByTone,
  toneRuleFormula,
} from "../layout/styles";
import { Block, FreeCell, PlanCell, PlanLink, SheetPlan, TONE_COLORS, WorkbookPlan, isFormula, isLink } from "../layout/types";
import type { Cell } from "../domain/cells";
import { toExcelInput } from "./cells";
import { ApiSupport } from "./host";
import { ColumnWidth, DATETIME_FORMAT, numberFormatOf } from "./plan-extents";
import { CALL_BYTES, Meter, WriteBatch, jsonSize } from "./requests";
import { WorkbookError } from "./types";

// The look shared with the xlsx writer; office.js wants colours with "#".
const HEADER_FILL = `#${STYLE_HEADER_FILL}`;
const HEADER_FONT = `#${STYLE_HEADER_FONT}`;
const NOTE_FONT = `#${STYLE_NOTE_FONT}`;

export interface ApplyOptions {
  readonly meter: Meter;
  readonly batch: WriteBatch;
  readonly api: ApiSupport;
  /** Sheets the product created (cosmetics allowed). */
  readonly ours: ReadonlySet<string>;
  /** Columns whose width we set, per sheet (decided by capture.ts for the user's sheets). */
  readonly widths: ReadonlyMap<string, readonly ColumnWidth[]>;
  /** Cells written at the very end (the Summary's "Workbook" status), skipped here. */
  readonly deferred: (sheet: string, row: number, col: number) => boolean;
  /** Blocks of the plan whose cells the workbook already holds exactly (blockHolds): their values are not sent again. */
  readonly held?: ReadonlySet<Block>;
}

/**
 * Whether `rows` (a sheet read from A1, header first) hold exactly the block's header and value
 * cells and nothing below them: an empty cell and "" are the same to Excel. Only blocks of plain
 * values can be held (no formula or link).
 */
export function blockHolds(rows: readonly (readonly Cell[])[], b: Block): boolean {
  if (rows.length !== b.top + b.rows) return false;
  const same = (got: Cell | undefined, want: PlanCell): boolean => {
    if (want !== null && typeof want === "object") return false;
    const g = got === undefined || got === "" ? null : got;
    const w = want === "" ? null : want;
    return g === w;
  };
  for (let j = 0; j < b.columns.length; j++) {
    const col = b.left - 1 + j;
    if (!same(rows[b.top - 1]?.[col], b.columns[j].header)) return false;
    for (let i = 0; i < b.rows; i++) if (!same(rows[b.top + i]?.[col], b.columns[j].cell(i))) return false;
  }
  return true;
}

type Input = string | number | boolean | null;

/**
 * Writes `rows` × `cols` cells starting at (top, left) through `prop`, in chunks that fit a
 * request. Chunks whose cells are all null (nothing to write) are skipped.
 */
export async function writeGrid(
  o: { meter: Meter; batch: WriteBatch },
  sheet: string,
  top: number,
  left: number,
  rows: number,
  cols: number,
  cellAt: (i: number, j: number) => Input,
  prop: "values" | "formulas" | "formulasR1C1" | "numberFormat",
): Promise<void> {
  const limit = o.batch.budgetBytes - 4 * CALL_BYTES;
  let i = 0;
  while (i < rows) {
    const chunk: Input[][] = [];
    let bytes = 2;
    let any = false;
    while (i + chunk.length < rows) {
      const r = i + chunk.length;
      const line: Input[] = [];
      for (let j = 0; j < cols; j++) {
        const x = cellAt(r, j);
        if (typeof x === "string" && x.length > MAX_FORMULA_CHARS && prop !== "numberFormat") checkCellLimit(sheet, top + r, left + j, x);
        line.push(x);
      }
      const b = jsonSize(line) + 1;
      if (chunk.length > 0 && bytes + b > limit) break;
      chunk.push(line);
      bytes += b;
      if (!any && line.some((x) => x !== null)) any = true;
    }
    if (any) {
      await o.batch.reserve(bytes, chunk.length * cols);
      o.meter.ctx.workbook.worksheets.getItem(sheet).getRangeByIndexes(top - 1 + i, left - 1, chunk.length, cols)[prop] = chunk;
    }
    i += chunk.length;
  }
}

/** Excel's limits ("Excel specifications and limits"): characters in a cell, in a formula. */
export const MAX_CELL_CHARS = 32_767;
export const MAX_FORMULA_CHARS = 8_192;

/**
 * The writer's last guard: a cell Excel would refuse fails the run with a message naming it,
 * rather than Excel failing the request (the domain keeps what it writes within the limits).
 */
function checkCellLimit(sheet: string, row: number, col: number, x: string): void {
  const formula = x.startsWith("=");
  const length = x.startsWith("'") || formula ? x.length - 1 : x.length;
  const max = formula ? MAX_FORMULA_CHARS : MAX_CELL_CHARS;
  if (length > max) {
    const where = `'${sheet}'!${columnLetters(col)}${row}`;
    throw new WorkbookError("failed", { sheet, cell: where, length, max }, `${where} would hold ${formula ? "a formula of " : ""}${length.toLocaleString("en-US")} characters; Excel takes at most ${max.toLocaleString("en-US")}`);
  }
}

const valueOf = (c: PlanCell): Input => (isFormula(c) ? null : toExcelInput(c));
const formulaOf = (c: PlanCell): Input => (isFormula(c) ? `=${c.f}` : null);

/** Written once for the whole column (copyFrom or one R1C1 text): every row is row 0's formula moved down. */
function isFilled(b: Block, k: number): boolean {
  const c = b.columns[k];
  return Boolean(c.uniform) && b.rows > 1 && isFormula(c.cell(0));
}

/** Consecutive columns that are (or are not) filled, as runs of column offsets. */
function runs(b: Block, filled: boolean): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  b.columns.forEach((_c, k) => {
    if (isFilled(b, k) !== filled) return;
    const last = out[out.length - 1];
    if (last && last.to === k - 1) last.to = k;
    else out.push({ from: k, to: k });
  });
  return out;
}

async function writeBlockPass(o: ApplyOptions, sheet: string, b: Block, pass: "values" | "formulas"): Promise<void> {
  const pick = pass === "values" ? valueOf : formulaOf;
  if (pass === "values") {
    await writeGrid(o, sheet, b.top, b.left, 1, b.columns.length, (_i, j) => toExcelInput(b.columns[j].header), "values");
  }
  if (b.rows === 0) return;
  for (const run of runs(b, false)) {
    const n = run.to - run.from + 1;
    await writeGrid(o, sheet, b.top + 1, b.left + run.from, b.rows, n, (i, j) => pick(b.columns[run.from + j].cell(i)), pass);
  }
  if (pass === "values") return;
  for (const run of runs(b, true)) {
    const n = run.to - run.from + 1;
    const firstRow = b.top + 1;
    if (o.api.has("copyFrom")) {
      // Row 0 only; fillUniform copies it down.
      await writeGrid(o, sheet, firstRow, b.left + run.from, 1, n, (_i, j) => formulaOf(b.columns[run.from + j].cell(0)), "formulas");
    } else {
      const texts = Array.from({ length: n }, (_x, j) => `=${toR1C1((b.columns[run.from + j].cell(0) as { f: string }).f, firstRow, b.left + run.from + j)}`);
      await writeGrid(o, sheet, firstRow, b.left + run.from, b.rows, n, (_i, j) => texts[j], "formulasR1C1");
    }
  }
}

async function writeFreeCells(o: ApplyOptions, sheet: string, cells: readonly FreeCell[], pass: "values" | "formulas"): Promise<void> {
  for (const c of cells) {
    if (o.deferred(sheet, c.row, c.col)) continue;
    const v = pass === "values" ? valueOf(c.value) : formulaOf(c.value);
    if (v === null) continue;
    await o.batch.reserve(jsonSize(v), 1);
    o.meter.ctx.workbook.worksheets.getItem(sheet).getRangeByIndexes(c.row - 1, c.col - 1, 1, 1)[pass] = [[v]];
  }
}

export async function writeValues(o: ApplyOptions, plan: WorkbookPlan): Promise<void> {
  for (const s of plan.sheets) {
    for (const b of s.blocks) if (!o.held?.has(b)) await writeBlockPass(o, s.name, b, "values");
    await writeFreeCells(o, s.name, s.cells, "values");
  }
}

export async function writeFormulas(o: ApplyOptions, plan: WorkbookPlan): Promise<void> {
  for (const s of plan.sheets) {
    for (const b of s.blocks) await writeBlockPass(o, s.name, b, "formulas");
    await writeFreeCells(o, s.name, s.cells, "formulas");
  }
}

/** ExcelApi 1.9: one copyFrom per run of uniform columns instead of the whole columns' formula text. */
export async function fillUniform(o: ApplyOptions, plan: WorkbookPlan): Promise<void> {
  if (!o.api.has("copyFrom")) return;
  for (const s of plan.sheets) {
    for (const b of s.blocks) {
      for (const run of runs(b, true)) {
        const n = run.to - run.from + 1;
        await o.batch.reserve(64, (b.rows - 1) * n);
        const ws = o.meter.ctx.workbook.worksheets.getItem(s.name);
        const first = ws.getRangeByIndexes(b.top, b.left + run.from - 1, 1, n);
        ws.getRangeByIndexes(b.top + 1, b.left + run.from - 1, b.rows - 1, n).copyFrom(first, "Formulas");
      }
    }
  }
}

async function setLink(o: ApplyOptions, sheet: string, row: number, col: number, link: PlanLink): Promise<void> {
  const hyperlink = { documentReference: link.link, textToDisplay: link.text };
  await o.batch.reserve(jsonSize(hyperlink) + 32, 1);
  o.meter.ctx.workbook.worksheets.getItem(sheet).getRangeByIndexes(row - 1, col - 1, 1, 1).hyperlink = hyperlink;
}

/** The plan's links, after the values (their text) are written. */
export async function writeLinks(o: ApplyOptions, plan: WorkbookPlan): Promise<void> {
  for (const s of plan.sheets) {
    for (const b of s.blocks) {
      for (let k = 0; k < b.columns.length; k++) {
        const c = b.columns[k];
        if (!c.links || b.rows === 0) continue;
        await o.batch.reserve(0, b.rows);
        o.meter.ctx.workbook.worksheets.getItem(s.name).getRangeByIndexes(b.top, b.left + k - 1, b.rows, 1).clear("Hyperlinks");
        for (let i = 0; i < b.rows; i++) {
          const cell = c.cell(i);
          if (isLink(cell)) await setLink(o, s.name, b.top + 1 + i, b.left + k, cell);
        }
      }
    }
    for (const c of s.cells) if (isLink(c.value) && !o.deferred(s.name, c.row, c.col)) await setLink(o, s.name, c.row, c.col, c.value);
  }
}

async function styleRange(o: ApplyOptions, sheet: string, top: number, left: number, rows: number, cols: number, style: (r: Excel.Range) => void): Promise<void> {
  await o.batch.reserve(200, rows * cols);
  style(o.meter.ctx.workbook.worksheets.getItem(sheet).getRangeByIndexes(top - 1, left - 1, rows, cols));
}

function headerStyle(r: Excel.Range): void {
  r.format.fill.color = HEADER_FILL;
  r.format.font.bold = true;
  r.format.font.color = HEADER_FONT;
  r.format.wrapText = true;
  r.format.verticalAlignment = "Center";
}

/** Excel's default hyperlink colour (the Office theme's "Hyperlink"). */
export const LINK_COLOR = "#0563C1";

function linkStyle(r: Excel.Range): void {
  r.format.font.underline = "Single";
  r.format.font.color = LINK_COLOR;
}

/** Excel's default data bar colour. */
export const DATA_BAR_COLOR = "#638EC6";

/**
 * A data bar over a column's data cells (ConditionalFormatType "DataBar", ExcelApi 1.6, below
 * the manifest's 1.7): from 0 to the plan's maximum, so that blocks sharing one maximum draw to
 * one scale, in one solid colour. Rules already on the cells are cleared first (a re-run would
 * stack them).
 */
async function dataBar(o: ApplyOptions, sheet: string, b: Block, col: number, max: string): Promise<void> {
  const range = () => o.meter.ctx.workbook.worksheets.getItem(sheet).getRangeByIndexes(b.top, col - 1, b.rows, 1);
  await o.batch.reserve(0);
  range().conditionalFormats.clearAll();
  await o.batch.reserve(jsonSize(max) + 200);
  const cf = range().conditionalFormats.add("DataBar");
  cf.dataBar.lowerBoundRule = { type: "Number", formula: "0" };
  cf.dataBar.upperBoundRule = { type: "Formula", formula: `=${max}` };
  cf.dataBar.barDirection = "LeftToRight";
  cf.dataBar.positiveFormat.fillColor = DATA_BAR_COLOR;
  cf.dataBar.positiveFormat.gradientFill = false;
}

/**
 * The plan's row heights on a sheet of ours, runs of equal height set at once; rows that need
 * one line get the standard height back (a re-run may have made them shorter). A block with
 * taller rows puts every cell at the top of its row, as the file does.
 */
async function rowHeights(o: ApplyOptions, sheet: string, b: Block): Promise<void> {
  const ws = () => o.meter.ctx.workbook.worksheets.getItem(sheet);
  const set = async (top: number, rows: number, height: number | undefined) => {
    await o.batch.reserve(0, rows);
    const f = ws().getRangeByIndexes(top - 1, 0, rows, 1).format;
    if (height === undefined) f.useStandardHeight = true;
    else f.rowHeight = height;
  };
  await set(b.top, 1, b.heights?.header);
  const row = b.heights?.row;
  if (!row || b.rows === 0) return;
  let from = 0;
  let height = row(0);
  for (let i = 1; i <= b.rows; i++) {
    const h = i < b.rows ? row(i) : null;
    if (h === height) continue;
    await set(b.top + 1 + from, i - from, height);
    from = i;
    height = h ?? undefined;
  }
  await styleRange(o, sheet, b.top + 1, b.left, b.rows, b.columns.length, (r) => (r.format.verticalAlignment = "Top"));
}

/**
 * A column's number format. On a sheet of ours where ExcelApi 1.9 is there, the first cell gets
 * it and `copyFrom(…, "Formats")` takes it down the column: one text instead of one per row
 * (1.9 MB of CSP Calc's dates at 10k customers, docs/PERFORMANCE.md). The copy carries all of
 * the first cell's formats, so that cell's are cleared first (a fill the user gave row 2 of Next
 * steps would otherwise run down the column); this run's other formats of the column come after.
 * Not on the user's export sheets, whose cells' own formats are theirs: there every cell gets the
 * text.
 */
async function numberFormat(o: ApplyOptions, sheet: string, b: Block, col: number, nf: string, mine: boolean): Promise<void> {
  if (!mine || b.rows < 2 || !o.api.has("copyFrom")) {
    await writeGrid(o, sheet, b.top + 1, col, b.rows, 1, () => nf, "numberFormat");
    return;
  }
  await o.batch.reserve(64, 1);
  o.meter.ctx.workbook.worksheets.getItem(sheet).getRangeByIndexes(b.top, col - 1, 1, 1).clear("Formats");
  await writeGrid(o, sheet, b.top + 1, col, 1, 1, () => nf, "numberFormat");
  await o.batch.reserve(64, b.rows - 1);
  const ws = o.meter.ctx.workbook.worksheets.getItem(sheet);
  ws.getRangeByIndexes(b.top + 1, col - 1, b.rows - 1, 1).copyFrom(ws.getRangeByIndexes(b.top, col - 1, 1, 1), "Formats");
}

async function blockFormats(o: ApplyOptions, s: SheetPlan, b: Block): Promise<void> {
  const mine = o.ours.has(s.name);
  await styleRange(o, s.name, b.top, b.left, 1, b.columns.length, headerStyle);
  for (let k = 0; k < b.columns.length; k++) {
    const c = b.columns[k];
    const col = b.left + k;
    const nf = numberFormatOf(c.format);
    if (nf && b.rows > 0) await numberFormat(o, s.name, b, col, nf, mine);
    if (c.verdictColors && b.rows > 0) {
      const topLeft = `${columnLetters(col)}${b.top + 1}`;
      await o.batch.reserve(0);
      const range = () => o.meter.ctx.workbook.worksheets.getItem(s.name).getRangeByIndexes(b.top, col - 1, b.rows, 1);
      range().conditionalFormats.clearAll();
      for (const [tone, labels] of labelsByTone()) {
        const formula = `=${toneRuleFormula(topLeft, labels)}`;
        await o.batch.reserve(jsonSize(formula) + 64);
        const cf = range().conditionalFormats.add("Custom");
        cf.custom.rule.formula = formula;
        cf.custom.format.fill.color = `#${TONE_COLORS[tone].fill}`;
        cf.custom.format.font.color = `#${TONE_COLORS[tone].font}`;
      }
    }
    if (c.input && b.rows > 0 && o.api.has("validation")) {
      await o.batch.reserve(200);
      const dv = o.meter.ctx.workbook.worksheets.getItem(s.name).getRangeByIndexes(b.top, col - 1, b.rows, 1).dataValidation;
      // A rule cannot be set over cells that have one: clear first.
      dv.clear();
      dv.rule = { list: { inCellDropDown: true, source: c.input.join(",") } };
      dv.errorAlert = { showAlert: true, style: "Warning", title: "CSP Reconcile", message: `Use one of: ${c.input.join(", ")}` };
    }
    if (c.dataBar && b.rows > 0) await dataBar(o, s.name, b, col, c.dataBar.max);
    if (mine && b.rows > 0 && (c.wrap || c.align || c.links)) {
      await styleRange(o, s.name, b.top + 1, col, b.rows, 1, (r) => {
        if (c.wrap) r.format.wrapText = true;
        if (c.align === "right") r.format.horizontalAlignment = "Right";
        // Links look like links: Excel's Hyperlink style (a link set through the API keeps the cell's own font).
        if (c.links) linkStyle(r);
      });
    }
    if (mine && c.hidden) {
      await o.batch.reserve(0);
      o.meter.ctx.workbook.worksheets.getItem(s.name).getRangeByIndexes(0, col - 1, 1, 1).getEntireColumn().columnHidden = true;
    }
  }
  if (mine && b.heights) await rowHeights(o, s.name, b);
  if (mine && b.autoFilter && o.api.has("autoFilter")) {
    await o.batch.reserve(0);
    const ws = o.meter.ctx.workbook.worksheets.getItem(s.name);
    ws.autoFilter.apply(ws.getRangeByIndexes(b.top - 1, b.left - 1, Math.max(b.rows, 1) + 1, b.columns.length));
  }
}

export async function applyFormats(o: ApplyOptions, plan: WorkbookPlan): Promise<void> {
  for (const s of plan.sheets) {
    for (const b of s.blocks) await blockFormats(o, s, b);
    for (const c of s.cells) {
      if (c.style === "title") await styleRange(o, s.name, c.row, c.col, 1, 1, (r) => ((r.format.font.bold = true), (r.format.font.size = 14)));
      if (c.style === "label") await styleRange(o, s.name, c.row, c.col, 1, 1, (r) => (r.format.font.bold = true));
      if (c.style === "note") await styleRange(o, s.name, c.row, c.col, 1, 1, (r) => ((r.format.font.italic = true), (r.format.font.color = NOTE_FONT)));
      if (c.style === "date") await writeGrid(o, s.name, c.row, c.col, 1, 1, () => "yyyy-mm-dd", "numberFormat");
      // Excel's built-in date-time format (22), which each reader's Excel shows in their own regional format.
      if (c.style === "datetime") await writeGrid(o, s.name, c.row, c.col, 1, 1, () => DATETIME_FORMAT, "numberFormat");
      if (isLink(c.value) && o.ours.has(s.name) && !o.deferred(s.name, c.row, c.col)) await styleRange(o, s.name, c.row, c.col, 1, 1, linkStyle);
    }
    for (const w of o.widths.get(s.name) ?? []) {
      if (w.width <= 0) continue;
      await o.batch.reserve(0);
      o.meter.ctx.workbook.worksheets.getItem(s.name).getRangeByIndexes(0, w.col - 1, 1, 1).format.columnWidth = w.width;
    }
    if (o.ours.has(s.name)) {
      const ws = () => o.meter.ctx.workbook.worksheets.getItem(s.name);
      if (s.freeze && (s.freeze.rows > 0 || s.freeze.cols > 0)) {
        await o.batch.reserve(0);
        const { rows, cols } = s.freeze;
        if (rows > 0 && cols > 0) ws().freezePanes.freezeAt(ws().getRangeByIndexes(0, 0, rows, cols));
        else if (rows > 0) ws().freezePanes.freezeRows(rows);
        else ws().freezePanes.freezeColumns(cols);
      }
      if (s.tabColor) {
        await o.batch.reserve(0);
        ws().tabColor = `#${s.tabColor}`;
      }
    }
  }
}
