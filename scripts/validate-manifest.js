#!/usr/bin/env node
// Offline manifest checks (npm run validate). Microsoft's own validator
// (`npx office-addin-manifest validate manifest.xml`) posts the file to an online service and fails
// without internet, and no package ships the XML manifest XSDs, so this runs what can run offline:
//   1. office-addin-manifest's parser (readManifestFile), as Office tooling sees the file;
//   2. xmllint --noout (well-formedness only), when installed;
//   3. the project's own assertions (scripts/manifest-lib.js), for the source manifest and for the
//      production rewrite of it.
// Usage: node scripts/validate-manifest.js [manifest.xml]    Exits 1 on any failure.
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const { checkManifest, productionUrl, rewriteManifestUrls } = require("./manifest-lib");

const root = path.join(__dirname, "..");
const manifestPath = path.resolve(process.argv[2] || path.join(root, "manifest.xml"));

async function main() {
  let failed = false;
  const report = (ok, label, detail = "") => {
    console.log(`${ok ? "ok  " : "FAIL"}  ${label}${detail ? `: ${detail}` : ""}`);
    if (!ok) failed = true;
  };

  const xml = fs.readFileSync(manifestPath, "utf8");

  try {
    const { OfficeAddinManifest } = require("office-addin-manifest");
    const info = await OfficeAddinManifest.readManifestFile(manifestPath);
    report(Boolean(info.id), "office-addin-manifest parses it", `${info.officeAppType}, hosts ${info.hosts}, id ${info.id}`);
  } catch (err) {
    report(false, "office-addin-manifest parses it", String(err.message || err).split("\n")[0]);
  }

  const xmllint = spawnSync("xmllint", ["--noout", manifestPath], { encoding: "utf8" });
  if (xmllint.error) console.log("skip  xmllint not installed (Debian: apt-get install libxml2-utils)");
  else report(xmllint.status === 0, "xmllint --noout (well-formed)", xmllint.stderr.trim());

  const problems = checkManifest(xml, { assetsDir: path.join(root, "assets") });
  report(problems.length === 0, "project assertions (GUID Id, Workbook, ExcelApi 1.7 after Hosts, auto-open TaskpaneId, ReadWriteDocument, one https origin, icons)");
  for (const p of problems) console.log(`        - ${p}`);

  const publicUrl = productionUrl();
  const prodProblems = checkManifest(rewriteManifestUrls(xml, publicUrl));
  report(prodProblems.length === 0, `production rewrite to ${publicUrl}`);
  for (const p of prodProblems) console.log(`        - ${p}`);

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
