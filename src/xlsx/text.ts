/**
 * Text as an .xlsx file must carry it. SpreadsheetML strings (ST_Xstring, ECMA-376 Part 1
 * §22.9.2.19) escape characters XML cannot hold as _xHHHH_, and Excel decodes that pattern
 * wherever it appears. exceljs writes strings as they are, so without this a carriage return
 * inside a cell comes back as a bare line feed, a control character makes the file unreadable,
 * and a user's literal "_x0041_" opens as "A".
 */
const ESCAPED = /_(x[0-9A-Fa-f]{4}_)/g;
// Tab and line feed are kept as they are; every other C0 control character (CR included) and
// the two non-characters U+FFFE/U+FFFF are escaped.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]/g;
const ANY_UNSAFE = new RegExp(UNSAFE.source);

export function fileText(s: string): string {
  if (!s.includes("_") && !ANY_UNSAFE.test(s)) return s;
  return s.replace(ESCAPED, "_x005F_$1").replace(UNSAFE, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

const XML_TEXT = /[&<>]/;
const XML_ATTR = /[&<>"\t\n\r]/;
const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;" };

/** Element content: &, < and > as entities (the text is already ST_Xstring-safe). */
export function xmlText(s: string): string {
  // Three native replaces beat one with a callback: formulas are full of & and <>.
  return XML_TEXT.test(s) ? s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;") : s;
}

/**
 * An attribute value. Tabs and line breaks become character references because an XML parser
 * turns a literal one inside an attribute into a space (XML 1.0 §3.3.3).
 */
export function xmlAttr(s: string): string {
  return XML_ATTR.test(s) ? s.replace(/[&<>"\t\n\r]/g, (ch) => ENTITY[ch]) : s;
}

/** User text as the content of a <t> or <v> element. */
export function xmlString(s: string): string {
  return xmlText(fileText(s));
}
