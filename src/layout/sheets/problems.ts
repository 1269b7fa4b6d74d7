/**
 * Problems: every problem with its file or sheet, row, code and reason, and a link to the row;
 * the billing files' problems (spec §9) after the exports'.
 */
import { sheetPrefix } from "../a1";
import { valueColumn } from "../columns";
import { Layout } from "../model";
import { GENERATED } from "../names";
import { SheetPlan } from "../types";

export function problemsSheet(layout: Layout): SheetPlan {
  const P = [...layout.result.problems, ...(layout.money?.problems ?? [])];
  return {
    name: GENERATED.problems,
    role: "generated",
    visible: true,
    cells: [],
    freeze: { rows: 1, cols: 0 },
    blocks: [
      {
        id: "problems",
        top: 1,
        left: 1,
        rows: P.length,
        autoFilter: true,
        columns: [
          valueColumn("Source", (i) => P[i].source, { width: 40 }),
          valueColumn("Row", (i) => P[i].row, { width: 7 }),
          valueColumn("Code", (i) => P[i].code, { width: 22 }),
          valueColumn("Problem", (i) => P[i].message, { width: 90 }),
          valueColumn(
            "Go to",
            (i) => {
              const loc = P[i].at;
              if (!loc) return "";
              return { text: `${loc.sheet} row ${loc.row}`, link: `${sheetPrefix(loc.sheet)}A${loc.row}` };
            },
            { width: 28, links: true },
          ),
        ],
      },
    ],
  };
}
