// Builds the task pane pages (production mode, as shipped, plus the development page) into a directory, for the browser test.
// Runs in its own node process: webpack loaded through jest's module registry is several times slower.
//   node test/browser/build-pane.js <outDir>   → prints one JSON line: { entrypoints, chunks, errors, ms }
"use strict";

const path = require("path");
const webpack = require("webpack");

const root = path.join(__dirname, "..", "..");

(async () => {
  const outDir = process.argv[2];
  if (!outDir) throw new Error("usage: build-pane.js <outDir>");
  const started = Date.now();
  // The manifest's public URL does not matter here; setting it keeps the build quiet.
  process.env.ADDIN_PUBLIC_URL = process.env.ADDIN_PUBLIC_URL || "https://127.0.0.1/csp-reconcile/";
  // Production, as shipped, plus the development page the tests drive (npm run build leaves it out).
  const config = await require(path.join(root, "webpack.config.js"))({ devpane: true }, { mode: "production" });
  config.context = root;
  config.output.path = outDir;
  config.devtool = false;
  config.performance = { hints: false };
  // Types are checked by `npm run typecheck`; here only the bundle matters.
  for (const rule of config.module.rules) if (rule.loader === "ts-loader") rule.options = { ...rule.options, transpileOnly: true };
  config.infrastructureLogging = { level: "error" };
  const stats = await new Promise((resolve, reject) => webpack(config, (err, s) => (err ? reject(err) : resolve(s))));
  const json = stats.toJson({ all: false, entrypoints: true, chunks: true, errors: true, assets: true });
  const out = {
    ms: Date.now() - started,
    errors: json.errors.map((e) => e.message),
    entrypoints: Object.fromEntries(Object.entries(json.entrypoints).map(([name, ep]) => [name, ep.assets.map((a) => a.name)])),
    chunks: json.chunks.map((c) => ({ names: c.names, files: c.files, initial: c.initial })),
  };
  require("fs").writeFileSync(path.join(outDir, "build-info.json"), JSON.stringify(out));
  process.stdout.write(`${JSON.stringify(out)}\n`);
})().catch((e) => {
  process.stdout.write(`${JSON.stringify({ errors: [String((e && e.stack) || e)] })}\n`);
  process.exitCode = 1;
});
