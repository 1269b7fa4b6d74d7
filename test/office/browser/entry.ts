// Bundled for the browser by test/office/browser.test.ts: the fake Excel and the gateway, with
// no node API, as the task pane's development page will load them.
import type { ImportFile } from "../../../src/domain/importer";
import { createFakeExcel } from "../../../src/office/fake";
import { createOfficeGateway } from "../../../src/office/gateway";
import type { OfficeHost } from "../../../src/office/host";
import { SUMMARY, SUMMARY_TOP } from "../../../src/layout/plan";

async function check(files: ImportFile[], asOf: string) {
  const fake = createFakeExcel({ api: "1.9" });
  // As the development page will: install the fake as the globals office.js would define.
  fake.install(window as unknown as Record<string, unknown>);
  const gateway = createOfficeGateway({ now: () => new Date("2026-11-24T09:30:00Z") });
  await gateway.importFiles(files, () => undefined);
  const st = await gateway.inspect();
  await gateway.saveSettings({ ...st.settings, asOf });
  const outcome = await gateway.reconcile(() => undefined);
  const summary = fake.store.mustSheet("Summary");
  return {
    report: outcome.report,
    requests: fake.stats.requests,
    largest: fake.stats.largestRequestBytes,
    summaryTitle: fake.store.cell(summary, 1, 1)?.value,
    verdictFormula: fake.store.cell(summary, SUMMARY_TOP + 1, SUMMARY.verdict)?.formula,
    globals: typeof (window as unknown as { Excel?: OfficeHost["Excel"] }).Excel?.run,
  };
}

(window as unknown as { officeCheck: typeof check }).officeCheck = check;
