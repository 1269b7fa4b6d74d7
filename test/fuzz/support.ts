/**
 * Fuzzing support: arbitraries for hostile exports, and the row-accounting invariant every
 * run must satisfy — each non-blank data row of each export ends up in a group or in the
 * problems list; none is lost.
 */
import fc from "fast-check";
import { Cell, isBlank } from "../../src/domain/cells";
import { headerRowIndex } from "../../src/domain/headers";
import { ImportFile, distinctFiles } from "../../src/domain/importer";
import { EngineResult } from "../../src/domain/model";
import { CUSTOMER_HEADERS, LANGUAGES, STATUS_WORDS, SUBSCRIPTION_HEADERS } from "../support/languages";

const words = [
  ...LANGUAGES.flatMap((l) => SUBSCRIPTION_HEADERS[l]),
  ...LANGUAGES.flatMap((l) => CUSTOMER_HEADERS[l]),
  ...LANGUAGES.flatMap((l) => Object.values(STATUS_WORDS[l]).flat()),
  "Offer ID", "Term", "P1Y", "P1M", "MS-AZR-0145P", "DZH318Z0BPS6:0001:DZH318Z0BML6", "CFQ7TTC0LH18:0001:CFQ7TTC0K971",
  "Azure plan", "Microsoft Azure", "Office 365 E3", "Decision", "Exclude", "Total", "Usage-based",
  "=1+1", "+1", "-1", "@SUM(A1)", " =2*3", "\t=A1", "\n@x", "=HYPERLINK(\"http://x\",\"y\")",
  "3f1c2d4e-0000-4000-8000-000000000001", "{3F1C2D4E-0000-4000-8000-000000000001}", "contoso.onmicrosoft.com",
  "25", "25,0", "25.0", "1,000", "-3", "abc", "", " ", "0", "999999999", "1000000000",
];

export const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<Cell>(...words) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 2_000_000_000 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom<Cell>(null, { error: "#N/A" }, { error: "#VALUE!" }) },
  { weight: 1, arbitrary: fc.nat(5).map((n) => "x".repeat(n * 20_000)) },
);

/** A grid that starts, more often than not, with a recognisable header in some language. */
export const gridArb: fc.Arbitrary<Cell[][]> = fc
  .tuple(
    fc.constantFrom(...LANGUAGES),
    fc.boolean(),
    fc.array(fc.array(cellArb, { maxLength: 9 }), { maxLength: 14 }),
    fc.array(fc.nat(8), { maxLength: 3 }),
  )
  .map(([lang, withHeader, rows, drops]) => {
    if (!withHeader) return rows;
    let header: Cell[] = [...SUBSCRIPTION_HEADERS[lang]];
    for (const d of drops) header = header.filter((_, i) => i !== d);
    return [header, ...rows];
  });

export const fileArb: fc.Arbitrary<ImportFile> = fc
  .record({
    role: fc.constantFrom<"from" | "to">("from", "from", "to"),
    account: fc.constantFrom("FR", "DE", "fr", "NL"),
    name: fc.oneof(fc.constantFrom("Contoso", "contoso.onmicrosoft.com", "3f1c2d4e-0000-4000-8000-000000000001", "Customers", "offer-map", "accounts"), fc.string({ maxLength: 10 })),
    grid: fc.option(gridArb, { freq: 8 }),
  })
  .map(({ role, account, name, grid }) => {
    const path = role === "to" ? `to/${name}.csv` : `from/${account}/${name}.csv`;
    return { path, role, account: role === "to" ? "New" : account, grid, error: grid === null ? "garbage bytes" : undefined } as ImportFile;
  });

export interface Accounting {
  dataRows: number;
  grouped: number;
  inProblems: number;
}

/**
 * Every non-blank data row of every subscription export is either in a group or named by a
 * problem (its own row, or its file as a whole). Returns the tallies; throws on a lost row.
 */
export function accountRows(files: readonly ImportFile[], result: EngineResult, isSubscriptionFile: (f: ImportFile) => boolean): Accounting {
  const tally: Accounting = { dataRows: 0, grouped: 0, inProblems: 0 };
  const fileProblem = new Set(result.problems.filter((p) => p.row === 0).map((p) => p.source.toLowerCase()));
  const rowProblem = new Set(result.problems.filter((p) => p.row > 0).map((p) => `${p.source.toLowerCase()}\u0000${p.row}`));
  const rowsBySource = new Map<string, Map<number, typeof result.rows[number]>>();
  for (const r of result.rows) {
    const src = result.sources[r.source].source.toLowerCase();
    let m = rowsBySource.get(src);
    if (!m) rowsBySource.set(src, (m = new Map()));
    if (m.has(r.row)) throw new Error(`row ${r.row} of ${src} appears twice in the result`);
    m.set(r.row, r);
  }
  for (const f of distinctFiles(files)) {
    if (!isSubscriptionFile(f)) continue;
    const grid = f.grid ?? [];
    const h = headerRowIndex(grid);
    const src = f.path.toLowerCase();
    grid.forEach((row, i) => {
      if (i <= h || row.every(isBlank)) return;
      tally.dataRows++;
      const r = rowsBySource.get(src)?.get(i + 1);
      if (r && r.group !== null) tally.grouped++;
      else if (rowProblem.has(`${src}\u0000${i + 1}`) || fileProblem.has(src)) tally.inProblems++;
      else throw new Error(`row ${i + 1} of ${f.path} is in no group and no problem: ${JSON.stringify(row).slice(0, 200)}`);
    });
  }
  return tally;
}
