/**
 * Spec §2.1 status table, §7.3: every status word in every language, read case, accent and
 * spacing insensitively; anything else is UNKNOWN_STATUS and is never guessed.
 */
import { readStatus, Status } from "../../src/domain/status";
import { LANGUAGES, STATUS_WORDS, StatusName } from "../support/languages";
import { ExportSet, onlyGroup } from "./support/exports";

/** Accents of Latin letters only: the Japanese sound marks (ブ = フ + ゙) are part of the word. */
const stripAccents = (s: string) => s.normalize("NFD").replace(/(\p{Script=Latin})\p{M}+/gu, "$1").normalize("NFC");

const EVERY_WORD: [string, string, StatusName][] = LANGUAGES.flatMap((lang) =>
  (Object.entries(STATUS_WORDS[lang]) as [StatusName, string[]][]).flatMap(([status, words]) =>
    words.map((w) => [lang, w, status] as [string, string, StatusName]),
  ),
);

describe("§2.1 status words: every word of the table, in every language", () => {
  test("the table restated in test/support/languages.ts has all seven statuses in all eight languages", () => {
    expect(EVERY_WORD.length).toBeGreaterThanOrEqual(7 * 8);
    for (const lang of LANGUAGES) expect(Object.keys(STATUS_WORDS[lang]).sort()).toHaveLength(7);
  });

  test.each(EVERY_WORD)("%s %j is %s", (_lang, word, status) => {
    expect(readStatus(word)).toBe(status);
  });
});

describe("§2.1 masculine and feminine forms", () => {
  const pairs: [string, string, Status][] = [
    ["Actif", "Active", "active"],
    ["Suspendu", "Suspendue", "suspended"],
    ["Expiré", "Expirée", "expired"],
    ["Désactivé", "Désactivée", "disabled"],
    ["Supprimé", "Supprimée", "deleted"],
    ["Annulé", "Annulée", "canceled"],
    ["Activo", "Activa", "active"],
    ["Suspendido", "Suspendida", "suspended"],
    ["Deshabilitado", "Deshabilitada", "disabled"],
    ["Eliminado", "Eliminada", "deleted"],
    ["Attivo", "Attiva", "active"],
    ["Sospeso", "Sospesa", "suspended"],
    ["Scaduto", "Scaduta", "expired"],
    ["Disabilitato", "Disabilitata", "disabled"],
    ["Eliminato", "Eliminata", "deleted"],
    ["Annullato", "Annullata", "canceled"],
    ["Ativo", "Ativa", "active"],
    ["Suspenso", "Suspensa", "suspended"],
    ["Expirado", "Expirada", "expired"],
    ["Desabilitado", "Desabilitada", "disabled"],
    ["Excluído", "Excluída", "deleted"],
    ["Cancelado", "Cancelada", "canceled"],
  ];
  test.each(pairs)("%s / %s are %s", (m, f, status) => {
    expect(readStatus(m)).toBe(status);
    expect(readStatus(f)).toBe(status);
  });
});

describe("§2.1 English words and other languages' words are accepted in every file", () => {
  test("a German export using English and Italian words", () => {
    const { result } = new ExportSet()
      .raw("from/DE/Contoso.csv", [
        ["Abonnement-ID", "Abonnement", "Menge", "Status", "Händler"],
        ["s1", "Office 365 E3", "5", "Suspended", ""],
        ["s2", "Office 365 E3", "3", "Sospeso", ""],
        ["s3", "Office 365 E3", "2", "Angehalten", ""],
      ])
      .run();
    expect(result.problems).toEqual([]);
    expect(onlyGroup(result).totals).toMatchObject({ S: 3, R: 10, A: 0 });
  });
});

describe("§2.1 case, accent and spacing insensitivity", () => {
  test.each(EVERY_WORD)("%s %j in upper case, lower case and without accents", (_lang, word, status) => {
    for (const variant of [word.toUpperCase(), word.toLowerCase(), stripAccents(word), stripAccents(word).toUpperCase()]) {
      expect([variant, readStatus(variant)]).toEqual([variant, status]);
    }
  });

  test.each(EVERY_WORD)("%s %j with spaces around, doubled inner spaces and no-break spaces", (_lang, word, status) => {
    for (const variant of [`  ${word}`, `${word}   `, ` ${word.replace(/ /g, "   ")} `, `\u00A0${word}\u00A0`, word.replace(/ /g, "\u00A0")]) {
      expect([variant, readStatus(variant)]).toEqual([variant, status]);
    }
  });

  test("accents stripped from only some letters", () => {
    expect(readStatus("Desactivée")).toBe("disabled");
    expect(readStatus("désactivee")).toBe("disabled");
    expect(readStatus("GELOSCHT")).toBe("deleted");
    expect(readStatus("Excluido")).toBe("deleted");
  });
});

describe("§2.1 the Italian pair", () => {
  test('"In sospeso" is pending and "Sospeso" is suspended', () => {
    expect(readStatus("In sospeso")).toBe("pending");
    expect(readStatus("Sospeso")).toBe("suspended");
    expect(readStatus("IN  SOSPESO ")).toBe("pending");
    expect(readStatus(" sospeso")).toBe("suspended");
  });

  test("they count differently in a group: pending is old still billing (A), suspended is not", () => {
    const { result } = new ExportSet()
      .raw("from/IT/Contoso.csv", [
        ["ID sottoscrizione", "Sottoscrizione", "Quantità", "Stato", "Rivenditore"],
        ["s1", "Office 365 E3", "5", "In sospeso", ""],
        ["s2", "Office 365 E3", "4", "Sospeso", ""],
      ])
      .run();
    expect(onlyGroup(result).totals).toMatchObject({ A: 1, S: 1, R: 9 });
  });
});

describe("§2.1 / §7.3 unknown statuses are never guessed", () => {
  const unknown: unknown[] = [
    "Actve",
    "Activ",
    "Active?",
    "Active.",
    "Suspended (billing)",
    "Not active",
    "Inactive",
    "Transferred",
    "Übertragen",
    "sospes",
    "In",
    "Pending review",
    "",
    "   ",
    "=Active",
    "Active,",
    "ActivePending",
    5,
    1,
    true,
    null,
    { error: "#N/A" },
  ];
  test.each(unknown)("%j is not a status", (cell) => {
    expect(readStatus(cell as never)).toBeNull();
  });

  test("an unknown status is an UNKNOWN_STATUS problem at its row and counts nowhere", () => {
    const { result } = new ExportSet()
      .raw("from/X/Contoso.csv", [
        ["Subscription ID", "Subscription", "Quantity", "Status"],
        ["s1", "Office 365 E3", "5", "Suspended"],
        ["s2", "Office 365 E3", "50", "Actve"],
      ])
      .run();
    expect(result.problems.map((p) => [p.source, p.row, p.code])).toEqual([["from/X/Contoso.csv", 3, "UNKNOWN_STATUS"]]);
    expect(result.problems[0].message).toContain('"Actve"');
    expect(onlyGroup(result).totals).toMatchObject({ oldRows: 1, R: 5, A: 0, S: 1 });
  });
});
