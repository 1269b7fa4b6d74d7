/**
 * The streaming-writer prototype against the product's writer:
 *
 *   node build/bench/bench/compare-writers.js compare <exports folder>   same cells, formulas, formats, sheets?
 *   node build/bench/bench/compare-writers.js write <exports folder> <out.xlsx> product|streaming
 *
 * "write" is what the command does (scan, reconcile, write the workbook) with either writer, for
 * timing and peak memory under /usr/bin/time -v. Investigation only; docs/PERFORMANCE.md quotes it.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { scanFolder } from "../src/cli/folder";
import { reconcileImports } from "../src/cli/run";
import { writeWorkbookFile } from "../src/xlsx/writer";
import { AS_OF } from "./generate";
import { writeWorkbookStreaming } from "./stream-writer";

function describe(cell: ExcelJS.Cell): string {
  const v = cell.value as unknown;
  let content: string;
  if (v !== null && typeof v === "object" && ("formula" in (v as object) || "sharedFormula" in (v as object))) content = `=${cell.formula}`;
  else content = JSON.stringify(v ?? null);
  return `${content} ${cell.numFmt ?? ""} ${JSON.stringify(cell.font ?? {})} ${JSON.stringify(cell.fill ?? {})}`;
}

async function compare(folder: string): Promise<void> {
  const out = reconcileImports((await scanFolder(folder)).files, { asOf: AS_OF, fixedAsOf: true, runAt: "2026-11-24T09:30:00.000Z" });
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-writers-"));
  const a = path.join(dir, "product.xlsx");
  const b = path.join(dir, "streaming.xlsx");
  await writeWorkbookFile(a, out.inputSheets, out.plan);
  await writeWorkbookStreaming(b, out.inputSheets, out.plan);
  const [x, y] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
  await x.xlsx.readFile(a);
  await y.xlsx.readFile(b);
  const diffs: string[] = [];
  let cells = 0;
  const names = (wb: ExcelJS.Workbook) => wb.worksheets.map((w) => `${w.name}:${w.state}`).join(", ");
  if (names(x) !== names(y)) diffs.push(`sheets: ${names(x)} vs ${names(y)}`);
  for (const wx of x.worksheets) {
    const wy = y.getWorksheet(wx.name);
    if (!wy) continue;
    const seen = new Set<string>();
    const visit = (w: ExcelJS.Worksheet, other: ExcelJS.Worksheet) =>
      w.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          if (seen.has(cell.address)) return;
          seen.add(cell.address);
          cells++;
          const d1 = describe(cell);
          const d2 = describe(other.getCell(cell.address));
          if (d1 !== d2 && diffs.length < 20) diffs.push(`${wx.name}!${cell.address}: ${d1} | ${d2}`);
        }),
      );
    visit(wx, wy);
    visit(wy, wx);
    for (let c = 1; c <= Math.max(wx.columnCount, wy.columnCount); c++) {
      const [cx, cy] = [wx.getColumn(c), wy.getColumn(c)];
      if ((cx.width ?? null) !== (cy.width ?? null) || Boolean(cx.hidden) !== Boolean(cy.hidden)) diffs.push(`${wx.name} column ${c}: width ${cx.width}/${cy.width} hidden ${cx.hidden}/${cy.hidden}`);
    }
    const extra = (w: ExcelJS.Worksheet) =>
      JSON.stringify([w.views, w.autoFilter, w.properties.tabColor, (w as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings?.length, Object.keys((w as unknown as { dataValidations: { model: object } }).dataValidations.model).length]);
    if (extra(wx) !== extra(wy)) diffs.push(`${wx.name}: ${extra(wx)} vs ${extra(wy)}`);
  }
  if (JSON.stringify(x.definedNames.model) !== JSON.stringify(y.definedNames.model)) diffs.push("defined names differ");
  process.stdout.write(`${cells} cells compared; ${diffs.length} differences\n${diffs.join("\n")}\n`);
  await fs.rm(dir, { recursive: true, force: true });
}

async function write(folder: string, file: string, which: string): Promise<void> {
  const scan = await scanFolder(folder);
  const out = reconcileImports(scan.files, { asOf: AS_OF, fixedAsOf: true });
  const t = performance.now();
  if (which === "streaming") await writeWorkbookStreaming(file, out.inputSheets, out.plan);
  else await writeWorkbookFile(file, out.inputSheets, out.plan);
  process.stderr.write(`${which} writer: ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
}

const [mode, ...args] = process.argv.slice(2);
(mode === "compare" ? compare(args[0]) : write(args[0], args[1], args[2])).catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
