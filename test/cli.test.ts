/**
 * Spec §6, the command: exit 2 with a one-line reason in words for unusable arguments, an
 * unreadable folder, a folder with no subscription export (the reason shows the expected layout)
 * and an output that cannot be written; `--help` on stdout with exit 0; a run missing a whole
 * side completes but says so on stderr, in report.json (`warnings`) and on the Summary.
 */
import { spawnSync } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main, OPTIONS } from "../src/cli/main";
import { FOLDER_LAYOUT } from "../src/cli/folder";
import { Report } from "../src/domain/report";
import { RUN_WARNING_TEXT } from "../src/domain/warnings";

const ROOT = path.join(__dirname, "..");
const SAMPLES = path.join(ROOT, "samples");

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "csp-cli-"));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** main() with its streams captured. */
async function run(...argv: string[]) {
  const stderr: string[] = [];
  let stdout = "";
  const code = await main(argv, (l) => stderr.push(l), (t) => (stdout += t));
  return { code, stderr, stdout, errors: stderr.filter((l) => l.startsWith("csp-reconcile:")) };
}

let folders = 0;
/** A new folder under tmp holding `files` (relative path → text, or the path of a file to copy). */
async function folder(name: string, files: Record<string, string>): Promise<string> {
  const root = path.join(tmp, `${name}-${++folders}`);
  await fs.mkdir(root, { recursive: true });
  for (const [rel, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    if (content.startsWith("/")) await fs.copyFile(content, path.join(root, rel));
    else await fs.writeFile(path.join(root, rel), content);
  }
  return root;
}

const sample = (rel: string) => path.join(SAMPLES, rel);

describe("--help and -h: the usage and the folder layout on stdout, exit 0", () => {
  test.each(["--help", "-h"])("%s", async (flag) => {
    const r = await run(flag);
    expect([r.code, r.stderr]).toEqual([0, []]);
    expect(r.stdout.split("\n")[0]).toBe("usage: csp-reconcile <folder> --out <workbook.xlsx> [--json <report.json>] [--actions <next-steps.csv>] [--as-of YYYY-MM-DD]");
    for (const o of OPTIONS) expect(r.stdout).toContain(`--${o.name}`);
    for (const l of FOLDER_LAYOUT) expect(r.stdout).toContain(l.path);
  });

  test("wins over everything else on the line, as users expect of --help", async () => {
    expect((await run("nowhere", "--bogus", "--help")).code).toBe(2); // an unknown option is still an error
    expect((await run("nowhere", "--out", "x.csv", "-h")).code).toBe(0);
  });

  test("the built command prints it and exits 0 (bin/csp-reconcile.js, as npx runs it)", () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "csp-reconcile.js"), "--help"], { encoding: "utf8" });
    expect([r.status, r.stderr]).toEqual([0, ""]);
    expect(r.stdout).toContain("from/<account>/<customer>.csv");
  });
});

describe("unusable arguments: exit 2, a sentence and the usage line on stderr", () => {
  test.each([
    [["samples", "--bogus"], "Unknown option --bogus."],
    [["samples", "-x", "--out", "a.xlsx"], "Unknown option -x."],
    [["samples", "--out"], "--out needs a value: --out <workbook.xlsx>."],
    [["samples", "--out", "--json", "r.json"], "--out needs a value: --out <workbook.xlsx>."],
    [["samples", "--out", "a.xlsx", "--json"], "--json needs a value: --json <report.json>."],
    [["samples", "--out", "a.xlsx", "--out", "b.xlsx"], "--out is given twice."],
    [["samples", "--help=yes"], "--help takes no value."],
    [["samples"], "--out <workbook.xlsx> is required."],
    [["--out", "a.xlsx"], "Name the export folder to read."],
    [["a", "b", "--out", "a.xlsx"], "Give one export folder, not 2 (a, b)."],
    [["samples", "--out", "a.csv"], '--out must name an .xlsx file, such as out/reconciliation.xlsx; got "a.csv".'],
    [["samples", "--out", "a.xlsx", "--as-of", "2026-02-30"], '--as-of must be a date written YYYY-MM-DD, such as 2026-11-24; got "2026-02-30".'],
    [["samples", "--out", "a.xlsx", "--as-of", "24/11/2026"], '--as-of must be a date written YYYY-MM-DD, such as 2026-11-24; got "24/11/2026".'],
  ])("%j", async (argv, reason) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.errors).toEqual([`csp-reconcile: ${reason}`]);
    expect(r.stderr[1]).toMatch(/^usage: csp-reconcile <folder>/);
    expect(r.stdout).toBe("");
  });
});

describe("the input folder: a sentence when it cannot be read", () => {
  test("a folder that does not exist", async () => {
    const missing = path.join(tmp, "no-such-folder");
    const r = await run(missing, "--out", path.join(tmp, "x.xlsx"));
    expect([r.code, r.errors]).toEqual([2, [`csp-reconcile: Cannot read the folder ${missing}: it does not exist.`]]);
  });

  test("a file given as the folder", async () => {
    const file = sample("accounts.csv");
    const r = await run(file, "--out", path.join(tmp, "x.xlsx"));
    expect([r.code, r.errors]).toEqual([2, [`csp-reconcile: Cannot read ${file}: it is a file, not a folder. Give the folder that holds from/ and to/.`]]);
  });
});

describe("a folder with no subscription export at all: exit 2, one line showing the expected layout, nothing written", () => {
  test.each([
    ["an empty folder", {}, "it is empty"],
    ["a flat folder of exports (no from/ and to/)", { "Pharmacie Moreau.csv": sample("to/Pharmacie Moreau.csv"), "Customers.csv": sample("to/Customers.csv") }, "it holds 2 other files"],
    ["random files", { "notes.txt": "hello", "photo.jpg": "\u00ff\u00d8", "data/x.bin": "1" }, "it holds 3 other files"],
    ["only the customer lists", { "from/FR/Customers.csv": sample("from/FR/Customers.csv"), "to/Customers.csv": sample("to/Customers.csv") }, "it holds 2 other files"],
  ])("%s", async (_label, files, seen) => {
    const root = await folder("none", files as Record<string, string>);
    const out = path.join(tmp, "none", "x.xlsx");
    const r = await run(root, "--out", out, "--json", path.join(tmp, "none", "x.json"));
    expect(r.code).toBe(2);
    expect(r.errors).toEqual([
      `csp-reconcile: No subscription export found in ${root} (${seen}): expected from/<account>/<customer>.csv and to/<customer>.csv, see csp-reconcile --help.`,
    ]);
    expect(await fs.readdir(path.dirname(out))).toEqual([]);
  });
});

describe("a run missing a whole side completes, and says so on stderr, in report.json and on the Summary", () => {
  const cases = [
    ["only to/ (no old account)", { "to/Pharmacie Moreau.csv": sample("to/Pharmacie Moreau.csv"), "to/Customers.csv": sample("to/Customers.csv") }, "NO_OLD_ACCOUNT", "(no export under from/<account>/)"],
    ["only from/ (no new account)", { "from/FR/Pharmacie Moreau.csv": sample("from/FR/Pharmacie Moreau.csv") }, "NO_NEW_ACCOUNT", "(no export under to/)"],
  ] as const;

  test.each(cases)("%s", async (label, files, code, hint) => {
    const root = await folder(label.replace(/\W+/g, "-"), files);
    const out = path.join(tmp, `${code}.xlsx`);
    const json = path.join(tmp, `${code}.json`);
    const r = await run(root, "--out", out, "--json", json, "--as-of", "2026-11-24");
    expect([r.code, r.errors]).toEqual([0, []]);
    expect(r.stderr).toContain(`warning: ${RUN_WARNING_TEXT[code]} ${hint}`);

    const report = JSON.parse(await fs.readFile(json, "utf8")) as Report;
    expect(report.warnings).toEqual([{ code, message: RUN_WARNING_TEXT[code] }]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const summary = wb.getWorksheet("Summary")!;
    const top = [];
    for (let row = 1; row < 19; row++) top.push(String(summary.getCell(row, 1).value ?? ""));
    expect(top.filter((v) => v.startsWith("Warning:"))).toEqual([`Warning: ${RUN_WARNING_TEXT[code]}`]);
  });

  test("both sides present: no warning anywhere", async () => {
    const root = await folder("both", { "from/FR/Pharmacie Moreau.csv": sample("from/FR/Pharmacie Moreau.csv"), "to/Pharmacie Moreau.csv": sample("to/Pharmacie Moreau.csv") });
    const json = path.join(tmp, "both.json");
    const r = await run(root, "--out", path.join(tmp, "both.xlsx"), "--json", json);
    expect(r.code).toBe(0);
    expect(r.stderr.filter((l) => l.startsWith("warning:"))).toEqual([]);
    expect((JSON.parse(await fs.readFile(json, "utf8")) as Report).warnings).toEqual([]);
  });

  test("the Summary's warning fits the cells left of the verdict counts (about 80 characters)", () => {
    for (const text of Object.values(RUN_WARNING_TEXT)) expect(`Warning: ${text}`.length).toBeLessThanOrEqual(84);
  });
});

describe("outputs that cannot be written: a sentence naming the file and why, before anything is read", () => {
  let input: string;
  beforeAll(async () => {
    input = await folder("out-input", { "from/FR/Pharmacie Moreau.csv": sample("from/FR/Pharmacie Moreau.csv"), "to/Pharmacie Moreau.csv": sample("to/Pharmacie Moreau.csv") });
  });

  // /proc takes no new files, even for root (the CI machine may run tests as root, where chmod stops nothing).
  test("--out in a folder that takes no files", async () => {
    const r = await run(input, "--out", "/proc/x.xlsx");
    expect([r.code, r.errors]).toEqual([2, ["csp-reconcile: Cannot write the workbook to /proc/x.xlsx: the folder does not exist or is not writable."]]);
    expect(r.stderr.some((l) => l.startsWith("reading:"))).toBe(false);
  });

  test("--out under a file (its folder cannot be made)", async () => {
    const file = path.join(tmp, "a-file");
    await fs.writeFile(file, "");
    const out = path.join(file, "x.xlsx");
    const r = await run(input, "--out", out);
    expect([r.code, r.errors]).toEqual([2, [`csp-reconcile: Cannot write the workbook to ${out}: the folder does not exist or is not writable.`]]);
  });

  test("--out naming a folder", async () => {
    const dir = path.join(tmp, "looks-like.xlsx");
    await fs.mkdir(dir, { recursive: true });
    const r = await run(input, "--out", dir);
    expect([r.code, r.errors]).toEqual([2, [`csp-reconcile: Cannot write the workbook to ${dir}: it is a folder.`]]);
  });

  test("--json in a folder that takes no files: nothing is written, not even the workbook", async () => {
    const out = path.join(tmp, "json-fails", "x.xlsx");
    const r = await run(input, "--out", out, "--json", "/proc/report.json");
    expect([r.code, r.errors]).toEqual([2, ["csp-reconcile: Cannot write the report to /proc/report.json: the folder does not exist or is not writable."]]);
    expect(await fs.readdir(path.dirname(out))).toEqual([]);
  });

  test("a missing output folder is made, and no partial file is left beside the outputs", async () => {
    const out = path.join(tmp, "made", "deep", "x.xlsx");
    const r = await run(input, "--out", out, "--json", path.join(tmp, "made", "r.json"));
    expect([r.code, r.errors]).toEqual([0, []]);
    expect((await fs.readdir(path.join(tmp, "made"))).sort()).toEqual(["deep", "r.json"]);
    expect(await fs.readdir(path.join(tmp, "made", "deep"))).toEqual(["x.xlsx"]);
  });

  test("the built command exits 2 with the sentence on stderr", () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "csp-reconcile.js"), input, "--out", "/proc/x.xlsx"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe("csp-reconcile: Cannot write the workbook to /proc/x.xlsx: the folder does not exist or is not writable.");
  });
});
