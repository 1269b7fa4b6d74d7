/**
 * The sheets the product writes or keeps its tables on: never exports, never reconciliation files.
 */
import { SHEETS } from "../domain/workbook";
import { GENERATED } from "../layout/plan";
import { STATE_SHEET } from "./state";

/** Lower-case names of the product's sheets. */
export const PRODUCT_SHEETS: ReadonlySet<string> = new Set(
  [...Object.values(GENERATED), SHEETS.sources, SHEETS.accounts, SHEETS.offerMap, SHEETS.unread, STATE_SHEET].map((n) => n.toLowerCase()),
);
