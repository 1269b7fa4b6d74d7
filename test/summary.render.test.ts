/**
 * Issue 11: "a new user reading the Summary of the samples sees every flagged customer, why,
 * what to do, and every problem", and a colleague reads it without widening a column. Checked on
 * the plan (no text wider than its cell and the free cells beside it, wrapped text within its
 * row's height), on the written file (frozen rows, data bars, the link, the date-time format,
 * named fonts) and on a LibreOffice render of the Summary (what it shows, as text, and a picture:
 * UPDATE_SCREENSHOT=1 refreshes docs/screenshots/summary.png).
 */
import { execFileSync } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { readBillingFiles } from "../src/cli/billing";
import { scanFolder } from "../src/cli/folder";
import { RunOutput, reconcileImports } from "../src/cli/run";
import { customerAdvice } from "../src/domain/advice";
import { wantedKeys } from "../src/domain/money";
import { LABEL } from "../src/domain/verdicts";
import { LINE_POINTS, textLines } from "../src/layout/columns";
import { GENERATED, SUMMARY, SUMMARY_TOP } from "../src/layout/plan";
import { SUMMARY_ROWS } from "../src/layout/sheets/summary";
import { nextStepOf } from "../src/layout/sheets/rules";
import { PlanCell, SheetPlan, isFormula, isLink } from "../src/layout/types";
import { writeWorkbook } from "../src/xlsx/writer";
import { renderFirstSheet } from "./support/render";

const AS_OF = "2026-11-24";
/** The rows above the table, frozen with its header: few enough for a laptop's screen. */
const MAX_FROZEN_ROWS = 12;

let out: RunOutput;
let summary: SheetPlan;
let tmp: string;
let file: string;
beforeAll(async () => {
  const samples = path.join(__dirname, "..", "samples");
  const scan = await scanFolder(samples);
  const options = { asOf: AS_OF, fixedAsOf: true, runAt: "2026-11-24T08:30:00.000Z" };
  // With samples/billing, as the command runs on the folder: the money columns and line too (issue 13).
  const billing = await readBillingFiles(samples, scan.billing, wantedKeys(reconcileImports(scan.files, options).result));
  out = reconcileImports(scan.files, options, billing);
  summary = out.plan.sheets.find((s) => s.name === GENERATED.summary)!;
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "csp-render-"));
  file = path.join(tmp, "reconciliation.xlsx");
  await writeWorkbook(file, out.inputSheets, out.plan);
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

interface Shown {
  readonly text: string;
  /** Bold (labels, headers) and title text is wider per character. */
  readonly scale: number;
  readonly wraps: boolean;
  readonly right: boolean;
}

const shownText = (c: PlanCell): string => (c === null ? "" : isFormula(c) ? String(c.v ?? "") : isLink(c) ? c.text : String(c));

/** What each cell of the sheet shows, by "row,col", with the column widths and row heights. */
function layoutOf(sheet: SheetPlan) {
  const cells = new Map<string, Shown>();
  const width = new Map<number, number>();
  const hidden = new Set<number>();
  const height = new Map<number, number>();
  for (const b of sheet.blocks) {
    b.columns.forEach((spec, k) => {
      const col = b.left + k;
      if (spec.width !== undefined && !width.has(col)) width.set(col, spec.width);
      if (spec.hidden) hidden.add(col);
      cells.set(`${b.top},${col}`, { text: spec.header, scale: 1, wraps: true, right: false });
      for (let i = 0; i < b.rows; i++) {
        const numeric = typeof (spec.uniform ? spec.value!(i) : spec.cell(i)) === "number";
        cells.set(`${b.top + 1 + i},${col}`, { text: shownText(spec.cell(i)), scale: 1, wraps: Boolean(spec.wrap), right: spec.align === "right" || numeric });
      }
    });
    const taller = (row: number, h: number | undefined) => h !== undefined && height.set(row, Math.max(height.get(row) ?? 0, h));
    taller(b.top, b.heights?.header);
    for (let i = 0; i < b.rows; i++) taller(b.top + 1 + i, b.heights?.row?.(i));
  }
  for (const c of sheet.cells) {
    const scale = c.style === "title" ? 1.4 : c.style === "label" ? 1.1 : 1;
    const right = typeof c.value === "number" || (isFormula(c.value) && typeof c.value.v === "number");
    cells.set(`${c.row},${c.col}`, { text: c.style === "date" || c.style === "datetime" ? "2026-11-24 09:30" : shownText(c.value), scale, wraps: false, right });
  }
  return { cells, width, hidden, height };
}

describe("the Summary of the samples: no cut text", () => {
  test("every text fits its cell (or runs on over empty cells), wrapped text fits its row", () => {
    const { cells, width, hidden, height } = layoutOf(summary);
    const w = (col: number) => width.get(col) ?? 8.43;
    const cut: string[] = [];
    let checked = 0;
    for (const [key, c] of cells) {
      const [row, col] = key.split(",").map(Number);
      if (c.text === "" || hidden.has(col)) continue;
      checked++;
      if (c.wraps) {
        const lines = textLines(c.text, w(col), c.scale > 1 || row === SUMMARY_TOP);
        if (lines * LINE_POINTS > (height.get(row) ?? LINE_POINTS)) cut.push(`R${row}C${col} "${c.text}": ${lines} lines in a row of ${height.get(row) ?? LINE_POINTS} points`);
        continue;
      }
      // Text runs on over empty cells to its right (never a right-aligned one or a number).
      let room = w(col);
      for (let next = col + 1; !c.right && !cells.get(`${row},${next}`)?.text && next < 30; next++) if (!hidden.has(next)) room += w(next);
      if (Math.ceil(c.text.length * c.scale) > room) cut.push(`R${row}C${col} "${c.text}": ${c.text.length} characters in ${room}`);
    }
    expect(cut).toEqual([]);
    expect(checked).toBeGreaterThan(200);
  });

  test("the labels that were cut before are whole: the verdict counts' labels and the wrapped headers", () => {
    const { cells, width, height } = layoutOf(summary);
    for (const label of Object.values(LABEL)) {
      const at = [...cells.entries()].find(([k, c]) => c.text === label && Number(k.split(",")[0]) < SUMMARY_TOP);
      expect(at).toBeDefined();
      expect(width.get(Number(at![0].split(",")[1]))).toBeGreaterThanOrEqual(label.length);
    }
    expect(height.get(SUMMARY_TOP)).toBeGreaterThanOrEqual(2 * LINE_POINTS);
    expect(summary.blocks.find((b) => b.id === "summary")!.columns[SUMMARY.nextStep - 1].wrap).toBe(true);
  });
});

describe("the written Summary", () => {
  const part = (name: string) => execFileSync("unzip", ["-p", file, name], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const sheet1 = () => part("xl/worksheets/sheet1.xml");

  test(`at most ${MAX_FROZEN_ROWS} frozen rows (19 before issue 11)`, () => {
    const split = /<pane[^>]*ySplit="(\d+)"/.exec(sheet1());
    expect(Number(split?.[1])).toBeLessThanOrEqual(MAX_FROZEN_ROWS);
    expect(summary.freeze!.rows).toBe(SUMMARY_TOP);
  });

  test("the verdict counts carry data bars on one scale, from 0 to the largest count", () => {
    const bars = [...sheet1().matchAll(/<cfRule type="dataBar"[^>]*><dataBar minLength="0" maxLength="100"><cfvo type="num" val="0"\/><cfvo type="formula" val="([^"]+)"\/>/g)].map((m) => m[1]);
    expect(bars).toHaveLength(2);
    expect(bars[0]).toBe(bars[1]);
    expect(bars[0]).toMatch(/^MAX\(/);
  });

  test("the problems are counted in the header and link to the Problems sheet, drawn as a link", () => {
    const xml = sheet1();
    const text = `${out.result.problems.length} problems: see the Problems sheet`;
    expect(xml).toContain(`<hyperlink ref="B${SUMMARY_ROWS.problems}" location="&apos;Problems&apos;!A1" display="${text}"/>`.replace(/&apos;/g, "'"));
    const styles = part("xl/styles.xml");
    const xfs = [...styles.slice(styles.indexOf("<cellXfs")).matchAll(/<xf [^>]*fontId="(\d+)"/g)].map((m) => Number(m[1]));
    const fonts = [...styles.slice(styles.indexOf("<fonts"), styles.indexOf("</fonts>")).matchAll(/<font>(.*?)<\/font>/g)].map((m) => m[1]);
    const s = Number(new RegExp(`<c r="B${SUMMARY_ROWS.problems}" s="(\\d+)"`).exec(xml)![1]);
    expect(fonts[xfs[s]]).toMatch(/<u val="single"\/>.*<color rgb="FF0563C1"\/>/);
    // Named fonts: every program draws the same face.
    for (const f of fonts) expect(f).toContain('<name val="Calibri"/>');
  });

  test("Last run is a date-time value in Excel's built-in format 22 (each reader's own format)", () => {
    const xml = sheet1();
    const cell = new RegExp(`<c r="B${SUMMARY_ROWS.lastRun}" s="(\\d+)"><v>([0-9.]+)</v>`).exec(xml)!;
    const styles = part("xl/styles.xml");
    const xfs = [...styles.slice(styles.indexOf("<cellXfs")).matchAll(/<xf numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
    expect(xfs[Number(cell[1])]).toBe(22);
    // 08:30 UTC in the local time of the machine that ran it.
    const offset = -new Date("2026-11-24T08:30:00.000Z").getTimezoneOffset();
    expect(Number(cell[2])).toBeCloseTo(46350 + (8.5 * 60 + offset) / 1440, 6);
  });
});

/** How many consecutive drawn lines from `k` make up `want` (0 when they do not). */
function drawnLines(lines: readonly string[], k: number, want: string): number {
  let got = "";
  for (let n = k; n < lines.length && n < k + 20; n++) {
    got = got === "" ? lines[n] : `${got} ${lines[n]}`;
    if (got === want) return n - k + 1;
    if (!want.startsWith(got)) return 0;
  }
  return 0;
}

describe("a LibreOffice render of the Summary", () => {
  test("shows every flagged customer, its verdict and next step with the advice, and every problem", async () => {
    const shot = await renderFirstSheet(file, tmp);
    const png = await fs.readFile(shot.png);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    if (process.env.UPDATE_SCREENSHOT === "1") await fs.copyFile(shot.png, path.join(__dirname, "..", "docs", "screenshots", "summary.png"));
    const seen = shot.text;
    expect(seen).toContain(`${out.result.problems.length} problems: see the Problems sheet`);
    const flagged = out.result.customers.filter((c) => c.inReport && c.flagged);
    expect(flagged.length).toBe(17);
    for (const c of flagged) {
      expect(seen).toContain(c.name);
      // The next step as the engine words it, advice included (a wrapped cell's lines in order).
      expect(seen).toContain(`${nextStepOf(LABEL[c.verdict])}${customerAdvice(out.result, c.groups)}`.replace(/\s+/g, " "));
    }
    // Each wrapped next step fits its row: the lines LibreOffice drew it in, against the row's height.
    const table = summary.blocks.find((b) => b.id === "summary")!;
    const steps = table.columns[SUMMARY.nextStep - 1];
    let measured = 0;
    for (let i = 0; i < table.rows; i++) {
      const want = String(steps.value!(i)).replace(/\s+/g, " ");
      const first = shot.lines.findIndex((l, k) => l !== "" && want.startsWith(l) && drawnLines(shot.lines, k, want) > 0);
      if (first < 0) continue;
      measured++;
      const lines = drawnLines(shot.lines, first, want);
      expect({ row: i, height: lines * LINE_POINTS }).toEqual({ row: i, height: Math.min(lines * LINE_POINTS, table.heights?.row?.(i) ?? LINE_POINTS) });
    }
    expect(measured).toBeGreaterThan(15);
    // The advice that used to live only on the export sheet (issue 11 point 6).
    expect(seen).toContain("double billing for 22 days; let it expire on 2026-12-18");
    // Issue 13: the money at stake at the top, whole, and each customer's figures in its columns.
    expect(seen).toContain("Money at stake");
    expect(seen).toContain("CHF 28.50 so far, 1.90 a day; EUR 917.30 so far, 52.11 a day (to 2026-11-24; pre-tax, from the reconciliation files given (2 files), never converted; per customer in the last columns).");
    for (const header of ["Double billing so far (CHF)", "Per day (CHF)", "Double billing so far (EUR)", "Per day (EUR)"]) expect(seen).toContain(header);
    for (const figure of ["596.30", "24.61", "229.47", "28.50"]) expect(seen).toContain(figure);
  }, 300_000);
});
