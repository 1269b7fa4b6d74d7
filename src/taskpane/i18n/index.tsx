/**
 * The pane's language: chosen from Office's display language (falling back to English), with
 * numbers and dates formatted for the full locale (fr-BE and fr-FR share strings, not formats).
 */
import { createContext, ReactNode, useContext, useMemo } from "react";
import { ActionWords, ENGINE_FORMAT, ENGLISH_WORDS, SentenceFacts, SentenceFormat, actionSentence } from "../../domain/actions/sentence";
import type { AdviceItem } from "../../domain/advice";
import { PROBLEM_ROW_CODES, type CustomerVerdict } from "../../domain/verdicts";
import type { ProblemCode } from "../../domain/model";
import type { WorkbookError } from "../../office/types";
import {
  ACTION_PUNCTUATION,
  ACTION_WORDS,
  ADVICE_TEXTS,
  ERRORS,
  Entry,
  LANGUAGES,
  Language,
  MESSAGES,
  MessageKey,
  NEXT_STEPS,
  PHASES,
  PROBLEMS,
  Text,
  VERDICTS,
  WARNINGS,
} from "./catalogue";
import type { RunWarningCode } from "../../domain/warnings";
import { UNKNOWN, translateProblem } from "./problems";

export type { Language, MessageKey } from "./catalogue";

export type Values = Readonly<Record<string, string | number>>;

export interface I18n {
  readonly language: Language;
  /** BCP 47 tag used for number and date formats. */
  readonly locale: string;
  t(key: MessageKey, values?: Values): string;
  verdict(v: CustomerVerdict): string;
  nextStep(v: CustomerVerdict): string;
  problem(code: ProblemCode): string;
  /** A problem's message in the pane's language: the engine's English as it is, else translated by its pattern (./problems). */
  problemText(p: { readonly code: ProblemCode; readonly message: string }): string;
  phase(key: string): string;
  warning(code: RunWarningCode): string;
  /** A Next steps action's sentence (spec §8), from its facts: in English what report.json says, with the locale's dates and numbers. */
  action(facts: SentenceFacts): string;
  /** One piece of a group's advice ("double billing for 22 days"). */
  advice(item: AdviceItem): string;
  /** Between the parts of one sentence ("; ", in French " ; "). */
  readonly separator: string;
  error(key: WorkbookError["key"]): string;
  number(n: number): string;
  percent(fraction: number): string;
  /** An ISO date (YYYY-MM-DD) as the locale writes it. */
  date(iso: string): string;
}

/** "fr-BE" → fr; anything not in the catalogue → en. */
export function pickLanguage(tag: string | null | undefined): Language {
  const primary = (tag ?? "").trim().toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(primary) ? (primary as Language) : "en";
}

function safeLocale(tag: string | null | undefined, language: Language): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag ?? language);
    return canonical && pickLanguage(canonical) === language ? canonical : language;
  } catch {
    return language;
  }
}

/** The words of the action sentences in one language (English: the engine's own). */
function actionWords(language: Language): ActionWords {
  const w = (key: keyof typeof ACTION_WORDS) => ACTION_WORDS[key][language] as string;
  return {
    lines: Object.fromEntries(Object.keys(ENGLISH_WORDS.lines).map((n) => [n, w(`line.${Number(n)}`)])),
    problemRow: Object.fromEntries(PROBLEM_ROW_CODES.map((c) => [c, w(`problemRow.${c}`)])) as ActionWords["problemRow"],
    whereOld: w("whereOld"),
    whereNew: w("whereNew"),
    doubleBilling: w("doubleBilling"),
    letExpire: w("letExpire"),
    nceDue: w("nceDue"),
    nceWindowClosed: w("nceWindowClosed"),
    oldOffersUnknown: w("oldOffersUnknown"),
    offerUnknown: w("offerUnknown"),
    seatsUnreadable: w("seatsUnreadable"),
    ...ACTION_PUNCTUATION[language],
  };
}

export function createI18n(displayLanguage: string | null | undefined): I18n {
  const language = pickLanguage(displayLanguage);
  const locale = safeLocale(displayLanguage, language);
  const numbers = new Intl.NumberFormat(locale);
  const percents = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const plurals = new Intl.PluralRules(locale);

  const render = (text: Text, values: Values = {}): string => {
    const form = typeof text === "string" ? text : plurals.select(Number(values.count ?? 0)) === "one" ? text.one : text.other;
    return form.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const v = values[name];
      if (v === undefined) return whole;
      return typeof v === "number" ? numbers.format(v) : v;
    });
  };
  const pick = (entry: Entry, values?: Values) => render(entry[language], values);
  const problemText = ({ code, message }: { readonly code: ProblemCode; readonly message: string }) => {
    if (language === "en") return message;
    return translateProblem(code, message, language) ?? `${pick(PROBLEMS[code])}. ${UNKNOWN[language]}`;
  };
  const words = actionWords(language);
  const formatDate = (iso: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return m ? dates.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))) : iso;
  };
  const sentenceFormat: SentenceFormat = {
    number: (n) => numbers.format(n),
    date: formatDate,
    // The reason, short: the first part of the message, in the pane's language.
    fileProblem: (f) => (language === "en" ? ENGINE_FORMAT.fileProblem(f) : (translateProblem(f.code, f.message, language) ?? pick(PROBLEMS[f.code])).split(/\s*[:;]/)[0].trim()),
  };

  return {
    language,
    locale,
    t: (key, values) => pick(MESSAGES[key], values),
    verdict: (v) => pick(VERDICTS[v]),
    nextStep: (v) => pick(NEXT_STEPS[v]),
    problem: (code) => pick(PROBLEMS[code]),
    problemText,
    phase: (key) => pick(key in PHASES ? PHASES[key as keyof typeof PHASES] : PHASES.working),
    warning: (code) => pick(WARNINGS[code]),
    action: (facts) => actionSentence(words, facts, sentenceFormat),
    separator: words.separator,
    advice: (item) => pick(ADVICE_TEXTS[item.kind], item.kind === "doubleBilling" ? { days: item.days } : item.kind === "letExpire" ? { date: formatDate(item.date) } : {}),
    error: (key) => pick(ERRORS[key] ?? ERRORS.failed),
    number: (n) => numbers.format(n),
    percent: (f) => percents.format(Math.max(0, Math.min(1, f))),
    date: formatDate,
  };
}

const I18nContext = createContext<I18n>(createI18n("en"));

export function I18nProvider({ displayLanguage, children }: { displayLanguage: string | null | undefined; children: ReactNode }) {
  const i18n = useMemo(() => createI18n(displayLanguage), [displayLanguage]);
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
