/**
 * CSV read as a stream of records, for files too large to hold as a grid of cells: Partner
 * Center's reconciliation files run to tens of thousands of lines a month (§9). Bytes go in
 * chunk by chunk; each record comes out as soon as it is complete, and only the columns the
 * reader asked for become strings — the other fields are scanned past, never copied.
 *
 * The records are the ones `parseCsv` (papaparse) gives for the same text: the delimiter is the
 * §7.2 one (the most frequent of , ; tab in the header line), the line end is guessed the way
 * papaparse guesses it (from the first megabyte, quoted text left out), `""` inside quotes is a
 * quote, a stray quote inside a quoted field is kept as text, and spaces between a closing quote
 * and the delimiter are dropped. test/domain/csv-stream.test.ts holds the two to the same rows.
 *
 * Decoding: UTF-16 when the file starts with a UTF-16 BOM, otherwise UTF-8 with the BOM
 * dropped. Unlike `decodeText`, bytes that are not UTF-8 do not switch the whole file to
 * Windows-1252 (that needs the whole file first); they become U+FFFD. What the money view reads
 * from these files — subscription IDs, dates, amounts, currency codes — is ASCII, the same in
 * both encodings; only customer and offer names could differ, and they are not read.
 */
import { detectDelimiter } from "./csv";

export interface CsvSink {
  /**
   * One record as a spreadsheet shows it (1-based `rowNumber`). `cells[i]` is null for a column
   * the sink does not keep; `blank` says whether every field of the record, kept or not, is empty.
   */
  row(cells: readonly (string | null)[], rowNumber: number, blank: boolean): void;
}

/** What is used of a TextDecoder (its type is not global in the command's node-only build). */
interface Decoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

const QUOTE = 0x22;
/** What String.prototype.trim removes: papaparse lets it stand between a closing quote and the delimiter. */
const WHITESPACE = /\s/;
/** papaparse guesses the line end from the first megabyte of text. */
const GUESS_BYTES = 1024 * 1024;

/** papaparse's guess of the line end (guessLineEndings), so that both readers split alike. */
export function guessNewline(text: string): string {
  const sample = text.slice(0, GUESS_BYTES).replace(/"([^]*?)"/gm, "");
  const r = sample.split("\r");
  const n = sample.split("\n");
  const nAppearsFirst = n.length > 1 && n[0].length < r[0].length;
  if (r.length === 1 || nAppearsFirst) return "\n";
  let withN = 0;
  for (const part of r) if (part[0] === "\n") withN++;
  return withN >= r.length / 2 ? "\r\n" : "\r";
}

export class CsvStream {
  private decoder: Decoder | null = null;
  /** The first bytes, until the BOM can be told. */
  private head: Uint8Array = new Uint8Array(0);
  /** Text not yet split into records: the start of the file until its line end is known, then an incomplete record. */
  private text = "";
  private delimiter = -1;
  private newline = "\n";
  private started = false;
  private rowNumber = 0;
  private keepMask: readonly boolean[] | null = null;

  constructor(private readonly sink: CsvSink) {}

  /** Which columns become strings from now on (null: all of them). */
  keep(mask: readonly boolean[] | null): void {
    this.keepMask = mask;
  }

  write(bytes: Uint8Array): void {
    if (!this.decoder) {
      const joined = new Uint8Array(this.head.length + bytes.length);
      joined.set(this.head);
      joined.set(bytes, this.head.length);
      if (joined.length < 3) {
        this.head = joined;
        return;
      }
      this.head = new Uint8Array(0);
      this.decoder = decoderFor(joined);
      this.take(this.decoder.decode(joined, { stream: true }), false);
      return;
    }
    this.take(this.decoder.decode(bytes, { stream: true }), false);
  }

  end(): void {
    if (!this.decoder) {
      this.decoder = decoderFor(this.head);
      this.take(this.decoder.decode(this.head), true);
    } else {
      this.take(this.decoder.decode(), true);
    }
  }

  private take(chunk: string, final: boolean): void {
    this.text = this.text === "" ? chunk : this.text + chunk;
    if (!this.started) {
      if (this.text.length < GUESS_BYTES && !final) return;
      this.started = true;
      this.delimiter = detectDelimiter(this.text).charCodeAt(0);
      this.newline = guessNewline(this.text);
    }
    const used = this.records(this.text, final);
    this.text = used >= this.text.length ? "" : this.text.slice(used);
  }

  /** Emits every complete record of `text`; gives how much of it was used. */
  private records(text: string, final: boolean): number {
    const n = text.length;
    let i = 0;
    while (i < n) {
      const next = this.record(text, i, final);
      if (next < 0) return i;
      i = next;
    }
    return n;
  }

  /** One record from `at`; the index after it, or -1 when the text ends inside it (more to come). */
  private record(text: string, at: number, final: boolean): number {
    const n = text.length;
    const d = this.delimiter;
    const nl = this.newline;
    const nl0 = nl.charCodeAt(0);
    const mask = this.keepMask;
    const cells: (string | null)[] = [];
    let blank = true;
    let i = at;
    for (let col = 0; ; col++) {
      const keep = mask === null || mask[col] === true;
      let value = "";
      let empty = true;
      // How the field ended: 0 delimiter, 1 line end, 2 end of text.
      let ended: 0 | 1 | 2;
      if (i < n && text.charCodeAt(i) === QUOTE) {
        const close = this.closingQuote(text, i, final);
        if (close === null) return -1;
        if (close.at < 0) {
          // Unterminated: the rest of the file, as it is (papaparse does the same).
          if (keep) value = text.slice(i + 1);
          empty = n <= i + 1;
          i = n;
          ended = 2;
        } else {
          if (keep) value = text.slice(i + 1, close.at).replace(/""/g, '"');
          empty = close.at <= i + 1;
          i = close.next;
          ended = close.ended;
        }
      } else {
        let j = i;
        let found: 0 | 1 | 2 = 2;
        for (; j < n; j++) {
          const c = text.charCodeAt(j);
          if (c === d) {
            found = 0;
            break;
          }
          if (c === nl0) {
            const at = this.newlineAt(text, j, final);
            if (at === null) return -1;
            if (at) {
              found = 1;
              break;
            }
          }
        }
        if (found === 2 && !final) return -1;
        if (j > i) {
          empty = false;
          if (keep) value = text.slice(i, j);
        }
        ended = found;
        i = found === 0 ? j + 1 : found === 1 ? j + nl.length : n;
      }
      if (!empty && blank && (keep ? value.trim() !== "" : true)) blank = false;
      cells.push(keep ? value : null);
      // After a delimiter comes one more field, even at the very end of the file.
      if (ended === 0) continue;
      this.rowNumber++;
      this.sink.row(cells, this.rowNumber, blank);
      return i;
    }
  }

  /**
   * Where the quoted field opening at `open` closes, as papaparse decides it: at a quote that is
   * not doubled and is followed by the delimiter or the line end, with only whitespace between;
   * at a quote that ends the file. `at` is -1 for a field left unterminated; null when the text
   * stops before that can be told.
   */
  private closingQuote(text: string, open: number, final: boolean): { at: number; next: number; ended: 0 | 1 | 2 } | null {
    const n = text.length;
    const nl = this.newline;
    const nl0 = nl.charCodeAt(0);
    let j = open + 1;
    for (;;) {
      const q = text.indexOf('"', j);
      if (q < 0) return final ? { at: -1, next: n, ended: 2 } : null;
      if (q === n - 1) return final ? { at: q, next: n, ended: 2 } : null;
      if (text.charCodeAt(q + 1) === QUOTE) {
        j = q + 2;
        continue;
      }
      // Past the quote, only whitespace may come before the delimiter or the line end.
      let k = q + 1;
      for (; k < n; k++) {
        const c = text.charCodeAt(k);
        if (c === this.delimiter) return { at: q, next: k + 1, ended: 0 };
        if (c === nl0 && text.startsWith(nl, k)) return { at: q, next: k + nl.length, ended: 1 };
        if (!WHITESPACE.test(text[k])) break;
      }
      if (k >= n && !final) return null;
      // A quote that neither doubles nor closes the field is text.
      j = q + 1;
    }
  }

  /** Whether the line end starts at `k`; null when the text stops before that can be told. */
  private newlineAt(text: string, k: number, final: boolean): boolean | null {
    const nl = this.newline;
    if (nl.length === 1) return true;
    if (k + 1 >= text.length) return final ? false : null;
    return text.charCodeAt(k + 1) === nl.charCodeAt(1);
  }
}

function decoderFor(first: Uint8Array): Decoder {
  if (first.length >= 2 && first[0] === 0xff && first[1] === 0xfe) return new TextDecoder("utf-16le");
  if (first.length >= 2 && first[0] === 0xfe && first[1] === 0xff) return new TextDecoder("utf-16be");
  // The UTF-8 decoder drops a leading BOM by itself (ignoreBOM is false by default).
  return new TextDecoder("utf-8");
}

/** Every record of `bytes`, all columns kept: the streaming reader's answer, for comparing with `readCsv`. */
export function readCsvStream(bytes: Uint8Array, chunkSize = 65_536): string[][] {
  const rows: string[][] = [];
  const stream = new CsvStream({ row: (cells) => rows.push(cells as string[]) });
  for (let i = 0; i < bytes.length; i += chunkSize) stream.write(bytes.subarray(i, i + chunkSize));
  stream.end();
  return rows;
}
