// Offline manifest helpers shared by webpack.config.js, scripts/validate-manifest.js and
// test/manifest.test.ts. Plain CommonJS with no dependencies, so jest can load it: the
// office-addin-manifest package pulls ESM-only modules that jest's CommonJS runtime cannot require.
"use strict";

const fs = require("fs");
const path = require("path");

const DEV_ORIGIN = "https://localhost:3000";
const DEV_URL = `${DEV_ORIGIN}/`;
const PLACEHOLDER_PUBLIC_URL = "https://www.contoso.com/csp-reconcile/";

/** The base URL the production build points the manifest at (always ends with "/"). */
function productionUrl(env = process.env) {
  const raw = (env.ADDIN_PUBLIC_URL || PLACEHOLDER_PUBLIC_URL).trim();
  const url = new URL(raw); // throws on garbage, which should stop the build
  if (url.protocol !== "https:") {
    throw new Error(`ADDIN_PUBLIC_URL must be https (Office refuses plain http add-ins): ${raw}`);
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/**
 * Rewrites every dev URL in the manifest to the public URL. Page and icon URLs keep their path under
 * the public base URL; the bare origin (AppDomain, which must not carry a path) becomes the public origin.
 */
function rewriteManifestUrls(xml, publicUrl) {
  const base = publicUrl.endsWith("/") ? publicUrl : `${publicUrl}/`;
  const origin = new URL(base).origin;
  return xml.split(DEV_URL).join(base).split(DEV_ORIGIN).join(origin);
}

/**
 * Hosts that only stand in for a real one: the dev server, loopback addresses, the documentation domains
 * of RFC 2606 / RFC 6761 (example.com, *.test, *.invalid, *.localhost) and Microsoft's fictional companies
 * (contoso.com is the build's placeholder). A manifest pointing there cannot be loaded by anyone else.
 */
const PLACEHOLDER_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0|(.+\.)?(example\.(com|net|org)|contoso\.com|fabrikam\.com)|.+\.(example|test|invalid|localhost))$/i;

/** The manifest's URL origins (DefaultValue attributes and AppDomains), in order of appearance, once each. */
function manifestOrigins(rawXml) {
  const xml = stripComments(rawXml);
  const urls = [
    ...[...xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]),
    ...[...xml.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1].trim()),
  ];
  const origins = [];
  for (const u of urls) {
    try {
      const origin = new URL(u).origin;
      if (!origins.includes(origin)) origins.push(origin);
    } catch {
      // checkManifest reports it
    }
  }
  return origins;
}

/** The manifest's origins whose host is a placeholder (see PLACEHOLDER_HOST); empty when it can be distributed. */
function placeholderOrigins(xml) {
  return manifestOrigins(xml).filter((o) => PLACEHOLDER_HOST.test(new URL(o).hostname));
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function stripComments(xml) {
  return xml.replace(/<!--[\s\S]*?-->/g, "");
}

function textOf(xml, tag) {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml);
  return m ? m[1].trim() : undefined;
}

/** Width and height from a PNG's IHDR chunk, or undefined when the file is not a PNG. */
function pngSize(file) {
  const buf = fs.readFileSync(file);
  if (buf.length < 24 || buf.toString("latin1", 1, 4) !== "PNG") return undefined;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/**
 * Checks the facts this project relies on. Not a schema validation (no XSD ships on npm; Microsoft's
 * validator is an online service). Returns a list of problems; empty means OK.
 * @param {string} rawXml manifest text
 * @param {{assetsDir?: string}} [options] when given, icon URLs under /assets/ must exist there with the right size
 */
function checkManifest(rawXml, options = {}) {
  const problems = [];
  const fail = (msg) => problems.push(msg);
  const xml = stripComments(rawXml);

  if (!/<OfficeApp\b[^>]*xsi:type="TaskPaneApp"/.test(xml)) fail('OfficeApp must have xsi:type="TaskPaneApp"');

  const splitAt = xml.indexOf("<VersionOverrides");
  const top = splitAt < 0 ? xml : xml.slice(0, splitAt);
  const overrides = splitAt < 0 ? "" : xml.slice(splitAt);
  if (!overrides) fail("VersionOverrides is missing (no ribbon button)");

  const id = textOf(top, "Id");
  if (!id || !GUID.test(id)) fail(`Id must be a GUID, got ${JSON.stringify(id)}`);
  const version = textOf(top, "Version");
  if (!version || !/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version)) fail(`Version must be n[.n[.n[.n]]], got ${JSON.stringify(version)}`);

  // Top-level children in the order the XSD demands (subset we use).
  const order = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
    "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions"];
  let last = -1;
  for (const tag of order) {
    const at = top.search(new RegExp(`<${tag}[\\s/>]`));
    if (at < 0) { fail(`<${tag}> is missing`); continue; }
    if (at < last) fail(`<${tag}> is out of order (see docs/develop/manifest-element-ordering)`);
    last = at;
  }

  const hosts = /<Hosts>([\s\S]*?)<\/Hosts>/.exec(top);
  const hostNames = hosts ? [...hosts[1].matchAll(/<Host\s+Name="([^"]+)"/g)].map((m) => m[1]) : [];
  if (hostNames.join() !== "Workbook") fail(`Hosts must be exactly Workbook, got [${hostNames.join(", ")}]`);

  // Requirements must be the element right after </Hosts> and declare ExcelApi 1.7.
  const afterHosts = hosts ? top.slice(hosts.index + hosts[0].length) : "";
  const req = /^\s*<Requirements>([\s\S]*?)<\/Requirements>/.exec(afterHosts);
  if (!req) fail("<Requirements> must come right after <Hosts>");
  else if (!/<Set\s+Name="ExcelApi"\s+MinVersion="1\.7"\s*\/>/.test(req[1])) fail('Requirements must declare <Set Name="ExcelApi" MinVersion="1.7"/>');
  if (/<Requirements[\s>]/.test(overrides)) fail("No <Requirements> inside VersionOverrides (a client failing it hides all ribbon commands)");

  if (textOf(top, "Permissions") !== "ReadWriteDocument") fail("Permissions must be ReadWriteDocument");

  const taskpaneIds = [...overrides.matchAll(/<TaskpaneId>([^<]*)<\/TaskpaneId>/g)].map((m) => m[1].trim());
  if (taskpaneIds.join() !== "Office.AutoShowTaskpaneWithDocument") {
    fail(`exactly one ShowTaskpane action with TaskpaneId Office.AutoShowTaskpaneWithDocument expected, got [${taskpaneIds.join(", ")}]`);
  }
  if (!/<OfficeTab\s+id="TabHome">/.test(overrides)) fail("the button must sit on the Home tab (OfficeTab TabHome)");

  // Every resid must resolve and fit Office's 32-character limit.
  const resourceIds = new Set([...overrides.matchAll(/<bt:(?:Image|Url|String)\s+id="([^"]+)"/g)].map((m) => m[1]));
  for (const [, resid] of overrides.matchAll(/resid="([^"]+)"/g)) {
    if (!resourceIds.has(resid)) fail(`resid "${resid}" has no matching resource`);
    if (resid.length > 32) fail(`resid "${resid}" is longer than 32 characters`);
  }
  const urlRes = (id) => (new RegExp(`<bt:Url\\s+id="${id.replace(/\./g, "\\.")}"\\s+DefaultValue="([^"]+)"`).exec(overrides) || [])[1];
  const paneRes = (/<TaskpaneId>[\s\S]*?<SourceLocation\s+resid="([^"]+)"/.exec(overrides) || [])[1];
  const sourceLocation = (/<SourceLocation\s+DefaultValue="([^"]+)"/.exec(top) || [])[1];
  if (paneRes && urlRes(paneRes) !== sourceLocation) fail("the button's SourceLocation must be the DefaultSettings SourceLocation page");

  // All URLs https and on a single origin (Office loads the pane and icons from there).
  const urls = [
    ...[...xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]),
    ...[...xml.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1].trim()),
  ];
  const origins = new Set();
  for (const u of urls) {
    let parsed;
    try { parsed = new URL(u); } catch { fail(`not a URL: ${u}`); continue; }
    if (parsed.protocol !== "https:") fail(`URL must be https: ${u}`);
    origins.add(parsed.origin);
  }
  if (origins.size !== 1) fail(`all URLs must share one origin, found: ${[...origins].join(", ")}`);

  if (options.assetsDir) {
    const expectSize = (url, size) => {
      const m = /\/assets\/([^/?#]+\.png)$/.exec(url || "");
      if (!m) return fail(`icon URL must point into /assets/: ${url}`);
      const file = path.join(options.assetsDir, m[1]);
      if (!fs.existsSync(file)) return fail(`icon file missing: assets/${m[1]}`);
      const dim = pngSize(file);
      if (!dim || dim.width !== size || dim.height !== size) fail(`assets/${m[1]} must be a ${size}x${size} PNG`);
    };
    expectSize((/<IconUrl\s+DefaultValue="([^"]+)"/.exec(top) || [])[1], 32);
    expectSize((/<HighResolutionIconUrl\s+DefaultValue="([^"]+)"/.exec(top) || [])[1], 64);
    // Ribbon icons: each <bt:Image size="N" resid="X"/> use must point at an N x N file.
    const imageUrls = new Map([...overrides.matchAll(/<bt:Image\s+id="([^"]+)"\s+DefaultValue="([^"]+)"/g)].map((m) => [m[1], m[2]]));
    for (const [, size, resid] of overrides.matchAll(/<bt:Image\s+size="(\d+)"\s+resid="([^"]+)"/g)) {
      if (imageUrls.has(resid)) expectSize(imageUrls.get(resid), Number(size));
    }
  }
  return problems;
}

module.exports = {
  DEV_URL,
  DEV_ORIGIN,
  PLACEHOLDER_PUBLIC_URL,
  productionUrl,
  rewriteManifestUrls,
  checkManifest,
  manifestOrigins,
  placeholderOrigins,
  pngSize,
};
