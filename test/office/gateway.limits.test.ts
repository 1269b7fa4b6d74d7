/**
 * A large generated workbook stays inside Excel on the web's limits: every request and response
 * under 5 MB (our budget is 2 MB), no read over 5,000,000 cells — the fake fails the run
 * otherwise — and the result is still the headless command's, cell for cell.
 *
 * OFFICE_LARGE_CUSTOMERS sets the size: the default 4,000 customers (about 26,000 subscription rows)
 * runs in about a minute; 15,000 gives about 100,000 rows and takes about ten (most of it in the
 * exceljs comparison; OFFICE_LARGE_COMPARE=0 skips that part).
 */
import { reconcileImports } from "../../src/cli/run";
import { writtenWorkbook } from "../support/written";
import { compareWithWriter } from "./support/compare";
import { randomExports } from "../support/random-exports";
import { AS_OF, RUN_AT, bench } from "./support/setup";

const CUSTOMERS = Number(process.env.OFFICE_LARGE_CUSTOMERS ?? 4_000);
/** Without copyFrom every formula travels in full: a smaller set keeps the run short. */
const CUSTOMERS_17 = Number(process.env.OFFICE_LARGE_CUSTOMERS_17 ?? 2_000);
const LIMIT = 5 * 1024 * 1024;

describe("a large workbook", () => {
  test.each([
    ["1.9", CUSTOMERS],
    ["1.7", CUSTOMERS_17],
  ])("ExcelApi %s host, %i customers: within the limits, equal to the command", async (api, customers) => {
    const files = randomExports({ seed: 4242, customers, oldAccounts: 3 });
    const b = bench({ api });
    const t0 = Date.now();
    await b.gateway.importFiles(files, b.onProgress);
    const importStats = { ...b.fake.stats, log: [] };
    const st = await b.gateway.inspect();
    await b.gateway.saveSettings({ ...st.settings, asOf: AS_OF });
    b.fake.resetStats();
    const t1 = Date.now();
    const outcome = await b.gateway.reconcile(b.onProgress);
    const t2 = Date.now();
    const stats = b.fake.stats;
    expect(stats.log.filter((r) => r.failed)).toEqual([]);
    expect(stats.largestRequestBytes).toBeLessThan(LIMIT);
    expect(stats.largestResponseBytes).toBeLessThan(LIMIT);
    expect(stats.largestRequestBytes).toBeLessThan(2.1 * 1024 * 1024);
    expect(outcome.stats.rows).toBeGreaterThan(customers * 5);
    // eslint-disable-next-line no-console
    console.log(
      [
        `large (${customers} customers, ${outcome.stats.rows} subscription rows, ExcelApi ${api}):`,
        `import ${importStats.requests} requests, largest ${importStats.largestRequestBytes} B;`,
        `reconcile ${stats.requests} requests (gateway counted ${outcome.stats.requests}), largest request ${stats.largestRequestBytes} B, largest response ${stats.largestResponseBytes} B, ${stats.totalRequestBytes} B sent;`,
        `fake time: import ${t1 - t0} ms, reconcile ${t2 - t1} ms`,
      ].join(" "),
    );
    const out = reconcileImports(files, { asOf: AS_OF, fixedAsOf: true, runAt: RUN_AT.toISOString() });
    expect(outcome.report).toEqual(out.report);
    if (process.env.OFFICE_LARGE_COMPARE === "0") return;
    const t3 = Date.now();
    const cmp = compareWithWriter(b.fake.store, await writtenWorkbook(out.inputSheets, out.plan));
    expect(cmp.mismatches.slice(0, 10)).toEqual([]);
    // eslint-disable-next-line no-console
    console.log(`compared ${cmp.cells} cells (${cmp.formulas} formulas) with the writer's in ${Date.now() - t3} ms`);
  });
});
