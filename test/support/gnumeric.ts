/**
 * Gnumeric's ssconvert (Debian package gnumeric), a second engine beside LibreOffice: it opens
 * an .xlsx, recalculates every formula with --recalc, and saves it as .xlsx or CSV.
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";

export function ssconvertBinary(): string {
  return process.env.SSCONVERT ?? "ssconvert";
}

function ssconvertRun(args: string[]): Promise<void> {
  return new Promise<void>((resolve, reject) =>
    execFile(ssconvertBinary(), args, { timeout: 600_000, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) =>
      error ? reject(new Error(`ssconvert failed (${error.message}); is gnumeric installed? ${stderr}`)) : resolve(),
    ),
  );
}

/** Opens `input` in Gnumeric, recalculates every formula and saves it as .xlsx; returns its path. */
export async function gnumericRecalculate(input: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-gnumeric-"));
  const out = path.join(dir, path.basename(input));
  await ssconvertRun(["--recalc", "--export-type=Gnumeric_Excel:xlsx2", input, out]);
  return out;
}

/** Every sheet of `input` as CSV text, as Gnumeric shows it without recalculating (the values stored in the file). */
export async function gnumericSheetsAsCsv(input: string): Promise<string[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-gnumeric-"));
  await ssconvertRun(["-S", "--export-type=Gnumeric_stf:stf_csv", input, path.join(dir, "sheet%n.csv")]);
  const files = (await fs.readdir(dir)).sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  return Promise.all(files.map((f) => fs.readFile(path.join(dir, f), "utf8")));
}
