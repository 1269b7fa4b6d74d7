/**
 * Property-based fuzzing of the readers, the importer, the engine, the report and the layout
 * plan with hostile exports. Never an uncaught error; every data row accounted for.
 * CI runs a fixed budget; `npm run fuzz` runs 10,000+ cases (FUZZ_RUNS).
 */
import fc from "fast-check";
import { promises as fs } from "fs";
import * as path from "path";
import { reconcileImports } from "../../src/cli/run";
import { ImportFile, detectKind } from "../../src/domain/importer";
import { decodeText, parseCsv } from "../../src/domain/readers/csv";
import { isFormula } from "../../src/layout/types";
import { writtenWorkbook } from "../support/written";
import { Accounting, accountRows, fileArb } from "./support";
import { randomExports, Rng } from "../support/random-exports";
import { Cell } from "../../src/domain/cells";

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const stats = { cases: 0, files: 0, faults: 0, dataRows: 0, grouped: 0, inProblems: 0, workbooksWritten: 0, byFault: {} as Record<string, number> };

function add(a: Accounting) {
  stats.dataRows += a.dataRows;
  stats.grouped += a.grouped;
  stats.inProblems += a.inProblems;
}

/** Runs everything a user's run would, forcing every lazily planned cell. */
function runAll(files: ImportFile[]): Accounting {
  const out = reconcileImports(files, { asOf: "2026-11-24", fixedAsOf: true, runAt: "fuzz" });
  JSON.stringify(out.report);
  for (const sheet of out.plan.sheets) {
    for (const block of sheet.blocks) {
      for (const col of block.columns) {
        for (let i = 0; i < block.rows; i++) {
          const c = col.cell(i);
          if (isFormula(c) && c.f.length > 8000) throw new Error(`formula too long in ${sheet.name}`);
        }
      }
    }
  }
  stats.cases++;
  stats.files += files.length;
  return accountRows(files, out.result, (f) => (f.kind ?? detectKind(f.path, f.grid)) === "subscriptions");
}

afterAll(async () => {
  const dir = path.join(__dirname, "..", "..", "test-output");
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, "fuzz-stats.json"), JSON.stringify({ runs: RUNS, seed: SEED, ...stats }, null, 2));
});

describe("CSV bytes", () => {
  test("random bytes decode and split into rows without throwing", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const rows = parseCsv(decodeText(bytes));
        expect(Array.isArray(rows)).toBe(true);
        stats.cases++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  test("any text with any delimiter: every record comes back with its cells", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 8 }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }), fc.constantFrom(",", ";", "\t"), fc.constantFrom("\n", "\r\n"), (rows, delim, eol) => {
        const quoteCell = (c: string) => `"${c.replace(/"/g, '""')}"`;
        const text = rows.map((r) => r.map(quoteCell).join(delim)).join(eol);
        const back = parseCsv(text);
        // All fields quoted: the delimiter is the most frequent one outside quotes.
        if (rows[0].length > 1) expect(back).toEqual(rows);
        stats.cases++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

describe("hostile export sets", () => {
  test("random files: no uncaught error, every row accounted for", () => {
    fc.assert(
      fc.property(fc.array(fileArb, { minLength: 1, maxLength: 8 }), (files) => {
        add(runAll(files));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  const FAULTS: Record<string, (g: Cell[][], r: Rng) => Cell[][]> = {
    dropColumn: (g, r) => g.map((row) => row.filter((_, i) => i !== r.int(0, 4))),
    duplicateColumn: (g, r) => {
      const k = r.int(0, 4);
      return g.map((row) => [...row.slice(0, k + 1), row[k] ?? null, ...row.slice(k + 1)]);
    },
    renameHeader: (g, r) => [g[0].map((c, i) => (i === r.int(0, 4) ? `${String(c)} (old)` : c)), ...g.slice(1)],
    extraColumns: (g) => g.map((row, i) => [...row, i === 0 ? "Notes" : "n/a", i === 0 ? "Offer ID" : "MS-AZR-0145P"]),
    blankAndTotalRows: (g) => [...g.slice(0, 2), [], ["", "", "", ""], ...g.slice(2), ["Total", "", "123", ""]],
    hugeCells: (g, r) => g.map((row, i) => (i === 0 ? row : row.map((c) => (r.chance(0.2) ? "y".repeat(40_000) : c)))),
    excelTyped: (g, r) => g.map((row, i) => (i === 0 ? row : row.map((c) => (typeof c === "string" && /^\d+$/.test(c) ? Number(c) : r.chance(0.1) ? r.pick<Cell>([true, { error: "#N/A" }, 45000.5]) : c)))),
    wrongDelimiter: (g) => g.map((row) => [row.map((c) => (c === null ? "" : String(typeof c === "object" ? c.error : c))).join(";")]),
    shuffledRows: (g, r) => [g[0], ...g.slice(1).sort(() => r.next() - 0.5)],
    injection: (g, r) => g.map((row, i) => (i === 0 ? row : row.map((c) => (r.chance(0.2) ? r.pick<Cell>(["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)", " \t=A1", "\n=2"]) : c)))),
  };

  test("mutated realistic exports: every fault, no uncaught error, every row accounted for", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.array(fc.constantFrom(...Object.keys(FAULTS)), { minLength: 1, maxLength: 3 }), (seed, faults) => {
        const r = new Rng(seed);
        const files = randomExports({ seed, customers: r.int(1, 6), mess: 0.3 }).map((f) => {
          if (!f.grid || f.kind !== "subscriptions" || !r.chance(0.5)) return f;
          let grid = f.grid;
          for (const fault of faults) {
            grid = FAULTS[fault](grid, r);
            stats.faults++;
            stats.byFault[fault] = (stats.byFault[fault] ?? 0) + 1;
          }
          return { ...f, grid };
        });
        add(runAll(files));
      }),
      { numRuns: Math.max(20, Math.floor(RUNS / 3)), seed: SEED },
    );
  });

  test("random files: the command's workbook is always a file exceljs opens again, text intact", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fileArb, { minLength: 1, maxLength: 5 }), async (files) => {
        const out = reconcileImports(files, { asOf: "2026-11-24", fixedAsOf: true, runAt: "fuzz" });
        const wb = await writtenWorkbook(out.inputSheets, out.plan);
        for (const sheet of out.inputSheets) {
          const ws = wb.getWorksheet(sheet.name);
          expect(ws).toBeDefined();
          sheet.rows.forEach((cells, r) =>
            cells.forEach((c, i) => {
              if (typeof c === "string" && c !== "") expect(ws!.getCell(r + 1, i + 1).value).toBe(c);
            }),
          );
        }
        stats.workbooksWritten++;
        stats.cases++;
      }),
      { numRuns: Math.max(15, Math.floor(RUNS / 20)), seed: SEED },
    );
  });

  test("thousands of files in one run", () => {
    const files = randomExports({ seed: 99, customers: 1500, oldAccounts: 4 });
    expect(files.length).toBeGreaterThan(2000);
    add(runAll(files));
  });

  test("the same input gives the same report", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const files = randomExports({ seed, customers: 5, mess: 0.3 });
        const a = reconcileImports(files, { asOf: "2026-11-24", fixedAsOf: true, runAt: "x" }).report;
        const b = reconcileImports([...files].reverse(), { asOf: "2026-11-24", fixedAsOf: true, runAt: "x" }).report;
        expect(b).toEqual(a);
        stats.cases++;
      }),
      { numRuns: Math.max(10, Math.floor(RUNS / 10)), seed: SEED },
    );
  });
});
