/**
 * How Excel stores what is written through `Range.values` or `Range.formulas`: the same parsing
 * as typing into a cell, with US conventions whatever the user's locale (OfficeDev/office-js
 * #1559, "by design"). The Range.values reference says strings starting with "=", "+" or "-"
 * are treated as formulas and ISO dates are stored as dates; typing "@SUM(A1)" gives =SUM(A1).
 *
 * The fake is deliberately a little more suspicious than Excel where Excel's behaviour varies by
 * client or version: leading spaces, tabs and line breaks before = + - @ also start a formula
 * here (OWASP's CSV-injection guidance lists tab and carriage return, and other spreadsheet
 * programs trim). A gateway that keeps text as text in this fake keeps it in Excel too.
 */

export type Stored =
  | { readonly kind: "empty"; readonly quotePrefix?: boolean }
  | { readonly kind: "value"; readonly value: number | string | boolean; readonly error?: boolean; readonly quotePrefix?: boolean; readonly numberFormat?: string }
  | { readonly kind: "formula"; readonly formula: string };

export const ERROR_LITERALS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#BUSY!", "#CONNECT!", "#UNKNOWN!"];

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_WORD = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";

/** Excel serial (1900 system) of a calendar date, or null when the date does not exist. */
export function serialOf(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 9999) return null;
  const t = Date.UTC(y, m - 1, d);
  const date = new Date(t);
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function year(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (text.length === 4) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

function monthOf(word: string): number {
  return MONTHS.indexOf(word.toLowerCase().slice(0, 3)) + 1;
}

function timeFraction(h: string, m: string, s: string | undefined, ampm: string | undefined): number | null {
  let hours = Number(h);
  const minutes = Number(m);
  const seconds = s === undefined ? 0 : Number(s);
  if (ampm) {
    if (hours < 1 || hours > 12) return null;
    const pm = ampm.toLowerCase().startsWith("p");
    hours = (hours % 12) + (pm ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || seconds >= 60) return null;
  return (hours * 3600 + minutes * 60 + seconds) / 86_400;
}

const TIME = "(\\d{1,2}):(\\d{2})(?::(\\d{2}(?:\\.\\d+)?))?\\s*(am|pm|a|p)?";

/** A number Excel would read from the text (with the number format it would give the cell). */
export function parseNumberLike(text: string): { value: number; numberFormat?: string } | null {
  let t = text.trim();
  if (t === "") return null;
  let negative = false;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) {
    negative = true;
    t = paren[1].trim();
  }
  let format: string | undefined;
  let sign = /^[+-]/.exec(t);
  if (sign) {
    if (sign[0] === "-") negative = !negative;
    t = t.slice(1).trim();
  }
  if (t.startsWith("$")) {
    format = "$#,##0.00";
    t = t.slice(1).trim();
    sign = /^[+-]/.exec(t);
    if (sign && !paren) {
      if (sign[0] === "-") negative = !negative;
      t = t.slice(1);
    }
  }
  let percent = false;
  if (t.endsWith("%")) {
    percent = true;
    format = "0%";
    t = t.slice(0, -1).trim();
  }
  const frac = /^(?:(\d+) )?(\d+)\/(\d+)$/.exec(t);
  if (frac && frac[1] !== undefined && Number(frac[3]) > 0) {
    const v = Number(frac[1]) + Number(frac[2]) / Number(frac[3]);
    return { value: negative ? -v : v, numberFormat: "# ?/?" };
  }
  const m = /^(\d{1,3}(?:,\d{3})+|\d*)(\.\d*)?(?:[eE]([+-]?\d+))?$/.exec(t);
  if (!m || !/\d/.test(`${m[1]}${m[2] ?? ""}`)) return null;
  let v = Number(`${m[1].replace(/,/g, "")}${m[2] ?? ""}${m[3] !== undefined ? `e${m[3]}` : ""}`);
  if (!Number.isFinite(v)) return null;
  if (percent) v /= 100;
  if (m[1].includes(",") && !format) format = "#,##0";
  return { value: negative ? -v : v, numberFormat: format };
}

const ISO_DATE = new RegExp(`^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:[ t]${TIME})?$`);
const US_DATE = new RegExp(`^(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?(?: ${TIME})?$`);
const DAY_MONTH = new RegExp(`^(\\d{1,2})[- ]${MONTH_WORD}(?:[- ,]+(\\d{4}|\\d{2}))?$`);
const MONTH_DAY = new RegExp(`^${MONTH_WORD}[- ](\\d{1,2})(?:[- ,]+(\\d{4}|\\d{2}))?$`);
const MONTH_YEAR = new RegExp(`^${MONTH_WORD}[- ](\\d{4})$`);
const TIME_ONLY = new RegExp(`^${TIME}$`);

/** A date or time Excel would read from the text, as a serial number. */
export function parseDateLike(text: string, currentYear: number): { value: number; numberFormat: string } | null {
  const t = text.trim().toLowerCase();
  if (!/\d/.test(t)) return null;
  let m = ISO_DATE.exec(t);
  if (m) {
    const d = serialOf(Number(m[1]), Number(m[2]), Number(m[3]));
    if (d === null) return null;
    const f = m[4] !== undefined ? timeFraction(m[4], m[5], m[6], m[7]) : 0;
    return f === null ? null : { value: d + f, numberFormat: m[4] !== undefined ? "yyyy-mm-dd h:mm" : "yyyy-mm-dd" };
  }
  m = US_DATE.exec(t);
  if (m) {
    const d = serialOf(year(m[3], currentYear), Number(m[1]), Number(m[2]));
    if (d === null) return null;
    const f = m[4] !== undefined ? timeFraction(m[4], m[5], m[6], m[7]) : 0;
    return f === null ? null : { value: d + f, numberFormat: "m/d/yyyy" };
  }
  m = DAY_MONTH.exec(t);
  if (m) {
    const d = serialOf(year(m[3], currentYear), monthOf(m[2]), Number(m[1]));
    return d === null ? null : { value: d, numberFormat: "d-mmm-yy" };
  }
  m = MONTH_DAY.exec(t);
  if (m) {
    const d = serialOf(year(m[3], currentYear), monthOf(m[1]), Number(m[2]));
    return d === null ? null : { value: d, numberFormat: "d-mmm-yy" };
  }
  m = MONTH_YEAR.exec(t);
  if (m) {
    const d = serialOf(Number(m[2]), monthOf(m[1]), 1);
    return d === null ? null : { value: d, numberFormat: "mmm-yy" };
  }
  m = TIME_ONLY.exec(t);
  if (m) {
    const f = timeFraction(m[1], m[2], m[3], m[4]);
    return f === null ? null : { value: f, numberFormat: "h:mm" };
  }
  return null;
}

const FORMULA_START = /^[\s]*([=+\-@])/;

/** What a cell holds after `raw` is written to it. `null` is "leave the cell unchanged" (callers skip it). */
export function interpretInput(raw: unknown, currentYear = new Date().getUTCFullYear()): Stored {
  if (raw === "" || raw === undefined) return { kind: "empty" };
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return { kind: "value", value: "#NUM!", error: true };
    return { kind: "value", value: raw };
  }
  if (typeof raw === "boolean") return { kind: "value", value: raw };
  if (typeof raw !== "string") return { kind: "value", value: String(raw) };
  // A leading apostrophe makes the rest text; the apostrophe itself is not part of the value.
  if (raw.startsWith("'")) {
    const rest = raw.slice(1);
    return rest === "" ? { kind: "empty", quotePrefix: true } : { kind: "value", value: rest, quotePrefix: true };
  }
  const start = FORMULA_START.exec(raw);
  if (start) {
    const body = raw.slice(start[0].length);
    if (start[1] === "=") return { kind: "formula", formula: `=${body}` };
    if (start[1] === "@") return body === "" ? { kind: "value", value: raw } : { kind: "formula", formula: `=${body}` };
    const n = parseNumberLike(raw);
    if (n) return { kind: "value", value: n.value, numberFormat: n.numberFormat };
    // "+A1" and "-A1" are entered as =+A1 and =-A1.
    return body.trim() === "" ? { kind: "value", value: raw } : { kind: "formula", formula: `=${raw.trim()}` };
  }
  const upper = raw.trim().toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { kind: "value", value: upper === "TRUE" };
  if (ERROR_LITERALS.includes(upper)) return { kind: "value", value: upper, error: true };
  const n = parseNumberLike(raw);
  if (n) return { kind: "value", value: n.value, numberFormat: n.numberFormat };
  const d = parseDateLike(raw, currentYear);
  if (d) return { kind: "value", value: d.value, numberFormat: d.numberFormat };
  return { kind: "value", value: raw };
}
