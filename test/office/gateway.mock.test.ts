/**
 * Load/sync discipline of the gateway's read path, checked with Microsoft's office-addin-mock as
 * docs/testing/unit-testing.md recommends: a property read before load() + sync() gives the mock's
 * error string instead of the seeded value, so these tests fail if the reader skips a step. (The
 * mock has no Excel semantics — no addresses, limits or formulas — which is why everything else
 * is tested against the fake Excel.)
 */
import { OfficeMockObject } from "office-addin-mock";
import { readBlock, readSheetData } from "../../src/office/read";
import { rect } from "../../src/office/rects";
import { Meter } from "../../src/office/requests";

function mockContext(values: unknown[][], types: string[][], calls: number[][]) {
  const seed = {
    workbook: {
      worksheets: {
        getItem(this: { sheet: unknown }, _name: string) {
          return this.sheet;
        },
        sheet: {
          getRangeByIndexes(this: { range: unknown }, ...args: number[]) {
            calls.push(args);
            return this.range;
          },
          range: { values, valueTypes: types, formulas: values },
        },
      },
    },
  };
  return new OfficeMockObject(seed) as unknown as Excel.RequestContext;
}

describe("reading through office.js (office-addin-mock)", () => {
  test("values are read after load and sync, and become engine cells", async () => {
    const calls: number[][] = [];
    const ctx = mockContext(
      [
        ["Subscription ID", "Quantity", "Status", "", "#N/A"],
        ["s1", 25, "Active", true, "#N/A"],
      ],
      [
        ["String", "String", "String", "Empty", "String"],
        ["String", "Double", "String", "Boolean", "Error"],
      ],
      calls,
    );
    const meter = new Meter(ctx);
    const data = await readSheetData(meter, { name: "FR", visibility: "Visible", position: 0, protected: false, used: rect(3, 1, 4, 5) });
    expect(data.rows).toEqual([
      [],
      [],
      ["Subscription ID", "Quantity", "Status", null, "#N/A"],
      ["s1", 25, "Active", true, { error: "#N/A" }],
    ]);
    expect(calls).toEqual([[2, 0, 2, 5]]);
    expect(meter.requests).toBe(1);
  });

  test("a large read is split into chunks by rows, each loaded and synced before use", async () => {
    const calls: number[][] = [];
    const line = ["x".repeat(50), 1];
    const ctx = mockContext([line, line], [["String", "Double"], ["String", "Double"]], calls);
    const meter = new Meter(ctx);
    // A budget of two rows per response at the starting estimate (40 bytes per cell per property).
    const got = await readBlock(meter, "FR", rect(1, 1, 6, 2), ["values"], 2 * 2 * 40);
    // Chunks cover rows 1-6 in order, never more than two rows, one sync each.
    expect(calls[0]).toEqual([0, 0, 2, 2]);
    let next = 0;
    for (const [row, col, rows, cols] of calls) {
      expect([row, col, cols]).toEqual([next, 0, 2]);
      expect(rows).toBeLessThanOrEqual(2);
      next += rows;
    }
    expect(next).toBe(6);
    expect(meter.requests).toBe(calls.length);
    // Only seeded values: nothing was read before its sync.
    expect(got.values.every((r) => r[0] === line[0] && r[1] === 1)).toBe(true);
  });

  test("the mock really catches a read without sync (the check above is not vacuous)", async () => {
    const ctx = mockContext([["a"]], [["String"]], []);
    const range = ctx.workbook.worksheets.getItem("FR").getRangeByIndexes(0, 0, 1, 1);
    range.load("values");
    expect(range.values).toBe("Error, context.sync() was not called");
    await ctx.sync();
    expect(range.values).toEqual([["a"]]);
  });
});
