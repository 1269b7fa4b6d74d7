/**
 * The fake Excel and the gateway run in a browser (the development page installs the fake as the
 * `Excel`/`Office` globals): bundled by webpack for the web target — any node API would fail the
 * build — and driven in Debian's headless Chromium, they give the same report as the headless
 * command.
 */
import * as os from "os";
import * as path from "path";
import { promises as fs } from "fs";
import { chromium } from "playwright-core";
import webpack from "webpack";
import { scanFolder } from "../../src/cli/folder";
import { reconcileImports } from "../../src/cli/run";

const ROOT = path.join(__dirname, "..", "..");
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

function bundle(out: string): Promise<string> {
  return new Promise((resolve, reject) => {
    webpack(
      {
        mode: "development",
        devtool: false,
        target: "web",
        entry: path.join(__dirname, "browser", "entry.ts"),
        output: { path: out, filename: "office-check.js" },
        resolve: { extensions: [".ts", ".js"], fallback: {} },
        module: { rules: [{ test: /\.ts$/, loader: "ts-loader", options: { transpileOnly: true, configFile: path.join(ROOT, "tsconfig.json") } }] },
      },
      (err, stats) => {
        if (err) return reject(err);
        if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
        resolve(path.join(out, "office-check.js"));
      },
    );
  });
}

test("the fake Excel and the gateway reconcile the samples in Chromium", async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-office-web-"));
  const script = await bundle(dir);
  const files = (await scanFolder(path.join(ROOT, "samples"))).files;
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: FLAGS });
  try {
    const page = await browser.newPage();
    await page.setContent("<!doctype html><title>office check</title>");
    await page.addScriptTag({ content: await fs.readFile(script, "utf8") });
    const got = await page.evaluate(
      ([f, asOf]) => (window as unknown as { officeCheck: (f: unknown, a: string) => Promise<Record<string, unknown>> }).officeCheck(f, asOf),
      [files, "2026-11-24"] as const,
    );
    const expected = reconcileImports(files, { asOf: "2026-11-24", fixedAsOf: true });
    expect(got.report).toEqual(expected.report);
    expect(got.summaryTitle).toBe("CSP reconciliation");
    expect(String(got.verdictFormula)).toMatch(/^=/);
    expect(got.globals).toBe("function");
    expect(got.largest as number).toBeLessThan(5 * 1024 * 1024);
  } finally {
    await browser.close();
  }
});
