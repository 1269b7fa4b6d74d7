/**
 * TEMPORARY in-memory WorkbookGateway for the development page, until the real gateway over the
 * fake Excel (src/office) lands. It keeps sheets as plain data and runs the engine on them; it
 * writes no reconciliation columns.
 */
import type { Cell } from "../../domain/cells";
import { isoToSerial } from "../../domain/cells";
import { reconcile as runEngine } from "../../domain/engine";
import { ImportFile, importFiles } from "../../domain/importer";
import { buildReport } from "../../domain/report";
import { classifyHeader, headerRowIndex } from "../../domain/headers";
import { LABEL, NEXT_STEP, isFlagged } from "../../domain/verdicts";
import { SHEETS, SheetData, SourceRecord, hasProvenance, readSourceRecords, readWorkbook, sourcesSheet } from "../../domain/workbook";
import type { CustomerOutcome, DetectedSheet, ReconcileOutcome, WorkbookGateway, WorkbookSettings, WorkbookState } from "../../office/types";
import { CancelledError } from "../../office/types";

export function createStubGateway(initial: readonly SheetData[] = []) {
  const sheets = new Map<string, SheetData>(initial.map((s) => [s.name, s]));
  let settings: WorkbookSettings = { asOf: "today", nceAccounts: [], offerMap: [], autoOpen: false };
  let reconciled = false;
  const selection: { sheet: string; rows: readonly number[] }[] = [];
  const records = () => readSourceRecords(sheets.get(SHEETS.sources));

  const detect = (): DetectedSheet[] =>
    [...sheets.values()]
      .filter((s) => !Object.values(SHEETS).includes(s.name as never))
      .map((s) => {
        const h = headerRowIndex(s.rows);
        const rec = records().find((r) => r.sheet === s.name);
        return {
          name: s.name,
          kind: h >= 0 ? classifyHeader(s.rows[h]) : "unknown",
          headerRow: h + 1,
          rows: Math.max(0, s.rows.length - h - 1),
          imported: h >= 0 && hasProvenance(s.rows[h]),
          account: rec?.account ?? "",
          role: rec?.role ?? "from",
          customer: rec?.customer ?? "",
          confirmed: rec !== undefined,
          protected: false,
        };
      });

  const gateway: WorkbookGateway = {
    async inspect(): Promise<WorkbookState> {
      return { sheets: detect(), records: records(), settings, reconciled, schemaVersion: reconciled ? 1 : null, host: { platform: "stub", api: "1.7" } };
    },
    async importFiles(files: readonly ImportFile[], progress, signal) {
      progress({ fraction: 0.5, phase: "importing" });
      if (signal?.aborted) throw new CancelledError();
      const result = importFiles(files);
      for (const s of result.sheets) {
        const old = sheets.get(s.name);
        sheets.set(s.name, old ? { name: s.name, rows: [...old.rows, ...s.rows.slice(1)] } : s);
      }
      sheets.set(SHEETS.sources, sourcesSheet([...records(), ...result.records]));
      if (result.offerMap) settings = { ...settings, offerMap: result.offerMap };
      if (result.accountSettings) settings = { ...settings, nceAccounts: result.accountSettings.filter((a) => a.commerce === "nce").map((a) => a.account) };
      progress({ fraction: 1, phase: "done" });
      return { files: files.length, sheets: result.sheets.map((s) => s.name), problems: [] };
    },
    async saveSources(recs: readonly SourceRecord[]) {
      sheets.set(SHEETS.sources, sourcesSheet(recs));
    },
    async saveSettings(s) {
      settings = s;
    },
    async reconcile(progress, signal): Promise<ReconcileOutcome> {
      progress({ fraction: 0.2, phase: "reading" });
      await new Promise((r) => setTimeout(r, 50));
      if (signal?.aborted) throw new CancelledError();
      const asOfIso = settings.asOf === "today" ? new Date().toISOString().slice(0, 10) : settings.asOf;
      const all = new Map(sheets);
      all.set(SHEETS.offerMap, { name: SHEETS.offerMap, rows: [["Old offer", "New offer"], ...settings.offerMap.map((e): Cell[] => [e.oldOffer, e.newOffer])] });
      all.set(SHEETS.accounts, { name: SHEETS.accounts, rows: [["Account", "Role", "Commerce"], ...settings.nceAccounts.map((a): Cell[] => [a, "", "nce"])] });
      const result = runEngine(readWorkbook(all, isoToSerial(asOfIso)!));
      const report = buildReport(result);
      progress({ fraction: 0.9, phase: "writing" });
      const customers: CustomerOutcome[] = result.customers
        .filter((c) => c.inReport)
        .map((c) => ({
          index: c.index,
          name: c.name,
          microsoftId: c.microsoftId,
          verdict: c.verdict,
          flagged: isFlagged(c.verdict),
          reasons: c.groups.map((g) => result.groups[g]).filter((g) => g.counted).map((g) => `${g.offerLabel}: ${LABEL[g.verdict]} (R ${g.totals.R}, N ${g.totals.N})`),
          nextStep: NEXT_STEP[c.verdict],
          rows: result.rows.filter((r) => r.customer === c.index && r.at).map((r) => r.at!),
        }));
      reconciled = true;
      return { report, customers, problems: result.problems, byVerdict: report.totals.byVerdict, stats: { requests: 0, largestRequestBytes: 0, rows: result.rows.length, ms: 0 } };
    },
    async select(sheet, rows) {
      selection.push({ sheet, rows });
    },
    async remove(options, progress) {
      progress({ fraction: 1, phase: "removing" });
      reconciled = false;
      if (options.everything) {
        for (const r of records()) sheets.delete(r.sheet);
        sheets.delete(SHEETS.sources);
      }
    },
  };
  return { gateway, sheets, selection };
}
