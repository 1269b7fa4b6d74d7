/**
 * A reconciliation file as the add-in keeps it on a sheet (domain/billing-sheet.ts): only the
 * columns spec §9 reads, and read back exactly as the file itself is read — the same lines,
 * dates, amounts, problems and rows cited. The pane's streaming read of a CSV
 * (readers/billing-csv.ts) gives the same sheet as reading the whole file.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { Cell } from "../../src/domain/cells";
import { BillingData, BillingReader, readBillingGrid } from "../../src/domain/charges";
import { billingSheetGrid, billingSheetName } from "../../src/domain/billing-sheet";
import { readCsv } from "../../src/domain/readers/csv";
import { readBillingCsv } from "../../src/domain/readers/billing-csv";
import { LEGACY_HEADER, legacyGrid, nceGrid } from "./support/billing";

const SAMPLES = path.join(__dirname, "..", "..", "samples");
const FILES = ["billing/FR license-based 2025-12 to 2026-11.csv", "billing/DE new-commerce 2026-08 to 2026-11.csv"];

/** A billing sheet read as the add-in reads an imported one: the file's header, each line citing its file row. */
function readSheet(source: string, rows: readonly (readonly Cell[])[]): BillingData {
  const reader = new BillingReader();
  const file = reader.file(source);
  file.row(rows[0].slice(2), 1);
  rows.slice(1).forEach((r) => file.row(r.slice(2), r[1] as number));
  file.end();
  return reader.data();
}

function readFile(source: string, grid: readonly (readonly Cell[])[]): BillingData {
  const reader = new BillingReader();
  readBillingGrid(reader, source, grid);
  return reader.data();
}

const sheetOf = (p: string, grid: Cell[][]) => {
  const g = billingSheetGrid(p, grid);
  if (!g.ok) throw new Error(g.problem.message);
  return g;
};

describe("the samples' reconciliation files on their sheets", () => {
  test.each(FILES)("%s: the seven columns, every line, read back as the file is", async (p) => {
    const grid = readCsv(await fs.readFile(path.join(SAMPLES, p)));
    const sheet = sheetOf(p, grid);
    expect(sheet.rows[0].slice(0, 2)).toEqual(["Source file", "Source row"]);
    expect(sheet.rows[0]).toHaveLength(9);
    expect(sheet.lines).toBe(grid.length - 1);
    const fromSheet = readSheet(p, sheet.rows);
    const fromFile = readFile(p, grid);
    expect(fromSheet.lines.all()).toEqual(fromFile.lines.all());
    expect(fromSheet.files).toEqual(fromFile.files);
    expect(fromSheet.problems).toEqual(fromFile.problems);
  });

  test.each(FILES)("%s: the pane's streaming read gives the same sheet as the whole file", async (p) => {
    const bytes = await fs.readFile(path.join(SAMPLES, p));
    expect(sheetOf(p, readBillingCsv(bytes)).rows).toEqual(sheetOf(p, readCsv(bytes)).rows);
  });

  test("the sheet's name: the file's, after Billing, within Excel's 31 characters", () => {
    expect(FILES.map(billingSheetName)).toEqual(["Billing FR license-based 2025-1", "Billing DE new-commerce 2026-08"]);
    expect(billingSheetName("billing/a:b?.csv")).toBe("Billing a b");
  });
});

describe("cells are changed only where the reading cannot change", () => {
  const id = "3297c969-a12d-482b-a3f5-8c30e0e29095";

  test("amounts the reader reads become numbers; an ambiguous one stays as written (a BAD_VALUE either way)", () => {
    const grid = nceGrid([
      { id, start: "2026-11-01", end: "2026-11-30", subtotal: "157,26" },
      { id, start: "2026-11-01", end: "2026-11-30", subtotal: "1,234" },
      { id, start: "2026-11-01", end: "2026-11-30", subtotal: -12.5 },
    ]);
    const sheet = sheetOf("billing/x.csv", grid);
    expect(sheet.rows.slice(1).map((r) => r[5])).toEqual([157.26, "1,234", -12.5]);
    const fromSheet = readSheet("billing/x.csv", sheet.rows);
    const fromFile = readFile("billing/x.csv", grid);
    expect(fromSheet.lines.all()).toEqual(fromFile.lines.all());
    expect(fromSheet.badLines).toEqual(fromFile.badLines);
    expect(fromSheet.badLines).toHaveLength(1);
  });

  test("a date held as a serial day becomes its ISO text; slash dates stay as the file wrote them (the file's order decides)", () => {
    const grid = nceGrid([
      { id, start: 46327, end: 46356.99, subtotal: "10" },
      { id, start: "3/4/2026", end: "25/4/2026", subtotal: "10" },
    ]);
    const sheet = sheetOf("billing/x.xlsx", grid);
    expect(sheet.rows.slice(1).map((r) => [r[3], r[4]])).toEqual([
      ["2026-11-01", "2026-11-30"],
      ["3/4/2026", "25/4/2026"],
    ]);
    expect(readSheet("billing/x.xlsx", sheet.rows).lines.all()).toEqual(readFile("billing/x.xlsx", grid).lines.all());
  });
});

describe("files the import refuses, with the command's problem", () => {
  test("a legacy file without its key column is a legacy file missing it, also when streamed (its header is kept whole)", () => {
    const header = LEGACY_HEADER.filter((h) => h !== "SyndicationPartnerSubscriptionNumber");
    const grid = legacyGrid([{ id: "x", start: "2026-11-01", end: "2026-11-30", subtotal: "10" }], header);
    const refused = billingSheetGrid("billing/legacy.csv", grid);
    expect(refused).toEqual({ ok: false, problem: { source: "billing/legacy.csv", row: 0, code: "MISSING_COLUMN", message: readFile("billing/legacy.csv", grid).problems[0].message } });
    expect(refused.ok || refused.problem.message).toMatch(/^Legacy license-based reconciliation file: missing column SyndicationPartnerSubscriptionNumber/);
    const csv = Buffer.from(grid.map((r) => r.join(",")).join("\r\n"));
    expect(billingSheetGrid("billing/legacy.csv", readBillingCsv(csv))).toEqual(refused);
  });

  test("an empty file, and one that could not be decoded", () => {
    expect(billingSheetGrid("billing/empty.csv", [[""], []])).toEqual({ ok: false, problem: { source: "billing/empty.csv", row: 0, code: "EMPTY_FILE", message: "The billing file is empty" } });
    expect(billingSheetGrid("billing/broken.xlsx", null, "The file could not be read as an Excel workbook (.xlsx)")).toEqual({
      ok: false,
      problem: { source: "billing/broken.xlsx", row: 0, code: "UNREADABLE_FILE", message: "The file could not be read as an Excel workbook (.xlsx)" },
    });
  });
});
