// The task pane's string catalogue (src/taskpane/i18n): English, French and Dutch side by side,
// chosen by Office's display language, with numbers and dates in the locale's format.
import * as fs from "fs";
import * as path from "path";
import { ERRORS, LANGUAGES, MESSAGES, NEXT_STEPS, PHASES, PROBLEMS, Text, VERDICTS } from "../../src/taskpane/i18n/catalogue";
import { createI18n, pickLanguage } from "../../src/taskpane/i18n";
import { CUSTOMER_ORDER, LABEL, NEXT_STEP } from "../../src/domain/verdicts";
import { localReason } from "../../src/taskpane/views/reasons";
import { customerOutcomes } from "../../src/office/reconcile";
import { reconcileImports } from "../../src/cli/run";
import { scanFolder } from "../../src/cli/folder";

const forms = (t: Text): string[] => (typeof t === "string" ? [t] : [t.one, t.other]);
const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const sections = { MESSAGES, VERDICTS, NEXT_STEPS, PROBLEMS, PHASES, ERRORS } as const;

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
  });

  it("translates rather than copies: French and Dutch differ from English where the words differ", () => {
    const same = Object.entries(MESSAGES).filter(([, e]) => JSON.stringify(e.fr) === JSON.stringify(e.en) && JSON.stringify(e.nl) === JSON.stringify(e.en));
    // Only the product name is the same in all three.
    expect(same.map(([k]) => k)).toEqual(["app.title"]);
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

describe("a customer's reasons, as the gateway words them, in the pane's language", () => {
  let reasons: string[];
  beforeAll(async () => {
    const scan = await scanFolder(path.join(__dirname, "..", "..", "samples"));
    const { result } = reconcileImports(scan.files, { asOf: "2026-11-24", fixedAsOf: true });
    reasons = customerOutcomes(result).flatMap((c) => c.reasons);
  });

  it("translates the verdict and the seat counts of every reason, keeping the offer name", () => {
    expect(reasons.length).toBeGreaterThan(20);
    const fr = createI18n("fr-FR");
    for (const r of reasons) {
      const local = localReason(r, fr);
      expect(local).not.toBe(r);
      expect(local.startsWith(r.slice(0, r.indexOf(": ") + 2))).toBe(true);
      expect(local).toMatch(/\(requis \d+, nouveaux \d+\)$/);
    }
    expect(localReason("Office 365 E3: New subscription missing (R 25, N 0)", fr)).toBe("Office 365 E3: Nouvel abonnement manquant (requis 25, nouveaux 0)");
    expect(localReason("Office 365 E3: New subscription missing (R 25, N 0)", createI18n("en"))).toBe("Office 365 E3: New subscription missing (required 25, new 0)");
  });

  it("shows a reason worded otherwise as it is", () => {
    expect(localReason("something else", createI18n("nl"))).toBe("something else");
    expect(localReason("X: Not a verdict (R 1, N 2)", createI18n("nl"))).toBe("X: Not a verdict (R 1, N 2)");
  });
});
