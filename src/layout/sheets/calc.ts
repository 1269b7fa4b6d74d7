/**
 * CSP Calc (hidden): one row per reconciled subscription, every group's rows together (groups
 * by customer). Running sums down the sheet restart where the group number changes, so a
 * group's counts and seats are the sums at its last row: one addition per row, whatever the
 * group's size, and the same formula on every row (no per-group ranges). The verdict table is
 * applied on every row to the sums so far; at a group's last row that is the group's verdict.
 *
 * Row facts that the run decided (group, new or old, commerce by offer, start date, account) are
 * plain values; the row's Status code, Seats and Stale flag are read from its CSP Rows row by
 * INDEX. Within a group the rows of one account (case-folded, as §8 counts them) are together,
 * so a running count that also restarts where the account changes gives, at an account's last
 * row, its old rows active or pending in the group (the Next steps sheet's accountA).
 * Conditions multiply (TRUE*TRUE = 1 in every engine) to keep the text short: it is stored
 * once per cell by LibreOffice and sent once per row to an ExcelApi 1.7 host.
 */
import { STATUS_CODE } from "../../domain/status";
import { GroupNumber, groupVerdict, severityRank } from "../../domain/verdicts";
import { at, formulaColumn, here, valueColumn } from "../columns";
import { ADVICE, letExpireNote } from "../../domain/advice";
import { distinctRunningFormula, groupRankFormula, letExpireFormula, runningFormula } from "../formulas";
import { CALC, LISTS, ROWS } from "../hidden";
import { Layout, Running } from "../model";
import { GENERATED } from "../names";
import { ColumnSpec, PlanValue, SheetPlan } from "../types";

/** The first data row: formulas below are written for it and moved down. */
const FIRST = 2;

const VARIABLE: Record<GroupNumber, keyof typeof CALC & keyof Running> = {
  oldRows: "oldRows", oldLive: "oldLive", A: "A", Snce: "Snce", newLive: "newLive", P: "P", R: "R", N: "N",
};

export function calcSheet(layout: Layout): SheetPlan {
  const rows = layout.calcRows;
  const run = layout.running;
  const h = (col: number) => here(col, FIRST);
  const above = (col: number) => here(col, FIRST - 1);
  const fromRows = (col: number) => at(GENERATED.rows, col, h(CALC.rowsRow));
  const both = (...conds: string[]) => conds.map((c) => `(${c})`).join("*");
  const code = h(CALC.code);
  const old = `${h(CALC.isNew)}=0`;
  const isNew = `${h(CALC.isNew)}=1`;
  const live = [`${code}>=${STATUS_CODE.active}`, `${code}<=${STATUS_CODE.suspended}`];
  const nce = `IF(${h(CALC.nceByOffer)}=1,1,${at(GENERATED.lists, LISTS.nce, h(CALC.account))})`;
  const sameAccount = `(${above(CALC.group)}=${h(CALC.group)})*(${above(CALC.accountKey)}=${h(CALC.accountKey)})`;
  const billingOld = both(old, `${code}>=${STATUS_CODE.active}`, `${code}<=${STATUS_CODE.pending}`);
  const sum = (col: number, add: string) => runningFormula(above(CALC.group), h(CALC.group), above(col), add);
  const of = (key: keyof Running) => (i: number): PlanValue => run[key][i];
  const earlier = `IF(${above(CALC.group)}=${h(CALC.group)},${above(CALC.earliest)},0)`;
  const start = h(CALC.start);
  const rank = groupRankFormula((name) => (name === "azure" ? h(CALC.azure) : h(CALC[VARIABLE[name]])));
  const rankSoFar = (i: number) => {
    const nums = Object.fromEntries((Object.keys(VARIABLE) as GroupNumber[]).map((n) => [n, run[VARIABLE[n]][i]])) as Record<GroupNumber, number>;
    return severityRank(groupVerdict(nums, rows[i].azure));
  };
  // Let-expire phrases (with the separator in front), and their running concatenation per group
  // without repeats: at a group's last row, the group's let-expire advice (advice.ts groupNotes).
  const asOf = layout.result.asOf;
  const expiry = rows.map((r) => {
    const note = letExpireNote(r, asOf);
    return note === "" ? "" : ADVICE.separator + note;
  });
  const expiries: string[] = [];
  rows.forEach((r, i) => {
    const prev = i > 0 && rows[i - 1].group === r.group ? expiries[i - 1] : "";
    expiries.push(expiry[i] === "" || prev.includes(expiry[i]) ? prev : prev + expiry[i]);
  });
  const columns: ColumnSpec[] = [
    valueColumn("Group #", (i) => layout.groupNo[rows[i].group!]),
    valueColumn("CSP Rows row", (i) => layout.calcRowsRow[i]),
    valueColumn("New", (i) => (rows[i].role === "to" ? 1 : 0)),
    valueColumn("NCE by offer", (i) => (rows[i].nceByOffer ? 1 : 0)),
    valueColumn("Account row", (i) => layout.accountRow.get(rows[i].account) ?? 0),
    // Dates of hidden sheets stay serial numbers: a number format is one more value per cell
    // for the add-in to send, and nobody reads these cells.
    valueColumn("Start", (i) => (rows[i].role === "to" && rows[i].startDate !== null ? rows[i].startDate : 0)),
    valueColumn("Azure", (i) => (rows[i].azure ? 1 : 0)),
    formulaColumn("Code", fromRows(ROWS.code), (i) => layout.calcCode[i]),
    formulaColumn("Seats", fromRows(ROWS.seats), (i) => layout.calcSeats[i]),
    formulaColumn("Old rows", sum(CALC.oldRows, both(old, `${code}>0`)), of("oldRows")),
    formulaColumn("Old live", sum(CALC.oldLive, both(old, ...live)), of("oldLive")),
    formulaColumn("A", sum(CALC.A, billingOld), of("A")),
    formulaColumn("Snce", sum(CALC.Snce, both(old, `${code}=${STATUS_CODE.suspended}`, `${h(CALC.nce)}=1`)), of("Snce")),
    formulaColumn("New rows", sum(CALC.newRows, both(isNew, `${code}>0`)), of("newRows")),
    formulaColumn("New live", sum(CALC.newLive, both(isNew, ...live)), of("newLive")),
    formulaColumn("P", sum(CALC.P, both(isNew, `${code}>=${STATUS_CODE.pending}`, `${code}<=${STATUS_CODE.suspended}`)), of("P")),
    formulaColumn("R", sum(CALC.R, `${both(old, ...live)}*MAX(0,${h(CALC.seats)})`), of("R")),
    formulaColumn("N", sum(CALC.N, `${both(isNew, `${code}=${STATUS_CODE.active}`)}*MAX(0,${h(CALC.seats)})`), of("N")),
    formulaColumn("Stale", sum(CALC.stale, fromRows(ROWS.stale)), () => 0),
    formulaColumn(
      "Earliest new start",
      `IF(${both(isNew, `${code}=${STATUS_CODE.active}`, `${start}>0`)},IF(${earlier}=0,${start},MIN(${earlier},${start})),${earlier})`,
      of("earliest"),
    ),
    formulaColumn("Rank so far", rank, rankSoFar),
    valueColumn("Account #", (i) => layout.calcAccountKey[i]),
    // Live: the Accounts sheet's Commerce is read through CSP Lists.
    formulaColumn("NCE", nce, (i) => layout.calcNce[i]),
    formulaColumn("Account A", `IF(${sameAccount},${above(CALC.accountA)},0)+${billingOld}`, of("accountA")),
    valueColumn("End", (i) => (rows[i].role === "from" && rows[i].endDate !== null ? rows[i].endDate : 0), { format: "date" }),
    formulaColumn("Expiry", letExpireFormula({ isNew: h(CALC.isNew), status: code, nce: h(CALC.nce), endDate: h(CALC.end), asOf: layout.asOfRef }), (i) => expiry[i]),
    formulaColumn("Expiries so far", distinctRunningFormula(above(CALC.group), h(CALC.group), above(CALC.expiries), h(CALC.expiry)), (i) => expiries[i]),
  ];
  return {
    name: GENERATED.calc,
    role: "generated",
    visible: false,
    cells: [],
    blocks: [{ id: "calc", top: 1, left: 1, rows: rows.length, columns }],
  };
}
