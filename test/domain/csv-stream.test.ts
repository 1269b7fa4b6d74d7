/**
 * Spec §7.2 for files read as a stream (the reconciliation files of §9): the streaming CSV
 * reader gives the records `readCsv` gives, whatever the chunk boundaries, on the CSV fixtures
 * and on random CSV text; and it turns only the columns asked for into strings.
 */
import fc from "fast-check";
import { readFileSync, readdirSync } from "fs";
import * as path from "path";
import { parseCsv, readCsv } from "../../src/domain/readers/csv";
import { CsvStream, guessNewline, readCsvStream } from "../../src/domain/readers/csv-stream";

const FIXTURES = path.join(__dirname, "..", "fixtures", "csv");
const bytes = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
const encode = (s: string) => new TextEncoder().encode(s);

describe("§7.2 the streaming reader splits as readCsv does", () => {
  // Windows-1252 files are the one difference, on purpose: see the next describe.
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith(".csv") && !/1252/.test(f));

  test.each(files)("%s, in chunks of 1, 2, 3, 7 and 65,536 bytes", (name) => {
    const want = readCsv(bytes(name));
    for (const size of [1, 2, 3, 7, 65_536]) {
      const got = readCsvStream(bytes(name), size);
      // A file of blank lines only is no rows for readCsv, and blank rows here; both mean "empty".
      if (want.length === 0) expect(got.every((r) => r.join("").trim() === "")).toBe(true);
      else expect(got).toEqual(want);
    }
  });

  test("random CSV text: quoted delimiters, doubled quotes, line breaks inside quotes, CRLF or LF or CR, empty fields", () => {
    const field = fc.oneof(
      fc.stringMatching(/^[a-z0-9 .\-é€]{0,6}$/),
      fc.stringMatching(/^[a-z;,\t"\r\n ]{0,6}$/).map((s) => `"${s.replace(/"/g, '""')}"`),
    );
    const delimiter = fc.constantFrom(",", ";", "\t");
    const newline = fc.constantFrom("\r\n", "\n", "\r");
    fc.assert(
      fc.property(delimiter, newline, fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }), fc.boolean(), fc.integer({ min: 1, max: 40 }), (d, nl, rows, finalBreak, chunk) => {
        // The header decides the delimiter (§7.2): give it one of each field so that `d` is the most frequent.
        const header = ["h1", "h2", "h3", "h4", "h5", "h6"].join(d);
        const text = [header, ...rows.map((r) => r.join(d))].join(nl) + (finalBreak ? nl : "");
        expect(readCsvStream(encode(text), chunk)).toEqual(parseCsv(text));
      }),
      { numRuns: 300 },
    );
  });

  test("malformed quoting too: stray quotes, whitespace after a closing quote, a quote left open at the end", () => {
    const cases = ['h1,h2\n"ab"c",d\n', 'h1,h2\n"ab"  ,d\n', 'h1,h2\nab"c,d\n', 'h1,h2\n"abc\n', 'h1,h2\n"a""b" ,"c"\r\n', 'h1,h2\n"ab" x,d\nq,r\n'];
    for (const text of cases) expect(readCsvStream(encode(text), 1)).toEqual(parseCsv(text));
    fc.assert(
      fc.property(fc.stringMatching(/^[ab,;"\r\n \t]{0,30}$/), fc.integer({ min: 1, max: 9 }), (body, chunk) => {
        const text = `h1,h2,h3\n${body}`;
        expect(readCsvStream(encode(text), chunk)).toEqual(parseCsv(text));
      }),
      { numRuns: 2000 },
    );
  });

  test("the line end is guessed as papaparse guesses it", () => {
    expect([guessNewline("a,b\r\nc,d\r\n"), guessNewline("a,b\nc\r\nd"), guessNewline('"x\r\ny"\na'), guessNewline("a\rb\rc")]).toEqual(["\r\n", "\n", "\n", "\r"]);
  });
});

describe("§7.2 decoding of a stream: UTF-16 by its BOM, else UTF-8 (BOM dropped)", () => {
  test("UTF-16LE and UTF-16BE with a BOM, UTF-8 with a BOM split across chunks", () => {
    for (const name of ["utf16le-bom-tab-crlf.csv", "utf16be-bom-comma.csv", "utf8-bom-semicolon-crlf.csv"]) {
      expect(readCsvStream(bytes(name), 1)).toEqual(readCsv(bytes(name)));
    }
  });

  test("code's choice: bytes that are not UTF-8 become U+FFFD instead of switching the file to Windows-1252 (what §9 reads is ASCII)", () => {
    const rows = readCsvStream(bytes("windows-1252-semicolon.csv"));
    expect(rows[1][0]).toBe("e1");
    expect(rows[1][3]).toBe("Expir\uFFFD");
  });
});

describe("only the columns asked for become strings", () => {
  test("random CSV and random columns kept: the kept cells and the blank flag agree with readCsv's rows", () => {
    const field = fc.oneof(fc.constantFrom("", " ", "x", "a b"), fc.stringMatching(/^[a-z,"\n ]{0,5}$/).map((t) => `"${t.replace(/"/g, '""')}"`));
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }), fc.array(fc.boolean(), { maxLength: 7 }), fc.integer({ min: 1, max: 20 }), (rows, mask, chunk) => {
        const text = ["h1,h2,h3,h4,h5,h6", ...rows.map((r) => r.join(","))].join("\r\n");
        const want = parseCsv(text);
        const got: [(string | null)[], boolean][] = [];
        const s = new CsvStream({
          row(cells, n, blank) {
            got.push([[...cells], blank]);
            if (n === 1) s.keep(mask);
          },
        });
        const bytes = encode(text);
        for (let i = 0; i < bytes.length; i += chunk) s.write(bytes.subarray(i, i + chunk));
        s.end();
        expect(got).toHaveLength(want.length);
        got.forEach(([cells, blank], r) => {
          expect(blank).toBe(want[r].every((c) => String(c).trim() === ""));
          mask.forEach((k, c) => {
            if (r > 0 && k && c < want[r].length) expect(cells[c]).toBe(want[r][c]);
          });
        });
      }),
      { numRuns: 500 },
    );
  });

  test("after keep(), other columns are null (or absent past the last one kept); blank still tells an empty record from one with text in any column", () => {
    const seen: [unknown[], number, boolean][] = [];
    const s = new CsvStream({
      row(cells, n, blank) {
        seen.push([[...cells], n, blank]);
        if (n === 1) s.keep([false, true]);
      },
    });
    s.write(encode('a,b,c\r\n1,"2,5",3\r\n,,\r\n,,x\r\n\r\n'));
    s.end();
    expect(seen).toEqual([
      [["a", "b", "c"], 1, false],
      [[null, "2,5"], 2, false],
      [[null, ""], 3, true],
      [[null, ""], 4, false],
      [[null], 5, true],
    ]);
  });
});
