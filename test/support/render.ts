/**
 * A sheet as a person sees it: the workbook rendered by LibreOffice to PDF (each sheet on one
 * page, `SinglePageSheets`), its first page turned into a PNG by poppler's pdftoppm, and the
 * page's text by pdftotext (in drawing order, so a wrapped cell's lines stay together).
 * Fonts: the file names Calibri; Debian's fonts-crosextra-carlito has its metrics (.ci/run).
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as path from "path";
import { profileDir, sofficeBinary } from "./libreoffice";

function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(cmd, args, { timeout: 300_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${cmd} failed (${error.message}): ${stderr}`));
      else resolve(stdout);
    }),
  );
}

export interface Rendering {
  readonly pdf: string;
  readonly png: string;
  /** The first page's text, whitespace collapsed. */
  readonly text: string;
  /** The first page's lines of text as drawn (a wrapped cell gives one per line it shows). */
  readonly lines: readonly string[];
}

/** Renders the workbook's first visible sheet (the Summary) into `dir`. */
export async function renderFirstSheet(xlsx: string, dir: string, dpi = 80): Promise<Rendering> {
  const prof = await profileDir();
  const filter = 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}';
  await run(sofficeBinary(), [`-env:UserInstallation=file://${prof}`, "--headless", "--norestore", "--nologo", "--convert-to", filter, "--outdir", dir, xlsx]);
  const pdf = path.join(dir, path.basename(xlsx).replace(/\.[^.]+$/, ".pdf"));
  await fs.access(pdf);
  const base = path.join(dir, "page");
  await run("pdftoppm", ["-png", "-r", String(dpi), "-f", "1", "-l", "1", "-singlefile", pdf, base]);
  const text = await run("pdftotext", ["-raw", "-f", "1", "-l", "1", pdf, "-"]);
  return { pdf, png: `${base}.png`, text: text.replace(/\s+/g, " "), lines: text.split("\n").map((l) => l.trim()) };
}
