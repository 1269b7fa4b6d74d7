/**
 * A gateway over a fresh fake Excel, with a fixed clock so that runs are repeatable.
 */
import { createFakeExcel, FakeExcel, FakeExcelOptions } from "../../../src/office/fake";
import { createOfficeGateway } from "../../../src/office/gateway";
import { Progress, WorkbookGateway } from "../../../src/office/types";

export const AS_OF = "2026-11-24";
export const RUN_AT = new Date("2026-11-24T09:30:00.000Z");

export interface Bench {
  readonly fake: FakeExcel;
  readonly gateway: WorkbookGateway;
  readonly progress: Progress[];
  readonly onProgress: (p: Progress) => void;
}

export function bench(options: FakeExcelOptions & { budget?: number; now?: () => Date } = {}): Bench {
  const fake = createFakeExcel(options);
  const gateway = createOfficeGateway({ host: fake.officeHost(), now: options.now ?? (() => RUN_AT), budget: options.budget });
  const progress: Progress[] = [];
  return { fake, gateway, progress, onProgress: (p) => progress.push(p) };
}

/** Import files, freeze the as-of date (as an audit would) and reconcile. */
export async function importAndReconcile(b: Bench, files: Parameters<WorkbookGateway["importFiles"]>[0]) {
  const imported = await b.gateway.importFiles(files, b.onProgress);
  const state = await b.gateway.inspect();
  await b.gateway.saveSettings({ ...state.settings, asOf: AS_OF });
  const outcome = await b.gateway.reconcile(b.onProgress);
  return { imported, outcome };
}
