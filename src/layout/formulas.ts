/**
 * Formula text of the live workbook. Every rule-bearing formula is compiled from the data in
 * domain/ (verdict tables, status vocabulary, quantity grammar, advice phrases), so the
 * workbook recalculates exactly what the engine computes.
 *
 * Only functions of Excel 2016+ and Excel on the web; nothing volatile except TODAY() in the
 * single as-of cell. No dynamic arrays, no LET/XLOOKUP/IFS/TEXTJOIN/MINIFS. Text is never
 * turned into a number by the locale: TEXT(…,"0…") and "--" are only applied to digit strings.
 */
import { ActionChoice, ActionCond, ActionFlag, ActionNumber } from "../domain/actions/table";
import { ADVICE, Phrase } from "../domain/advice";
import { MAX_QUANTITY } from "../domain/quantity";
import { STATUS_CODE } from "../domain/status";
import {
  CUSTOMER_RULES,
  Cond,
  CustomerVerdict,
  FLAGGED_EXEMPT,
  GROUP_RULES,
  GroupFlag,
  GroupNumber,
  GroupVerdict,
  LABEL,
  RERUN_LABEL,
  Rule,

  severityRank,
} from "../domain/verdicts";
import { quote } from "./a1";

export function compileCond<N extends string, F extends string>(cond: Cond<N, F>, ref: (name: N | F) => string): string {
  switch (cond.op) {
    case "and":
      if (cond.args.length === 0) return "TRUE";
      if (cond.args.length === 1) return compileCond(cond.args[0], ref);
      return `AND(${cond.args.map((a) => compileCond(a, ref)).join(",")})`;
    case "or":
      if (cond.args.length === 0) return "FALSE";
      if (cond.args.length === 1) return compileCond(cond.args[0], ref);
      return `OR(${cond.args.map((a) => compileCond(a, ref)).join(",")})`;
    case "not":
      return `NOT(${compileCond(cond.arg, ref)})`;
    case "flag":
      return `${ref(cond.name)}=1`;
    case "cmp":
      return `${ref(cond.name)}${cond.rel}${typeof cond.rhs === "number" ? cond.rhs : ref(cond.rhs.name)}`;
  }
}

/**
 * An action condition of spec §8 (domain/actions/table.ts), the sibling of compileCond: `ref`
 * gives the cell of each variable. A choice is compared as the workbook holds it — the customer
 * verdict as its label, the group verdict as its severity rank, the row's status as its
 * STATUS_CODE — so a variable that is unset at the action's scope (an empty label, rank 0,
 * code 0) matches no value, as the engine's null does.
 */
export function compileActionCond(cond: ActionCond, ref: (name: ActionChoice | ActionFlag | ActionNumber) => string): string {
  const many = (op: "AND" | "OR", parts: string[], none: string) => (parts.length === 0 ? none : parts.length === 1 ? parts[0] : `${op}(${parts.join(",")})`);
  switch (cond.op) {
    case "and":
      return many("AND", cond.args.map((a) => compileActionCond(a, ref)), "TRUE");
    case "or":
      return many("OR", cond.args.map((a) => compileActionCond(a, ref)), "FALSE");
    case "not":
      // Short text: NOT(x=1) is x<>1 whatever x holds.
      return cond.arg.op === "flag" ? `${ref(cond.arg.name)}<>1` : `NOT(${compileActionCond(cond.arg, ref)})`;
    case "flag":
      return `${ref(cond.name)}=1`;
    case "cmp":
      return `${ref(cond.name)}${cond.rel}${cond.rhs}`;
    case "in": {
      const x = ref(cond.name);
      const literal =
        cond.name === "customerVerdict"
          ? (v: string) => quote(LABEL[v as CustomerVerdict])
          : cond.name === "groupVerdict"
            ? (v: string) => String(severityRank(v as GroupVerdict))
            : (v: string) => String(STATUS_CODE[v as keyof typeof STATUS_CODE]);
      return many("OR", (cond.values as readonly string[]).map((v) => `${x}=${literal(v)}`), "FALSE");
    }
  }
}

/** First matching rule wins: IF(c1,r1,IF(c2,r2,…fallback)). A rule that is always true ends the chain. */
export function compileRules<N extends string, F extends string, V extends string>(
  rules: readonly Rule<N, F, V>[],
  ref: (name: N | F) => string,
  result: (v: V) => string,
  fallback: string,
): string {
  let out = fallback;
  for (let i = rules.length - 1; i >= 0; i--) {
    const cond = compileCond(rules[i].when, ref);
    out = cond === "TRUE" ? result(rules[i].verdict) : `IF(${cond},${result(rules[i].verdict)},${out})`;
  }
  return out;
}

/** The group verdict as its severity rank (1 = most severe), from GROUP_RULES. */
export function groupRankFormula(ref: (name: GroupNumber | GroupFlag) => string): string {
  return compileRules(GROUP_RULES, ref, (v) => String(severityRank(v)), String(severityRank("DONE")));
}


/** Group label: the re-run notice when keys changed, else the verdict label (`label`: its formula). */
export function groupLabelFormula(staleRef: string, label: string): string {
  return `IF(${staleRef}>0,${quote(RERUN_LABEL)},${label})`;
}

/** Customer verdict: CUSTOMER_RULES first, then the most severe group verdict (min rank). */
export function customerLabelFormula(ref: (name: string) => string, staleRef: string, minRankLabel: string): string {
  const ruled = compileRules<string, string, CustomerVerdict>(
    CUSTOMER_RULES as unknown as Rule<string, string, CustomerVerdict>[],
    ref,
    (v) => quote(LABEL[v]),
    minRankLabel,
  );
  return `IF(${staleRef}>0,${quote(RERUN_LABEL)},${ruled})`;
}

/** §4 Flagged, the formula twin of verdicts.ts isFlagged(): a verdict outside FLAGGED_EXEMPT, or problem rows. */
export function flaggedFormula(labelRef: string, problemsRef: string): string {
  const exempt = [...FLAGGED_EXEMPT].map((v) => `${labelRef}=${quote(LABEL[v])}`).join(",");
  return `IF(AND(OR(${exempt}),${problemsRef}=0),"No","Yes")`;
}

/** MATCH treats * ? ~ as wildcards: escape them so a typed status is matched literally. */
export function escapeWildcards(x: string): string {
  return `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${x},"~","~~"),"*","~*"),"?","~?")`;
}

/** The `cellKey` of domain/text.ts: NBSP read as a space, then Excel's TRIM. */
export function cellKeyFormula(x: string): string {
  return `TRIM(SUBSTITUTE(${x},UNICHAR(160)," "))`;
}

/** Status code of the row (STATUS_CODE), 0 when unknown or excluded by the Decision column. */
export function statusCodeFormula(statusText: string, decisionText: string, words: string, codes: string): string {
  return (
    `IF(IFERROR(${cellKeyFormula(decisionText)}="exclude",FALSE),0,` +
    `IFERROR(INDEX(${codes},MATCH(${escapeWildcards(cellKeyFormula(statusText))},${words},0)),0))`
  );
}

/**
 * A Quantity cell as text, with Excel's TRIM and commas read as periods (domain/quantity.ts
 * grammar); "" for an error value, which no grammar reads (model.ts quantityText).
 */
export function quantityTextFormula(quantityCell: string): string {
  return `IFERROR(SUBSTITUTE(TRIM(""&${quantityCell}),",","."),"")`;
}

/**
 * Seats of the row: 1 for Azure rows (never read, §3), the license count, or -1 when the
 * quantity is unreadable (left out of the sums, §7.4). Mirrors readQuantity(): digits, an
 * optional "." and zeros (not exactly three: a thousands separator is refused), at most
 * MAX_QUANTITY. TEXT(n,"000") is locale-independent and proves the integer part is digits only.
 */
export function seatsFormula(azureRef: string, u: string): string {
  const p = `FIND(".",${u}&".")`;
  const intPart = `LEFT(${u},${p}-1)`;
  // A cell holds at most 32,767 characters: MID up to that many takes the rest of any text.
  // A second "." needs no test of its own: it makes the fraction more than zeros.
  // p>1 and --int>=0 say again what TEXT(--int,"00…")=int proves in Excel: HyperFormula reads
  // --"" as 0 and writes TEXT(-3,"00") as "-3" (Excel: #VALUE!, "-03").
  const valid =
    `AND(${p}>1,${intPart}=TEXT(--${intPart},REPT("0",${p}-1)),--${intPart}>=0,` +
    `OR(${p}>LEN(${u}),AND(${p}<LEN(${u}),SUBSTITUTE(MID(${u},${p}+1,32767),"0","")="",LEN(${u})-${p}<>3)),` +
    `--${intPart}<=${MAX_QUANTITY})`;
  return `IF(${azureRef}=1,1,IFERROR(IF(${valid},--${intPart},-1),-1))`;
}

/** New commerce: by offer ID/term (value), or the account marked "nce" in the Accounts sheet. */
export function nceFormula(nceByOfferRef: string, accountRef: string, accountNames: string, accountCommerce: string): string {
  return (
    `IF(${nceByOfferRef}=1,1,IF(IFERROR(${cellKeyFormula(`INDEX(${accountCommerce},MATCH(${escapeWildcards(accountRef)},${accountNames},0))`)}="nce",FALSE),1,0))`
  );
}

export const CODE = STATUS_CODE;

/**
 * 1 when the key cells no longer read as they did at the run (an edit, or a sort of the export
 * sheet), else 0; one EXACT per key cell, so no concatenation can outgrow a cell's 32,767
 * characters. An error value reads as "#ERROR" (model.ts keyText). A pair with a `tail` compares
 * only that many last characters (the subscription ID: model.ts idTail).
 */
export function staleFormula(pairs: readonly { now: string; atRun: string; tail?: number }[]): string {
  if (pairs.length === 0) return "0";
  const same = pairs.map((p) => {
    const now = `IFERROR(""&${p.now},"#ERROR")`;
    // Both sides through RIGHT: the stored text may be the whole cell (model.ts idTail).
    return p.tail ? `EXACT(RIGHT(${now},${p.tail}),RIGHT(${p.atRun},${p.tail}))` : `EXACT(${now},${p.atRun})`;
  });
  return `IF(${same.length === 1 ? same[0] : `AND(${same.join(",")})`},0,1)`;
}

/** A running sum down a block sorted by `key`: restarts where the key changes. */
export function runningFormula(keyAbove: string, key: string, above: string, add: string): string {
  return `IF(${keyAbove}=${key},${above},0)+${add}`;
}

/** 1 when the condition holds, else 0: a number every engine adds up alike. */
export function one(cond: string): string {
  return `IF(${cond},1,0)`;
}

/** YYYY-MM-DD without TEXT(), whose date codes are localized. */
export function isoDateText(d: string): string {
  return `YEAR(${d})&"-"&RIGHT("0"&MONTH(${d}),2)&"-"&RIGHT("0"&DAY(${d}),2)`;
}

/** The phrase with its blank filled by `value`, after `lead` (the separator): one literal per side. */
function fillFormula(p: Phrase, value: string, lead = ""): string {
  const before = lead + p.before;
  return [before !== "" ? quote(before) : null, value, p.after !== "" ? quote(p.after) : null].filter((x) => x !== null).join("&");
}

/**
 * "; let it expire on <date>" (with the separator in front) for an old active legacy row whose
 * commitment ends within the window after the as-of date, else "": domain/advice.ts expiresSoon().
 */
export function letExpireFormula(o: { isNew: string; status: string; nce: string; endDate: string; asOf: string }): string {
  const days = `${o.endDate}-INT(${o.asOf})`;
  return `IF(AND(${o.isNew}=0,${o.status}=${CODE.active},${o.nce}=0,${o.endDate}>0,${days}>=0,${days}<=${ADVICE.expiryWindowDays}),${fillFormula(ADVICE.letExpire, isoDateText(o.endDate), ADVICE.separator)},"")`;
}

/**
 * A running concatenation down a block sorted by `key` that restarts where the key changes and
 * adds `phrase` only when the text so far does not hold it yet (one FIND per row, whatever the
 * group's size). Phrases of one kind have one length (an ISO date), so one cannot hide in another.
 */
export function distinctRunningFormula(keyAbove: string, key: string, above: string, phrase: string): string {
  const prev = `IF(${keyAbove}=${key},${above},"")`;
  return `${prev}&IF(${phrase}="","",IF(ISNUMBER(FIND(${phrase},${prev})),"",${phrase}))`;
}

/**
 * A group's advice, the formula twin of domain/advice.ts groupNotes() joined: reassign licenses
 * (Done), double billing (Old still active with a known new start), the let-expire phrases of its
 * rows (`expiries`: the running concatenation at its last CSP Calc row), transfer or cancel
 * (Suspended but still billed).
 */
export function groupAdviceFormula(o: { rank: string; reassign: string; earliestStart: string; expiries: string; asOf: string }): string {
  const sep = ADVICE.separator;
  const reassign = `IF(AND(${o.rank}=${severityRank("DONE")},${o.reassign}=1),${quote(sep + ADVICE.reassign)},"")`;
  const billing = `IF(AND(${o.rank}=${severityRank("OLD_STILL_ACTIVE")},${o.earliestStart}>0),${fillFormula(ADVICE.doubleBilling, `MAX(0,INT(${o.asOf})-${o.earliestStart})`, sep)},"")`;
  const transfer = `IF(${o.rank}=${severityRank("NCE_STILL_BILLED")},${quote(sep + ADVICE.transferOrCancel)},"")`;
  return `MID(${reassign}&${billing}&${o.expiries}&${transfer},${sep.length + 1},32767)`;
}

/** Row advice, the formula twin of domain/advice.ts rowAdvice(). */
export function adviceFormula(o: {
  isNew: string;
  status: string;
  nce: string;
  endDate: string;
  groupRank: string;
  /** Earliest start of an active new row of the group (0 = none): the double-billing count's start. */
  earliestStart: string;
  asOf: string;
}): string {
  const sep = ADVICE.separator;
  const old = `${o.isNew}=0`;
  const doubleBilling = `MAX(0,INT(${o.asOf})-${o.earliestStart})`;
  const billing = `IF(AND(${old},OR(${o.status}=${CODE.active},${o.status}=${CODE.pending}),${o.groupRank}=${severityRank("OLD_STILL_ACTIVE")},${o.earliestStart}>0),${fillFormula(ADVICE.doubleBilling, doubleBilling, sep)},"")`;
  const expire = letExpireFormula(o);
  const transfer = `IF(AND(${o.groupRank}=${severityRank("NCE_STILL_BILLED")},${old},${o.status}=${CODE.suspended},${o.nce}=1),${quote(sep + ADVICE.transferOrCancel)},"")`;
  return `MID(${billing}&${expire}&${transfer},${ADVICE.separator.length + 1},1000)`;
}
