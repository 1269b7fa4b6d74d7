#!/usr/bin/env node
// Offline manifest checks (npm run validate). Microsoft's own validator
// (`npx office-addin-manifest validate manifest.xml`) posts the file to an online service and fails
// without internet, and no package ships the XML manifest XSDs, so this runs what can run offline:
//   1. office-addin-manifest's parser (readManifestFile), as Office tooling sees the file;
//   2. xmllint --noout (well-formedness only), when installed;
//   3. the project's own assertions (scripts/manifest-lib.js), icons read from the assets/ folder beside
//      the manifest (dist/assets for dist/manifest.xml: what the host serves);
//   4. for the source manifest (on the dev server): the production rewrite of it;
//      for any other manifest (a build's): a warning when it still points at a placeholder host
//      (localhost, an example or contoso domain), since nobody else can load the add-in from there.
// Usage: node scripts/validate-manifest.js [manifest.xml ...]
//   No path: manifest.xml, and dist/manifest.xml when a build is there.   Exits 1 on any failure.
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { DEV_ORIGIN, checkManifest, placeholderOrigins, productionUrl, rewriteManifestUrls } = require("./manifest-lib");

const root = path.join(__dirname, "..");
const SOURCE = path.join(root, "manifest.xml");

async function validate(manifestPath, report) {
  const relative = path.relative(process.cwd(), manifestPath);
  const shown = relative === "" || relative.startsWith("..") ? manifestPath : relative;
  console.log(`\n${shown}`);
  let xml;
  try {
    xml = fs.readFileSync(manifestPath, "utf8");
  } catch (err) {
    const why = err.code === "ENOENT" ? "no such file" : err.code === "EISDIR" ? "it is a folder" : err.code || String(err.message || err);
    report("fail", `cannot read ${shown}`, why);
    return;
  }

  try {
    const { OfficeAddinManifest } = require("office-addin-manifest");
    const info = await OfficeAddinManifest.readManifestFile(manifestPath);
    report(info.id ? "ok" : "fail", "office-addin-manifest parses it", `${info.officeAppType}, hosts ${info.hosts}, id ${info.id}`);
  } catch (err) {
    report("fail", "office-addin-manifest parses it", String(err.message || err).split("\n")[0]);
  }

  const xmllint = spawnSync("xmllint", ["--noout", manifestPath], { encoding: "utf8" });
  if (xmllint.error) console.log("skip  xmllint not installed (Debian: apt-get install libxml2-utils)");
  else report(xmllint.status === 0 ? "ok" : "fail", "xmllint --noout (well-formed)", xmllint.stderr.trim());

  const besideIt = path.join(path.dirname(manifestPath), "assets");
  const assetsDir = fs.existsSync(besideIt) ? besideIt : path.join(root, "assets");
  const problems = checkManifest(xml, { assetsDir });
  report(
    problems.length === 0 ? "ok" : "fail",
    `project assertions (GUID Id, Workbook, ExcelApi 1.7 after Hosts, auto-open TaskpaneId, ReadWriteDocument, one https origin, icons in ${path.relative(process.cwd(), assetsDir) || "."})`,
  );
  for (const p of problems) console.log(`        - ${p}`);

  const placeholders = placeholderOrigins(xml);
  if (path.resolve(manifestPath) === SOURCE && placeholders.every((o) => o === DEV_ORIGIN)) {
    // The source manifest points at the dev server on purpose; the build rewrites it.
    const publicUrl = productionUrl();
    const prodProblems = checkManifest(rewriteManifestUrls(xml, publicUrl));
    report(prodProblems.length === 0 ? "ok" : "fail", `production rewrite to ${publicUrl}`);
    for (const p of prodProblems) console.log(`        - ${p}`);
  } else if (placeholders.length > 0) {
    report(
      "warn",
      `${shown} points at ${placeholders.join(", ")}, a placeholder host`,
      "nobody else can load the add-in from there; build with ADDIN_PUBLIC_URL=https://your.host/path/ npm run build",
    );
  } else {
    report("ok", "points at a real host, not a placeholder");
  }
}

async function main() {
  let failed = false;
  const report = (level, label, detail = "") => {
    console.log(`${level === "ok" ? "ok  " : level === "warn" ? "WARN" : "FAIL"}  ${label}${detail ? `: ${detail}` : ""}`);
    if (level === "fail") failed = true;
  };
  const given = process.argv.slice(2).map((p) => path.resolve(p));
  const dist = path.join(root, "dist", "manifest.xml");
  const paths = given.length > 0 ? given : [SOURCE, ...(fs.existsSync(dist) ? [dist] : [])];
  for (const p of paths) await validate(p, report);

  console.log(
    "\nNot checked here: the XSD schema and Microsoft's store rules. With internet access run\n" +
      "  npx office-addin-manifest validate manifest.xml\n" +
      "(it uploads the manifest to Microsoft's validation service; offline it fails with ENOTFOUND).",
  );
  process.exitCode = failed ? 1 : 0;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
