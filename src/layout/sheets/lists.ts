/**
 * CSP Lists (hidden): the status vocabulary every Status cell is looked up in, and whether each
 * account is new commerce — read live from the Accounts sheet, once per account, so the
 * subscription rows need only the account's row here.
 */
import { STATUS_CODE, STATUS_VOCABULARY } from "../../domain/status";
import { LABEL, SEVERITY } from "../../domain/verdicts";
import { ACCOUNT_COLUMNS, SHEETS } from "../../domain/workbook";
import { rangeRef } from "../a1";
import { formulaColumn, here, valueColumn } from "../columns";
import { cellKeyFormula, escapeWildcards } from "../formulas";
import { KEY_TEXTS_FIRST_ROW, Layout } from "../model";
import { LISTS } from "../hidden";
import { GENERATED } from "../names";
import { SheetPlan } from "../types";

/** The vocabulary's words or codes, without the header (a status typed as "Code" is no status). */
export function vocabularyRange(col: number): string {
  return rangeRef(GENERATED.lists, col, 2, col, STATUS_VOCABULARY.length + 1);
}

/** The label of a group verdict's severity rank (SEVERITY order), read from the list below. */
export function verdictLabelOfRank(rank: string): string {
  return `INDEX(${rangeRef(GENERATED.lists, LISTS.label, 2, LISTS.label, SEVERITY.length + 1)},${rank})`;
}

/** Rows of the Accounts sheet a partner may fill in: far more than any partner has accounts. */
const ACCOUNT_ROWS = 1000;

export function listsSheet(layout: Layout): SheetPlan {
  const accounts = layout.input.accounts;
  const names = rangeRef(SHEETS.accounts, 1, 2, 1, ACCOUNT_ROWS);
  const commerce = rangeRef(SHEETS.accounts, ACCOUNT_COLUMNS.indexOf("Commerce") + 1, 2, ACCOUNT_COLUMNS.indexOf("Commerce") + 1, ACCOUNT_ROWS);
  const nce = `IF(IFERROR(${cellKeyFormula(`INDEX(${commerce},MATCH(${escapeWildcards(here(LISTS.account, 2))},${names},0))`)}="nce",FALSE),1,0)`;
  return {
    name: GENERATED.lists,
    role: "generated",
    visible: false,
    cells: [],
    blocks: [
      {
        id: "lists",
        top: 1,
        left: LISTS.word,
        rows: STATUS_VOCABULARY.length,
        columns: [
          valueColumn("Status word", (i) => STATUS_VOCABULARY[i].word),
          valueColumn("Code", (i) => STATUS_CODE[STATUS_VOCABULARY[i].status]),
          valueColumn("Status", (i) => STATUS_VOCABULARY[i].status),
        ],
      },
      {
        id: "accounts-nce",
        top: 1,
        left: LISTS.account,
        rows: accounts.length,
        columns: [valueColumn("Account", (i) => accounts[i].account), formulaColumn("NCE", nce, (i) => (accounts[i].commerce === "nce" ? 1 : 0))],
      },
      {
        id: "verdict-labels",
        top: 1,
        left: LISTS.label,
        rows: SEVERITY.length,
        columns: [valueColumn("Verdict by rank", (i) => LABEL[SEVERITY[i]])],
      },
      {
        id: "key-texts",
        top: KEY_TEXTS_FIRST_ROW - 1,
        left: LISTS.keyText,
        rows: layout.keyTexts.length,
        columns: [valueColumn("Key text at run", (i) => layout.keyTexts[i])],
      },
      {
        id: "offer-labels",
        top: 1,
        left: LISTS.offerLabel,
        rows: layout.offerLabels.length,
        columns: [valueColumn("Offer", (i) => layout.offerLabels[i])],
      },
    ],
  };
}
