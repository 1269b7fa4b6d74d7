/**
 * Spec §4 "Advice columns" (they never change verdicts): days of double billing, "let it expire
 * on <date>", "transfer or cancel within 7 days". As-of date 2026-11-24 unless a test says otherwise.
 */
import { Cell, isoToSerial } from "../../src/domain/cells";
import { rowAdvice } from "../../src/domain/advice";
import { ExportSet, onlyGroup, rowsOf, Sub } from "./support/exports";

const old = (status: string, qty: number, cols?: Sub["cols"]): Sub => ({ offer: "Office 365 E3", qty: String(qty), status, cols });
const neu = (status: string, qty: number, start?: Cell): Sub => ({
  offer: "Office 365 E3",
  qty: String(qty),
  status,
  cols: start === undefined ? undefined : { "Start date": start },
});

function advice(set: ExportSet, asOf?: string) {
  const { result } = set.run(asOf);
  const g = onlyGroup(result);
  const rowText = (source: string) => rowsOf(result, source).map((r) => rowAdvice(r, result.groups[r.group!], result.asOf));
  return { verdict: g.verdict, notes: g.notes, oldAdvice: rowText("from/FR/Contoso.csv"), newAdvice: rowText("to/Contoso.csv") };
}

describe("§4 advice: days of double billing (OLD_STILL_ACTIVE, from the earliest active new row's start date)", () => {
  test("as-of minus the new row's start date, on the group and on the old row still billing", () => {
    const a = advice(new ExportSet().old("FR", "Contoso", [old("Active", 40)]).new("Contoso", [neu("Active", 40, "2026-11-02")]));
    expect(a).toEqual({ verdict: "OLD_STILL_ACTIVE", notes: ["double billing for 22 days"], oldAdvice: ["double billing for 22 days"], newAdvice: [""] });
  });

  test("the earliest start among ACTIVE new rows; a pending new row's earlier date does not count", () => {
    const a = advice(
      new ExportSet()
        .old("FR", "Contoso", [old("Active", 10)])
        .new("Contoso", [neu("Active", 5, "2026-11-20"), neu("Active", 5, "2026-11-10"), neu("Pending", 1, "2026-10-01")]),
    );
    expect([a.verdict, a.notes]).toEqual(["OLD_STILL_ACTIVE", ["double billing for 14 days"]]);
  });

  test.each<[string, Cell]>([
    ["ISO", "2026-11-02"],
    ["ISO date-time", "2026-11-02T10:00:00Z"],
    ["US M/D/YYYY", "11/2/2026"],
    ["D.M.YYYY", "02.11.2026"],
    ["D-M-YYYY", "02-11-2026"],
    ["an Excel serial number", isoToSerial("2026-11-02")!],
  ])("start date written as %s", (_how, start) => {
    const a = advice(new ExportSet().old("FR", "Contoso", [old("Active", 1)]).new("Contoso", [neu("Active", 1, start)]));
    expect(a.notes).toEqual(["double billing for 22 days"]);
  });

  test("Azure groups too", () => {
    const { result } = new ExportSet()
      .old("FR", "Contoso", [{ offer: "Microsoft Azure", status: "Active" }])
      .new("Contoso", [{ offer: "Azure plan", status: "Active", cols: { "Start date": "2026-11-17" } }])
      .run();
    expect([onlyGroup(result).verdict, onlyGroup(result).notes]).toEqual(["OLD_STILL_ACTIVE", ["double billing for 7 days"]]);
  });

  test("no start date: no such advice", () => {
    const a = advice(new ExportSet().old("FR", "Contoso", [old("Active", 1)]).new("Contoso", [neu("Active", 1)]));
    expect([a.verdict, a.notes, a.oldAdvice]).toEqual(["OLD_STILL_ACTIVE", [], [""]]);
  });

  test("only for OLD_STILL_ACTIVE", () => {
    const a = advice(new ExportSet().old("FR", "Contoso", [old("Active", 5)]).new("Contoso", [neu("Active", 3, "2026-11-02")]));
    expect([a.verdict, a.notes, a.oldAdvice]).toEqual(["SEATS_SHORT", [], [""]]);
  });

  test("code's choice: a start date after the as-of date gives 0 days, not a negative count", () => {
    const a = advice(new ExportSet().old("FR", "Contoso", [old("Active", 1)]).new("Contoso", [neu("Active", 1, "2026-12-01")]));
    expect(a.notes).toEqual(["double billing for 0 days"]);
  });

  test("it follows the as-of date", () => {
    const set = new ExportSet().old("FR", "Contoso", [old("Active", 1)]).new("Contoso", [neu("Active", 1, "2026-11-02")]);
    expect(advice(set, "2026-12-02").notes).toEqual(["double billing for 30 days"]);
  });
});

describe('§4 advice: "let it expire on <date>" for an old active legacy row ending within 30 days', () => {
  const ending = (end: Cell, status = "Active", cols: Sub["cols"] = {}) =>
    new ExportSet().old("FR", "Contoso", [old(status, 10, { "Commitment end date": end, ...cols })]);

  test("24 days away: the advice, on the group and on the row", () => {
    const a = advice(ending("2026-12-18"));
    expect([a.verdict, a.notes, a.oldAdvice]).toEqual(["MISSING_NEW", ["let it expire on 2026-12-18"], ["let it expire on 2026-12-18"]]);
  });

  test.each([
    ["the as-of date itself", "2026-11-24", true],
    ["exactly 30 days away", "2026-12-24", true],
    ["31 days away", "2026-12-25", false],
    ["already past", "2026-11-23", false],
  ])("%s (%s): advice %s", (_why, end, yes) => {
    expect(advice(ending(end)).notes).toEqual(yes ? [`let it expire on ${end}`] : []);
  });

  test.each<[string, Cell]>([
    ["D/M/YYYY with a day above 12", "18/12/2026"],
    ["US M/D/YYYY", "12/18/2026"],
    ["D.M.YYYY", "18.12.2026"],
    ["an Excel serial number", isoToSerial("2026-12-18")!],
  ])("end date written as %s", (_how, end) => {
    expect(advice(ending(end)).notes).toEqual(["let it expire on 2026-12-18"]);
  });

  test("not for a new-commerce row (by offer ID, by Term, or by its account)", () => {
    expect(advice(ending("2026-12-18", "Active", { "Offer ID": "CFQ7TTC0LCHC:0002" })).notes).toEqual([]);
    expect(advice(ending("2026-12-18", "Active", { Term: "P1Y" })).notes).toEqual([]);
    expect(advice(ending("2026-12-18").accounts([["FR", "nce"]])).notes).toEqual([]);
  });

  test("not for a suspended or pending old row (spec: active)", () => {
    expect(advice(ending("2026-12-18", "Suspended")).notes).toEqual([]);
    expect(advice(ending("2026-12-18", "Pending")).notes).toEqual([]);
  });

  test("not for a new row", () => {
    const a = advice(
      new ExportSet()
        .old("FR", "Contoso", [old("Suspended", 1)])
        .new("Contoso", [{ offer: "Office 365 E3", qty: "1", status: "Active", cols: { "Commitment end date": "2026-12-18" } }]),
    );
    expect([a.verdict, a.notes, a.newAdvice]).toEqual(["DONE", [], [""]]);
  });

  test("next to the double-billing advice", () => {
    const a = advice(
      new ExportSet()
        .old("FR", "Contoso", [old("Active", 40, { "Commitment end date": "18/12/2026" })])
        .new("Contoso", [neu("Active", 40, "2026-11-02")]),
    );
    expect(a.notes).toEqual(["double billing for 22 days", "let it expire on 2026-12-18"]);
    expect(a.oldAdvice).toEqual(["double billing for 22 days; let it expire on 2026-12-18"]);
  });
});

describe('§4 advice: "transfer or cancel within 7 days" for NCE_STILL_BILLED', () => {
  test("on the group and on the suspended new-commerce old row", () => {
    const a = advice(
      new ExportSet()
        .old("FR", "Contoso", [old("Suspended", 5, { Term: "P1M" }), old("Suspended", 5)])
        .new("Contoso", [neu("Active", 10)]),
    );
    expect([a.verdict, a.notes, a.oldAdvice]).toEqual(["NCE_STILL_BILLED", ["transfer or cancel within 7 days"], ["transfer or cancel within 7 days", ""]]);
  });

  test("not for other verdicts", () => {
    const a = advice(new ExportSet().old("FR", "Contoso", [old("Suspended", 5, { Term: "P1M" })]));
    expect([a.verdict, a.notes]).toEqual(["SERVICE_GAP", []]);
  });
});

describe("§4 advice never changes verdicts", () => {
  test("the same exports with and without dates give the same verdicts", () => {
    const build = (dates: boolean) =>
      new ExportSet()
        .old("FR", "Contoso", [old("Active", 40, dates ? { "Commitment end date": "2026-12-01" } : { "Commitment end date": "" })])
        .new("Contoso", [neu("Active", 40, dates ? "2026-11-02" : "")])
        .run().result;
    const withDates = build(true);
    const without = build(false);
    expect(onlyGroup(withDates).notes).toHaveLength(2);
    expect(onlyGroup(without).notes).toEqual([]);
    expect(withDates.groups.map((g) => g.verdict)).toEqual(without.groups.map((g) => g.verdict));
    expect(withDates.customers.map((c) => c.verdict)).toEqual(without.customers.map((c) => c.verdict));
  });
});
