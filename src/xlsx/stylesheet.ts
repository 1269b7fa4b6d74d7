/**
 * The workbook's styles part (xl/styles.xml, ECMA-376 Part 1 §18.8): a fixed set of cell formats,
 * one per kind of cell the plan writes, addressed by index from every <c s="…">, and one
 * differential format (dxf) per verdict tone for the conditional formats.
 *
 * Fonts are named (Calibri 11 is the default, as in Excel's own blank workbook), so every
 * program draws the same face and column widths in characters mean the same everywhere.
 */
import type { Tone } from "../domain/verdicts";
import { HEADER_FILL, HEADER_FONT, NOTE_FONT, labelsByTone } from "../layout/styles";
import { FreeCell, NumberFormat, TONE_COLORS } from "../layout/types";

export const DATE_FORMAT = "yyyy-mm-dd";
export const FONT_NAME = "Calibri";
export const FONT_SIZE = 11;
/** Excel's default hyperlink colour (its "Hyperlink" cell style, Office theme). */
export const LINK_FONT = "0563C1";

/**
 * Built-in number formats (§18.8.30) and the one custom format, numbered from 164. Built-in 22
 * ("m/d/yyyy h:mm" in en-US) is shown in each reader's own regional date and time format.
 */
const NUMFMT = { general: 0, integer: 1, money: 4, datetime: 22, text: 49, date: 164 } as const;

const FONTS = [
  {},
  { bold: true },
  { bold: true, color: HEADER_FONT },
  { bold: true, size: 14 },
  { italic: true, color: NOTE_FONT },
  { underline: true, color: LINK_FONT },
] as const;

type FontSpec = { bold?: boolean; italic?: boolean; underline?: boolean; size?: number; color?: string };

interface Xf {
  readonly numFmt: number;
  readonly font: number;
  readonly fill: number;
  readonly header?: boolean;
  readonly wrap?: boolean;
  readonly right?: boolean;
  readonly top?: boolean;
}

/** Cell formats in index order: the index is what a cell's s attribute holds. */
const XFS = {
  plain: { numFmt: NUMFMT.general, font: 0, fill: 0 },
  bold: { numFmt: NUMFMT.general, font: 1, fill: 0 },
  header: { numFmt: NUMFMT.general, font: 2, fill: 2, header: true },
  date: { numFmt: NUMFMT.date, font: 0, fill: 0 },
  integer: { numFmt: NUMFMT.integer, font: 0, fill: 0 },
  money: { numFmt: NUMFMT.money, font: 0, fill: 0 },
  text: { numFmt: NUMFMT.text, font: 0, fill: 0 },
  title: { numFmt: NUMFMT.general, font: 3, fill: 0 },
  note: { numFmt: NUMFMT.general, font: 4, fill: 0 },
  link: { numFmt: NUMFMT.general, font: 5, fill: 0 },
  datetime: { numFmt: NUMFMT.datetime, font: 0, fill: 0 },
  wrap: { numFmt: NUMFMT.general, font: 0, fill: 0, wrap: true, top: true },
  right: { numFmt: NUMFMT.general, font: 0, fill: 0, right: true },
  top: { numFmt: NUMFMT.general, font: 0, fill: 0, top: true },
  topInteger: { numFmt: NUMFMT.integer, font: 0, fill: 0, top: true },
  topMoney: { numFmt: NUMFMT.money, font: 0, fill: 0, top: true },
} satisfies Record<string, Xf>;

export type StyleName = keyof typeof XFS;

const NAMES = Object.keys(XFS) as StyleName[];

/** The s attribute of each kind of cell. */
export const STYLE: Record<StyleName, number> = Object.fromEntries(NAMES.map((n, i) => [n, i])) as Record<StyleName, number>;

/**
 * The cell format of a column's data cells. `top`: the block has rows that wrapped text makes
 * taller, where every cell sits at the top so a row reads level (the customer beside the first
 * line of its next step); only such blocks pay a style attribute on every cell.
 */
export function columnStyle(spec: { readonly format?: NumberFormat; readonly wrap?: boolean; readonly align?: "right" }, top = false): number {
  if (spec.wrap) return STYLE.wrap;
  if (spec.align === "right") return STYLE.right;
  if (top && (spec.format === undefined || spec.format === "integer")) return spec.format ? STYLE.topInteger : STYLE.top;
  if (top && spec.format === "money") return STYLE.topMoney;
  return spec.format ? STYLE[spec.format] : STYLE.plain;
}

export function freeCellStyle(style: FreeCell["style"]): number {
  return style === "label" ? STYLE.bold : style ? STYLE[style] : STYLE.plain;
}

const TONES: readonly Tone[] = [...labelsByTone().keys()];

/** The dxfId of a tone's conditional format. */
export function toneDxf(tone: Tone): number {
  return TONES.indexOf(tone);
}

const argb = (rgb: string) => `FF${rgb}`;

function font(f: FontSpec, forDxf = false): string {
  const parts = [f.bold ? "<b/>" : "", f.italic ? "<i/>" : "", f.underline ? '<u val="single"/>' : ""];
  if (!forDxf) parts.push(`<sz val="${f.size ?? FONT_SIZE}"/>`);
  if (f.color) parts.push(`<color rgb="${argb(f.color)}"/>`);
  if (!forDxf) parts.push(`<name val="${FONT_NAME}"/><family val="2"/>`);
  return `<font>${parts.join("")}</font>`;
}

function xf(x: Xf): string {
  const attrs = `numFmtId="${x.numFmt}" fontId="${x.font}" fillId="${x.fill}" borderId="0" xfId="0"`;
  const applied = `${x.numFmt ? ' applyNumberFormat="1"' : ""}${x.font ? ' applyFont="1"' : ""}${x.fill ? ' applyFill="1"' : ""}`;
  const alignment = x.header
    ? ' vertical="center" wrapText="1"'
    : `${x.right ? ' horizontal="right"' : ""}${x.top ? ' vertical="top"' : ""}${x.wrap ? ' wrapText="1"' : ""}`;
  return alignment ? `<xf ${attrs}${applied} applyAlignment="1"><alignment${alignment}/></xf>` : `<xf ${attrs}${applied}/>`;
}

export function stylesXml(): string {
  const dxfs = TONES.map(
    (t) =>
      `<dxf>${font({ color: TONE_COLORS[t].font }, true)}<fill><patternFill patternType="solid"><bgColor rgb="${argb(TONE_COLORS[t].fill)}"/></patternFill></fill></dxf>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<numFmts count="1"><numFmt numFmtId="${NUMFMT.date}" formatCode="${DATE_FORMAT}"/></numFmts>` +
    `<fonts count="${FONTS.length}">${FONTS.map((f) => font(f)).join("")}</fonts>` +
    '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
    `<fill><patternFill patternType="solid"><fgColor rgb="${argb(HEADER_FILL)}"/><bgColor indexed="64"/></patternFill></fill></fills>` +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${NAMES.length}">${NAMES.map((n) => xf(XFS[n])).join("")}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    `<dxfs count="${dxfs.length}">${dxfs.join("")}</dxfs>` +
    '<tableStyles count="0"/>' +
    "</styleSheet>"
  );
}
