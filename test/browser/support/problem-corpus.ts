/**
 * Every kind of problem message the engine and the importer write, made the way a user's files
 * make them: through the command's import path (importFiles → sheets → readWorkbook → reconcile),
 * and through sheets a user opened in Excel (read by readWorkbook without an import). The pane's
 * problem translations (src/taskpane/i18n/problems.ts) are checked against this corpus.
 */
import { Cell, isoToSerial } from "../../../src/domain/cells";
import { reconcile } from "../../../src/domain/engine";
import { MAX_CELL_TEXT, unreadableFileMessage } from "../../../src/domain/importer";
import { Problem } from "../../../src/domain/model";
import { SHEETS, SheetData, SourceRecord, readWorkbook, sourcesSheet } from "../../../src/domain/workbook";
import { AS_OF, ExportSet, Sub, guid, subscriptionGrid } from "../../domain/support/exports";

const r = (status: string, qty: Cell = "5", offer: Cell = "Office 365 E3", cols?: Sub["cols"]): Sub => ({ offer, qty, status, cols });

/** Sheets a user opened and named in the Sources table (no import): readWorkbook reads them as they are. */
function openedSheets(sheets: readonly SheetData[], records: readonly Omit<SourceRecord, "rows" | "state" | "message">[]): Problem[] {
  const map = new Map<string, SheetData>(sheets.map((s) => [s.name, s]));
  map.set(SHEETS.sources, sourcesSheet(records.map((rec) => ({ ...rec, rows: 0, state: "ok" as const, message: "" }))));
  return reconcile(readWorkbook(map, isoToSerial(AS_OF)!)).problems as Problem[];
}

export function engineProblems(): Problem[] {
  const sameName = guid();
  const ambiguous = new ExportSet()
    .oldList("FR", [
      { id: guid(), name: "Twin SARL" },
      { id: guid(), name: "Twin SARL" },
    ])
    .newList([{ id: sameName, name: "Listed Ltd" }])
    // File names that identify nobody, or two customers of one list.
    .old("FR", "Nobody Known", [r("Active")])
    .old("FR", "Twin SARL", [r("Active")])
    // Rows naming their own customers (§7.8): unknown, ambiguous, and a Microsoft ID that is no GUID.
    .old("FR", "by-row", [
      r("Active", "1", "Office 365 E1", { "Company name": "Stranger GmbH" }),
      r("Active", "1", "Office 365 E1", { "Company name": "Twin SARL" }),
      r("Active", "1", "Office 365 E1", { "Microsoft ID": "not-a-guid", "Company name": "Listed Ltd" }),
    ])
    .run().result.problems;

  const rows = new ExportSet()
    .oldList("DE", [
      { id: "12345", name: "Bad Id GmbH" },
      { id: sameName, name: "Clash AG" },
    ])
    .oldList("NL", [{ id: guid(), name: "Clash AG" }])
    .old("DE", "Quantities", [
      r("Active", ""),
      r("Active", "-3"),
      r("Active", "2.5"),
      r("Active", "1,000"),
      r("Active", "1000000000"),
      r("Active", "douze"),
      r(""),
      r("Transferred"),
      r("Active", "5", ""),
      { offer: "", qty: "1", status: "Active", cols: { "Offer ID": "MS-AZR-0145P" } },
      { id: "dup-1", offer: "Office 365 E3", qty: "1", status: "Active" },
      { id: "dup-1", offer: "Office 365 E3", qty: "1", status: "Active" },
      { id: "both-1", offer: "Office 365 E3", qty: "1", status: "Suspended" },
    ])
    .new("Quantities", [{ id: "both-1", offer: "Office 365 E3", qty: "1", status: "Active" }])
    .run().result.problems;

  const long = "x".repeat(MAX_CELL_TEXT + 5);
  const files = new ExportSet()
    .raw("from/FR/One Missing.csv", [["Subscription ID", "Subscription", "Status"], ["a", "Office 365 E3", "Active"]])
    .raw("from/FR/Two Missing.csv", [["Subscription ID", "Subscription"], ["a", long]])
    .raw("from/FR/Long Missing.csv", [["Subscription ID", "Subscription"], ["a", long], ["b", long]])
    .raw("from/NL/Customers.csv", [["Company name"], ["Nobody BV"]])
    .raw("from/NL/Broken.xlsx", null, unreadableFileMessage("from/NL/Broken.xlsx"))
    .raw("from/NL/Broken.csv", null)
    .raw("from/NL/Empty.csv", [])
    .new("Anyone", [r("Active")])
    .run().result.problems;

  // The same checks on sheets the user opened: the engine's own wording, and the Sources table naming a sheet that is gone.
  const opened = openedSheets(
    [
      { name: "Old FR", rows: [["Subscription ID", "Subscription", "Quantity"], ["a", "Office 365 E3", "5"]] },
      { name: "Old DE", rows: [["Subscription ID", "Subscription"], ["a", "Office 365 E3"]] },
      { name: "List NL", rows: [["Company name"], ["Nobody BV"]] },
      { name: "Blank", rows: [] },
      { name: "New", rows: subscriptionGrid([r("Active")]) },
    ],
    [
      { file: "Old FR", sheet: "Old FR", kind: "subscriptions", account: "FR", role: "from", customer: "Contoso" },
      { file: "Old DE", sheet: "Old DE", kind: "subscriptions", account: "DE", role: "from", customer: "Contoso" },
      { file: "List NL", sheet: "List NL", kind: "customers", account: "NL", role: "from", customer: "" },
      { file: "Blank", sheet: "Blank", kind: "subscriptions", account: "NL", role: "from", customer: "Contoso" },
      { file: "Gone", sheet: "Gone", kind: "subscriptions", account: "NL", role: "from", customer: "Contoso" },
      { file: "New", sheet: "New", kind: "subscriptions", account: "New", role: "to", customer: "Contoso" },
    ],
  );
  return [...ambiguous, ...rows, ...files, ...opened];
}
