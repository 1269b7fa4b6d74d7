// The few entry points of daff 1.4.2 the benchmark uses (the package ships no types).
declare module "daff" {
  export class TableView {
    constructor(data: unknown[][]);
  }
  export class CompareFlags {
    addPrimaryKey(column: string): void;
    show_unchanged: boolean;
  }
  export interface Alignment {
    readonly __alignment: true;
  }
  export interface DiffSummary {
    row_inserts: number;
    row_deletes: number;
    row_updates: number;
  }
  export class TableDiff {
    constructor(alignment: Alignment, flags: CompareFlags);
    hilite(output: TableView): boolean;
    getSummary(): DiffSummary;
  }
  export function compareTables(local: TableView, remote: TableView, flags?: CompareFlags): { align(): Alignment };
}
