/**
 * The shared string table (xl/sharedStrings.xml, ECMA-376 Part 1 §18.4): every distinct text
 * once, cells point at it by index. A partner's exports repeat the same statuses, offers,
 * customer names and account names on thousands of rows, so the file is smaller than with inline
 * strings, and Excel itself writes text this way.
 *
 * The table is the one part of the file that grows with the data in memory (each distinct text
 * once, as a Map key); it is written after the sheets.
 */
import { xmlString } from "./text";

const CHUNK = 1 << 18;

export class SharedStrings {
  private readonly index = new Map<string, number>();
  /** Cells that point into the table (the part's count attribute). */
  private uses = 0;

  /** The index of `text`, added on first use. */
  of(text: string): number {
    this.uses++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.index.size;
      this.index.set(text, i);
    }
    return i;
  }

  get size(): number {
    return this.index.size;
  }

  /** The part's XML in pieces of about 256 KB (a Map iterates in insertion order: index order). */
  *xml(): Generator<string> {
    let buf =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.uses}" uniqueCount="${this.index.size}">`;
    for (const text of this.index.keys()) {
      const t = xmlString(text);
      // Excel trims leading and trailing white space of a <t> unless told to keep it.
      buf += /^\s|\s$/.test(t) ? `<si><t xml:space="preserve">${t}</t></si>` : `<si><t>${t}</t></si>`;
      if (buf.length > CHUNK) {
        yield buf;
        buf = "";
      }
    }
    yield `${buf}</sst>`;
  }
}
