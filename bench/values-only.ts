/**
 * The "values only" twin of a recalculated workbook: the same cells, styles, sheets and file
 * writer, with every cell formula dropped and its computed value kept. Timing LibreOffice on
 * both files and subtracting isolates what the formulas cost (start-up, parsing, styles and
 * saving cancel out).
 */
import { promises as fs } from "fs";
import { readZip, writeZip } from "../test/support/zip";
import { rowChunks } from "../test/support/engines/xlsx-sheet";

export { rowChunks };

const FORMULA = /<f(?:\s[^>]*)?(?:\/>|>[^<]*<\/f>)/g;
/** A formula's text result (t="str") becomes an inline string once there is no formula. */
const STR_CELL = /<c([^>]*?) t="str"([^>]*)>(?:<v>([^<]*)<\/v>|<v\/>)?<\/c>/g;

export function stripFormulas(sheetXml: string): { xml: string; formulas: number } {
  let formulas = 0;
  const xml = sheetXml
    .replace(FORMULA, () => {
      formulas++;
      return "";
    })
    .replace(STR_CELL, (_m, a: string, b: string, v: string | undefined) => `<c${a} t="inlineStr"${b}><is><t xml:space="preserve">${v ?? ""}</t></is></c>`);
  return { xml, formulas };
}

/** Writes the values-only copy of `recalculated` to `out`; returns how many formulas it dropped. */
export async function writeValuesOnly(recalculated: string, out: string): Promise<number> {
  const entries = readZip(await fs.readFile(recalculated));
  let total = 0;
  const copy = entries.map((e) => {
      if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)) return e;
      const parts: Buffer[] = [];
      for (const chunk of rowChunks(e.data)) {
        const { xml, formulas } = stripFormulas(chunk);
        total += formulas;
        parts.push(Buffer.from(xml, "utf8"));
      }
      return { name: e.name, data: Buffer.concat(parts) };
    });
  await fs.writeFile(out, writeZip(copy));
  return total;
}

/** Cells and formulas in the file, and the size of its values-only twin (every <f> removed, deflated at level 1 like the bench's twins). */
export async function twin(file: string): Promise<{ cells: number; formulas: number; twinBytes: number }> {
  let cells = 0;
  let formulas = 0;
  const entries = readZip(await fs.readFile(file)).map((e) => {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)) return e;
    const parts: Buffer[] = [];
    for (const chunk of rowChunks(e.data)) {
      cells += chunk.split("<c ").length - 1;
      const s = stripFormulas(chunk);
      formulas += s.formulas;
      parts.push(Buffer.from(s.xml, "utf8"));
    }
    return { name: e.name, data: Buffer.concat(parts) };
  });
  return { cells, formulas, twinBytes: writeZip(entries).length };
}
