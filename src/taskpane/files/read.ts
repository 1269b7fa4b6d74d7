/**
 * Reads picked files into the importer's cells, in the browser. CSV goes through the same
 * decoder as the headless command (encoding and delimiter detection); .xlsx needs exceljs,
 * which is about 1 MB, so it is fetched from the pane's own origin only when an .xlsx is read.
 */
import type { Cell } from "../../domain/cells";
import { FileKind, ImportFile, unreadableFileMessage } from "../../domain/importer";
import type { Role } from "../../domain/model";
import { readCsv } from "../../domain/readers/csv";

export interface FileToRead {
  readonly file: Blob & { readonly name: string };
  /** The path the import records (spec §6 layout). */
  readonly path: string;
  readonly role: Role;
  readonly account: string;
  readonly kind?: FileKind;
}

const loadExcelJs = async () => {
  const m = await import(/* webpackChunkName: "exceljs" */ "exceljs");
  return ((m as { default?: typeof import("exceljs") }).default ?? m) as typeof import("exceljs");
};

async function gridOf(file: FileToRead["file"], kind?: FileKind): Promise<{ grid: Cell[][] | null; error?: string }> {
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    // A reconciliation file (tens of thousands of lines, ~60 columns) is streamed: only the
    // columns the import keeps become strings (domain/readers/billing-csv.ts).
    if (kind === "billing" && !/\.xlsx$/i.test(file.name)) {
      const { readBillingCsv } = await import(/* webpackChunkName: "billing-csv" */ "../../domain/readers/billing-csv");
      return { grid: readBillingCsv(bytes) };
    }
    if (/\.xlsx$/i.test(file.name)) {
      const { readXlsx } = await import(/* webpackChunkName: "xlsx-reader" */ "../../domain/readers/xlsx");
      return { grid: await readXlsx(bytes, loadExcelJs) };
    }
    return { grid: readCsv(bytes) };
  } catch {
    // Kept as an UNREADABLE_FILE record by the importer, with this reason: nothing is dropped silently.
    return { grid: null, error: unreadableFileMessage(file.name) };
  }
}

export async function readFiles(
  files: readonly FileToRead[],
  progress: (done: number, name: string) => void,
  signal?: AbortSignal,
): Promise<ImportFile[]> {
  const out: ImportFile[] = [];
  for (const [i, f] of files.entries()) {
    if (signal?.aborted) throw new DOMException("cancelled", "AbortError");
    progress(i, f.file.name);
    out.push({ path: f.path, role: f.role, account: f.account, ...(f.kind ? { kind: f.kind } : {}), ...(await gridOf(f.file, f.kind)) });
  }
  progress(files.length, "");
  return out;
}
