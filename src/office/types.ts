/**
 * What the task pane can ask of the workbook. The pane gets an implementation of this
 * interface through props (src/taskpane never touches `Excel`); the real one lives in
 * src/office and runs against office.js — or, in tests and on the development page, against
 * the in-memory fake Excel of src/office/fake.
 */
import type { ActionCode } from "../domain/actions/table";
import type { SentenceFacts } from "../domain/actions/sentence";
import type { AdviceItem } from "../domain/advice";
import type { Money } from "../domain/money";
import type { ImportFile } from "../domain/importer";
import type { Problem, Role } from "../domain/model";
import type { Report } from "../domain/report";
import type { CustomerVerdict, GroupVerdict } from "../domain/verdicts";
import type { SourceRecord } from "../domain/workbook";

export type SheetKind = "subscriptions" | "customers" | "unknown";

/** A sheet whose header row looks like an export, with what we know or guess about it. */
export interface DetectedSheet {
  readonly name: string;
  readonly kind: SheetKind;
  /** 1-based header row and number of data rows below it. */
  readonly headerRow: number;
  readonly rows: number;
  /** Holds imported files ("Source file" / "Source row" columns), one account per sheet. */
  readonly imported: boolean;
  /** Current assignment (from the Sources table) or a guess from sheet/file names and lists. */
  readonly account: string;
  readonly role: Role;
  /** Per-customer sheets only: the customer (name, domain or Microsoft ID). */
  readonly customer: string;
  /** True when account/role/customer come from the Sources table rather than a guess. */
  readonly confirmed: boolean;
  readonly protected: boolean;
}

/** A sheet holding a reconciliation (invoice) file (spec §9): read for the money at stake, never an export. */
export interface BillingSheetState {
  readonly name: string;
  /** The file's path for a sheet the pane imported, else the sheet's name. */
  readonly source: string;
  /** Legacy license-based or new commerce; null when a column is missing (the run reports it). */
  readonly kind: "legacy" | "nce" | null;
  /** Rows below the header. */
  readonly lines: number;
  /** Imported by the pane ("Billing <file>"); else a sheet the user opened or pasted. */
  readonly imported: boolean;
}

export interface WorkbookSettings {
  /** "today" keeps TODAY() in the as-of cell; an ISO date freezes it for an audit. */
  readonly asOf: "today" | string;
  readonly nceAccounts: readonly string[];
  readonly offerMap: readonly { oldOffer: string; newOffer: string }[];
  /** Open the pane for whoever opens this workbook (Office.AutoShowTaskpaneWithDocument). */
  readonly autoOpen: boolean;
}

export interface WorkbookState {
  readonly sheets: readonly DetectedSheet[];
  /** Reconciliation files on sheets (imported or opened by the user), in the order a run reads them. Optional for older callers. */
  readonly billing?: readonly BillingSheetState[];
  readonly records: readonly SourceRecord[];
  readonly settings: WorkbookSettings;
  /** A previous run left its sheets and columns in this workbook. */
  readonly reconciled: boolean;
  /**
   * The last run stopped before it finished (cancelled, or Excel failed mid-way): the workbook
   * says "Re-run needed" until a run completes. Optional for older callers.
   */
  readonly interrupted?: boolean;
  readonly schemaVersion: number | null;
  /** Requirement sets the host supports (for gating features in the UI). */
  readonly host: { readonly platform: string; readonly api: string };
}

export interface Progress {
  /** 0..1 */
  readonly fraction: number;
  /** Message key of the phase (see src/taskpane/i18n), e.g. "reading", "writing". */
  readonly phase: string;
  readonly detail?: string;
}

export type ProgressFn = (p: Progress) => void;

/** One offer group of a customer, for the pane to word in its own language. */
export interface GroupOutcome {
  /** The offer as the export (or the offer map's target) writes it. */
  readonly offer: string;
  readonly azure: boolean;
  readonly verdict: GroupVerdict;
  /** R and N of spec §4 (for Azure, counts of subscriptions). */
  readonly required: number;
  readonly newSeats: number;
  /** The group's advice (days of double billing, a date to let an old subscription expire...), for the card. */
  readonly advice: readonly AdviceItem[];
}

/** One customer the pane lists after a run. */
export interface CustomerOutcome {
  readonly index: number;
  readonly name: string;
  readonly microsoftId: string | null;
  readonly verdict: CustomerVerdict;
  /** §4 Flagged: the verdict, or at least one problem row (domain/verdicts.ts isFlagged). */
  readonly flagged: boolean;
  /** §4 problem rows of the customer's exports. */
  readonly problemRows: number;
  /** The customer's counted groups, most severe first. */
  readonly groups: readonly GroupOutcome[];
  /** Primary domains (customer lists, domain-named files) and subscription IDs: what the pane's search finds it by, besides name and Microsoft ID. */
  readonly domains: readonly string[];
  readonly subscriptionIds: readonly string[];
  /** The groups in the workbook's English, e.g. "Office 365 E3: New subscription missing (R 25, N 0)". */
  readonly reasons: readonly string[];
  readonly nextStep: string;
  /** Where the customer's subscription rows are, for "select them". */
  readonly rows: readonly { readonly sheet: string; readonly row: number }[];
  /** §9 money at stake per currency, in cents, as report.json has it; empty when no charge line matched. */
  readonly money: Money;
}

/** A place in the workbook: a sheet and its 1-based row. */
export interface RowRef {
  readonly sheet: string;
  readonly row: number;
}

/** One action of spec §8 Next steps (src/domain/actions), with where its subscriptions are. */
export interface ActionOutcome {
  /** Identity across runs: customer, account, action, offer, subscription IDs. */
  readonly key: string;
  readonly action: ActionCode;
  readonly customer: string;
  /** The customer's CustomerOutcome.index. */
  readonly customerIndex: number;
  readonly microsoftId: string | null;
  /** Where the partner signs in (§8): the old account's name, "new", "microsoft" or "customer". */
  readonly account: string;
  readonly accountKind: "old" | "new" | "microsoft" | "customer";
  readonly subscriptionIds: readonly string[];
  readonly seats: number | null;
  /** ISO date, or null. */
  readonly due: string | null;
  readonly doubleBillingDays: number | null;
  /** The sentence in English, as report.json and the Next steps sheet say it. */
  readonly text: string;
  /** What the sentence says, in no language: the pane says it in its own. */
  readonly sentence: SentenceFacts;
  /** The rows of the subscriptions it names, to select them; empty when it names none. */
  readonly rows: readonly RowRef[];
}

export interface ReconcileOutcome {
  readonly report: Report;
  readonly customers: readonly CustomerOutcome[];
  /** Spec §8 Next steps, in §8's order. */
  readonly actions: readonly ActionOutcome[];
  readonly problems: readonly Problem[];
  readonly byVerdict: Partial<Record<CustomerVerdict, number>>;
  readonly stats: { readonly requests: number; readonly largestRequestBytes: number; readonly rows: number; readonly ms: number };
}

export interface SelectOutcome {
  /** Rows selected, of `rows` asked for. */
  readonly selectedRows: number;
  readonly rows: number;
}

export interface ImportOutcome {
  readonly files: number;
  readonly sheets: readonly string[];
  readonly problems: readonly Problem[];
  /** Files that had been imported before: their earlier rows were replaced. Optional for older callers. */
  readonly replaced?: readonly string[];
  /** Sheets holding the reconciliation (billing) files imported (spec §9), one per file; also in `sheets`. */
  readonly billingSheets?: readonly string[];
}

export class CancelledError extends Error {
  constructor() {
    super("cancelled");
  }
}

export class WorkbookError extends Error {
  /** Message key for the pane's catalogue, with values to fill in. */
  constructor(
    readonly key: "protected" | "workbookProtected" | "tableOverlap" | "tooManyRows" | "noExports" | "readLimit" | "apiUnsupported" | "failed",
    readonly values: Record<string, string | number> = {},
    message?: string,
  ) {
    super(message ?? key);
  }
}

export interface WorkbookGateway {
  /** Finds export sheets and reads the product's state from the workbook. */
  inspect(): Promise<WorkbookState>;
  /** Writes files into account sheets (and Sources), as the headless command lays them out. */
  importFiles(files: readonly ImportFile[], progress: ProgressFn, signal?: AbortSignal): Promise<ImportOutcome>;
  /** Confirms the role/account/customer of sheets (the Sources table). */
  saveSources(records: readonly SourceRecord[]): Promise<void>;
  saveSettings(settings: WorkbookSettings): Promise<void>;
  /** Reads the sources, runs the engine, writes or updates the reconciliation in place. */
  reconcile(progress: ProgressFn, signal?: AbortSignal): Promise<ReconcileOutcome>;
  /**
   * Selects cells: one row, or all of a customer's rows on one sheet. Where Excel cannot select
   * them all at once (several runs of rows need ExcelApi 1.18), the first run is selected and the
   * outcome says how many of the rows that is.
   */
  select(sheet: string, rows: readonly number[]): Promise<SelectOutcome | void>;
  /** Removes what reconciling added; with `everything`, also imported sheets and settings. */
  remove(options: { readonly everything: boolean }, progress: ProgressFn): Promise<void>;
}
