/**
 * Where a picked or dropped file belongs, from its path (spec §6 folder layout):
 *
 *   from/<account>/Customers.csv, from/<account>/<customer>.csv, to/Customers.csv, to/<customer>.csv,
 *   offer-map.csv, accounts.csv, billing/<any name> — names case-insensitive, .csv or .xlsx.
 *
 * Reconciliation (invoice) files under billing/ (spec §9) belong to no account: their lines are
 * matched to old subscriptions by ID. A folder named billing picked or dropped on its own counts too.
 *
 * The same reading as the headless command's folder scan (src/cli/folder.ts), which cannot be
 * bundled (it reads the disk). Files outside the layout are "loose": the user says which
 * account they come from before importing.
 */
import type { FileKind } from "../../domain/importer";
import type { Role } from "../../domain/model";
import { caseFold } from "../../domain/text";

/** A reconciliation file: no account (its lines name their subscriptions). */
const BILLING: Placement = { role: "from", account: "", kind: "billing" };

/** The new account's name, as the headless command names it (src/cli/folder.ts NEW_ACCOUNT). */
export const NEW_ACCOUNT = "New";

export interface Placement {
  readonly role: Role;
  readonly account: string;
  readonly kind: FileKind;
}

export type Place =
  | { readonly type: "layout"; readonly path: string; readonly placement: Placement }
  | { readonly type: "loose"; readonly path: string; readonly folder: string | null }
  | { readonly type: "ignored"; readonly path: string };

export const isTableFile = (name: string): boolean => /\.(csv|xlsx)$/i.test(name);

const baseOf = (name: string) => caseFold(name.replace(/\.[^.]*$/, ""));

/**
 * The folder the layout starts in: for "samples/from/FR/a.csv" it is "samples/". The first
 * folder named from/ or to/ on a path decides; the shallowest such root over all paths wins.
 */
export function layoutRoot(paths: readonly string[]): string | null {
  let best: string[] | null = null;
  for (const p of paths) {
    const dirs = p.split("/").slice(0, -1);
    const i = dirs.findIndex((d) => {
      const f = caseFold(d);
      return f === "from" || f === "to";
    });
    if (i >= 0 && (best === null || i < best.length)) best = dirs.slice(0, i);
  }
  return best === null ? null : best.map((d) => `${d}/`).join("");
}

/**
 * Places every file. `paths` are relative with "/" (a folder pick's webkitRelativePath, a
 * drop's entry path, or a bare file name). Account folder names are case-insensitive:
 * from/fr and from/FR are one account, spelled as first seen in code-point order.
 */
export function placeFiles(paths: readonly string[]): Place[] {
  const root = layoutRoot(paths);
  const spelling = new Map<string, string>();
  const account = (name: string) => {
    const k = caseFold(name);
    if (!spelling.has(k)) spelling.set(k, name);
    return spelling.get(k)!;
  };
  for (const p of [...paths].sort()) {
    if (root === null || !caseFold(p).startsWith(caseFold(root))) continue;
    const parts = p.slice(root.length).split("/");
    if (caseFold(parts[0]) === "from" && parts.length >= 3) account(parts[1]);
  }

  return paths.map((p): Place => {
    const name = p.split("/").pop() ?? p;
    if (!isTableFile(name)) return { type: "ignored", path: p };
    const inRoot = root !== null && caseFold(p).startsWith(caseFold(root));
    if (inRoot) {
      const rel = p.slice(root.length);
      const parts = rel.split("/");
      const top = caseFold(parts[0]);
      const base = baseOf(name);
      const listOrExport: FileKind = base === "customers" ? "customers" : "subscriptions";
      if (parts.length === 1 && base === "offer-map") return { type: "layout", path: rel, placement: { role: "from", account: "", kind: "offerMap" } };
      if (parts.length === 1 && base === "accounts") return { type: "layout", path: rel, placement: { role: "from", account: "", kind: "accounts" } };
      if (top === "from" && parts.length >= 3) {
        return { type: "layout", path: rel, placement: { role: "from", account: account(parts[1]), kind: listOrExport } };
      }
      if (top === "to" && parts.length >= 2) {
        return { type: "layout", path: rel, placement: { role: "to", account: NEW_ACCOUNT, kind: listOrExport } };
      }
      if (top === "billing" && parts.length >= 2) return { type: "layout", path: rel, placement: BILLING };
    }
    // A loose offer map or account list belongs to no account: it needs no question.
    const base = baseOf(name);
    if (base === "offer-map" || base === "accounts") {
      return { type: "layout", path: name, placement: { role: "from", account: "", kind: base === "accounts" ? "accounts" : "offerMap" } };
    }
    const dirs = p.split("/").slice(0, -1);
    const billingAt = dirs.findIndex((d) => caseFold(d) === "billing");
    if (billingAt >= 0) return { type: "layout", path: dirs.slice(billingAt).concat(name).join("/"), placement: BILLING };
    return { type: "loose", path: p, folder: dirs.length > 0 ? dirs[dirs.length - 1] : null };
  });
}

/**
 * The path a loose file is imported under: as if it sat in the folder layout, so that the
 * Sources sheet and the problems cite it the way the headless command would.
 */
export function loosePath(name: string, role: Role, account: string): string {
  return role === "to" ? `to/${name}` : `from/${account.trim()}/${name}`;
}
