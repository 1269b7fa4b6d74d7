/**
 * The task pane's download: the production build (`npm run build`), then every script
 * dist/taskpane.html loads from dist/ (office.js comes from Microsoft's CDN and is not ours),
 * gzipped as a web server would send it.
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as path from "path";
import * as zlib from "zlib";

export interface BundleSize {
  readonly scripts: { readonly file: string; readonly bytes: number; readonly gzip: number }[];
  readonly bytes: number;
  readonly gzip: number;
  /** Chunks the page may fetch later (e.g. exceljs when a workbook file is dropped), gzipped: not in the first download. */
  readonly lazyGzip: number;
  readonly buildMs: number;
}

export async function buildAndMeasure(root: string): Promise<BundleSize> {
  const t = performance.now();
  await new Promise<void>((resolve, reject) =>
    execFile("npm", ["run", "build"], { cwd: root, maxBuffer: 64 * 1024 * 1024 }, (error, _out, stderr) =>
      error ? reject(new Error(`npm run build failed: ${error.message}\n${stderr}`)) : resolve(),
    ),
  );
  const buildMs = performance.now() - t;
  return { ...(await measureDist(path.join(root, "dist"))), buildMs };
}

export async function measureDist(dist: string): Promise<Omit<BundleSize, "buildMs">> {
  const html = await fs.readFile(path.join(dist, "taskpane.html"), "utf8");
  const scripts = [];
  // The production page is minified: attribute values may be unquoted.
  for (const m of html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)) {
    const src = m[1] ?? m[2] ?? m[3];
    if (/^(https?:)?\/\//.test(src)) continue;
    const bytes = await fs.readFile(path.join(dist, src.replace(/^\.?\//, "").split("?")[0]));
    scripts.push({ file: src, bytes: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length });
  }
  if (scripts.length === 0) throw new Error("dist/taskpane.html loads no script of ours: cannot measure the bundle");
  const initial = new Set(scripts.map((x) => path.normalize(x.file.replace(/^\.?\//, ""))));
  let lazyGzip = 0;
  for (const f of await fs.readdir(dist)) {
    if (!f.endsWith(".js") || initial.has(f) || /^devpane\./.test(f)) continue;
    lazyGzip += zlib.gzipSync(await fs.readFile(path.join(dist, f)), { level: 9 }).length;
  }
  return { scripts, bytes: scripts.reduce((s, x) => s + x.bytes, 0), gzip: scripts.reduce((s, x) => s + x.gzip, 0), lazyGzip };
}
