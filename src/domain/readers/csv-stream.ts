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
   * the sink does not keep (and may be missing past the last column kept); `blank` says whether
   * every field of the record, kept or not, is empty.
   * The array is reused for the next record: copy what must outlive the call.
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
  /** The last column kept: past it, a line without quotes is skipped to its end at once. */
  private lastKept = Infinity;
  /** One array for every record: the sink reads it during its call and must not keep it. */
  private readonly cells: (string | null)[] = [];

  constructor(private readonly sink: CsvSink) {}

  /** Which columns become strings from now on (null: all of them). */
  keep(mask: readonly boolean[] | null): void {
    this.keepMask = mask;
    this.lastKept = mask === null ? Infinity : mask.lastIndexOf(true);
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
    const d = String.fromCharCode(this.delimiter);
    const nl = this.newline;
    const cells = this.cells;
    let i = 0;
    // The next line end, searched once per line rather than once per field (as papaparse does);
    // searched again only when a quoted field ran past it.
    let nextNl = text.indexOf(nl, 0);
    let nextQuote = text.indexOf('"', 0);
    while (i < n) {
      const recordStart = i;
      const mask = this.keepMask;
      cells.length = 0;
      let blank = true;
      let complete = false;
      for (let col = 0; ; col++) {
        const keep = mask === null || mask[col] === true;
        if (nextNl !== -1 && nextNl < i) nextNl = text.indexOf(nl, i);
        // A column not kept, unquoted, ending at a delimiter on this line: stepped over.
        if (!keep && col < this.lastKept && text.charCodeAt(i) !== QUOTE) {
          const nd = text.indexOf(d, i);
          if (nd !== -1 && (nextNl === -1 || nd < nextNl)) {
            if (blank && nd > i && text.slice(i, nd).trim() !== "") blank = false;
            cells.push(null);
            i = nd + 1;
            continue;
          }
        }
        let value: string | null = keep ? "" : null;
        let empty: boolean;
        // Where the field's text is, to tell a blank record when the field is not kept.
        let from = i;
        let to = i;
        // How the field ended: 0 delimiter, 1 line end, 2 end of text.
        let ended: 0 | 1 | 2;
        if (i < n && text.charCodeAt(i) === QUOTE) {
          const close = this.closingQuote(text, i, final);
          if (close === null) break;
          from = i + 1;
          to = close.at < 0 ? n : close.at;
          // Unterminated: the rest of the file, as it is (papaparse does the same).
          if (keep) value = close.at < 0 ? text.slice(from) : text.slice(from, to).replace(/""/g, '"');
          empty = to <= from;
          i = close.at < 0 ? n : close.next;
          ended = close.at < 0 ? 2 : close.ended;
        } else {
          const nd = text.indexOf(d, i);
          let end: number;
          if (nd !== -1 && (nextNl === -1 || nd < nextNl)) {
            end = nd;
            ended = 0;
          } else if (nextNl !== -1) {
            end = nextNl;
            ended = 1;
          } else {
            // No delimiter or line end left: the field runs to the end of the text, which is
            // the end of the record only at the end of the file (a line end split across chunks waits too).
            if (!final) break;
            end = n;
            ended = 2;
          }
          to = end;
          empty = end === i;
          if (keep && !empty) value = text.slice(i, end);
          i = ended === 0 ? end + 1 : ended === 1 ? end + nl.length : n;
        }
        if (!empty && blank && (value ?? text.slice(from, to)).trim() !== "") blank = false;
        cells.push(value);
        if (ended !== 0) {
          complete = true;
          break;
        }
        // After a delimiter comes one more field, even at the very end of the file. Past the
        // last column kept, a rest of the line without any quote holds no field that could
        // change where the line ends: it is skipped to the line end in one step.
        if (col >= this.lastKept) {
          if (nextQuote !== -1 && nextQuote < i) nextQuote = text.indexOf('"', i);
          const lineEnd = nextNl !== -1 ? nextNl : final ? n : -1;
          if (lineEnd !== -1 && (nextQuote === -1 || nextQuote > lineEnd)) {
            if (blank && text.slice(i, lineEnd).split(d).some((f) => f.trim() !== "")) blank = false;
            i = nextNl !== -1 ? nextNl + nl.length : n;
            complete = true;
            break;
          }
        }
      }
      if (!complete) return recordStart;
      this.rowNumber++;
      this.sink.row(cells, this.rowNumber, blank);
    }
    return n;
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
  const stream = new CsvStream({ row: (cells) => rows.push([...cells] as string[]) });
  for (let i = 0; i < bytes.length; i += chunkSize) stream.write(bytes.subarray(i, i + chunkSize));
  stream.end();
  return rows;
}
