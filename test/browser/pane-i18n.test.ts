// The task pane's string catalogue (src/taskpane/i18n): English, French and Dutch side by side,
// chosen by Office's display language, with numbers and dates in the locale's format.
import * as fs from "fs";
import * as path from "path";
import { ACTION_WORDS, ADVICE_TEXTS, ERRORS, LANGUAGES, MESSAGES, NEXT_STEPS, PHASES, PROBLEMS, Text, VERDICTS, WARNINGS } from "../../src/taskpane/i18n/catalogue";
import { PROBLEM_PATTERNS, PROBLEM_SUFFIXES, UNKNOWN, recognise, translateProblem } from "../../src/taskpane/i18n/problems";
import { createI18n, pickLanguage } from "../../src/taskpane/i18n";
import { CUSTOMER_ORDER, LABEL, NEXT_STEP, PROBLEM_ROW_CODES } from "../../src/domain/verdicts";
import { ACTION_TABLE, Action, ENGLISH_WORDS, SentenceFacts, actionSentence } from "../../src/domain/actions";
import { AdviceItem, adviceText } from "../../src/domain/advice";
import { engineActions } from "./support/action-corpus";
import { RUN_WARNING_TEXT } from "../../src/domain/warnings";
import type { Problem } from "../../src/domain/model";
import { groupReason } from "../../src/taskpane/views/reasons";
import { customerHaystack, matches, searchKey } from "../../src/taskpane/views/search";
import { customerOutcomes } from "../../src/office/reconcile";
import { reconcileImports } from "../../src/cli/run";
import { scanFolder } from "../../src/cli/folder";
import { engineProblems } from "./support/problem-corpus";

const forms = (t: Text): string[] => (typeof t === "string" ? [t] : [t.one, t.other]);
const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const sections = { MESSAGES, VERDICTS, NEXT_STEPS, PROBLEMS, PHASES, ERRORS, WARNINGS, ACTION_WORDS, ADVICE_TEXTS } as const;

/**
 * Entries whose French or Dutch is rightly the English word. Anything else equal to the English
 * is a copy someone forgot to translate.
 */
const SAME_AS_ENGLISH = new Set([
  "MESSAGES.app.title.fr",
  "MESSAGES.app.title.nl",
  "MESSAGES.nav.import.nl",
  "MESSAGES.sheets.account.nl",
  "MESSAGES.settings.asOfDate.fr",
  // Only values and Dutch punctuation, which is the English one.
  "MESSAGES.results.group.nl",
  "MESSAGES.results.groupAdvice.nl",
  "MESSAGES.import.problem.nl",
  // French says "action" too.
  "MESSAGES.count.actions.fr",
  // A name, and Dutch says "account" too.
  "MESSAGES.next.account.microsoft.fr",
  "MESSAGES.next.account.microsoft.nl",
  "MESSAGES.next.account.old.nl",
]);

describe("catalogue", () => {
  for (const [section, entries] of Object.entries(sections)) {
    describe(section, () => {
      it.each(Object.keys(entries))("%s says the same thing in every language: non-empty, same placeholders, same plural shape", (key) => {
        const entry = (entries as Record<string, Record<string, Text>>)[key];
        const english = entry.en;
        for (const lang of LANGUAGES) {
          const text = entry[lang];
          expect(typeof text).toBe(typeof english);
          for (const form of forms(text)) {
            expect(form.trim()).not.toBe("");
            expect(placeholders(form)).toEqual(placeholders(forms(english)[0]));
          }
          if (typeof text !== "string") expect(placeholders(text.one)).toContain("count");
        }
      });
    });
  }

  it("has a label and a next step for every customer verdict, English taken from the workbook's own wording", () => {
    for (const v of CUSTOMER_ORDER) {
      expect(VERDICTS[v].en).toBe(LABEL[v]);
      expect(NEXT_STEPS[v].en).toBe(NEXT_STEP[v]);
    }
    for (const [code, text] of Object.entries(RUN_WARNING_TEXT)) expect(WARNINGS[code as keyof typeof WARNINGS].en).toBe(text);
  });

  it("translates every entry of every section: French and Dutch present, and never the English copied (except the listed words)", () => {
    const copied: string[] = [];
    for (const [section, entries] of Object.entries(sections)) {
      for (const [key, entry] of Object.entries(entries as Record<string, Record<string, Text>>)) {
        for (const lang of ["fr", "nl"] as const) {
          expect(entry[lang]).toBeDefined();
          if (JSON.stringify(entry[lang]) === JSON.stringify(entry.en) && !SAME_AS_ENGLISH.has(`${section}.${key}.${lang}`)) copied.push(`${section}.${key}.${lang}`);
        }
      }
    }
    for (const [i, p] of [...PROBLEM_PATTERNS, ...PROBLEM_SUFFIXES].entries()) {
      for (const lang of ["fr", "nl"] as const) {
        if (p[lang] === p.en) copied.push(`problem pattern ${i}.${lang}`);
        expect(placeholders(p[lang])).toEqual(placeholders(p.en));
      }
    }
    expect(copied).toEqual([]);
  });

  it("keeps one set of verdict labels per language: no two verdicts share a label, and the pane's words are those labels", () => {
    for (const lang of LANGUAGES) {
      const labels = CUSTOMER_ORDER.map((v) => VERDICTS[v][lang]);
      expect(new Set(labels).size).toBe(labels.length);
    }
  });
});

describe("language choice (Office.context.displayLanguage)", () => {
  it.each([
    ["en-US", "en"],
    ["fr-FR", "fr"],
    ["fr-BE", "fr"],
    ["nl-NL", "nl"],
    ["nl-BE", "nl"],
    ["NL-be", "nl"],
    ["de-DE", "en"],
    ["ja-JP", "en"],
    ["", "en"],
    [null, "en"],
    [undefined, "en"],
  ])("%s → %s", (tag, lang) => {
    expect(pickLanguage(tag)).toBe(lang);
  });

  it("formats numbers and dates for the full locale", () => {
    const fr = createI18n("fr-FR");
    expect(fr.number(12345)).toBe(new Intl.NumberFormat("fr-FR").format(12345));
    expect(fr.t("count.customers", { count: 12345 })).toBe(`${new Intl.NumberFormat("fr-FR").format(12345)} clients`);
    expect(fr.date("2026-11-24")).toBe(new Intl.DateTimeFormat("fr-FR", { dateStyle: "medium", timeZone: "UTC" }).format(Date.UTC(2026, 10, 24)));
    const nl = createI18n("nl-BE");
    expect(nl.locale).toBe("nl-BE");
    expect(nl.date("2026-11-24")).toContain("2026");
  });

  it("uses each language's plural rules: French puts 0 and 1 in the singular, English and Dutch only 1", () => {
    expect(createI18n("fr").t("count.problems", { count: 0 })).toBe("0 problème");
    expect(createI18n("fr").t("count.problems", { count: 2 })).toBe("2 problèmes");
    expect(createI18n("en").t("count.problems", { count: 0 })).toBe("0 problems");
    expect(createI18n("en").t("count.problems", { count: 1 })).toBe("1 problem");
    expect(createI18n("nl").t("count.problems", { count: 1 })).toBe("1 probleem");
  });

  it("shows an unknown progress phase as the generic 'working' text, never as a raw key", () => {
    expect(createI18n("en").phase("some-new-phase")).toBe(PHASES.working.en);
    expect(createI18n("nl").phase("reading")).toBe(PHASES.reading.nl);
  });

  it("falls back to English for a display language the catalogue lacks, with that locale's formats", () => {
    const de = createI18n("de-DE");
    expect(de.language).toBe("en");
    expect(de.t("nav.results")).toBe("Results");
  });
});

describe("no hard-coded user-facing text in the pane's components", () => {
  const root = path.join(__dirname, "..", "..", "src", "taskpane");
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return e.name === "dev" || e.name === "i18n" ? [] : files(p);
      return p.endsWith(".tsx") ? [p] : [];
    });

  it.each(files(root).map((f) => path.relative(root, f)))("%s", (rel) => {
    const src = fs.readFileSync(path.join(root, rel), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    // Text between JSX tags, and string literals in attributes people read.
    const jsxText = [...src.matchAll(/(?<![=-])>\s*([^<>{}\s][^<>{}]*?)\s*</g)].map((m) => m[1]).filter((s) => /\p{L}{2,}/u.test(s) && !/[=;()]|&&|\|\|/.test(s));
    const attrs = [...src.matchAll(/\b(aria-label|placeholder|title|label|alt)="([^"]*)"/g)].map((m) => m[2]).filter((s) => /\p{L}/u.test(s));
    expect([...jsxText, ...attrs]).toEqual([]);
  });
});


describe("a customer's groups in the pane's language", () => {
  const en = createI18n("en");
  const fr = createI18n("fr-FR");
  const g = (over: Partial<Parameters<typeof groupReason>[0]>) => ({ offer: "Office 365 E3", azure: false, verdict: "MISSING_NEW" as const, required: 25, newSeats: 0, advice: [], ...over });

  it("says the offer, the verdict label (the badge's and the chart's) and the seats", () => {
    expect(groupReason(g({}), en)).toBe("Office 365 E3: New subscription missing (required 25, new 0)");
    expect(groupReason(g({}), fr)).toBe("Office 365 E3 : Nouvel abonnement manquant (requis 25, nouveaux 0)");
  });

  it("does not name Azure twice (\"Azure: Azure: awaiting Microsoft\"), and gives no seat figures for Azure", () => {
    expect(groupReason(g({ offer: "Azure", azure: true, verdict: "AZURE_PENDING", required: 1 }), en)).toBe("Azure: awaiting Microsoft");
    expect(groupReason(g({ offer: "Microsoft Azure", azure: true, verdict: "AZURE_PENDING", required: 1 }), fr)).toBe("Azure : en attente de Microsoft");
    expect(groupReason(g({ offer: "Azure plan", azure: true, verdict: "SERVICE_GAP", required: 1 }), en)).toBe("Azure plan: Service gap");
  });

  it("words every group of the samples without a doubled label", async () => {
    const scan = await scanFolder(path.join(__dirname, "..", "..", "samples"));
    const { result } = reconcileImports(scan.files, { asOf: "2026-11-24", fixedAsOf: true });
    const texts = customerOutcomes(result).flatMap((c) => c.groups.map((x) => groupReason(x, en)));
    expect(texts.length).toBeGreaterThan(20);
    expect(texts).toContain("Azure: awaiting Microsoft");
    for (const t of texts) expect(t).not.toMatch(/Azure: Azure/);
  });
});

describe("the customer search: accents and case ignored; names, Microsoft IDs, domains and subscription IDs", () => {
  const en = createI18n("en");
  let customers: ReturnType<typeof customerOutcomes>;
  const find = (q: string) => customers.filter((c) => matches(customerHaystack(c, en), q)).map((c) => c.name);
  beforeAll(async () => {
    const scan = await scanFolder(path.join(__dirname, "..", "..", "samples"));
    const { result, sheets } = reconcileImports(scan.files, { asOf: "2026-11-24", fixedAsOf: true });
    const { readWorkbook } = await import("../../src/domain/workbook");
    customers = customerOutcomes(result, readWorkbook(sheets, result.asOf).customerLists);
  });

  it("folds accents and case", () => {
    expect(searchKey("  Müller  MASCHINENBAU ")).toBe("muller maschinenbau");
    expect(searchKey("Hôtel Bellevue")).toBe("hotel bellevue");
    expect(find("muller")).toEqual(["Müller Maschinenbau GmbH"]);
    expect(find("LEFEVRE")).toEqual(["Transports Lefèvre SA"]);
    expect(find("veterinaire")).toEqual(["Clinique Vétérinaire Bernard"]);
  });

  it("finds a customer by its Microsoft ID, with or without braces, in any case", () => {
    const c = customers.find((x) => x.microsoftId)!;
    expect(find(c.microsoftId!)).toEqual([c.name]);
    expect(find(`{${c.microsoftId!.toUpperCase()}}`)).toEqual([c.name]);
  });

  it("finds a customer by a primary domain from a customer list, and by a domain-named export", () => {
    const listed = customers.filter((c) => c.domains.length > 0);
    expect(listed.length).toBeGreaterThan(5);
    for (const c of listed) expect(find(c.domains[0])).toContain(c.name);
    expect(find("transportslefevre.onmicrosoft.com")).toEqual(["Transports Lefèvre SA"]);
  });

  it("finds a customer by one of its subscription IDs", () => {
    const c = customers.find((x) => x.subscriptionIds.length > 0)!;
    expect(find(c.subscriptionIds[0])).toEqual([c.name]);
  });
});

describe("problem texts: the engine's English in English, translated by code and pattern in French and Dutch", () => {
  let corpus: Problem[];
  beforeAll(() => {
    corpus = engineProblems();
  });

  it("the corpus holds every message the engine writes: each pattern is produced at least once", () => {
    const used = new Set<number>();
    for (const p of corpus) {
      const r = recognise(p.code, p.message) ?? recognise(p.code, p.message.slice(0, p.message.lastIndexOf("; ")));
      if (r) used.add(PROBLEM_PATTERNS.indexOf(r.pattern as (typeof PROBLEM_PATTERNS)[number]));
    }
    const unused = PROBLEM_PATTERNS.map((p, i) => (used.has(i) ? null : p.en)).filter(Boolean);
    expect(unused).toEqual([]);
    expect(corpus.some((p) => PROBLEM_SUFFIXES.some((s) => p.message.includes(s.en.slice("{count} ".length, 30))))).toBe(true);
  });

  it.each(["fr", "nl"] as const)("every message the engine writes is recognised and translated into %s, with its values", (lang) => {
    const untranslated: string[] = [];
    for (const p of corpus) {
      const local = translateProblem(p.code, p.message, lang);
      if (local === null) {
        untranslated.push(`${p.code}: ${p.message}`);
        continue;
      }
      expect(local).not.toBe(p.message);
      // The values (quoted text, IDs, paths, row numbers) come through unchanged.
      for (const v of [...p.message.matchAll(/"([^"]*)"/g)].map((m) => m[1]).filter((v) => !/^(Unread files)$/.test(v))) expect(local).toContain(v);
      // And nothing else of the English is left (values, which may be English, taken out first).
      const values = Object.values(recognise(p.code, p.message)?.values ?? {});
      const words = values.reduce((t, v) => t.split(v).join(" "), local);
      expect(words).not.toMatch(/\b(the|not|row|rows|file|column|customer|counted|seats|already|appears|empty|sheet)\b/i);
    }
    expect(untranslated).toEqual([]);
  });

  it("names the missing columns as Partner Center's export in that language does", () => {
    const p = corpus.find((x) => x.code === "MISSING_COLUMN" && x.message.startsWith("Missing columns"))!;
    expect(translateProblem(p.code, p.message, "fr")).toMatch(/^Colonnes manquantes Quantité, État : /);
    expect(translateProblem(p.code, p.message, "nl")).toMatch(/^Ontbrekende kolommen Aantal, Status: /);
  });

  it("a message no pattern knows is said in the pane's language about its code, never in English", () => {
    const fr = createI18n("fr-FR");
    const p = { code: "BAD_QUANTITY" as const, message: "Quantity arrived by carrier pigeon" };
    expect(fr.problemText(p)).toBe(`${PROBLEMS.BAD_QUANTITY.fr}. ${UNKNOWN.fr}`);
    expect(createI18n("en").problemText(p)).toBe(p.message);
  });
});

describe("Next steps sentences: the engine's English, said again in French and Dutch from the action's facts", () => {
  let corpus: Action[];
  beforeAll(() => {
    corpus = engineActions();
  });
  const lines = ACTION_TABLE.map((l) => l.n);
  /** The values an action's sentence carries as they are (names, IDs, offers, files). */
  const values = (f: SentenceFacts) => [f.customer, f.oldAccount ?? "", f.offer ?? "", ...f.ids, f.file?.source ?? "", ...f.oldOffers].filter((v) => v !== "");

  it("the corpus holds every kind of sentence: each line of the table, let it expire, the NCE window open and closed, each reason, each unreadable file", () => {
    const seen = new Set(corpus.map((a) => a.line));
    expect(lines.filter((n) => !seen.has(n))).toEqual([]);
    expect(corpus.some((a) => a.sentence.letExpire)).toBe(true);
    expect(new Set(corpus.map((a) => a.sentence.nceWindow))).toEqual(new Set([null, "open", "closed"]));
    expect(new Set(corpus.flatMap((a) => a.sentence.problemRow))).toEqual(new Set(PROBLEM_ROW_CODES));
    expect(new Set(corpus.flatMap((a) => (a.sentence.file ? [a.sentence.file.code] : [])))).toEqual(new Set(["MISSING_COLUMN", "UNREADABLE_FILE", "EMPTY_FILE"]));
    expect(corpus.some((a) => a.sentence.doubleBillingDays !== null)).toBe(true);
    expect(corpus.some((a) => a.sentence.seats === null && ACTION_TABLE.find((l) => l.n === a.line)!.text.includes("{seats}"))).toBe(true);
    expect(corpus.some((a) => a.sentence.ids.length === 0 && ACTION_TABLE.find((l) => l.n === a.line)!.text.includes("{ids}"))).toBe(true);
  });

  it("has French and Dutch words for every line of the action table, every phrase and every problem-row reason", () => {
    const keys = [...lines.map((n) => `line.${n}`), ...PROBLEM_ROW_CODES.map((c) => `problemRow.${c}`), ...Object.keys(ENGLISH_WORDS).filter((k) => !["lines", "problemRow", "separator", "end"].includes(k))];
    expect(keys.filter((k) => !(k in ACTION_WORDS))).toEqual([]);
    expect(Object.keys(ACTION_WORDS).length).toBe(keys.length);
  });

  it("puts {ids} after a space in every language, so that an action without subscription IDs leaves no gap", () => {
    for (const entry of Object.values(ACTION_WORDS)) {
      for (const lang of LANGUAGES) if ((entry.en as string).includes(" {ids}")) expect(entry[lang]).toContain(" {ids}");
    }
  });

  it("says in English what report.json says, with the locale's dates", () => {
    const en = createI18n("en-US");
    for (const a of corpus) {
      expect(actionSentence(ENGLISH_WORDS, a.sentence)).toBe(a.text);
      expect(en.action(a.sentence)).toBe(a.text.replace(/\d{4}-\d{2}-\d{2}/g, (iso) => en.date(iso)));
    }
  });

  it.each(["fr-FR", "nl-NL"] as const)("says every sentence in %s: placeholders filled, the values kept, no English left", (tag) => {
    const i18n = createI18n(tag);
    const lang = i18n.language as "fr" | "nl";
    const local = Object.values(ACTION_WORDS).map((e) => e[lang] as string).join("\n");
    const englishPieces = Object.values(ACTION_WORDS)
      .flatMap((e) => (e.en as string).split(/\{\w+\}/))
      .map((p) => p.replace(/^[\s"(),.:;×]+|[\s"(),.:;×]+$/g, ""))
      .filter((p) => /\p{L}+\s+\p{L}+/u.test(p) && !local.includes(p));
    expect(englishPieces.length).toBeGreaterThan(30);
    const said = new Set<string>();
    for (const a of corpus) {
      const text = i18n.action(a.sentence);
      said.add(text);
      expect(text).not.toMatch(/[{}]/);
      expect(text).not.toBe(a.text);
      for (const v of values(a.sentence)) expect(text).toContain(v);
      if (a.sentence.due) expect(text).toContain(i18n.date(a.sentence.due));
      expect(englishPieces.filter((p) => text.includes(p))).toEqual([]);
      const words = values(a.sentence).reduce((t, v) => t.split(v).join(" "), text);
      expect(words).not.toMatch(/\b(the|seats|still|bills|suspend|cancel|days|create|expire|instead|check|reseller|licenses|missing|column|empty|file could)\b/i);
    }
    expect(said.size).toBe(new Set(corpus.map((a) => a.text)).size);
  });
});

describe("a group's advice in the pane's language", () => {
  const items: AdviceItem[] = [{ kind: "doubleBilling", days: 22 }, { kind: "letExpire", date: "2026-12-18" }, { kind: "transferOrCancel" }, { kind: "reassign" }];

  it("says in English what the workbook's Advice column says", () => {
    const en = createI18n("en");
    expect(items.map((i) => en.advice(i))).toEqual(["double billing for 22 days", `let it expire on ${en.date("2026-12-18")}`, "transfer or cancel within 7 days", "reassign licenses"]);
    for (const i of items) if (i.kind !== "letExpire") expect(en.advice(i)).toBe(adviceText(i));
  });

  it.each(["fr-FR", "nl-NL"] as const)("in %s, with the values", (tag) => {
    const i18n = createI18n(tag);
    const said = items.map((i) => i18n.advice(i));
    expect(said[0]).toContain("22");
    expect(said[1]).toContain(i18n.date("2026-12-18"));
    for (const [k, text] of said.entries()) expect(text).not.toBe(adviceText(items[k]));
  });
});
