/**
 * The office.js write plan measured on the gateway itself: the exports are imported into the
 * in-memory fake Excel (src/office/fake), then the gateway's reconcile runs against it and the
 * fake counts every request (context.sync) and its serialized size.
 */
import { ImportFile } from "../src/domain/importer";
import { createFakeExcel } from "../src/office/fake";
import { createOfficeGateway } from "../src/office/gateway";
import { OfficeHost } from "../src/office/host";

export interface OfficeRun {
  readonly api: string;
  readonly importRequests: number;
  readonly importLargestBytes: number;
  readonly requests: number;
  readonly largestRequestBytes: number;
  readonly largestResponseBytes: number;
  readonly totalRequestBytes: number;
  readonly failed: number;
  /** The gateway's own count for the reconcile (its Meter). */
  readonly gatewayRequests: number;
  readonly gatewayLargestBytes: number;
  readonly ms: number;
  readonly customers: number;
}

export async function officeReconcile(files: readonly ImportFile[], api: string, asOf: string, runAt: Date): Promise<OfficeRun> {
  const fake = createFakeExcel({ api });
  const gateway = createOfficeGateway({ host: fake as unknown as OfficeHost, now: () => runAt });
  const noProgress = () => undefined;
  await gateway.importFiles(files, noProgress);
  const importRequests = fake.stats.requests;
  const importLargestBytes = fake.stats.largestRequestBytes;
  const state = await gateway.inspect();
  await gateway.saveSettings({ ...state.settings, asOf });
  fake.resetStats();
  const t = performance.now();
  const outcome = await gateway.reconcile(noProgress);
  const ms = performance.now() - t;
  const s = fake.stats;
  return {
    api,
    importRequests,
    importLargestBytes,
    requests: s.requests,
    largestRequestBytes: s.largestRequestBytes,
    largestResponseBytes: s.largestResponseBytes,
    totalRequestBytes: s.totalRequestBytes,
    failed: s.log.filter((r) => (r as { failed?: boolean }).failed).length,
    gatewayRequests: outcome.stats.requests,
    gatewayLargestBytes: outcome.stats.largestRequestBytes,
    ms,
    customers: outcome.report.totals.customers,
  };
}
