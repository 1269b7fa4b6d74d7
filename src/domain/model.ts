/**
 * The engine's input and output. Inputs are "sources": one Partner Center export file, or one
 * sheet the user pointed at, already turned into cells. Where a row sits in the workbook
 * (`at`) is carried along so that the layout can point live formulas at its cells.
 */
import { Cell } from "./cells";
import { QuantityReading } from "./quantity";
import { Status } from "./status";
import type { GroupVerdict, CustomerVerdict, ProblemRowCode } from "./verdicts";

export type Role = "from" | "to";
export type Commerce = "legacy" | "nce";

export type ProblemCode =
  | "MISSING_COLUMN"
  | "BAD_QUANTITY"
  | "UNKNOWN_STATUS"
  | "EMPTY_OFFER"
  | "DUPLICATE_ID"
  | "SAME_ID_OLD_NEW"
  | "UNKNOWN_CUSTOMER"
  | "CONFLICTING_CUSTOMER"
  | "BAD_CUSTOMER_ID"
  | "UNREADABLE_FILE"
  | "EMPTY_FILE"
  /** A reconciliation (billing) line whose date or amount cannot be read (§9). */
  | "BAD_VALUE";

export interface Location {
  readonly sheet: string;
  /** 1-based row of the sheet. */
  readonly row: number;
}

export interface Problem {
  /** File path relative to the export folder (with "/"), or the sheet name. */
  readonly source: string;
  /** 1-based row as a spreadsheet shows it (header = 1); 0 for the whole file. */
  readonly row: number;
  readonly code: ProblemCode;
  readonly message: string;
  readonly at?: Location;
}

export interface SourceRow {
  readonly cells: readonly Cell[];
  /** Row number in the source, for problems. */
  readonly row: number;
  readonly at?: Location;
}

/** A source that could not be read at all keeps its reason; it still covers its customer (§7.1). */
export interface SourceState {
  readonly code: "MISSING_COLUMN" | "UNREADABLE_FILE" | "EMPTY_FILE";
  readonly message: string;
}

export interface SubscriptionSource {
  readonly source: string;
  readonly account: string;
  readonly role: Role;
  /** The customer a per-customer source is about: the file's base name or the sheet's customer. */
  readonly baseName: string;
  readonly header: readonly Cell[];
  readonly rows: readonly SourceRow[];
  /** Set when the source was found unusable before the engine saw it (e.g. at import). */
  readonly state?: SourceState;
  /** Whether rows name their own customer (§7.8); when absent, the header decides. */
  readonly perRowCustomer?: boolean;
}

export interface CustomerListSource {
  readonly source: string;
  readonly account: string;
  readonly role: Role;
  readonly header: readonly Cell[];
  readonly rows: readonly SourceRow[];
  readonly state?: SourceState;
}

export interface OfferMapEntry {
  readonly oldOffer: string;
  readonly newOffer: string;
}

export interface AccountSetting {
  readonly account: string;
  readonly commerce: Commerce;
}

export interface EngineInput {
  readonly subscriptions: readonly SubscriptionSource[];
  readonly customerLists: readonly CustomerListSource[];
  readonly offerMap: readonly OfferMapEntry[];
  readonly accounts: readonly AccountSetting[];
  /** Excel serial day number of the as-of date. */
  readonly asOf: number;
  /** Problems found before the engine (unreadable offer map, ...), reported as they are. */
  readonly problems?: readonly Problem[];
}

export type RowOutcome =
  | "grouped"
  | "duplicate"
  | "empty-offer"
  | "missing-column";

export interface RowResult {
  readonly source: number;
  readonly index: number;
  readonly row: number;
  readonly at?: Location;
  readonly role: Role;
  readonly account: string;
  readonly customer: number;
  readonly group: number | null;
  readonly outcome: RowOutcome;
  readonly status: Status | null;
  readonly excluded: boolean;
  readonly quantity: QuantityReading;
  readonly azure: boolean;
  /** New commerce by offer ID or term (the account's marking is applied separately, live). */
  readonly nceByOffer: boolean;
  readonly nce: boolean;
  /** Key text the workbook re-checks to notice sorting or edited keys. */
  readonly key: string;
  readonly startDate: number | null;
  readonly endDate: number | null;
  readonly subscriptionId: string;
  readonly offerName: string;
  /** The §4 problem-row codes reported at this row (empty for most rows). */
  readonly problems: readonly ProblemRowCode[];
}

export interface GroupTotals {
  readonly oldRows: number;
  readonly oldLive: number;
  readonly A: number;
  readonly S: number;
  readonly Snce: number;
  readonly newRows: number;
  readonly newLive: number;
  readonly P: number;
  readonly R: number;
  readonly N: number;
  /** Earliest start date of an active new row, for the double-billing advice. */
  readonly earliestNewStart: number | null;
}

export interface GroupResult {
  readonly index: number;
  readonly customer: number;
  readonly offerKey: string;
  /** Display name of the offer: the map target as written, or the first row's offer name. */
  readonly offerLabel: string;
  readonly azure: boolean;
  /** Reached through an offer-map pair whose names differ (§4 "reassign licenses"). */
  readonly reassign: boolean;
  readonly rows: readonly number[];
  readonly totals: GroupTotals;
  readonly verdict: GroupVerdict;
  readonly notes: readonly string[];
  /** True when at least one row counts; groups of only unreadable rows stay out of the report. */
  readonly counted: boolean;
}

/** An account as the engine names it: its name (the folder under from/, "New" for to/) and role. */
export interface AccountRef {
  readonly account: string;
  readonly role: Role;
}

/** A subscription export covering the customer that could not be read (§4 customer rule 2). */
export interface UnreadableFile extends AccountRef {
  /** Path relative to the export folder, or the sheet's name. */
  readonly source: string;
  readonly code: SourceState["code"];
  readonly message: string;
}

export interface CustomerResult {
  readonly index: number;
  readonly key: string;
  readonly name: string;
  readonly microsoftId: string | null;
  readonly groups: readonly number[];
  readonly inReport: boolean;
  /** Static facts the customer verdict formula reads. */
  readonly noExportOld: boolean;
  readonly unreadableExport: boolean;
  readonly inNewList: boolean;
  readonly newCovered: boolean;
  readonly newListPresent: boolean;
  readonly liveOld: number;
  readonly oldRows: number;
  readonly newRows: number;
  readonly verdict: CustomerVerdict;
  /** §4 problem rows of the customer's exports (each row once; excluded rows not counted). */
  readonly problemRows: number;
  /** §4 Flagged: isFlagged(verdict, problemRows). */
  readonly flagged: boolean;
  /** The unreadable exports covering the customer, in source order. */
  readonly unreadableFiles: readonly UnreadableFile[];
  /**
   * The accounts whose export of this customer is missing (the NO_EXPORT clauses): each old
   * account listing it without an export covering it (in account-name order), then the new
   * account when clause 2 holds. Empty unless the verdict is NO_EXPORT.
   */
  readonly missingExports: readonly AccountRef[];
  /** Accounts whose exports cover the customer, and whose lists hold it. */
  readonly coveredBy: readonly string[];
  readonly listedIn: readonly string[];
}

export interface AccountInfo {
  readonly account: string;
  readonly role: Role;
  readonly commerce: Commerce;
}

export interface EngineResult {
  readonly asOf: number;
  readonly accounts: readonly AccountInfo[];
  readonly customers: readonly CustomerResult[];
  readonly groups: readonly GroupResult[];
  readonly rows: readonly RowResult[];
  readonly problems: readonly Problem[];
  readonly sources: readonly SubscriptionSource[];
  readonly offerMap: readonly OfferMapEntry[];
}
