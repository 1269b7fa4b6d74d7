/**
 * A small builder of Partner Center export sets for the domain tests: files are laid out as in
 * the folder of spec §6 (from/<account>/<customer>.csv, to/<customer>.csv, Customers.csv,
 * offer-map.csv, accounts.csv), with CSV-like string cells, and go through the same path as
 * the headless command: importFiles → sheets → readWorkbook → reconcile.
 */
import { Cell, isoToSerial } from "../../../src/domain/cells";
import { reconcile } from "../../../src/domain/engine";
import { ImportFile, importFiles } from "../../../src/domain/importer";
import { CustomerResult, EngineInput, EngineResult, GroupResult, Problem, RowResult } from "../../../src/domain/model";
import { Report, buildReport } from "../../../src/domain/report";
import { SHEETS, SheetData, accountsSheet, offerMapSheet, readWorkbook, sourcesSheet } from "../../../src/domain/workbook";

export const AS_OF = "2026-11-24";
export const SUB_HEADER = ["Subscription ID", "Subscription", "Quantity", "Status", "Reseller"] as const;
export const LIST_HEADER = ["Microsoft ID", "Company name", "Primary domain name", "Relationship"] as const;

/** One subscription row. Other columns go in `cols`, keyed by their header text. */
export interface Sub {
  readonly id?: string;
  readonly offer?: Cell;
  readonly qty?: Cell;
  readonly status?: Cell;
  readonly cols?: Readonly<Record<string, Cell>>;
}

export interface Entry {
  readonly id: string;
  readonly name: string;
  readonly domain?: string;
}

let guidSeq = 0;
/** A fresh lower-case GUID, unique within the test run. */
export function guid(): string {
  guidSeq++;
  return `00000000-0000-4000-8000-${guidSeq.toString(16).padStart(12, "0")}`;
}

/** The grid of one subscription export: the documented columns, then every `cols` header in order. */
export function subscriptionGrid(rows: readonly Sub[], header: readonly string[] = SUB_HEADER): Cell[][] {
  const extra: string[] = [];
  for (const r of rows) for (const k of Object.keys(r.cols ?? {})) if (!extra.includes(k)) extra.push(k);
  const grid: Cell[][] = [[...header, ...extra]];
  for (const r of rows) {
    grid.push([r.id ?? guid(), r.offer ?? "", r.qty ?? "", r.status ?? "", "", ...extra.map((k) => r.cols?.[k] ?? "")]);
  }
  return grid;
}

export function listGrid(entries: readonly Entry[]): Cell[][] {
  return [[...LIST_HEADER], ...entries.map((e) => [e.id, e.name, e.domain ?? "", "Reseller"])];
}

/** Role, account and kind of a path, as the folder layout gives them (src/cli/folder.ts). */
export function importFile(path: string, grid: Cell[][] | null, error?: string): ImportFile {
  const parts = path.split("/");
  const base = parts[parts.length - 1].replace(/\.[^.]*$/, "").toLowerCase();
  if (parts.length === 1 && base === "offer-map") return { path, role: "from", account: "", kind: "offerMap", grid };
  if (parts.length === 1 && base === "accounts") return { path, role: "from", account: "", kind: "accounts", grid };
  const kind = base === "customers" ? "customers" : "subscriptions";
  if (parts[0].toLowerCase() === "to") return { path, role: "to", account: "New", kind, grid, error };
  if (parts[0].toLowerCase() === "from" && parts.length >= 3) return { path, role: "from", account: parts[1], kind, grid, error };
  throw new Error(`not a layout path: ${path}`);
}

export interface Run {
  readonly input: EngineInput;
  readonly result: EngineResult;
  readonly report: Report;
}

export class ExportSet {
  readonly files: ImportFile[] = [];

  /** from/<account>/<customer>.csv */
  old(account: string, customer: string, rows: readonly Sub[], header?: readonly string[]): this {
    return this.raw(`from/${account}/${customer}.csv`, subscriptionGrid(rows, header));
  }

  /** to/<customer>.csv */
  new(customer: string, rows: readonly Sub[], header?: readonly string[]): this {
    return this.raw(`to/${customer}.csv`, subscriptionGrid(rows, header));
  }

  oldList(account: string, entries: readonly Entry[]): this {
    return this.raw(`from/${account}/Customers.csv`, listGrid(entries));
  }

  newList(entries: readonly Entry[]): this {
    return this.raw("to/Customers.csv", listGrid(entries));
  }

  offerMap(pairs: readonly (readonly [string, string])[]): this {
    return this.raw("offer-map.csv", [["Old offer", "New offer"], ...pairs.map((p) => [...p])]);
  }

  accounts(pairs: readonly (readonly [string, string])[]): this {
    return this.raw("accounts.csv", [["Account", "Commerce"], ...pairs.map((p) => [...p])]);
  }

  raw(path: string, grid: Cell[][] | null, error?: string): this {
    this.files.push(importFile(path, grid, error));
    return this;
  }

  input(asOf: string = AS_OF): EngineInput {
    return inputOf(this.files, asOf);
  }

  run(asOf: string = AS_OF): Run {
    const input = this.input(asOf);
    const result = reconcile(input);
    return { input, result, report: buildReport(result) };
  }
}

/** The sheets the command builds from imported files, read back into engine input (src/cli/run.ts). */
export function inputOf(files: readonly ImportFile[], asOf: string = AS_OF): EngineInput {
  const imported = importFiles(files);
  const sheets = new Map<string, SheetData>(imported.sheets.map((s) => [s.name, s]));
  sheets.set(SHEETS.sources, sourcesSheet(imported.records));
  if (imported.offerMap) sheets.set(SHEETS.offerMap, offerMapSheet(imported.offerMap));
  if (imported.accountSettings) sheets.set(SHEETS.accounts, accountsSheet(imported.accountSettings));
  return readWorkbook(sheets, isoToSerial(asOf)!);
}

export function customerNamed(result: EngineResult, name: string): CustomerResult {
  const found = result.customers.filter((c) => c.name === name);
  if (found.length !== 1) throw new Error(`${found.length} customers named "${name}": ${result.customers.map((c) => c.name).join(", ")}`);
  return found[0];
}

export function groupsOf(result: EngineResult, customer: string): GroupResult[] {
  return customerNamed(result, customer).groups.map((g) => result.groups[g]);
}

export function groupOf(result: EngineResult, customer: string, offerKey: string): GroupResult {
  const found = groupsOf(result, customer).filter((g) => g.offerKey === offerKey);
  if (found.length !== 1) {
    throw new Error(`${found.length} groups "${offerKey}" for ${customer}: ${groupsOf(result, customer).map((g) => g.offerKey).join(", ")}`);
  }
  return found[0];
}

/** The only group of the only customer: most rule tests build exactly one. */
export function onlyGroup(result: EngineResult): GroupResult {
  if (result.groups.length !== 1) throw new Error(`${result.groups.length} groups: ${result.groups.map((g) => g.offerKey).join(", ")}`);
  return result.groups[0];
}

export function rowsOf(result: EngineResult, source: string): RowResult[] {
  return result.rows.filter((r) => result.sources[r.source].source === source);
}

/** Problems as [source, row, code], for exact comparisons. */
export function problemList(problems: readonly Problem[]): [string, number, string][] {
  return problems.map((p) => [p.source, p.row, p.code]);
}
