/**
 * The inputs a user edits in the workbook: the offer map (with a check of each pair against
 * the pair applied at the last run), which old accounts are new commerce, and which sheet or
 * file belongs to which account and customer.
 */
import { OfferMapEntry } from "../../domain/model";
import { ACCOUNT_COLUMNS, OFFER_MAP_COLUMNS, SHEETS, SOURCE_COLUMNS, sourceRow } from "../../domain/workbook";
import { formulaColumn, here, valueColumn } from "../columns";
import { Layout } from "../model";
import { PlanCell, SheetPlan } from "../types";

const arrow = (oldOffer: string, newOffer: string) => `${oldOffer} → ${newOffer}`;

export function offerMapSheet(layout: Layout): SheetPlan {
  const OM: readonly OfferMapEntry[] = layout.input.offerMap;
  return {
    name: SHEETS.offerMap,
    role: "generated",
    visible: true,
    cells: [],
    freeze: { rows: 1, cols: 0 },
    blocks: [
      {
        id: "offerMap",
        top: 1,
        left: 1,
        rows: OM.length,
        columns: [
          valueColumn(OFFER_MAP_COLUMNS[0], (i) => OM[i].oldOffer, { width: 40 }),
          valueColumn(OFFER_MAP_COLUMNS[1], (i) => OM[i].newOffer, { width: 40 }),
          valueColumn("Applied at last run", (i) => arrow(OM[i].oldOffer, OM[i].newOffer), { width: 60 }),
          formulaColumn("Check", `IF(EXACT(${here(1, 2)}&" → "&${here(2, 2)},${here(3, 2)}),"applied","changed: re-run")`, () => "applied", { width: 18 }),
        ],
      },
    ],
  };
}

export function accountsSheet(layout: Layout): SheetPlan {
  const A = layout.input.accounts;
  return {
    name: SHEETS.accounts,
    role: "generated",
    visible: true,
    cells: [],
    freeze: { rows: 1, cols: 0 },
    blocks: [
      {
        id: "accounts",
        top: 1,
        left: 1,
        rows: A.length,
        columns: [
          valueColumn(ACCOUNT_COLUMNS[0], (i) => A[i].account, { width: 24 }),
          valueColumn(ACCOUNT_COLUMNS[1], (i) => A[i].role, { width: 8 }),
          valueColumn(ACCOUNT_COLUMNS[2], (i) => A[i].commerce, { width: 12, input: ["legacy", "nce"] }),
        ],
      },
    ],
  };
}

export function sourcesSheet(layout: Layout): SheetPlan {
  const R = layout.input.records;
  return {
    name: SHEETS.sources,
    role: "generated",
    visible: true,
    cells: [],
    freeze: { rows: 1, cols: 0 },
    blocks: [
      {
        id: "sources",
        top: 1,
        left: 1,
        rows: R.length,
        autoFilter: true,
        columns: SOURCE_COLUMNS.map((h, k) =>
          valueColumn(h, (i: number) => sourceRow(R[i])[k] as PlanCell, { width: [40, 14, 14, 6, 30, 24, 7, 18, 60, 10][k] }),
        ),
      },
    ],
  };
}
