/**
 * One cell as SpreadsheetML (<c>, ECMA-376 Part 1 §18.3.1.4). Text always goes to the shared
 * string table (t="s"): user text is never written as a formula. A formula's cached result is
 * its <v>, typed by t: none for a number, "str" for text, "b" for a boolean; no <v> at all
 * when the plan gives no value.
 */
import { Cell, isCellError } from "../domain/cells";
import { fileFormula } from "../layout/a1";
import { PlanCell, PlanValue, isFormula, isLink } from "../layout/types";
import { SharedStrings } from "./shared-strings";
import { STYLE } from "./stylesheet";
import { fileText, xmlAttr, xmlString, xmlText } from "./text";

/** A hyperlink to a place in the workbook (the sheet's <hyperlinks>; no relationship part). */
export interface Hyperlink {
  readonly ref: string;
  readonly location: string;
  readonly display: string;
}

const styleAttr = (s: number) => (s === 0 ? "" : ` s="${s}"`);

/** Excel has no NaN or infinity: such a number is stored as the error a formula would give. */
const NUM_ERROR = "#NUM!";

/** A constant: number, text, boolean or the input's error value; "" for nothing to write. */
export function valueCell(ref: string, v: Cell | PlanValue | undefined, s: number, strings: SharedStrings): string {
  switch (typeof v) {
    case "number":
      return Number.isFinite(v) ? `<c r="${ref}"${styleAttr(s)}><v>${v}</v></c>` : `<c r="${ref}"${styleAttr(s)} t="e"><v>${NUM_ERROR}</v></c>`;
    case "string":
      if (v !== "") return `<c r="${ref}"${styleAttr(s)} t="s"><v>${strings.of(v)}</v></c>`;
      break;
    case "boolean":
      return `<c r="${ref}"${styleAttr(s)} t="b"><v>${v ? 1 : 0}</v></c>`;
    case "object":
      if (v !== null && isCellError(v)) return `<c r="${ref}"${styleAttr(s)} t="e"><v>${xmlText(v.error)}</v></c>`;
      break;
  }
  // Nothing to store; a formatted empty cell keeps its format for what the user types there.
  return s === 0 ? "" : `<c r="${ref}"${styleAttr(s)}/>`;
}

/** A formula cell: `f` is the whole <f> element, `v` the engine's value for it. */
export function formulaCell(ref: string, f: string, v: PlanValue | undefined, s: number): string {
  switch (typeof v) {
    case "number":
      return Number.isFinite(v) ? `<c r="${ref}"${styleAttr(s)}>${f}<v>${v}</v></c>` : `<c r="${ref}"${styleAttr(s)} t="e">${f}<v>${NUM_ERROR}</v></c>`;
    case "string":
      return `<c r="${ref}"${styleAttr(s)} t="str">${f}<v>${xmlString(v)}</v></c>`;
    case "boolean":
      return `<c r="${ref}"${styleAttr(s)} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
    default:
      return `<c r="${ref}"${styleAttr(s)}>${f}</c>`;
  }
}

/** Each function-call name in formula text: a name directly before "(", not inside another name. */
const CALL = /(?<![A-Za-z0-9_.])([A-Za-z_][A-Za-z0-9_.]*)(?=\()/g;
const prefixed = new Map<string, boolean>();

/** Whether a1.ts fileFormula gives this function the `_xlfn.` prefix (asked once per name). */
function needsPrefix(name: string): boolean {
  let p = prefixed.get(name);
  if (p === undefined) {
    p = fileFormula(`${name}()`) !== `${name}()`;
    prefixed.set(name, p);
  }
  return p;
}

/**
 * A formula's text as an <f> body: invariant A1 with `_xlfn.` prefixes, XML-escaped. Most
 * formulas call no function that needs the prefix, and fileFormula's literal-aware pass costs
 * more than the rest of the cell: it runs only when some call does.
 */
export function formulaXml(f: string): string {
  CALL.lastIndex = 0;
  for (let m = CALL.exec(f); m !== null; m = CALL.exec(f)) if (needsPrefix(m[1])) return xmlText(fileFormula(f));
  return xmlText(f);
}

/** Any cell of the plan: a value, a formula with its value, or a link (recorded in `links`). */
export function planCell(ref: string, c: PlanCell, s: number, strings: SharedStrings, links: Hyperlink[]): string {
  if (c !== null && typeof c === "object") {
    if (isFormula(c)) return formulaCell(ref, `<f>${formulaXml(c.f)}</f>`, c.v, s);
    if (isLink(c)) {
      links.push({ ref, location: c.link, display: c.text });
      return valueCell(ref, c.text, STYLE.link, strings);
    }
  }
  return valueCell(ref, c, s, strings);
}

export function hyperlinksXml(links: readonly Hyperlink[]): string {
  if (links.length === 0) return "";
  const items = links.map((l) => `<hyperlink ref="${l.ref}" location="${xmlAttr(l.location)}" display="${xmlAttr(fileText(l.display))}"/>`);
  return `<hyperlinks>${items.join("")}</hyperlinks>`;
}
