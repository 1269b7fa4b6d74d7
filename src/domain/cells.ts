/**
 * A cell as any reader hands it over: CSV gives strings, xlsx and Excel give typed values
 * (numbers, booleans, dates as serial numbers, error values).
 */
export interface CellError {
  readonly error: string;
}
export type Cell = string | number | boolean | null | CellError;

export function isCellError(c: Cell | undefined): c is CellError {
  return typeof c === "object" && c !== null && "error" in c;
}

export function isBlank(c: Cell | undefined): boolean {
  return c === null || c === undefined || (typeof c === "string" && c.trim() === "");
}

/** Excel's text for a number in string concatenation (General format, 15 significant digits). */
export function excelNumberText(n: number): string {
  if (!Number.isFinite(n)) return "#NUM!";
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const p = Number(n.toPrecision(15));
  if (Math.abs(p) >= 1e-9 && Math.abs(p) < 1e15) return String(p);
  return p.toExponential().toUpperCase();
}

/** What `""&cell` gives in a workbook formula; used for keys that formulas re-check. */
export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return "";
  if (typeof c === "string") return c;
  if (typeof c === "number") return excelNumberText(c);
  if (typeof c === "boolean") return c ? "TRUE" : "FALSE";
  return c.error;
}

/** Excel serial date (1900 system) for a JS date in UTC. */
export function dateToSerial(d: Date): number {
  return d.getTime() / 86_400_000 + 25_569;
}

export function serialToIso(serial: number): string {
  const ms = Math.round((serial - 25_569) * 86_400_000);
  return new Date(ms).toISOString().slice(0, 10);
}

export function isoToSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(t);
  if (d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return null;
  return t / 86_400_000 + 25_569;
}
