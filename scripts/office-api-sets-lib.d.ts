// Types for scripts/office-api-sets-lib.js.
export type ApiSetTable = Record<string, Record<string, string>>;
export declare function generateApiSets(dts: string): ApiSetTable;
export declare function renderApiSets(table: ApiSetTable, source: string): string;
export declare function parseRemark(text: string): { get: string; set?: string } | null;
