/**
 * Recalculating a workbook in headless LibreOffice, the offline stand-in for Excel's engine
 * (research/feasibility.md §3b). LibreOffice keeps cached values of .xlsx formulas unless its
 * profile sets OOXMLRecalcMode to 0 ("always"), so every run uses a profile that does.
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";

const REGISTRY = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

let profile: Promise<string> | null = null;

export async function profileDir(): Promise<string> {
  if (!profile) {
    profile = (async () => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-lo-profile-"));
      await fs.mkdir(path.join(dir, "user"), { recursive: true });
      await fs.writeFile(path.join(dir, "user", "registrymodifications.xcu"), REGISTRY);
      return dir;
    })();
  }
  return profile;
}

export function sofficeBinary(): string {
  return process.env.SOFFICE ?? "soffice";
}

/** Opens `input` in LibreOffice, recalculates every formula and saves a copy; returns its path. */
export async function recalculate(input: string, outDir?: string): Promise<string> {
  const dir = outDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), "csp-lo-out-")));
  const prof = await profileDir();
  await new Promise<void>((resolve, reject) => {
    execFile(
      sofficeBinary(),
      [`-env:UserInstallation=file://${prof}`, "--headless", "--norestore", "--nologo", "--convert-to", "xlsx", "--outdir", dir, input],
      { timeout: 600_000, maxBuffer: 16 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        if (error) reject(new Error(`LibreOffice failed (${error.message}); is libreoffice-calc installed? ${stderr}`));
        else resolve();
      },
    );
  });
  const out = path.join(dir, path.basename(input).replace(/\.[^.]+$/, ".xlsx"));
  await fs.access(out).catch(() => {
    throw new Error(`LibreOffice wrote no ${out}`);
  });
  return out;
}

export type Value = string | number | boolean | null;

/**
 * A workbook's computed values. exceljs drops cached results of 0 and "" when reading
 * (research/feasibility.md §3b): a formula cell without a result reads as null here, which
 * callers treat as "0 or empty".
 */
export class Values {
  constructor(private readonly wb: ExcelJS.Workbook) {}

  static async read(file: string): Promise<Values> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    return new Values(wb);
  }

  sheet(name: string): ExcelJS.Worksheet {
    const ws = this.wb.getWorksheet(name);
    if (!ws) throw new Error(`no sheet "${name}"`);
    return ws;
  }

  get(sheet: string, row: number, col: number): Value {
    const v = this.sheet(sheet).getCell(row, col).value;
    return plain(v);
  }

  text(sheet: string, row: number, col: number): string {
    const v = this.get(sheet, row, col);
    return v === null ? "" : String(v);
  }

  number(sheet: string, row: number, col: number): number {
    const v = this.get(sheet, row, col);
    return v === null || v === "" ? 0 : Number(v);
  }
}

export function plain(v: ExcelJS.CellValue): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.getTime() / 86_400_000 + 25_569;
  if (typeof v === "object") {
    if ("result" in v) return plain((v as { result: ExcelJS.CellValue }).result);
    if ("formula" in v || "sharedFormula" in v) return null;
    if ("richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join("");
    if ("error" in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return String(v);
}
