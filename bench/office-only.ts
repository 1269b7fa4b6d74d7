/**
 * The gateway's office.js requests alone, for one size and host (the full bench runs it among
 * everything else): `node build/bench/bench/office-only.js --folder <exports> --api 1.9`.
 */
import { parseArgs } from "util";
import { scanFolder } from "../src/cli/folder";
import { officeReconcile } from "./office-fake";

const { values } = parseArgs({ options: { folder: { type: "string" }, api: { type: "string", default: "1.9" } } });
(async () => {
  const files = (await scanFolder(values.folder!)).files;
  const r = await officeReconcile(files, values.api!, "2026-11-24", new Date("2026-11-24T09:00:00Z"));
  console.log(
    `ExcelApi ${r.api}, ${r.customers} customers: import ${r.importRequests} requests; reconcile ${r.requests} requests, ` +
      `${(r.totalRequestBytes / 1e6).toFixed(1)} MB sent, largest ${(r.largestRequestBytes / 1e6).toFixed(2)} MB, ${r.failed} failed, ${(r.ms / 1000).toFixed(1)} s`,
  );
})();
