/**
 * The fake Excel behaves like Excel where the gateway depends on it: load/sync discipline, the
 * web's request and read limits, how written text is stored, copyFrom, conditional formats,
 * structural changes and their effect on formulas.
 */
import { createFakeExcel, FakeRichApiError } from "../../src/office/fake";
import { interpretInput } from "../../src/office/fake/input";
import { adjustFormula } from "../../src/office/fake/references";

type Ctx = Excel.RequestContext;

function fake(api = "1.17") {
  const f = createFakeExcel({ api });
  const run = <T>(batch: (ctx: Ctx) => Promise<T>) => f.Excel.run(batch as never) as Promise<T>;
  return { ...f, run };
}

async function rejects(p: Promise<unknown>): Promise<FakeRichApiError> {
  try {
    await p;
  } catch (e) {
    return e as FakeRichApiError;
  }
  throw new Error("expected a rejection");
}

describe("load and sync discipline", () => {
  test("a property read before load + sync throws PropertyNotLoaded", async () => {
    const f = fake();
    const e = await rejects(
      f.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
        r.load("values");
        return r.values; // not synced yet
      }),
    );
    expect(e.code).toBe("PropertyNotLoaded");
    const values = await f.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      r.values = [[1, "x"]];
      r.load("values");
      await ctx.sync();
      return r.values;
    });
    expect(values).toEqual([[1, "x"]]);
  });

  test("a property that was set but not loaded cannot be read", async () => {
    const f = fake();
    const e = await rejects(
      f.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
        r.values = [[1]];
        await ctx.sync();
        return r.values;
      }),
    );
    expect(e.code).toBe("PropertyNotLoaded");
  });

  test("getItem of a missing sheet fails at sync; getItemOrNullObject reports isNullObject", async () => {
    const f = fake();
    const e = await rejects(
      f.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Nope").load("name");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ItemNotFound");
    const isNull = await f.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject("nope");
      const here = ctx.workbook.worksheets.getItemOrNullObject("sheet1");
      await ctx.sync();
      return [ws.isNullObject, here.isNullObject];
    });
    expect(isNull).toEqual([true, false]);
  });

  test("calls queued before a failing call stay applied; the failed request delivers no loads", async () => {
    const f = fake();
    await rejects(
      f.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.getRange("A1").values = [["kept"]];
        ws.getRange("A2:B2").values = [[1]]; // wrong shape
        await ctx.sync();
      }),
    );
    expect(f.store.cell(f.store.mustSheet("Sheet1"), 1, 1)?.value).toBe("kept");
  });
});

describe("Excel on the web's limits", () => {
  test("a request over 5 MB fails whole with RequestPayloadSizeLimitExceeded", async () => {
    const f = fake();
    const big = Array.from({ length: 60_000 }, (_, i) => [`row ${i} ${"x".repeat(80)}`]);
    const e = await rejects(
      f.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange(`A1:A${big.length}`).values = big;
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(f.store.usedRange(f.store.mustSheet("Sheet1"), true)).toBeNull();
    expect(f.stats.largestRequestBytes).toBeGreaterThan(5 * 1024 * 1024);
  });

  test("a response over 5 MB fails with ResponsePayloadSizeLimitExceeded", async () => {
    const f = fake();
    const s = f.store.mustSheet("Sheet1");
    for (let r = 1; r <= 30_000; r++) f.store.writeInput(s, r, 1, `text ${r} ${"y".repeat(200)}`);
    const e = await rejects(
      f.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A30000").load("values");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ResponsePayloadSizeLimitExceeded");
  });

  test("reading more than 5,000,000 cells of one range fails", async () => {
    const f = fake();
    const e = await rejects(
      f.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:E1000001").load("values");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("RangeExceedsLimit");
  });

  test("nothing beyond row 1,048,576 or column 16,384 can be addressed", async () => {
    const f = fake();
    for (const [r, c] of [
      [1_048_576, 0],
      [0, 16_384],
    ]) {
      const e = await rejects(
        f.run(async (ctx) => {
          ctx.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(r, c, 1, 1).values = [[1]];
          await ctx.sync();
        }),
      );
      expect(e.code).toBe("InvalidArgument");
    }
    const e = await rejects(
      f.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1048577").load("address");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
  });

  test("requests are counted and the largest is recorded", async () => {
    const f = fake();
    await f.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:A2").values = [["a"], ["b"]];
      await ctx.sync();
      await ctx.sync(); // nothing queued: no request
      ws.getRange("B1").values = [["x".repeat(1000)]];
    });
    expect(f.stats.requests).toBe(2);
    expect(f.stats.largestRequestBytes).toBeGreaterThan(1000);
    expect(f.stats.largestRequestBytes).toBeLessThan(1300);
  });
});

describe("how Excel stores written text", () => {
  const stored = (raw: unknown) => interpretInput(raw, 2026);

  test.each(["=1+1", "+A1", "-A1", "@SUM(A1)", " =1+1", "\t=1+1", "\n=1+1", "\r\n@SUM(A1)"])("%j becomes a formula", (raw) => {
    expect(stored(raw).kind).toBe("formula");
  });

  test.each([
    ["25", 25],
    ["1,000", 1000],
    ["25.0", 25],
    ["007", 7],
    ["-2", -2],
    ["+4", 4],
    ["1e3", 1000],
    ["50%", 0.5],
    ["$5", 5],
    ["(3)", -3],
    [" 12 ", 12],
  ])("%j becomes the number %d", (raw, n) => {
    expect(stored(raw)).toMatchObject({ kind: "value", value: n });
  });

  test("dates, times, booleans and error literals are converted too", () => {
    expect(stored("2026-11-24")).toMatchObject({ value: 46350 });
    expect(stored("11/24/2026")).toMatchObject({ value: 46350 });
    expect(stored("24-Nov-2026")).toMatchObject({ value: 46350 });
    expect(stored("1/2")).toMatchObject({ value: 46024 });
    expect(stored("12:30")).toMatchObject({ value: 0.5 + 30 / 1440 });
    expect(stored("true")).toMatchObject({ value: true });
    expect(stored("#N/A")).toMatchObject({ value: "#N/A", error: true });
  });

  test("an apostrophe keeps the rest as text and is not stored", () => {
    expect(stored("'=1+1")).toEqual({ kind: "value", value: "=1+1", quotePrefix: true });
    expect(stored("'007")).toEqual({ kind: "value", value: "007", quotePrefix: true });
    expect(stored("''x")).toEqual({ kind: "value", value: "'x", quotePrefix: true });
  });

  test("plain text stays text; an empty string clears the cell", () => {
    expect(stored("Office 365 E3")).toEqual({ kind: "value", value: "Office 365 E3" });
    expect(stored("-")).toEqual({ kind: "value", value: "-" });
    expect(stored("13/45/2026")).toEqual({ kind: "value", value: "13/45/2026" });
    expect(stored("")).toEqual({ kind: "empty" });
  });

  test("values and formulas read back as Excel reports them", async () => {
    const f = fake();
    const out = await f.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:D1");
      r.values = [["=1+1", "'=1+1", "0042", null]];
      r.load("values,formulas,valueTypes,numberFormat");
      await ctx.sync();
      return { values: r.values, formulas: r.formulas, types: r.valueTypes, nf: r.numberFormat };
    });
    // No formula engine: a formula cell reads as an error value.
    expect(out.values).toEqual([["#CALC!", "=1+1", 42, ""]]);
    expect(out.formulas).toEqual([["=1+1", "=1+1", 42, ""]]);
    expect(out.types).toEqual([["Error", "String", "Double", "Empty"]]);
    expect(out.nf).toEqual([["General", "General", "General", "General"]]);
  });
});

describe("copyFrom (ExcelApi 1.9)", () => {
  test("one cell fills a column, relative references move and absolute ones stay", async () => {
    const f = fake();
    await f.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("C2").formulas = [["=A2+$B$1+'Other sheet'!A2"]];
      ws.getRange("C3:C5").copyFrom("C2", "Formulas");
    });
    const s = f.store.mustSheet("Sheet1");
    expect([3, 4, 5].map((r) => f.store.cell(s, r, 3)?.formula)).toEqual(["=A3+$B$1+'Other sheet'!A3", "=A4+$B$1+'Other sheet'!A4", "=A5+$B$1+'Other sheet'!A5"]);
  });

  test("a destination that is not a multiple of the source gets one copy (office-js #2674)", async () => {
    const f = fake();
    await f.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:A2").values = [["a"], ["b"]];
      ws.getRange("B1:B3").copyFrom("A1:A2", "Formulas");
      ws.getRange("C1:C4").copyFrom("A1:A2", "Formulas");
    });
    const s = f.store.mustSheet("Sheet1");
    expect([1, 2, 3].map((r) => f.store.cell(s, r, 2)?.value)).toEqual(["a", "b", undefined]);
    expect([1, 2, 3, 4].map((r) => f.store.cell(s, r, 3)?.value)).toEqual(["a", "b", "a", "b"]);
  });

  test("on an ExcelApi 1.7 host it fails with ApiNotFound", async () => {
    const f = fake("1.7");
    const e = await rejects(
      f.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("B1:B3").copyFrom("A1", "Formulas");
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("ApiNotFound");
  });
});

describe("hyperlinks (Range.hyperlink, ExcelApi 1.7)", () => {
  test("a link to a place in the workbook: its text in the cell, read back from the top-left cell", async () => {
    const f = fake("1.7");
    const link = await f.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("B2");
      r.hyperlink = { documentReference: "'FR subscriptions'!A17", textToDisplay: "FR subscriptions row 17" };
      await ctx.sync();
      r.load("hyperlink,values");
      await ctx.sync();
      return { link: r.hyperlink, values: r.values };
    });
    expect(link).toEqual({ link: { documentReference: "'FR subscriptions'!A17", textToDisplay: "FR subscriptions row 17" }, values: [["FR subscriptions row 17"]] });
  });

  test("a link outlives writing a value over it and clearing the contents; Hyperlinks and All clear it", async () => {
    const f = fake();
    const s = f.store.mustSheet("Sheet1");
    await f.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:A4").hyperlink = { documentReference: "Sheet1!Z1" };
      ws.getRange("A1:A4").values = [["a"], ["b"], ["c"], ["d"]];
      ws.getRange("A1").clear("Contents");
      ws.getRange("A2").clear("Hyperlinks");
      ws.getRange("A3").clear("All");
      ws.getRange("A4").format.font.bold = true;
    });
    expect([1, 2, 3, 4].map((r) => f.store.cell(s, r, 1)?.hyperlink?.documentReference ?? null)).toEqual(["Sheet1!Z1", null, null, "Sheet1!Z1"]);
    expect(f.store.cell(s, 2, 1)?.value).toBe("b");
    await f.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A4").clear("RemoveHyperlinks");
    });
    expect(f.store.cell(s, 4, 1)).toEqual({ value: "d" });
  });

  test("a link without a target is refused; below ExcelApi 1.7 the member is missing", async () => {
    const f = fake();
    const bad = await rejects(
      f.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").hyperlink = { textToDisplay: "nowhere" };
        await ctx.sync();
      }),
    );
    expect(bad.code).toBe("InvalidArgument");
    const old = await rejects(
      fake("1.6").run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").hyperlink = { documentReference: "Sheet1!A2" };
        await ctx.sync();
      }),
    );
    expect(old.code).toBe("ApiNotFound");
  });
});

describe("conditional formats, validation and protection", () => {
  test("clearAll removes rules from the cleared cells only", async () => {
    const f = fake();
    await f.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const cf = ws.getRange("A1:A10").conditionalFormats.add("Custom");
      cf.custom.rule.formula = '=A1="x"';
      cf.custom.format.fill.color = "#FF0000";
      ws.getRange("A6:A10").conditionalFormats.clearAll();
    });
    const s = f.store.mustSheet("Sheet1");
    expect(s.cfs).toHaveLength(1);
    expect(s.cfs[0].areas).toEqual([{ top: 1, left: 1, bottom: 5, right: 1 }]);
    expect(s.cfs[0].formula).toBe('=A1="x"');
  });

  test("a second validation rule over the same cells needs clear() first", async () => {
    const f = fake();
    const e = await rejects(
      f.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("B2:B5");
        r.dataValidation.rule = { list: { inCellDropDown: true, source: "Exclude" } };
        await ctx.sync();
        r.dataValidation.rule = { list: { inCellDropDown: true, source: "Exclude" } };
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("InvalidOperation");
  });

  test("writing to a protected sheet fails with AccessDenied; protecting twice too (office-js #6784)", async () => {
    const f = fake();
    f.store.mustSheet("Sheet1").protected = true;
    const e = await rejects(
      f.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
        await ctx.sync();
      }),
    );
    expect(e.code).toBe("AccessDenied");
    const again = await rejects(
      f.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").protection.protect();
        await ctx.sync();
      }),
    );
    expect(again.code).toBe("AccessDenied");
  });
});

describe("structural changes move references like Excel", () => {
  test("inserting columns moves cells, widens ranges and updates formulas on every sheet", async () => {
    const f = fake();
    f.store.addSheet("Calc");
    f.store.userWrite("Sheet1", 1, 3, "x");
    f.store.userWrite("Calc", 1, 1, "=ROWS(Sheet1!$B$1:$D$9)+Sheet1!C1+Sheet1!A1");
    await f.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("B:C").insert("Right");
    });
    const s = f.store.mustSheet("Sheet1");
    expect(f.store.cell(s, 1, 5)?.value).toBe("x");
    expect(f.store.cell(f.store.mustSheet("Calc"), 1, 1)?.formula).toBe("=ROWS(Sheet1!$D$1:$F$9)+Sheet1!E1+Sheet1!A1");
  });

  test("deleting rows shrinks ranges and turns references to deleted cells into #REF!", () => {
    const change = { kind: "delete" as const, sheet: "From FR", axis: "row" as const, at: 3, count: 2 };
    expect(adjustFormula("=ROWS('From FR'!$A$1:$C$10)", "Other", change)).toBe("=ROWS('From FR'!$A$1:$C$8)");
    expect(adjustFormula(`=""&'From FR'!$B$4`, "Other", change)).toBe(`=""&'From FR'!#REF!`);
    expect(adjustFormula("='From FR'!B5&\"'From FR'!B5\"", "Other", change)).toBe("='From FR'!B3&\"'From FR'!B5\"");
    expect(adjustFormula("=A5", "From FR", change)).toBe("=A3");
    expect(adjustFormula("=A5", "Other", change)).toBe("=A5");
  });

  test("renaming and deleting a sheet update formulas and names", async () => {
    const f = fake();
    f.store.addSheet("Summary");
    f.store.userWrite("Sheet1", 1, 1, "=Summary!B2");
    await f.run(async (ctx) => {
      ctx.workbook.names.add("CSP_AsOf", "='Summary'!$B$2");
      ctx.workbook.worksheets.getItem("Summary").name = "My summary";
    });
    expect(f.store.cell(f.store.mustSheet("Sheet1"), 1, 1)?.formula).toBe("='My summary'!B2");
    expect(f.store.names.get("csp_asof")?.formula).toBe("='My summary'!$B$2");
    await f.run(async (ctx) => ctx.workbook.worksheets.getItem("My summary").delete());
    expect(f.store.cell(f.store.mustSheet("Sheet1"), 1, 1)?.formula).toBe("=#REF!B2");
  });
});

describe("requirement sets", () => {
  test("Office.context.requirements.isSetSupported follows the configured ExcelApi version", () => {
    const f = fake("1.7");
    expect(f.Office.context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(f.Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(false);
    expect(fake("1.9").Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
  });
});
