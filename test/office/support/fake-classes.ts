/**
 * One instance of every proxy class of the fake Excel, reached as the gateway reaches them, for
 * the test that checks each class's members against the generated requirement sets.
 */
import { createFakeExcel } from "../../../src/office/fake";

export interface Proxy {
  readonly officeClass: string;
}

export function all(): Proxy[] {
  const f = createFakeExcel({ api: "1.18" });
  const ctx = new f.Excel.RequestContext() as unknown as Excel.RequestContext;
  const wb = ctx.workbook;
  const ws = wb.worksheets.getItem("Sheet1");
  const range = ws.getRange("A1:B2");
  const cf = range.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
  const table = ws.tables.getItem("Table1");
  const out: unknown[] = [
    wb,
    wb.protection,
    wb.application,
    wb.worksheets,
    wb.names,
    wb.names.getItem("x"),
    wb.settings,
    wb.settings.getItem("x"),
    wb.tables,
    ws,
    ws.protection,
    ws.freezePanes,
    ws.autoFilter,
    ws.tables,
    table,
    table.columns,
    range,
    ws.getRanges("A1,B2"),
    range.format,
    range.format.fill,
    range.format.font,
    range.conditionalFormats,
    cf,
    cf.custom,
    cf.custom.rule,
    cf.custom.format,
    cf.custom.format.fill,
    cf.custom.format.font,
    range.dataValidation,
  ];
  return out as Proxy[];
}

/** The public members a proxy's class (and its fake base classes) define. */
export function publicMembers(p: Proxy): string[] {
  const out = new Set<string>();
  for (let proto = Object.getPrototypeOf(p); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) if (!name.startsWith("_")) out.add(name);
  }
  for (const name of Object.keys(p)) out.add(name);
  // Private and protected TypeScript members are ordinary properties at run time: drop the fake's internals.
  const internal = new Set(["ctx", "loaded", "nullState", "needs", "via", "exists", "read", "scalarProps", "readProp", "child", "set", "call", "resolver", "bound", "itemsState", "sheet", "list", "find", "part", "sheetOf", "owner", "ws", "cf", "setOnRule", "key", "nullable", "settingKey", "checkShape", "writeArray", "structural", "derive", "freeze", "table"]);
  return [...out].filter((m) => !internal.has(m));
}
