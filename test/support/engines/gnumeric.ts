/**
 * Recalculating a workbook in Gnumeric (`ssconvert`, Debian package gnumeric), the second
 * spreadsheet engine of the formula check. `--recalc` recomputes every formula after loading,
 * whatever result the file stored; the copy is written as Excel 2007 .xlsx (1900 date system,
 * `date1904="0"`), which ./xlsx-book reads. Gnumeric writes a formula's string result as a
 * shared string (t="s"), "" included, booleans as t="b" and errors as t="e".
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as path from "path";

export function ssconvertBinary(): string {
  return process.env.SSCONVERT ?? "ssconvert";
}

/** Opens `input` in Gnumeric, recalculates every formula and saves a copy in `outDir`; returns its path. */
export async function recalculateGnumeric(input: string, outDir: string): Promise<string> {
  await fs.mkdir(outDir, { recursive: true });
  const out = path.join(outDir, path.basename(input).replace(/\.[^.]+$/, "") + ".gnumeric.xlsx");
  await fs.rm(out, { force: true });
  await new Promise<void>((resolve, reject) => {
    execFile(
      ssconvertBinary(),
      ["--recalc", "-I", "Gnumeric_Excel:xlsx", "-T", "Gnumeric_Excel:xlsx", input, out],
      { timeout: 600_000, maxBuffer: 16 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        if (!error) resolve();
        else if ((error as NodeJS.ErrnoException).code === "ENOENT") {
          reject(new Error(`Gnumeric's ssconvert is not installed (${ssconvertBinary()}): the formula check needs it (Debian: apt-get install gnumeric; .ci/run installs it)`));
        } else reject(new Error(`ssconvert failed on ${input}: ${error.message} ${stderr}`));
      },
    );
  });
  await fs.access(out).catch(() => {
    throw new Error(`ssconvert wrote no ${out}`);
  });
  return out;
}
