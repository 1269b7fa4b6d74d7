// Where the task pane puts a picked or dropped file: the spec §6 folder layout read from its
// path, as the headless command reads the same folder (src/cli/folder.ts).
import * as path from "path";
import { promises as fs } from "fs";
import { layoutRoot, loosePath, placeFiles } from "../../src/taskpane/files/layout";
import { scanFolder } from "../../src/cli/folder";

describe("layout root", () => {
  it("is the folder above the first from/ or to/ on any path", () => {
    expect(layoutRoot(["samples/from/FR/a.csv", "samples/to/b.csv", "samples/offer-map.csv"])).toBe("samples/");
    expect(layoutRoot(["from/FR/a.csv"])).toBe("");
    expect(layoutRoot(["x/y/TO/b.csv", "x/from/FR/a.csv"])).toBe("x/");
  });
  it("is absent when no path has a from/ or to/ folder", () => {
    expect(layoutRoot(["a.csv", "FR/b.csv"])).toBeNull();
  });
});

describe("placing files", () => {
  it("places old-account exports and lists, new-account files, the offer map and account list", () => {
    const places = placeFiles([
      "exports/from/FR/Customers.csv",
      "exports/from/FR/contoso.csv",
      "exports/from/fr/fabrikam.xlsx",
      "exports/to/CUSTOMERS.CSV",
      "exports/to/contoso.csv",
      "exports/offer-map.xlsx",
      "exports/Accounts.csv",
      "exports/README.md",
      "exports/billing/FR 2026-11.csv",
      "exports/from/stray.csv",
      "elsewhere/FR/loose.csv",
      "loose.xlsx",
    ]);
    expect(places).toEqual([
      { type: "layout", path: "from/FR/Customers.csv", placement: { role: "from", account: "FR", kind: "customers" } },
      { type: "layout", path: "from/FR/contoso.csv", placement: { role: "from", account: "FR", kind: "subscriptions" } },
      // Account folders are case-insensitive: from/fr is FR, spelled as first seen in code-point order.
      { type: "layout", path: "from/fr/fabrikam.xlsx", placement: { role: "from", account: "FR", kind: "subscriptions" } },
      { type: "layout", path: "to/CUSTOMERS.CSV", placement: { role: "to", account: "New", kind: "customers" } },
      { type: "layout", path: "to/contoso.csv", placement: { role: "to", account: "New", kind: "subscriptions" } },
      { type: "layout", path: "offer-map.xlsx", placement: { role: "from", account: "", kind: "offerMap" } },
      { type: "layout", path: "Accounts.csv", placement: { role: "from", account: "", kind: "accounts" } },
      { type: "ignored", path: "exports/README.md" },
      // A reconciliation file (§9) is no export of some old account: placed with no account, not asked about.
      { type: "layout", path: "billing/FR 2026-11.csv", placement: { role: "from", account: "", kind: "billing" } },
      { type: "loose", path: "exports/from/stray.csv", folder: "from" },
      { type: "loose", path: "elsewhere/FR/loose.csv", folder: "FR" },
      { type: "loose", path: "loose.xlsx", folder: null },
    ]);
  });

  it("needs no account for a loose offer map or account list", () => {
    expect(placeFiles(["offer-map.csv", "accounts.xlsx"])).toEqual([
      { type: "layout", path: "offer-map.csv", placement: { role: "from", account: "", kind: "offerMap" } },
      { type: "layout", path: "accounts.xlsx", placement: { role: "from", account: "", kind: "accounts" } },
    ]);
  });

  it("places reconciliation files under billing/ as the command reads them, with no account; a billing folder on its own too", () => {
    expect(placeFiles(["exports/from/FR/a.csv", "exports/billing/FR 2026-11.csv", "exports/Billing/2026/DE.xlsx"])).toEqual([
      { type: "layout", path: "from/FR/a.csv", placement: { role: "from", account: "FR", kind: "subscriptions" } },
      { type: "layout", path: "billing/FR 2026-11.csv", placement: { role: "from", account: "", kind: "billing" } },
      { type: "layout", path: "Billing/2026/DE.xlsx", placement: { role: "from", account: "", kind: "billing" } },
    ]);
    expect(placeFiles(["billing/FR 2026-11.csv", "Downloads/billing/DE.csv", "billing.csv"])).toEqual([
      { type: "layout", path: "billing/FR 2026-11.csv", placement: { role: "from", account: "", kind: "billing" } },
      { type: "layout", path: "billing/DE.csv", placement: { role: "from", account: "", kind: "billing" } },
      { type: "loose", path: "billing.csv", folder: null },
    ]);
  });

  it("imports a loose file under the path it would have in the folder layout", () => {
    expect(loosePath("Contoso.csv", "from", " FR ")).toBe("from/FR/Contoso.csv");
    expect(loosePath("Contoso.csv", "to", "New")).toBe("to/Contoso.csv");
  });

  it("agrees with the headless command's folder scan on the bundled samples", async () => {
    const root = path.join(__dirname, "..", "..", "samples");
    const walk = async (dir: string): Promise<string[]> => {
      const out: string[] = [];
      for (const e of await fs.readdir(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) out.push(...(await walk(p)));
        else out.push(path.relative(path.dirname(root), p).split(path.sep).join("/"));
      }
      return out;
    };
    const picked = await walk(root); // "samples/from/FR/…", as a folder pick names them
    const scan = await scanFolder(root);
    const placed = placeFiles(picked).flatMap((p) => (p.type === "layout" ? [{ path: p.path, role: p.placement.role, account: p.placement.account, kind: p.placement.kind }] : []));
    const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : 1);
    const billing = scan.billing.map((p) => ({ path: p, role: "from", account: "", kind: "billing" }));
    expect(billing).toHaveLength(2);
    expect(placed.sort(byPath)).toEqual([...scan.files.map((f) => ({ path: f.path, role: f.role, account: f.account, kind: f.kind })), ...billing].sort(byPath));
    expect(placeFiles(picked).filter((p) => p.type === "ignored").map((p) => p.path)).toEqual(scan.ignored.map((p) => `samples/${p}`));
  });
});
