/**
 * Where the add-in's reconcile bytes go, by object, member and sheet (an investigation aid for
 * issue 14's 25 MB target): `node build/bench/bench/bytes-by-kind.js --folder <exports> --api 1.9`.
 */
import { parseArgs } from "util";
import { scanFolder } from "../src/cli/folder";
import { ClientObject } from "../src/office/fake/client-object";
import { createFakeExcel } from "../src/office/fake";
import { createOfficeGateway } from "../src/office/gateway";
import { OfficeHost } from "../src/office/host";

const { values } = parseArgs({ options: { folder: { type: "string" }, api: { type: "string", default: "1.9" } } });
const by = new Map<string, number>();
let on = false;
const proto = ClientObject.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
const where = (o: unknown): string => {
  try {
    const r = (o as { resolveRect?: () => { sheet: { name: string } } }).resolveRect?.();
    return r ? r.sheet.name : "";
  } catch {
    return "?";
  }
};
const origSet = proto.set;
proto.set = function (this: unknown, name: unknown, value: unknown, apply: unknown) {
  if (on) {
    const k = `${(this as { constructor: { name: string } }).constructor.name}.${String(name)} ${where(this)}`;
    by.set(k, (by.get(k) ?? 0) + JSON.stringify(value ?? "").length + String(name).length);
    if (process.env.BY_COLUMN && Array.isArray(value) && Array.isArray(value[0])) {
      let left = -1;
      try {
        left = (this as { resolveRect: () => { rect: { left: number } } }).resolveRect().rect.left;
      } catch {
        /* not resolvable before sync */
      }
      for (const line of value as unknown[][]) {
        line.forEach((v, j) => {
          const c = `  ${where(this)} column ${left + j} ${String(name)}`;
          by.set(c, (by.get(c) ?? 0) + JSON.stringify(v ?? "").length + 1);
        });
      }
    }
  }
  return origSet.call(this, name, value, apply);
};
const origCall = proto.call;
proto.call = function (this: unknown, name: unknown, bytes: unknown, run: unknown) {
  if (on) {
    const k = `${(this as { constructor: { name: string } }).constructor.name}.${String(name)}() ${where(this)}`;
    by.set(k, (by.get(k) ?? 0) + Number(bytes));
  }
  return origCall.call(this, name, bytes, run);
};
(async () => {
  const files = (await scanFolder(values.folder!)).files;
  const fake = createFakeExcel({ api: values.api! });
  const gateway = createOfficeGateway({ host: fake as unknown as OfficeHost, now: () => new Date("2026-11-24T09:00:00Z") });
  await gateway.importFiles(files, () => undefined);
  const state = await gateway.inspect();
  await gateway.saveSettings({ ...state.settings, asOf: "2026-11-24" });
  fake.resetStats();
  on = true;
  await gateway.reconcile(() => undefined);
  console.log(`reconcile: ${(fake.stats.totalRequestBytes / 1e6).toFixed(2)} MB in ${fake.stats.requests} requests`);
  const rows = [...by].sort((a, b) => b[1] - a[1]).slice(0, 40);
  for (const [k, v] of rows) console.log(`${(v / 1e6).toFixed(3).padStart(8)} MB  ${k}`);
})();
