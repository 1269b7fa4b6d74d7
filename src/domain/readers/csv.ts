/**
 * CSV decoding and splitting (spec §7.2). Partner Center writes UTF-8; files re-saved by Excel
 * in a European locale use ";" and sometimes Windows-1252; a few tools write UTF-16 with a BOM.
 */
import Papa from "papaparse";
import { Cell } from "../cells";

export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    // Only bytes that are not valid UTF-8 make it Windows-1252.
    return decodeWindows1252(body);
  }
}

/**
 * Windows-1252 as the WHATWG Encoding Standard maps it: 0x80–0x9F per the table below (the five
 * unassigned bytes map to themselves), every other byte to the same code point. Spelled out
 * because Node's TextDecoder("windows-1252") decodes 0x80–0x9F as Latin-1 controls from
 * v20.18.3 / v22.13.0 on (nodejs/node#60888), which turns ’ into U+0092 and ™ into U+0099.
 */
const CP1252_80_9F =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
  "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    parts.push(String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b < 0xa0 ? CP1252_80_9F.charCodeAt(b - 0x80) : b))));
  }
  return parts.join("");
}

const CANDIDATES = [",", ";", "\t"] as const;

/** The most frequent of , ; tab in the header line (the first non-empty line) outside quotes. */
export function detectDelimiter(text: string): string {
  let quoted = false;
  let started = false;
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      quoted = !quoted;
      started = true;
      continue;
    }
    if (!quoted && (ch === "\n" || ch === "\r")) {
      if (started) break;
      continue;
    }
    if (ch.trim() !== "" || ch === "\t") started = true;
    if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: string = ",";
  for (const c of CANDIDATES) if (counts.get(c)! > counts.get(best)!) best = c;
  return best;
}

/** Rows as a spreadsheet shows them: one per record (quoted line breaks stay inside cells). */
export function parseCsv(text: string): Cell[][] {
  if (text.trim() === "") return [];
  const result = Papa.parse<string[]>(text, {
    delimiter: detectDelimiter(text),
    quoteChar: '"',
    skipEmptyLines: false,
    header: false,
    dynamicTyping: false,
  });
  const rows = result.data;
  // A final line break leaves one empty record behind; a spreadsheet shows no such row.
  const last = rows[rows.length - 1];
  if (/[\r\n]$/.test(text) && last && last.length === 1 && last[0] === "") rows.pop();
  return rows;
}

export function readCsv(bytes: Uint8Array): Cell[][] {
  return parseCsv(decodeText(bytes));
}
