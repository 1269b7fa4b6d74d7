/**
 * The export folder of spec §6, read into import files:
 *
 *   from/<account>/Customers.csv, from/<account>/<customer>.csv, to/Customers.csv, to/<customer>.csv,
 *   offer-map.csv, accounts.csv, billing/<any name>  — names case-insensitive, any file may be .csv or .xlsx.
 *
 * Billing files (reconciliation files, §9) are only listed here: they are large, and are
 * streamed once the engine knows which subscriptions their lines can belong to (billing.ts).
 */
import { promises as fs } from "fs";
import * as path from "path";
import { Cell } from "../domain/cells";
import { ImportFile, unreadableFileMessage } from "../domain/importer";
import { readCsv } from "../domain/readers/csv";
import { readXlsx } from "../domain/readers/xlsx";
import { caseFold } from "../domain/text";

export const NEW_ACCOUNT = "New";

/**
 * The layout of spec §6, one line per kind of file: `--help` prints it, and the one-line reason
 * for a folder with no subscription export names the first two. Keep it in step with scanFolder.
 */
export const FOLDER_LAYOUT: readonly { readonly path: string; readonly what: string }[] = [
  { path: "from/<account>/<customer>.csv", what: "one \"Export subscriptions\" file per customer, per old account" },
  { path: "to/<customer>.csv", what: "the same for the new account" },
  { path: "from/<account>/Customers.csv", what: "optional: that old account's customer list" },
  { path: "to/Customers.csv", what: "optional: the new account's customer list" },
  { path: "offer-map.csv", what: "optional: columns \"Old offer\", \"New offer\"" },
  { path: "accounts.csv", what: "optional: columns \"Account\", \"Commerce\" (legacy | nce)" },
  { path: "billing/<any name>.csv", what: "optional: the old accounts' reconciliation (invoice) files, for the money at stake" },
];

/** Folder and file names are case-insensitive; any file may be .csv or .xlsx; <customer> is a Microsoft ID, a domain or a company name. */
export const FOLDER_LAYOUT_NOTE = "Names are case-insensitive; any file may be .csv or .xlsx. <customer> is a Microsoft ID, a primary domain or a company name.";

/** A folder, or a folder inside it, that cannot be listed: the reason as a sentence. */
export class FolderError extends Error {}

/** Why a path cannot be used, in words (an fs error code → a clause). */
export function fsReason(error: unknown): string {
  switch ((error as NodeJS.ErrnoException)?.code) {
    case "ENOENT":
      return "it does not exist";
    case "ENOTDIR":
      return "a part of the path is a file, not a folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a folder";
    case "EBUSY":
      return "it is in use by another program (is it open in Excel?)";
    case "EROFS":
      return "the disk is read-only";
    case "ENOSPC":
      return "the disk is full";
    case "ELOOP":
      return "it is a loop of links";
    default:
      return `the system refused (${(error as NodeJS.ErrnoException)?.code ?? String((error as Error)?.message ?? error).split("\n")[0]})`;
  }
}

export interface FolderScan {
  readonly files: ImportFile[];
  /** Reconciliation files under billing/ (relative paths), not read yet. */
  readonly billing: string[];
  /** Files that are not part of the layout, reported on stderr and left alone. */
  readonly ignored: string[];
}

async function walk(root: string, rel = ""): Promise<string[]> {
  const out: string[] = [];
  const dir = path.join(root, rel);
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch((e) => {
    throw new FolderError(`Cannot read the folder ${dir}: ${fsReason(e)}.`);
  });
  for (const e of entries) {
    const r = rel === "" ? e.name : `${rel}/${e.name}`;
    if (e.isDirectory()) out.push(...(await walk(root, r)));
    else if (e.isFile()) out.push(r);
  }
  return out;
}

const isTable = (p: string) => /\.(csv|xlsx)$/i.test(p);
/** Excel's lock files (~$Book.xlsx) and hidden files (.DS_Store, ._x.csv) are not exports. */
const isNoise = (p: string) => /^(~\$|\.)/.test(p.split("/").pop() ?? "");

export async function readGrid(file: string): Promise<{ grid: Cell[][] | null; error?: string }> {
  try {
    const bytes = new Uint8Array(await fs.readFile(file));
    if (/\.xlsx$/i.test(file)) {
      return { grid: await readXlsx(bytes, async () => (await import("exceljs")).default ?? (await import("exceljs"))) };
    }
    return { grid: readCsv(bytes) };
  } catch {
    return { grid: null, error: unreadableFileMessage(file) };
  }
}

export async function scanFolder(root: string): Promise<FolderScan> {
  const files: ImportFile[] = [];
  const billing: string[] = [];
  const ignored: string[] = [];
  // Folder names are case-insensitive: from/fr and from/FR are one account, spelled as first seen.
  const spelling = new Map<string, string>();
  const account = (name: string) => {
    const k = caseFold(name);
    if (!spelling.has(k)) spelling.set(k, name);
    return spelling.get(k)!;
  };
  for (const rel of (await walk(root)).sort()) {
    const parts = rel.split("/");
    const top = caseFold(parts[0]);
    const base = caseFold(path.basename(rel).replace(/\.[^.]*$/, ""));
    if (!isTable(rel) || isNoise(rel)) {
      ignored.push(rel);
      continue;
    }
    if (top === "billing" && parts.length >= 2) {
      billing.push(rel);
      continue;
    }
    let entry: Omit<ImportFile, "grid" | "error"> | null = null;
    if (parts.length === 1 && base === "offer-map") entry = { path: rel, role: "from", account: "", kind: "offerMap" };
    else if (parts.length === 1 && base === "accounts") entry = { path: rel, role: "from", account: "", kind: "accounts" };
    else if (top === "from" && parts.length >= 3) {
      entry = { path: rel, role: "from", account: account(parts[1]), kind: base === "customers" ? "customers" : "subscriptions" };
    } else if (top === "to" && parts.length >= 2) {
      entry = { path: rel, role: "to", account: NEW_ACCOUNT, kind: base === "customers" ? "customers" : "subscriptions" };
    }
    if (!entry) {
      ignored.push(rel);
      continue;
    }
    files.push({ ...entry, ...(await readGrid(path.join(root, rel))) });
  }
  return { files, billing, ignored };
}
