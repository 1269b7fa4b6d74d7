/**
 * Spec §2.1 "Files" and §7.2: CSV decoding and splitting, on real fixture files whose bytes are
 * described in test/fixtures/README.md.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { Cell } from "../../src/domain/cells";
import { decodeText, detectDelimiter, parseCsv, readCsv } from "../../src/domain/readers/csv";
import { ExportSet, onlyGroup, problemList, rowsOf } from "./support/exports";

const FIXTURES = path.join(__dirname, "..", "fixtures", "csv");
const bytes = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
const grid = (name: string) => readCsv(bytes(name));

/** An export set holding one fixture file as an old account's export of customer "Contoso". */
const asOldExport = (name: string) => new ExportSet().raw("from/X/Contoso.csv", grid(name));

describe("§7.2 decoding: UTF-8 with or without BOM", () => {
  test("UTF-8 with BOM, ';', CRLF: the BOM is dropped, accents read", () => {
    const b = bytes("utf8-bom-semicolon-crlf.csv");
    expect([...b.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(grid("utf8-bom-semicolon-crlf.csv")).toEqual([
      ["ID d'abonnement", "Abonnement", "Quantité", "État", "Revendeur"],
      ["a1", "Office 365 E3", "25", "Actif", ""],
      ["a2", "Exchange Online (Plan 1)", "3", "Suspendu", "Contoso Revendeur"],
    ]);
  });

  test("UTF-8 without BOM, ',', LF", () => {
    expect(grid("utf8-comma-lf.csv")).toEqual([
      ["Id. de suscripción", "Suscripción", "Cantidad", "Estado", "Revendedor"],
      ["b1", "Office 365 E1", "10", "Suspendido", "Señor Revendedor"],
      ["b2", "Office 365 E3", "25.0", "Activa", ""],
    ]);
  });

  test("valid UTF-8 is never re-read as Windows-1252, even when it looks like mojibake", () => {
    expect(decodeText(new TextEncoder().encode("Ã©tat"))).toBe("Ã©tat");
  });
});

describe("§7.2 decoding: UTF-16 when it starts with a UTF-16 BOM", () => {
  test("UTF-16LE with BOM, tab, CRLF (Excel's \"Unicode text\")", () => {
    expect([...bytes("utf16le-bom-tab-crlf.csv").subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(grid("utf16le-bom-tab-crlf.csv")).toEqual([
      ["Abonnement-ID", "Abonnement", "Menge", "Status", "Händler"],
      ["c1", "Microsoft 365 Business Premium", "5", "Aktiv", ""],
      ["c2", "Exchange Online (Plan 1)", "2", "Gelöscht", ""],
    ]);
  });

  test("UTF-16BE with BOM, ',', LF, Japanese", () => {
    expect([...bytes("utf16be-bom-comma.csv").subarray(0, 2)]).toEqual([0xfe, 0xff]);
    expect(grid("utf16be-bom-comma.csv")).toEqual([
      ["サブスクリプション ID", "サブスクリプション", "数量", "状態", "リセラー"],
      ["d1", "Office 365 E3", "7", "アクティブ", ""],
      ["d2", "Microsoft Azure", "", "一時停止", ""],
    ]);
  });
});

describe("§7.2 decoding: only bytes that are not valid UTF-8 make it Windows-1252", () => {
  test("Windows-1252 bytes: é, É, ’ (0x92) and € (0x80) as Windows-1252 has them, not as Latin-1", () => {
    expect(grid("windows-1252-semicolon.csv")).toEqual([
      ["ID d'abonnement", "Abonnement", "Quantité", "État", "Revendeur"],
      ["e1", "Office 365 E3", "4", "Expiré", "L\u2019Atelier \u20AC"],
      ["e2", "Office 365 E1", "2", "Désactivée", ""],
      ["e3", "Microsoft Teams Essentials\u2122", "5", "Suspendu", ""],
    ]);
  });

  test("all 32 bytes 0x80–0x9F decode as the WHATWG windows-1252 table (not as Latin-1 controls)", () => {
    const high = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    // 0x80..0x9F; the five unassigned bytes (81 8D 8F 90 9D) stay as they are.
    const want =
      "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
      "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";
    expect(decodeText(high)).toBe(want);
    // Bytes 0xA0..0xFF are Latin-1 in windows-1252.
    expect(decodeText(Uint8Array.of(0x41, 0xa0, 0xe9, 0xff))).toBe("A\u00A0éÿ");
  });

  test("™ written by Windows-1252 (0x99) is removed from the offer key like any ™ (§3), so the offer groups with its UTF-8 spelling", () => {
    const { result } = asOldExport("windows-1252-semicolon.csv")
      .new("Contoso", [{ offer: "Microsoft Teams Essentials", qty: "5", status: "Active" }])
      .run();
    const teams = result.groups.filter((g) => g.offerKey.startsWith("microsoft teams essentials"));
    expect(teams.map((g) => [g.offerKey, g.totals.R, g.totals.N, g.verdict])).toEqual([["microsoft teams essentials", 5, 5, "DONE"]]);
  });

  test("a UTF-8 BOM followed by Windows-1252 bytes: the BOM is dropped, the rest is Windows-1252", () => {
    expect(grid("bom-then-1252-bytes.csv")).toEqual([
      ["Subscription ID", "Subscription", "Quantity", "Status"],
      ["f1", "Dynamics 365 Sales Professionnel \u2013 été", "1", "Suspendu"],
    ]);
  });
});

describe("§7.2 delimiter: the most frequent of , ; tab in the header line, outside quotes", () => {
  test("';' in the header wins even when data rows are full of commas", () => {
    expect(grid("semicolon-commas-in-data.csv")).toEqual([
      ["Subscription ID", "Subscription", "Quantity", "Status", "Reseller"],
      ["s1", "Windows 365 Business 2 vCPU, 8 GB, 128 GB", "3", "Active", ""],
      ["s2", 'Office; the "special" one', "25,0", "Suspended", "A, B, C, D"],
    ]);
  });

  test("delimiters inside a quoted header cell do not count", () => {
    const text = decodeText(bytes("quoted-header-delimiters.csv"));
    expect(detectDelimiter(text)).toBe(",");
    expect(grid("quoted-header-delimiters.csv")).toEqual([
      ["Notes; a; b; c; d; e", "Subscription ID", "Subscription", "Quantity", "Status"],
      ["x; y", "h1", "Office 365 E3", "1", "Active"],
    ]);
  });

  test("tab-delimited UTF-8", () => {
    expect(grid("tab-utf8-lf.csv")).toEqual([
      ["ID sottoscrizione", "Sottoscrizione", "Quantità", "Stato", "Rivenditore"],
      ["t1", "Office 365 E3", "6", "In sospeso", ""],
      ["t2", "Office 365 E3", "4", "Sospeso", ""],
    ]);
  });

  test("the header line is the first non-empty line", () => {
    expect(detectDelimiter("\r\n\r\na;b;c\r\n1,2,3,4,5\r\n")).toBe(";");
    expect(detectDelimiter("\n\na\tb\tc,d\n")).toBe("\t");
  });

  test("a single-column header falls back to ','", () => {
    expect(detectDelimiter("Subscription ID\nx;y;z\n")).toBe(",");
  });
});

describe("§2.1 quoted fields", () => {
  test("delimiters, doubled quotes and line breaks (CRLF and LF) inside quotes; one record = one row", () => {
    expect(grid("quoted-fields-crlf.csv")).toEqual([
      ["Subscription ID", "Subscription", "Quantity", "Status", "Reseller", "Friendly name"],
      ["q1", "Windows 365 Business 2 vCPU, 8 GB, 128 GB", "3", "Active", "", 'He said "hi"'],
      ["q2", "Office 365 E3", "5", "Suspended", "Contoso, Inc.", "line one\r\nline two"],
      ["q3", "Office 365 E1", "1", "Active", "", "lf only\nsecond"],
      ["q4", "", "2", "Active", "", ""],
    ]);
  });

  test("row numbers after a quoted line break are the spreadsheet's (one row per record)", () => {
    const { result } = asOldExport("quoted-fields-crlf.csv").run();
    // q4 has an empty offer name: it is row 5 although the file has 7 physical lines before it.
    expect(problemList(result.problems)).toEqual([["from/X/Contoso.csv", 5, "EMPTY_OFFER"]]);
    expect(rowsOf(result, "from/X/Contoso.csv").map((r) => [r.subscriptionId, r.row])).toEqual([
      ["q1", 2],
      ["q2", 3],
      ["q3", 4],
      ["q4", 5],
    ]);
  });
});

describe("§2.1 line ends, trailing newline, blank lines", () => {
  test("CRLF, LF and no final line break give the same rows", () => {
    const want: Cell[][] = [
      ["Subscription ID", "Subscription", "Quantity", "Status"],
      ["m1", "Office 365 E3", "2", "Active"],
      ["m2", "Office 365 E1", "3", "Suspended"],
    ];
    expect(grid("same-rows-crlf.csv")).toEqual(want);
    expect(grid("same-rows-lf.csv")).toEqual(want);
    expect(grid("same-rows-no-final-newline.csv")).toEqual(want);
  });

  test("blank lines stay as empty rows, so row numbers are the spreadsheet's; the final line break adds no row", () => {
    expect(grid("blank-lines-lf.csv")).toEqual([
      [""],
      [""],
      ["Subscription ID", "Subscription", "Quantity", "Status"],
      [""],
      ["r1", "Office 365 E3", "2", "Active"],
      [""],
      [""],
      ["r2", "Office 365 E1", "x", "Active"],
      [""],
    ]);
  });

  test("blank lines are skipped, not read as rows; problems cite the spreadsheet row (code's choice: blank lines above the header count)", () => {
    const { result } = asOldExport("blank-lines-lf.csv").run();
    expect(problemList(result.problems)).toEqual([["from/X/Contoso.csv", 8, "BAD_QUANTITY"]]);
    expect(rowsOf(result, "from/X/Contoso.csv").map((r) => [r.subscriptionId, r.row])).toEqual([
      ["r1", 5],
      ["r2", 8],
    ]);
  });
});

describe("header-only and empty files", () => {
  test("a header-only file has its header and no rows", () => {
    expect(grid("header-only-crlf.csv")).toEqual([["Subscription ID", "Subscription", "Quantity", "Status", "Reseller"]]);
  });

  test.each(["empty.csv", "bom-only.csv", "blank-lines-only.csv"])("%s has no header: EMPTY_FILE, row 0", (name) => {
    expect(grid(name).every((r) => r.every((c) => c === null || String(c).trim() === ""))).toBe(true);
    const { result } = asOldExport(name).run();
    expect(problemList(result.problems)).toEqual([["from/X/Contoso.csv", 0, "EMPTY_FILE"]]);
  });

  test("parseCsv of whitespace only is no rows", () => {
    expect(parseCsv("")).toEqual([]);
    expect(parseCsv("  \r\n")).toEqual([]);
  });
});

describe("every fixture reconciles end to end", () => {
  test("UTF-8 BOM French: Actif 25 → A=1, R=25; Suspendu 3 → S=1", () => {
    const { result } = asOldExport("utf8-bom-semicolon-crlf.csv").run();
    expect(result.problems).toEqual([]);
    const groups = result.groups.map((g) => [g.offerKey, g.totals.R, g.totals.A, g.totals.S]);
    expect(groups).toEqual([
      ["exchange online (plan 1)", 3, 0, 1],
      ["office 365 e3", 25, 1, 0],
    ]);
  });

  test("Windows-1252 French statuses Expiré and Désactivée are read (both gone)", () => {
    const { result } = asOldExport("windows-1252-semicolon.csv").run();
    expect(result.problems).toEqual([]);
    expect(rowsOf(result, "from/X/Contoso.csv").map((r) => r.status)).toEqual(["expired", "disabled", "suspended"]);
    expect(result.groups.map((g) => [g.offerKey, g.verdict])).toEqual([
      ["microsoft teams essentials", "SERVICE_GAP"],
      ["office 365 e1", "CLOSED"],
      ["office 365 e3", "CLOSED"],
    ]);
  });

  test("UTF-16LE German and UTF-16BE Japanese are read", () => {
    const de = asOldExport("utf16le-bom-tab-crlf.csv").run().result;
    expect(rowsOf(de, "from/X/Contoso.csv").map((r) => r.status)).toEqual(["active", "deleted"]);
    const ja = asOldExport("utf16be-bom-comma.csv").run().result;
    expect(ja.problems).toEqual([]);
    expect(ja.groups.map((g) => [g.offerKey, g.totals.A, g.totals.S])).toEqual([
      ["office 365 e3", 1, 0],
      ["azure", 0, 1],
    ]);
  });

  test("Italian tab file: In sospeso (pending) and Sospeso (suspended) in one group", () => {
    const { result } = asOldExport("tab-utf8-lf.csv").run();
    expect(onlyGroup(result).totals).toMatchObject({ A: 1, S: 1, R: 10 });
  });

  test("semicolon file: the quoted offer name with ';' and '\"' is one offer, 25,0 reads as 25", () => {
    const { result } = asOldExport("semicolon-commas-in-data.csv").run();
    expect(result.problems).toEqual([]);
    expect(result.groups.map((g) => [g.offerKey, g.totals.R])).toEqual([
      ['office; the "special" one', 25],
      ["windows 365 business 2 vcpu, 8 gb, 128 gb", 3],
    ]);
  });
});
