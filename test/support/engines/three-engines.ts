/**
 * The three-engine formula check (docs/DESIGN.md "Proving it without Excel"): one written
 * .xlsx recalculated by LibreOffice, Gnumeric and HyperFormula, and every formula cell compared
 * with one rule (./compare): the engines with each other, and each with the value the file
 * stores when it stores values. LibreOffice is the reference the others are compared with: it
 * is the engine the semantic check has trusted longest, and any value it gets wrong fails that
 * check.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { recalculate as recalculateLibreOffice } from "../libreoffice";
import { Mismatch, compareFormulaCells, mismatchLine, summarize } from "./compare";
import { recalculateGnumeric } from "./gnumeric";
import { recalculateHyperFormula } from "./hyperformula";
import { pinXlsx } from "./pin";
import { BookValues, CellValue, Pins, XBook } from "./types";
import { storedState, storedValues } from "./values";
import { readBook } from "./xlsx-book";

export type EngineName = "libreoffice" | "gnumeric" | "hyperformula";
export const ENGINE_LABEL: Record<EngineName, string> = { libreoffice: "LibreOffice", gnumeric: "Gnumeric", hyperformula: "HyperFormula" };
/** The engines compared with the reference, LibreOffice. */
const OTHERS = ["gnumeric", "hyperformula"] as const;

/**
 * A formula known to give another value in some engines, kept so the check stays green until
 * the formula is rewritten. Its cells are pinned to LibreOffice's values in those engines, so
 * every cell downstream must then agree: a disagreement anywhere else still fails.
 */
export interface KnownDisagreement {
  readonly id: string;
  readonly sheet: string;
  /** Matches the file formula text (with `_xlfn.`) of the cells that disagree. */
  readonly formula: RegExp;
  readonly engines: readonly Exclude<EngineName, "libreoffice">[];
  readonly why: string;
}

export interface KnownOutcome {
  readonly id: string;
  readonly engine: EngineName;
  /** Formula cells the entry matches. */
  readonly cells: number;
  /**
   * Of them, those that differ from LibreOffice before pinning. A workbook may have none (no
   * input that triggers it); the caller checks that each entry still disagrees somewhere.
   */
  readonly disagreeing: number;
  /** Other formula cells that differ before pinning (and agree once pinned). */
  readonly downstream: number;
  /** The unpinned run's disagreements by column (what the lead reads). */
  readonly columns: readonly string[];
}

export interface FormulaCheck {
  readonly book: XBook;
  readonly formulaCells: number;
  /** Each engine's values of every cell; for an engine with a known disagreement, the pinned run's. */
  readonly values: Record<EngineName, BookValues>;
  /** Formula cells where Gnumeric or HyperFormula differ from LibreOffice, by column: must be empty. */
  readonly disagreements: readonly string[];
  readonly mismatches: Record<Exclude<EngineName, "libreoffice">, readonly Mismatch[]>;
  readonly known: readonly KnownOutcome[];
  /** Known disagreements whose formula is gone from the workbook: must be empty (remove the entry). */
  readonly staleKnown: readonly string[];
  readonly stored: {
    readonly state: "all" | "none" | "partial";
    /** Cells where an engine's value differs from the stored one, or that store nothing: must be empty. */
    readonly mismatches: readonly string[];
  };
  /** Wall time of each engine, reading its result included (LibreOffice and Gnumeric run side by side). */
  readonly seconds: Record<EngineName, number>;
}

export interface CheckOptions {
  readonly known?: readonly KnownDisagreement[];
  /**
   * Compare stored values with the engines (default true). False for a file whose data cells
   * were edited after its values were stored: its stored values are legitimately stale.
   */
  readonly compareStored?: boolean;
  /** Most lines of one kind in a report. */
  readonly maxLines?: number;
}

async function timed<T>(f: () => Promise<T> | T): Promise<{ value: T; seconds: number }> {
  const t0 = process.hrtime.bigint();
  const value = await f();
  return { value, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}

function capped(lines: string[], max: number): string[] {
  return lines.length <= max ? lines : [...lines.slice(0, max), `… and ${lines.length - max} more`];
}

async function gnumericValues(file: string, dir: string): Promise<BookValues> {
  return storedValues(await readBook(await recalculateGnumeric(file, dir)));
}

/** Recalculates `file` in the three engines and compares every formula cell. */
export async function checkFormulas(file: string, workDir: string, options: CheckOptions = {}): Promise<FormulaCheck> {
  const max = options.maxLines ?? 40;
  await fs.mkdir(workDir, { recursive: true });
  const book = await readBook(file);
  // LibreOffice and Gnumeric are separate processes and run side by side; HyperFormula computes
  // in this process afterwards (synchronously: run alongside, it would hold up their start).
  const [libreoffice, gnumeric] = await Promise.all([
    timed(async () => storedValues(await readBook(await recalculateLibreOffice(file, path.join(workDir, "libreoffice"))))),
    timed(() => gnumericValues(file, path.join(workDir, "gnumeric"))),
  ]);
  const hf = await timed(() => recalculateHyperFormula(book));
  const values: Record<EngineName, BookValues> = { libreoffice: libreoffice.value, gnumeric: gnumeric.value, hyperformula: hf.value };
  const seconds = { libreoffice: libreoffice.seconds, gnumeric: gnumeric.seconds, hyperformula: hf.seconds };

  const known: KnownOutcome[] = [];
  const staleKnown: string[] = [];
  const disagreements: string[] = [];
  const mismatches = {} as Record<(typeof OTHERS)[number], Mismatch[]>;
  for (const engine of OTHERS) {
    const label = ENGINE_LABEL[engine];
    const raw = compareFormulaCells(book, values.libreoffice, values[engine]);
    const pins = new Map<string, Map<string, CellValue>>();
    const outcomes: Omit<KnownOutcome, "downstream">[] = [];
    for (const k of (options.known ?? []).filter((k) => k.engines.includes(engine))) {
      const cells = [...(book.sheets.get(k.sheet)?.cells.values() ?? [])].filter((c) => c.formula !== undefined && k.formula.test(c.formula));
      const at = new Set(cells.map((c) => c.address));
      const disagreeing = raw.filter((m) => m.sheet === k.sheet && at.has(m.address)).length;
      if (cells.length === 0) staleKnown.push(`${k.id}: no formula on '${k.sheet}' matches ${k.formula} any more; remove it from KNOWN_DISAGREEMENTS`);
      const sheetPins = pins.get(k.sheet) ?? new Map<string, CellValue>();
      for (const c of cells) sheetPins.set(c.address, values.libreoffice.get(k.sheet)?.get(c.address) ?? null);
      pins.set(k.sheet, sheetPins);
      outcomes.push({ id: k.id, engine, cells: cells.length, disagreeing, columns: summarize(book, raw, "LibreOffice", label) });
    }
    let final = raw;
    if (outcomes.some((o) => o.cells > 0)) {
      const pinned = engine === "gnumeric" ? await pinnedGnumeric(file, workDir, pins) : recalculateHyperFormula(book, pins);
      values[engine] = pinned;
      final = compareFormulaCells(book, values.libreoffice, pinned, (sheet, address) => pins.get(sheet)?.has(address) ?? false);
    }
    const pinnedDisagreeing = outcomes.reduce((n, o) => n + o.disagreeing, 0);
    known.push(...outcomes.map((o) => ({ ...o, downstream: raw.length - pinnedDisagreeing - final.length })));
    mismatches[engine] = final;
    disagreements.push(...capped(summarize(book, final, "LibreOffice", label), max));
  }

  const state = storedState(book);
  const storedLines: string[] = [];
  if (state.state === "partial") {
    storedLines.push(...capped(state.missing.map((a) => `${a} stores no value (${state.formulas - state.missing.length} of ${state.formulas} formula cells do)`), max));
  } else if (state.state === "all" && options.compareStored !== false) {
    const stored = storedValues(book);
    for (const engine of Object.keys(ENGINE_LABEL) as EngineName[]) {
      const diff = compareFormulaCells(book, stored, values[engine]);
      storedLines.push(...capped(diff.map((m) => mismatchLine(m, "stored", ENGINE_LABEL[engine])), max));
    }
  }
  return {
    book,
    formulaCells: state.formulas,
    values,
    disagreements,
    mismatches,
    known,
    staleKnown: [...new Set(staleKnown)],
    stored: { state: state.state, mismatches: storedLines },
    seconds,
  };
}

async function pinnedGnumeric(file: string, workDir: string, pins: Pins): Promise<BookValues> {
  const copy = path.join(workDir, `${path.basename(file, ".xlsx")}-pinned.xlsx`);
  await fs.writeFile(copy, pinXlsx(await fs.readFile(file), pins));
  return gnumericValues(copy, path.join(workDir, "gnumeric"));
}
