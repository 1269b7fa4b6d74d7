/**
 * Every cell of an .xlsx read straight from its XML: type, style index, formula and cached
 * value exactly as stored. exceljs is no judge of cached values (it drops results of 0 and "",
 * and reads some string results as numbers), so tests of what a file stores read it here.
 */
import { readZip } from "./zip";

export type Stored = string | number | boolean | { error: string } | null;

export interface RawCell {
  /** The t attribute ("n" when absent). */
  readonly t: string;
  readonly s: number;
  /** Formula text (a shared formula's master carries it; its children have none). */
  readonly f?: string;
  /** Shared formula: the share's index, and on its master the range it covers. */
  readonly si?: number;
  readonly sharedRef?: string;
  /** The cell's value: its constant, or the formula's cached result; null when no <v>. */
  readonly v: Stored;
}

export interface RawSheet {
  readonly name: string;
  readonly part: string;
  readonly xml: string;
  readonly cells: Map<string, RawCell>;
}

export interface RawWorkbook {
  readonly parts: Map<string, Buffer>;
  readonly sheets: RawSheet[];
  readonly sharedStrings: string[];
  sheet(name: string): RawSheet;
}

const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : (ENTITY[e] ?? m),
  );
}

/** ST_Xstring: _xHHHH_ is the UTF-16 unit HHHH (ECMA-376 Part 1 §22.9.2.19). */
export function decodeXstring(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]) : undefined;
};

function texts(xml: string): string {
  return [...xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>|<t(?:\s[^>]*)?\/>/g)].map((m) => m[1] ?? "").join("");
}

function decodeValue(t: string, raw: string | undefined, body: string, strings: readonly string[]): Stored {
  if (t === "inlineStr") return decodeXstring(unescapeXml(texts(body)));
  if (raw === undefined) return null;
  const v = unescapeXml(raw);
  switch (t) {
    case "s":
      return strings[Number(v)];
    case "str":
      return decodeXstring(v);
    case "b":
      return v === "1" || v === "true";
    case "e":
      return { error: v };
    default:
      return Number(v);
  }
}

function sheetCells(xml: string, strings: readonly string[]): Map<string, RawCell> {
  const cells = new Map<string, RawCell>();
  for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const head = m[1];
    const body = m[2] ?? "";
    const ref = attr(head, "r");
    if (!ref) throw new Error("a cell without its r attribute");
    const t = attr(head, "t") ?? "n";
    const fm = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(body);
    const raw = /<v>([\s\S]*?)<\/v>|<v\/>/.exec(body);
    const cell: RawCell = {
      t,
      s: Number(attr(head, "s") ?? 0),
      v: decodeValue(t, raw ? (raw[1] ?? "") : undefined, body, strings),
      ...(fm
        ? {
            f: fm[2] === undefined || fm[2] === "" ? undefined : unescapeXml(fm[2]),
            si: attr(fm[1], "si") === undefined ? undefined : Number(attr(fm[1], "si")),
            sharedRef: attr(fm[1], "ref"),
          }
        : {}),
    };
    cells.set(ref, cell);
  }
  return cells;
}

export function readRawWorkbook(bytes: Buffer): RawWorkbook {
  const parts = new Map(readZip(bytes).map((e) => [e.name, e.data]));
  const text = (name: string) => parts.get(name)?.toString("utf8") ?? "";
  const sharedStrings = [...text("xl/sharedStrings.xml").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => decodeXstring(unescapeXml(texts(m[1]))));
  const targets = new Map<string, string>();
  for (const m of text("xl/_rels/workbook.xml.rels").matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const sheets: RawSheet[] = [];
  for (const m of text("xl/workbook.xml").matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name")!;
    const part = targets.get(attr(m[0], "r:id")!)!;
    const xml = text(part);
    sheets.push({ name, part, xml, cells: sheetCells(xml, sharedStrings) });
  }
  return {
    parts,
    sheets,
    sharedStrings,
    sheet(name: string) {
      const s = sheets.find((x) => x.name === name);
      if (!s) throw new Error(`no sheet "${name}"`);
      return s;
    },
  };
}
