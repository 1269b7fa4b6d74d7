/**
 * Text as SpreadsheetML stores it: XML entities, and ECMA-376's ST_Xstring escapes (`_x000D_`
 * for a carriage return, `_x005F_` for a literal underscore before `xHHHH_`), which apply to
 * shared strings, inline strings and a formula's string result alike. Every writer we read
 * (our exceljs writer, LibreOffice, Gnumeric) may use them, so values are compared decoded.
 */

const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : (ENTITY[e] ?? m),
  );
}

/** ST_Xstring: one left-to-right pass, so `_x005F_x0041_` is the literal text `_x0041_`. */
export function decodeXstring(s: string): string {
  if (!s.includes("_x")) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Element text as a value: entities, then ST_Xstring escapes. */
export function xmlValueText(raw: string): string {
  return decodeXstring(unescapeXml(raw));
}

const PHONETIC = /<rPh\b[\s\S]*?<\/rPh>/g;
const T = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;

/**
 * The text of a string item (`<si>` of sharedStrings.xml, `<is>` of an inline string): its `<t>`
 * elements joined, rich-text runs included, East Asian phonetic runs (`<rPh>`) left out, as
 * Excel shows it. Whitespace between elements (Gnumeric indents its XML) is not text.
 */
export function stringItemText(item: string): string {
  let text = "";
  for (const t of item.replace(PHONETIC, "").matchAll(T)) text += t[1];
  return xmlValueText(text);
}

const ATTR = new Map<string, RegExp>();

/** An attribute's value from a start tag's attribute text, unescaped; undefined when absent. */
export function attr(attrs: string, name: string): string | undefined {
  let re = ATTR.get(name);
  if (!re) ATTR.set(name, (re = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(attrs);
  return m ? unescapeXml(m[1] ?? m[2]) : undefined;
}
