/**
 * Spec §5 and §7.4: reading license counts. "25.0" and "25,0" read as 25; non-numeric,
 * negative, fractional and empty quantities are unreadable (BAD_QUANTITY), the row is left out
 * of R and N only. Azure rows' quantities are never read.
 */
import { Cell } from "../../src/domain/cells";
import { MAX_QUANTITY, readQuantity } from "../../src/domain/quantity";
import { ExportSet, onlyGroup, problemList } from "./support/exports";

describe("§7.4 readable quantities", () => {
  const readable: [Cell, number][] = [
    ["25", 25],
    ["25.0", 25],
    ["25,0", 25],
    ["25.00", 25],
    ["25,00", 25],
    [" 25 ", 25],
    ["0", 0],
    ["007", 7],
    [25, 25],
    [25.0, 25],
    [0, 0],
    // An Excel calculation's float noise: Excel shows 15 significant digits, so this is 25.
    [24.999999999999996, 25],
  ];
  test.each(readable)("%j reads as %d", (cell, value) => {
    expect(readQuantity(cell)).toEqual({ ok: true, value });
  });
});

describe("§7.4 unreadable quantities", () => {
  const unreadable: [Cell, string][] = [
    ["douze", "not-a-number"],
    ["abc", "not-a-number"],
    ["25 seats", "not-a-number"],
    ["1e3", "not-a-number"],
    ["+4", "not-a-number"],
    ["0x10", "not-a-number"],
    ["½", "not-a-number"],
    ["1 000", "not-a-number"],
    ["-3", "negative"],
    ["-3,0", "negative"],
    [-1, "negative"],
    ["1.5", "fractional"],
    ["2,5", "fractional"],
    ["25.01", "fractional"],
    [2.5, "fractional"],
    ["", "empty"],
    ["   ", "empty"],
    [null, "empty"],
    [true, "not-a-number"],
    [{ error: "#VALUE!" }, "not-a-number"],
    [Number.NaN, "not-a-number"],
    [Number.POSITIVE_INFINITY, "not-a-number"],
  ];
  test.each(unreadable)("%j is unreadable (%s)", (cell, reason) => {
    expect(readQuantity(cell)).toEqual({ ok: false, reason });
  });
});

describe("the product's own choices (spec silent): ambiguous separators and absurd counts are refused", () => {
  test.each(["1,000", "1.000", "25.000", "2,500"])("%j has a 3-digit fraction: ambiguous, refused", (cell) => {
    expect(readQuantity(cell)).toEqual({ ok: false, reason: "ambiguous" });
  });

  test("the largest readable count is 999,999,999", () => {
    expect(MAX_QUANTITY).toBe(999_999_999);
    expect(readQuantity("999999999")).toEqual({ ok: true, value: 999_999_999 });
    expect(readQuantity(999_999_999)).toEqual({ ok: true, value: 999_999_999 });
    expect(readQuantity("1000000000")).toEqual({ ok: false, reason: "too-large" });
    expect(readQuantity(1e10)).toEqual({ ok: false, reason: "too-large" });
  });
});

describe("§7.4 an unreadable quantity in a reconciliation", () => {
  test("is a BAD_QUANTITY problem at its row; the row stays out of R but its status still counts for A and live", () => {
    const { result } = new ExportSet()
      .old("X", "Contoso", [
        { offer: "Office 365 E3", qty: "10", status: "Suspended" },
        { offer: "Office 365 E3", qty: "dix", status: "Active" },
      ])
      .new("Contoso", [{ offer: "Office 365 E3", qty: "10", status: "Active" }])
      .run();
    expect(problemList(result.problems)).toEqual([["from/X/Contoso.csv", 3, "BAD_QUANTITY"]]);
    expect(result.problems[0].message).toContain('"dix"');
    const g = onlyGroup(result);
    expect(g.totals).toMatchObject({ R: 10, A: 1, S: 1, oldLive: 2, N: 10 });
    // A > 0 with N = R: old still active (rule 14), which the unreadable row's status alone causes.
    expect(g.verdict).toBe("OLD_STILL_ACTIVE");
  });

  test("on a new row: out of N, still counts for P", () => {
    const { result } = new ExportSet()
      .old("X", "Contoso", [{ offer: "Office 365 E3", qty: "4", status: "Suspended" }])
      .new("Contoso", [
        { offer: "Office 365 E3", qty: "-4", status: "Active" },
        { offer: "Office 365 E3", qty: "4.5", status: "Pending" },
      ])
      .run();
    expect(problemList(result.problems)).toEqual([
      ["to/Contoso.csv", 2, "BAD_QUANTITY"],
      ["to/Contoso.csv", 3, "BAD_QUANTITY"],
    ]);
    const g = onlyGroup(result);
    expect(g.totals).toMatchObject({ R: 4, N: 0, P: 1, newLive: 2 });
    expect(g.verdict).toBe("NEW_NOT_ACTIVE"); // rule 12: N = 0, P > 0
  });

  test("an empty quantity is unreadable too", () => {
    const { result } = new ExportSet().old("X", "Contoso", [{ offer: "Office 365 E3", qty: "", status: "Active" }]).run();
    expect(problemList(result.problems)).toEqual([["from/X/Contoso.csv", 2, "BAD_QUANTITY"]]);
    expect(onlyGroup(result).totals).toMatchObject({ R: 0, A: 1 });
  });

  test('"25,0" and "25.0" are not problems and add up as 25', () => {
    const { result } = new ExportSet()
      .old("X", "Contoso", [
        { offer: "Office 365 E3", qty: "25,0", status: "Suspended" },
        { offer: "Office 365 E3", qty: "25.0", status: "Suspended" },
      ])
      .new("Contoso", [{ offer: "Office 365 E3", qty: "50", status: "Active" }])
      .run();
    expect(result.problems).toEqual([]);
    expect(onlyGroup(result).totals).toMatchObject({ R: 50, N: 50 });
    expect(onlyGroup(result).verdict).toBe("DONE");
  });

  test("Excel-typed numbers (an .xlsx or a sheet already in Excel) are read as numbers", () => {
    const { result } = new ExportSet()
      .raw("from/X/Contoso.csv", [
        ["Subscription ID", "Subscription", "Quantity", "Status"],
        ["s1", "Office 365 E3", 12, "Suspended"],
        ["s2", "Office 365 E3", 2.5, "Suspended"],
      ])
      .raw("to/Contoso.csv", [
        ["Subscription ID", "Subscription", "Quantity", "Status"],
        ["n1", "Office 365 E3", 12, "Active"],
      ])
      .run();
    expect(problemList(result.problems)).toEqual([["from/X/Contoso.csv", 3, "BAD_QUANTITY"]]);
    expect(onlyGroup(result).totals).toMatchObject({ R: 12, N: 12, S: 2 });
  });
});

describe("§3 / §7.4 Azure rows' quantities are never read", () => {
  test.each<Cell>(["", "douze", "-1", "1.5", "1,000", 250, null])("quantity %j on Azure rows: no problem, each row counts 1", (qty) => {
    const { result } = new ExportSet()
      .old("X", "Contoso", [
        { offer: "Microsoft Azure", qty, status: "Suspended" },
        { offer: "Azure plan", qty, status: "Suspended" },
      ])
      .new("Contoso", [{ offer: "Azure plan", qty, status: "Active" }])
      .run();
    expect(result.problems).toEqual([]);
    const g = onlyGroup(result);
    expect([g.azure, g.offerKey, g.totals.R, g.totals.N]).toEqual([true, "azure", 2, 1]);
  });
});
