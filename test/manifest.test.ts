// Manifest facts the add-in depends on, checked offline (no schema validation is possible without
// Microsoft's online service). The same checks run in `npm run validate`.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  DEV_URL,
  PLACEHOLDER_PUBLIC_URL,
  checkManifest,
  placeholderOrigins,
  productionUrl,
  rewriteManifestUrls,
} from "../scripts/manifest-lib";

const root = path.join(__dirname, "..");
const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const assetsDir = path.join(root, "assets");
const noComments = xml.replace(/<!--[\s\S]*?-->/g, "");

/** Every URL-valued place in the manifest: DefaultValue attributes and AppDomain texts. */
function urlsOf(manifest: string): string[] {
  return [
    ...[...manifest.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]),
    ...[...manifest.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1].trim()),
  ];
}

describe("manifest.xml", () => {
  it("passes all project checks, icons included", () => {
    expect(checkManifest(xml, { assetsDir })).toEqual([]);
  });

  it("has a fixed GUID Id (settings and auto-open are keyed to it)", () => {
    expect(noComments).toContain("<Id>81bdb77e-98d5-40a1-b038-5382324d9494</Id>");
    expect(noComments).toContain("<Version>1.0.0.0</Version>");
  });

  it("targets Excel only and declares ExcelApi 1.7 right after Hosts", () => {
    expect(noComments).toMatch(
      /<Hosts>\s*<Host Name="Workbook"\/>\s*<\/Hosts>\s*<Requirements>\s*<Sets DefaultMinVersion="1\.1">\s*<Set Name="ExcelApi" MinVersion="1\.7"\/>\s*<\/Sets>\s*<\/Requirements>\s*<DefaultSettings>/,
    );
  });

  it("has no Requirements inside VersionOverrides", () => {
    const overrides = noComments.slice(noComments.indexOf("<VersionOverrides"));
    expect(overrides).not.toMatch(/<Requirements/);
  });

  it("opens the pane from a Home-tab button that supports auto-open", () => {
    expect(noComments).toMatch(/<OfficeTab id="TabHome">[\s\S]*<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>Office\.AutoShowTaskpaneWithDocument<\/TaskpaneId>\s*<SourceLocation resid="Taskpane\.Url"\/>/);
    expect(noComments).toContain('<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>');
    expect(noComments).toContain('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>');
    expect(noComments).toContain("<Permissions>ReadWriteDocument</Permissions>");
  });

  it("keeps every URL https on localhost:3000 in the source manifest", () => {
    const urls = urlsOf(noComments);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(new URL(u).origin).toBe("https://localhost:3000");
  });

  it("flags broken manifests", () => {
    const broken = xml
      .replace("81bdb77e-98d5-40a1-b038-5382324d9494", "not-a-guid")
      .replace('MinVersion="1.7"', 'MinVersion="1.9"')
      .replace("Office.AutoShowTaskpaneWithDocument</TaskpaneId>", "ButtonId1</TaskpaneId>")
      .replace("https://localhost:3000/assets/icon-16.png", "http://localhost:3000/assets/icon-16.png")
      .replace("<Permissions>ReadWriteDocument", "<Permissions>ReadDocument");
    const problems = checkManifest(broken).join("\n");
    expect(problems).toMatch(/Id must be a GUID/);
    expect(problems).toMatch(/ExcelApi/);
    expect(problems).toMatch(/AutoShowTaskpaneWithDocument/);
    expect(problems).toMatch(/must be https/);
    expect(problems).toMatch(/ReadWriteDocument/);
    const reordered = noComments.replace(/(\s*<Requirements>[\s\S]*?<\/Requirements>)([\s\S]*?<\/DefaultSettings>)/, "$2$1");
    expect(checkManifest(reordered).join("\n")).toMatch(/right after <Hosts>/);
  });
});

describe("production rewrite of the manifest", () => {
  it.each([
    ["placeholder", PLACEHOLDER_PUBLIC_URL],
    ["ADDIN_PUBLIC_URL with a path, no trailing slash", "https://addins.example.net/tools/csp"],
    ["ADDIN_PUBLIC_URL at a root with a port", "https://addins.example.net:8443/"],
  ])("maps every localhost URL (%s)", (_label, configured) => {
    const base = productionUrl({ ADDIN_PUBLIC_URL: configured === PLACEHOLDER_PUBLIC_URL ? undefined : configured });
    const origin = new URL(base).origin;
    const rewritten = rewriteManifestUrls(xml, base);

    expect(rewritten).not.toContain(DEV_URL);
    expect(rewritten).not.toMatch(/https?:\/\/localhost/);
    const urls = urlsOf(rewritten);
    expect(urls).toHaveLength(urlsOf(xml).length);
    for (const u of urls) {
      if (/<AppDomain>/.test(rewritten) && u === origin) continue; // AppDomain carries the bare origin
      expect(u.startsWith(base)).toBe(true);
    }
    expect(rewritten).toContain(`<AppDomain>${origin}</AppDomain>`);
    expect(rewritten).toContain(`<SourceLocation DefaultValue="${base}taskpane.html"/>`);
    expect(checkManifest(rewritten)).toEqual([]);
  });

  it("is what the production webpack build applies to dist/manifest.xml", async () => {
    type CopyPattern = { from: string; transform?: (content: Buffer, file: string) => string | Buffer };
    type Config = { plugins: Array<{ patterns?: CopyPattern[] }>; devtool: unknown };
    const makeConfig = require("../webpack.config.js") as (env: object, argv: { mode: string }) => Promise<Config>;
    const saved = process.env.ADDIN_PUBLIC_URL;
    process.env.ADDIN_PUBLIC_URL = "https://addins.example.net/csp/";
    try {
      const config = await makeConfig({ WEBPACK_BUILD: true }, { mode: "production" });
      const pattern = config.plugins.flatMap((p) => p.patterns ?? []).find((p) => p.from === "manifest.xml");
      const out = String(pattern?.transform?.(Buffer.from(xml), "manifest.xml"));
      expect(out).toBe(rewriteManifestUrls(xml, "https://addins.example.net/csp/"));
      expect(urlsOf(out).every((u) => u.startsWith("https://addins.example.net"))).toBe(true);
      expect(config.devtool).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.ADDIN_PUBLIC_URL;
      else process.env.ADDIN_PUBLIC_URL = saved;
    }
  });

  it("refuses a non-https public URL", () => {
    expect(() => productionUrl({ ADDIN_PUBLIC_URL: "http://example.net/" })).toThrow(/https/);
  });
});

describe("placeholder hosts: a built manifest that nobody else could load", () => {
  it.each([
    ["the dev server", "https://localhost:3000/"],
    ["a loopback address", "https://127.0.0.1:8443/csp/"],
    ["the build's placeholder", PLACEHOLDER_PUBLIC_URL],
    ["a documentation domain", "https://addins.example.net/csp/"],
    ["a reserved top-level domain", "https://pane.test/"],
  ])("%s is one", (_label, url) => {
    expect(placeholderOrigins(rewriteManifestUrls(xml, url))).toEqual([new URL(url).origin]);
  });

  it.each([["https://addins.partner.eu/csp/"], ["https://contoso-it.com/"], ["https://notexample.com/"]])("%s is a real host", (url) => {
    expect(placeholderOrigins(rewriteManifestUrls(xml, url))).toEqual([]);
  });
});

describe("npm run validate <manifest>: validates the manifest it is given", () => {
  const script = path.join(root, "scripts", "validate-manifest.js");
  let tmp: string;
  const validate = (...args: string[]) => {
    const r = spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: "utf8" });
    return { code: r.status, out: r.stdout, lines: r.stdout.split("\n") };
  };
  /** A dist/ folder as a build leaves it: the manifest rewritten to `url`, the icons beside it. */
  const distFor = (name: string, url: string | null, manifest = xml) => {
    const dir = path.join(tmp, name);
    fs.mkdirSync(dir, { recursive: true });
    fs.cpSync(assetsDir, path.join(dir, "assets"), { recursive: true });
    const file = path.join(dir, "manifest.xml");
    fs.writeFileSync(file, url === null ? manifest : rewriteManifestUrls(manifest, url));
    return file;
  };
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "validate-"));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("passes a build pointing at a real host, checking the icons beside it, without a warning", () => {
    const r = validate(distFor("real", "https://addins.partner.eu/csp/"));
    expect(r.code).toBe(0);
    expect(r.lines.filter((l) => /^(FAIL|WARN)/.test(l))).toEqual([]);
    expect(r.out).toMatch(/ok {4}points at a real host/);
    expect(r.out).toMatch(/icons in .*real\/assets\)/);
  });

  it("warns, naming the host, when the build still points at the placeholder or the dev server", () => {
    for (const [name, url, origin] of [
      ["placeholder", PLACEHOLDER_PUBLIC_URL, "https://www.contoso.com"],
      ["dev", null, "https://localhost:3000"],
    ] as const) {
      const r = validate(distFor(name, url));
      expect(r.code).toBe(0);
      expect(r.lines.filter((l) => l.startsWith("WARN"))).toEqual([expect.stringContaining(`points at ${origin}, a placeholder host`)]);
      expect(r.out).toContain("ADDIN_PUBLIC_URL=");
    }
  });

  it("fails a broken manifest, and one with an icon missing beside it", () => {
    const broken = validate(distFor("broken", "https://addins.partner.eu/", xml.replace("<Permissions>ReadWriteDocument", "<Permissions>ReadDocument")));
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/FAIL {2}project assertions[\s\S]*Permissions must be ReadWriteDocument/);
    const noIcon = distFor("no-icon", "https://addins.partner.eu/");
    fs.rmSync(path.join(path.dirname(noIcon), "assets", "icon-64.png"));
    const r = validate(noIcon);
    expect(r.code).toBe(1);
    expect(r.out).toContain("icon file missing: assets/icon-64.png");
  });

  it("says in a sentence that a manifest it is given does not exist", () => {
    const r = validate(path.join(tmp, "nowhere", "manifest.xml"));
    expect(r.code).toBe(1);
    expect(r.out).toContain(`FAIL  cannot read ${path.join(tmp, "nowhere", "manifest.xml")}: no such file`);
  });

  it("checks the source manifest and its production rewrite when given no path", () => {
    const r = validate();
    expect(r.lines).toContain("manifest.xml");
    expect(r.out).toMatch(/ok {4}production rewrite to https:\/\//);
  });
});

describe("dist/: only what a host serves", () => {
  type Config = { entry: Record<string, string>; plugins: Array<{ userOptions?: { filename?: string } }> };
  const makeConfig = require("../webpack.config.js") as (env: object, argv: { mode: string }) => Promise<Config>;
  const pages = (c: Config) => c.plugins.flatMap((p) => (p.userOptions?.filename ? [p.userOptions.filename] : [])).sort();

  it("npm run build makes the pane's page and bundle, no development page", async () => {
    const config = await makeConfig({ WEBPACK_BUILD: true }, { mode: "production" });
    expect(Object.keys(config.entry)).toEqual(["taskpane"]);
    expect(pages(config)).toEqual(["taskpane.html"]);
  });

  // (Not asked with WEBPACK_SERVE: that makes the config fetch https certificates for the dev server.)
  it("a development build and the browser tests' build have the development page", async () => {
    for (const [env, mode] of [[{ WEBPACK_BUILD: true }, "development"], [{ devpane: true }, "production"]] as const) {
      const config = await makeConfig(env, { mode });
      expect(Object.keys(config.entry).sort()).toEqual(["devpane", "taskpane"]);
      expect(pages(config)).toEqual(["devpane.html", "taskpane.html"]);
    }
  });
});
