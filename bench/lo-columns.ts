/**
 * Investigation tool: variants of a recalculated workbook that keep the formulas of some
 * columns only (every other formula cell keeps its value), to see what each kind of column
 * costs LibreOffice.
 */
import { promises as fs } from "fs";
import { readZip, writeZip } from "../test/support/zip";
import { rowChunks, stripFormulas } from "./values-only";
import { columnNumber, sheetParts } from "./xlsx-values";

/** Sheet name → the columns whose formulas stay ("all" for every column of the sheet). */
export type Keep = ReadonlyMap<string, ReadonlySet<number> | "all">;

export async function keepFormulas(recalculated: string, out: string, keep: Keep): Promise<number> {
  const entries = readZip(await fs.readFile(recalculated));
  const byName = new Map(entries.map((e) => [e.name, e.data.toString("utf8")] as const).filter(([n]) => /workbook\.xml(\.rels)?$/.test(n)));
  const parts = sheetParts(byName.get("xl/workbook.xml") ?? "", byName.get("xl/_rels/workbook.xml.rels") ?? "");
  const keepOfPart = new Map<string, ReadonlySet<number> | "all">();
  for (const [sheet, cols] of keep) {
    const part = parts.get(sheet);
    if (!part) throw new Error(`no sheet "${sheet}"`);
    keepOfPart.set(part, cols);
  }
  let kept = 0;
  const copy = entries.map((e) => {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)) return e;
    const cols = keepOfPart.get(e.name);
    if (cols === "all") {
      kept += (e.data.toString("latin1").match(/<f[ >\/]/g) ?? []).length;
      return e;
    }
    const pieces: Buffer[] = [];
    for (const chunk of rowChunks(e.data)) {
      const xml = chunk.replace(/<c r="([A-Z]+)[0-9]+"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g, (cell: string, letters: string) => {
        if (cols && cols.has(columnNumber(letters))) {
          if (cell.includes("<f")) kept++;
          return cell;
        }
        return stripFormulas(cell).xml;
      });
      pieces.push(Buffer.from(xml, "utf8"));
    }
    return { name: e.name, data: Buffer.concat(pieces) };
  });
  await fs.writeFile(out, writeZip(copy));
  return kept;
}
