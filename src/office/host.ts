/**
 * The Office host the gateway talks to: office.js's `Excel` and `Office` globals in Excel, or
 * the fake Excel (src/office/fake) in tests and on the development page. Features beyond the
 * manifest's minimum (ExcelApi 1.7, research/office-addin.md §2.8) are gated at run time with
 * `isSetSupported`, as Microsoft recommends.
 */

export interface OfficeHost {
  readonly Excel: { run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> };
  readonly Office: {
    readonly context: {
      readonly platform?: string | null;
      readonly requirements?: { isSetSupported(name: string, version?: string): boolean } | null;
    };
  };
}

/** The globals office.js defines (resolved when used, so the module loads anywhere). */
export function globalHost(): OfficeHost {
  const g = globalThis as unknown as { Excel?: OfficeHost["Excel"]; Office?: OfficeHost["Office"] };
  if (!g.Excel || !g.Office) throw new Error("office.js is not loaded: Excel and Office are undefined");
  return { Excel: g.Excel, Office: g.Office };
}

/**
 * What the gateway uses beyond the manifest's minimum (ExcelApi 1.7), each with the requirement
 * set of the office.js members it needs — the sets @types/office-js gives them (the generated
 * table src/office/fake/api-sets.json; test/office/api-sets.test.ts checks these against it).
 */
export const FEATURES = {
  /** The Decision column's dropdown. */
  validation: { set: "1.8", members: ["Range.dataValidation", "DataValidation.clear", "DataValidation.rule", "DataValidation.errorAlert"] },
  /** One formula filled down a uniform column. */
  copyFrom: { set: "1.9", members: ["Range.copyFrom"] },
  /** Filter buttons on the product's own tables. */
  autoFilter: { set: "1.9", members: ["Worksheet.autoFilter", "AutoFilter.apply"] },
  /** Selecting several runs of rows at once. */
  selectAreas: { set: "1.18", members: ["Worksheet.getRanges", "RangeAreas.select"] },
  /** Giving the user's table back its own columns when it swallowed ours. */
  tableResize: { set: "1.13", members: ["Table.resize"] },
} as const;

export type Feature = keyof typeof FEATURES;

export interface ApiSupport {
  /** The highest ExcelApi version found, e.g. "1.9". */
  readonly version: string;
  readonly platform: string;
  has(feature: Feature): boolean;
}

const PROBE = ["1.22", "1.21", "1.20", "1.19", "1.18", "1.17", "1.16", "1.15", "1.14", "1.13", "1.12", "1.11", "1.10", "1.9", "1.8", "1.7", "1.6", "1.5", "1.4", "1.3", "1.2", "1.1"];

export function apiSupport(host: OfficeHost): ApiSupport {
  const req = host.Office.context.requirements;
  const known = new Map<string, boolean>();
  const at = (v: string) => {
    if (!known.has(v)) known.set(v, Boolean(req?.isSetSupported("ExcelApi", v)));
    return known.get(v)!;
  };
  const version = PROBE.find(at) ?? "1.1";
  return { version, platform: host.Office.context.platform ?? "unknown", has: (f) => at(FEATURES[f].set) };
}
