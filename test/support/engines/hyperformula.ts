/**
 * Recalculating a workbook in HyperFormula, the third engine of the formula check: every sheet
 * of the file (values and formulas, as ./xlsx-book read them) and its defined names are loaded
 * into one HyperFormula instance, which computes every formula itself; stored results are not
 * loaded.
 *
 * The configuration is HyperFormula's default except where a default differs from Excel in a
 * way HyperFormula documents as configuration (its guide "Compatibility with Microsoft Excel"),
 * listed in EXCEL_SEMANTICS. One Excel setting of that guide is deliberately NOT taken:
 * `useArrayArithmetic: true`. Our formulas must not depend on any engine's array behaviour
 * (issue 14 §4), and HyperFormula's default (no array arithmetic outside array functions) is
 * what exposes a formula that does. No function is patched or redefined.
 */
import { ConfigParams, HyperFormula, RawCellContent, Sheets } from "hyperformula";
import { bareFormula } from "../../../src/layout/a1";
import { BookValues, CellValue, Pins, XBook, isCellError } from "./types";

export const EXCEL_SEMANTICS: Partial<ConfigParams> = {
  licenseKey: "gpl-v3",
  // Excel compares text case-insensitively but accent-sensitively: "é"="e" is FALSE.
  accentSensitive: true,
  localeLang: "en-US",
  // A formula whose result is an empty cell shows 0 in Excel (=A5 with A5 empty).
  evaluateNullToZero: true,
  // Excel's 1900 serials, phantom 1900-02-29 included: DATE(1900,1,1) is 1, DATE(2026,11,24) is 46350.
  leapYear1900: true,
  nullDate: { year: 1899, month: 12, day: 31 },
  // Text read as a date by "--" or arithmetic, as Excel en-US reads it (our formulas never do).
  dateFormats: ["MM/DD/YYYY", "MM/DD/YY", "YYYY/MM/DD"],
  ignoreWhiteSpace: "any",
};

/** Excel's TRUE and FALSE keywords, which HyperFormula only knows as functions TRUE() and FALSE(). */
const EXCEL_KEYWORDS = [
  { name: "TRUE", expression: "=TRUE()" },
  { name: "FALSE", expression: "=FALSE()" },
];

/**
 * A cell as HyperFormula's input: a formula as "=" + text without `_xlfn.` prefixes; text always
 * behind an apostrophe, which HyperFormula strips, so "12", "=1+1" or "TRUE" stay text as they
 * are in the file; an error as its text, which HyperFormula reads as that error.
 */
function content(formula: string | undefined, value: CellValue): RawCellContent {
  if (formula !== undefined) return `=${bareFormula(formula)}`;
  if (value === null || typeof value === "number" || typeof value === "boolean") return value;
  if (isCellError(value)) return value.error;
  return `'${value}`;
}

function plain(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  const e = v as { value?: unknown };
  return { error: String(e.value ?? v) };
}

/** Every cell's computed value, by sheet and address, as ./types BookValues. */
export function recalculateHyperFormula(book: XBook, pins: Pins = new Map()): BookValues {
  const sheets: Sheets = {};
  let maxRows = 0;
  let maxColumns = 0;
  for (const s of book.sheets.values()) {
    const grid: RawCellContent[][] = Array.from({ length: s.maxRow }, () => new Array<RawCellContent>(s.maxCol).fill(null));
    const pinned = pins.get(s.name);
    for (const c of s.cells.values()) {
      grid[c.row - 1][c.col - 1] = pinned?.has(c.address) ? content(undefined, pinned.get(c.address)!) : content(c.formula, c.value);
    }
    sheets[s.name] = grid;
    maxRows = Math.max(maxRows, s.maxRow);
    maxColumns = Math.max(maxColumns, s.maxCol);
  }
  const names = [
    ...EXCEL_KEYWORDS,
    ...book.names
      .filter((n) => !n.name.startsWith("_xlnm."))
      .map((n) => ({ name: n.name, expression: `=${bareFormula(n.ref)}`, ...(n.sheet !== undefined ? { scope: [...book.sheets.keys()].indexOf(n.sheet) } : {}) })),
  ];
  // maxRows/maxColumns are capacity limits (default 40,000 rows), not semantics.
  const hf = HyperFormula.buildFromSheets(
    sheets,
    { ...EXCEL_SEMANTICS, maxRows: Math.max(HyperFormula.defaultConfig.maxRows, maxRows), maxColumns: Math.max(HyperFormula.defaultConfig.maxColumns, maxColumns) },
    names,
  );
  try {
    const out = new Map<string, Map<string, CellValue>>();
    for (const s of book.sheets.values()) {
      const id = hf.getSheetId(s.name)!;
      const values = new Map<string, CellValue>();
      for (const c of s.cells.values()) values.set(c.address, plain(hf.getCellValue({ sheet: id, row: c.row - 1, col: c.col - 1 })));
      out.set(s.name, values);
    }
    return out;
  } finally {
    hf.destroy();
  }
}
