/**
 * The command's report on the bundled samples equals samples/EXPECTED.md (transcribed in
 * test/fixtures/samples-expected.ts): customer verdicts, group verdicts and figures, notes,
 * problems, totals.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { Report } from "../../src/domain/report";
import {
  ExpectedGroup,
  SAMPLES_AS_OF,
  SAMPLES_CUSTOMERS,
  SAMPLES_LEFT_OUT,
  SAMPLES_PROBLEM_ROWS,
  SAMPLES_PROBLEMS,
  SAMPLES_TOTALS,
} from "../fixtures/samples-expected";

const SAMPLES = path.join(__dirname, "..", "..", "samples");
const byOffer = (a: ExpectedGroup, b: ExpectedGroup) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

describe("samples/EXPECTED.md: the command's report.json", () => {
  let tmp: string;
  let report: Report;
  let code: number;
  const stderr: string[] = [];

  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), "csp-samples-"));
    code = await main([SAMPLES, "--out", path.join(tmp, "r.xlsx"), "--json", path.join(tmp, "report.json"), "--as-of", SAMPLES_AS_OF], (l) => stderr.push(l));
    report = JSON.parse(await fs.readFile(path.join(tmp, "report.json"), "utf8"));
  });
  afterAll(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  test("the run completes: exit code 0, a workbook and a report", async () => {
    expect([code, stderr.filter((l) => l.startsWith("csp-reconcile:"))]).toEqual([0, []]);
    expect((await fs.stat(path.join(tmp, "r.xlsx"))).size).toBeGreaterThan(0);
    expect(report.asOf).toBe(SAMPLES_AS_OF);
  });

  test("exactly the 22 expected customers, with their Microsoft IDs; Harbour Lane Studios is left out", () => {
    expect(report.customers.map((c) => [c.customer, c.microsoftId]).sort()).toEqual(SAMPLES_CUSTOMERS.map((c) => [c.customer, c.microsoftId]).sort());
    for (const name of SAMPLES_LEFT_OUT) expect(report.customers.map((c) => c.customer)).not.toContain(name);
  });

  test.each(SAMPLES_CUSTOMERS.map((c) => [c.customer, c] as const))("%s", (_name, want) => {
    const got = report.customers.find((c) => c.customer === want.customer)!;
    expect(got).toBeDefined();
    const groups = got.groups.map((g): ExpectedGroup => [g.offer, g.azure, g.required, g.newSeats, g.verdict, [...g.notes]]);
    expect({ verdict: got.verdict, problems: got.problems, groups: groups.sort(byOffer) }).toEqual({
      verdict: want.verdict,
      problems: SAMPLES_PROBLEM_ROWS[want.customer] ?? 0,
      groups: [...want.groups].sort(byOffer),
    });
  });

  test("exactly the four expected problems", () => {
    expect(report.problems.map((p) => [p.source, p.row, p.code])).toEqual(SAMPLES_PROBLEMS);
  });

  test("the totals", () => {
    expect(report.totals).toEqual(SAMPLES_TOTALS);
  });
});
