/**
 * The package around the sheets (ECMA-376 Part 2, Open Packaging Conventions, and Part 1
 * §18.2): content types, relationships, document properties and the workbook part with its
 * sheet list, defined names and calculation settings.
 */
import { rangeRef } from "../layout/a1";
import { DefinedName } from "../layout/types";
import { xmlAttr, xmlText } from "./text";

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";

export interface SheetEntry {
  readonly name: string;
  readonly hidden: boolean;
  /** The sheet's filter range (columns and rows, 1-based), for its _FilterDatabase name. */
  readonly filter: readonly [number, number, number, number] | null;
}

export const sheetPart = (k: number) => `xl/worksheets/sheet${k + 1}.xml`;

export function contentTypesXml(sheets: number): string {
  const overrides = [
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>`,
    ...Array.from({ length: sheets }, (_, k) => `<Override PartName="/${sheetPart(k)}" ContentType="${CT}.worksheet+xml"/>`),
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>`,
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>`,
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>',
  ];
  return (
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `${overrides.join("")}</Types>`
  );
}

export function rootRelsXml(): string {
  return (
    XML_HEAD +
    `<Relationships xmlns="${PKG_REL}">` +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
    "</Relationships>"
  );
}

export function coreXml(creator: string): string {
  return (
    XML_HEAD +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:creator>${xmlText(creator)}</dc:creator></cp:coreProperties>`
  );
}

export function appXml(application: string): string {
  return XML_HEAD + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${xmlText(application)}</Application></Properties>`;
}

/** Sheets are rId1…rIdN; styles and shared strings follow them. */
export function workbookRelsXml(sheets: number): string {
  const rels = Array.from({ length: sheets }, (_, k) => `<Relationship Id="rId${k + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${k + 1}.xml"/>`);
  rels.push(`<Relationship Id="rId${sheets + 1}" Type="${REL}/styles" Target="styles.xml"/>`);
  rels.push(`<Relationship Id="rId${sheets + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  return XML_HEAD + `<Relationships xmlns="${PKG_REL}">${rels.join("")}</Relationships>`;
}

/**
 * The workbook part. fullCalcOnLoad: Excel recalculates every formula when it opens the file
 * for editing (the as-of cell may hold TODAY()); a viewer that does not calculate (Protected
 * View, previews) shows the values stored with the formulas.
 */
export function workbookXml(sheets: readonly SheetEntry[], names: readonly DefinedName[]): string {
  const active = Math.max(0, sheets.findIndex((s) => !s.hidden));
  const list = sheets.map((s, k) => `<sheet name="${xmlAttr(s.name)}" sheetId="${k + 1}"${s.hidden ? ' state="hidden"' : ""} r:id="rId${k + 1}"/>`);
  const defined = names.map((n) => `<definedName name="${xmlAttr(n.name)}">${xmlText(n.ref)}</definedName>`);
  // Excel keeps each filter's range in a hidden name local to its sheet and expects to find it.
  sheets.forEach((s, k) => {
    if (s.filter) defined.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${k}" hidden="1">${xmlText(rangeRef(s.name, ...s.filter))}</definedName>`);
  });
  return (
    XML_HEAD +
    `<workbook xmlns="${MAIN}" xmlns:r="${REL}">` +
    `<bookViews><workbookView${active ? ` activeTab="${active}"` : ""}/></bookViews>` +
    `<sheets>${list.join("")}</sheets>` +
    (defined.length ? `<definedNames>${defined.join("")}</definedNames>` : "") +
    '<calcPr calcId="191029" fullCalcOnLoad="1"/>' +
    "</workbook>"
  );
}
