/**
 * The Summary the add-in writes reads as the file does (issue 11 points 3 and 4), on the
 * manifest's floor (ExcelApi 1.7) and above: data bars over the verdict counts on one scale
 * (ConditionalFormatType "DataBar", ExcelApi 1.6), wrapped next steps in rows as tall as the
 * plan says, every cell at the top of such a row, the problem count as a link that looks like
 * one, Last run in Excel's built-in date-time format, the table's header frozen. A re-run stacks
 * nothing.
 */
import * as path from "path";
import { scanFolder } from "../../src/cli/folder";
import { ImportFile } from "../../src/domain/importer";
import { GENERATED, SUMMARY, SUMMARY_TOP } from "../../src/layout/plan";
import { SUMMARY_ROWS } from "../../src/layout/sheets/summary";
import { Block, WorkbookPlan } from "../../src/layout/types";
import { DATA_BAR_COLOR, LINK_COLOR } from "../../src/office/apply-plan";
import { DATETIME_FORMAT } from "../../src/office/plan-extents";
import { STANDARD_HEIGHT } from "../../src/office/fake/store";
import { reconcileImports } from "../../src/cli/run";
import { AS_OF, bench } from "./support/setup";

let files: ImportFile[];
let plan: WorkbookPlan;
beforeAll(async () => {
  files = (await scanFolder(path.join(__dirname, "..", "..", "samples"))).files;
  plan = reconcileImports(files, { asOf: AS_OF, fixedAsOf: true }).plan;
});

const summaryBlocks = (): readonly Block[] => plan.sheets.find((s) => s.name === GENERATED.summary)!.blocks;

describe.each(["1.7", "1.9"])("the Summary on an ExcelApi %s host", (api) => {
  test("reads as the file does, and a re-run stacks no rule", async () => {
    const b = bench({ api });
    await b.gateway.importFiles(files, b.onProgress);
    const st = await b.gateway.inspect();
    await b.gateway.saveSettings({ ...st.settings, asOf: AS_OF });
    await b.gateway.reconcile(b.onProgress);
    const store = b.fake.store;
    const s = store.mustSheet(GENERATED.summary);

    const check = () => {
      // Data bars: one per column of counts, from 0 to the largest count of both, one colour.
      const bars = s.cfs.filter((cf) => cf.type === "DataBar");
      expect(bars).toHaveLength(2);
      const max = summaryBlocks().find((x) => x.id === "verdict-counts-1")!.columns[1].dataBar!.max;
      for (const bar of bars) {
        expect(bar.dataBar).toEqual({
          lowerBoundRule: { type: "Number", formula: "0" },
          upperBoundRule: { type: "Formula", formula: `=${max}` },
          barDirection: "LeftToRight",
          fillColor: DATA_BAR_COLOR,
          gradientFill: false,
        });
      }
      // Every row of the table as tall as the plan says, its cells at the top; next steps wrap.
      const table = summaryBlocks().find((x) => x.id === "summary")!;
      expect(s.rowHeights.get(SUMMARY_TOP)).toBe(table.heights!.header);
      let tall = 0;
      for (let i = 0; i < table.rows; i++) {
        const want = table.heights!.row!(i);
        if (want !== undefined) tall++;
        expect(s.rowHeights.get(SUMMARY_TOP + 1 + i) ?? STANDARD_HEIGHT).toBe(want ?? STANDARD_HEIGHT);
        expect(store.cell(s, SUMMARY_TOP + 1 + i, SUMMARY.nextStep)?.format?.wrap).toBe(true);
        expect(store.cell(s, SUMMARY_TOP + 1 + i, SUMMARY.customer)?.format?.vAlign).toBe("Top");
      }
      expect(tall).toBeGreaterThan(10);
      // The problem count links to the Problems sheet, underlined in the hyperlink colour.
      const link = store.cell(s, SUMMARY_ROWS.problems, 2)!;
      expect(link.hyperlink?.documentReference).toBe("'Problems'!A1");
      expect(link.format).toMatchObject({ underline: "Single", color: LINK_COLOR });
      expect(store.cell(s, SUMMARY_ROWS.lastRun, 2)?.numberFormat).toBe(DATETIME_FORMAT);
      expect(typeof store.cell(s, SUMMARY_ROWS.lastRun, 2)?.value).toBe("number");
    };
    check();
    await b.gateway.reconcile(b.onProgress);
    check();
  });
});

describe("data bars in the fake, as office.js has them", () => {
  test("only a DataBar rule has data bar settings; an unknown type or bound is refused", async () => {
    const b = bench({ api: "1.7" });
    const run = (f: (r: Excel.Range) => void) =>
      b.fake.Excel.run(async (ctx) => {
        f(ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A3") as unknown as Excel.Range);
        await ctx.sync();
      });
    await expect(run((r) => (r.conditionalFormats.add("Custom" as Excel.ConditionalFormatType).dataBar.showDataBarOnly = true))).rejects.toThrow(/not of type DataBar/);
    await expect(run((r) => r.conditionalFormats.add("Bars" as Excel.ConditionalFormatType))).rejects.toThrow(/not a ConditionalFormatType/);
    await expect(run((r) => (r.conditionalFormats.add("DataBar" as Excel.ConditionalFormatType).dataBar.upperBoundRule = { type: "Formula" } as Excel.ConditionalDataBarRule))).rejects.toThrow(/needs a formula/);
    await run((r) => (r.conditionalFormats.add("DataBar" as Excel.ConditionalFormatType).dataBar.lowerBoundRule = { type: "LowestValue" } as Excel.ConditionalDataBarRule));
    // A request that failed keeps what went before it (Excel's requests are not transactions).
    expect(b.fake.store.mustSheet("Sheet1").cfs.map((cf) => [cf.type, cf.dataBar])).toEqual([
      ["Custom", undefined],
      ["DataBar", undefined],
      ["DataBar", { lowerBoundRule: { type: "LowestValue" } }],
    ]);
  });
});
