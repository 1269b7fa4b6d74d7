/**
 * Spec §8 Next steps: one describe per line of the action table (and our CHECK_PROBLEM_ROW), the
 * let-expire and NCE due dates, the order, the identity of an action, "still needed", and the
 * bundled samples.
 */
import * as path from "path";
import { scanFolder } from "../../src/cli/folder";
import { reconcileImports } from "../../src/cli/run";
import { ACTION_TABLE, Action, ActionCode, STILL_NEEDED, actionKey, actionKeyDigest, deriveActions, evaluateAction, stillNeeded } from "../../src/domain/actions";
import { reconcile } from "../../src/domain/engine";
import { EngineInput } from "../../src/domain/model";
import { ExportSet, Run, guid, Sub } from "./support/exports";

const r = (id: string, status: string, qty: string | number = 5, offer = "Office 365 E3", cols?: Sub["cols"]): Sub => ({ id, offer, qty: String(qty), status, cols });
const nce = { "Offer ID": "CFQ7TTC0LF8Q:0001:CFQ7TTC0KF6Q" };

const actionsOf = (run: Run): readonly Action[] => deriveActions(run.result);
const only = (run: Run, code: ActionCode): Action[] => actionsOf(run).filter((a) => a.action === code);
/** The report's fields that the table decides, without the sentence. */
const fields = (a: Action) => [a.customer, a.account, a.action, a.offer, a.subscriptionIds, a.seats, a.due, a.doubleBillingDays];

describe("line 1, customer NO_EXPORT → EXPORT_SUBSCRIPTIONS, one per account whose export is missing", () => {
  const id = guid();
  const run = new ExportSet()
    .oldList("NL", [{ id, name: "Contoso" }])
    .oldList("FR", [{ id, name: "Contoso" }])
    .oldList("DE", [{ id, name: "Contoso" }])
    .newList([{ id, name: "Contoso" }])
    .old("DE", "Contoso", [r("d1", "Active")])
    .run();

  test("each old account listing it without an export (clause 1), and the new account (clause 2)", () => {
    expect(only(run, "EXPORT_SUBSCRIPTIONS").map(fields)).toEqual([
      ["Contoso", "FR", "EXPORT_SUBSCRIPTIONS", null, [], null, null, null],
      ["Contoso", "NL", "EXPORT_SUBSCRIPTIONS", null, [], null, null, null],
      ["Contoso", "new", "EXPORT_SUBSCRIPTIONS", null, [], null, null, null],
    ]);
    expect(only(run, "EXPORT_SUBSCRIPTIONS").map((a) => a.text)).toEqual([
      "In account FR, export the subscriptions of Contoso and add the file.",
      "In account NL, export the subscriptions of Contoso and add the file.",
      "In the new account, export the subscriptions of Contoso and add the file.",
    ]);
  });

  test("a NO_EXPORT customer also gets the actions of its readable groups", () => {
    expect(actionsOf(run).map((a) => [a.action, a.account])).toEqual([
      ["EXPORT_SUBSCRIPTIONS", "FR"],
      ["EXPORT_SUBSCRIPTIONS", "NL"],
      ["EXPORT_SUBSCRIPTIONS", "new"],
      ["CREATE_SUBSCRIPTION", "new"],
    ]);
  });

  test("no EXPORT_SUBSCRIPTIONS when every listing account has an export", () => {
    const done = new ExportSet().oldList("FR", [{ id, name: "Contoso" }]).old("FR", "Contoso", [r("f1", "Suspended")]).new("Contoso", [r("n1", "Active")]).run();
    expect(only(done, "EXPORT_SUBSCRIPTIONS")).toEqual([]);
  });
});

describe("line 2, customer UNREADABLE_EXPORT → REEXPORT_FILE, one per unreadable file, in the file's account", () => {
  const id = guid();
  const run = new ExportSet()
    .oldList("FR", [{ id, name: "Contoso" }])
    .oldList("NL", [{ id, name: "Contoso" }])
    .raw("from/FR/Contoso.csv", [["ID d'abonnement", "Abonnement", "Qté", "État"], ["s1", "Office 365 E3", "5", "Actif"]])
    .raw("from/NL/Contoso.xlsx", null, "The file could not be read: not a zip file")
    .new("Contoso", [r("n1", "Active")])
    .run();

  test("each file with its account, its path and its problem", () => {
    expect(only(run, "REEXPORT_FILE").map((a) => [a.account, a.file, a.subscriptionIds, a.seats, a.text])).toEqual([
      ["FR", "from/FR/Contoso.csv", [], null, "In account FR, export the subscriptions of Contoso again to replace from/FR/Contoso.csv (Missing column Quantity)."],
      ["NL", "from/NL/Contoso.xlsx", [], null, "In account NL, export the subscriptions of Contoso again to replace from/NL/Contoso.xlsx (The file could not be read)."],
    ]);
  });

  test("a broken file with a customer column gives each customer it covers its own REEXPORT_FILE", () => {
    const multi = new ExportSet()
      .raw("from/NL/All.csv", [
        ["Abonnements-id", "Abonnement", "Status", "Bedrijfsnaam"],
        ["a", "Office 365 E3", "Actief", "Kok BV"],
        ["b", "Office 365 E3", "Actief", "Smit BV"],
      ])
      .run();
    expect(only(multi, "REEXPORT_FILE").map((a) => [a.customer, a.account, a.file])).toEqual([
      ["Kok BV", "NL", "from/NL/All.csv"],
      ["Smit BV", "NL", "from/NL/All.csv"],
    ]);
  });

  test("an unreadable export of the new account is re-exported from the new account", () => {
    const neu = new ExportSet().old("FR", "Contoso", [r("f1", "Active")]).raw("to/Contoso.csv", []).run();
    expect(only(neu, "REEXPORT_FILE").map((a) => [a.account, a.text])).toEqual([
      ["new", "In the new account, export the subscriptions of Contoso again to replace to/Contoso.csv (The file is empty)."],
    ]);
  });
});

describe("line 3, customer RELATIONSHIP_PENDING → RESEND_RELATIONSHIP in the new account", () => {
  test("one action, account new", () => {
    const run = new ExportSet().newList([{ id: guid(), name: "Somebody else" }]).old("FR", "Contoso", [r("f1", "Suspended")]).run();
    expect(only(run, "RESEND_RELATIONSHIP").map(fields)).toEqual([["Contoso", "new", "RESEND_RELATIONSHIP", null, [], null, null, null]]);
  });
});

describe("line 4, SERVICE_GAP (not Azure) → CREATE_SUBSCRIPTION of R seats now", () => {
  test("R is the seats of the live old rows; the sentence says now", () => {
    const run = new ExportSet().old("FR", "Contoso", [r("f1", "Suspended", 7), r("f2", "Suspended", 3)]).run();
    const [a] = only(run, "CREATE_SUBSCRIPTION");
    expect(fields(a)).toEqual(["Contoso", "new", "CREATE_SUBSCRIPTION", "office 365 e3", [], 10, null, null]);
    expect(a.text).toBe("In the new account, create Office 365 E3 × 10 seats for Contoso now: no subscription of it is active in either account.");
  });

  test("an Azure service gap is Microsoft's move, not a subscription to create", () => {
    const run = new ExportSet().old("FR", "Contoso", [r("az", "Suspended", 1, "Microsoft Azure")]).run();
    expect(actionsOf(run).map((a) => a.action)).toEqual(["REQUEST_AZURE_MOVE"]);
  });
});

describe("line 5, MISSING_NEW → CREATE_SUBSCRIPTION of R seats", () => {
  test("R seats, in the new account, no subscription IDs", () => {
    const run = new ExportSet().old("FR", "Contoso", [r("f1", "Active", 25), r("f2", "Suspended", 5)]).new("Contoso", []).run();
    expect(only(run, "CREATE_SUBSCRIPTION").map(fields)).toEqual([["Contoso", "new", "CREATE_SUBSCRIPTION", "office 365 e3", [], 30, null, null]]);
  });
});

describe("line 6, NEW_NOT_ACTIVE with P > 0 (not Azure) → ACTIVATE_SUBSCRIPTION of the pending or suspended new rows", () => {
  test("the pending and suspended new subscription IDs, not the cancelled one", () => {
    const run = new ExportSet()
      .old("FR", "Contoso", [r("f1", "Active", 5)])
      .new("Contoso", [r("n1", "Pending", 3), r("n2", "Suspended", 2), r("n3", "Cancelled", 5)])
      .run();
    expect(only(run, "ACTIVATE_SUBSCRIPTION").map(fields)).toEqual([["Contoso", "new", "ACTIVATE_SUBSCRIPTION", "office 365 e3", ["n1", "n2"], null, null, null]]);
  });

  test("not when P = 0: an active new row whose quantity cannot be read makes N = 0 (its row gets CHECK_PROBLEM_ROW)", () => {
    const run = new ExportSet().old("FR", "Contoso", [r("f1", "Expired", 5)]).new("Contoso", [r("n1", "Active", "five")]).run();
    expect(run.result.groups[0].verdict).toBe("NEW_NOT_ACTIVE");
    expect(actionsOf(run).map((a) => [a.action, a.subscriptionIds])).toEqual([["CHECK_PROBLEM_ROW", ["n1"]]]);
  });

  test("an Azure group that is not active in the new account is Microsoft's move", () => {
    const run = new ExportSet().old("FR", "Contoso", [r("az", "Suspended", 1, "Azure plan")]).new("Contoso", [r("naz", "Pending", 1, "Azure plan")]).run();
    expect(actionsOf(run).map((a) => a.action)).toEqual(["REQUEST_AZURE_MOVE"]);
  });
});

describe("line 7, SEATS_SHORT → ADD_SEATS: R − N seats to the active new subscriptions", () => {
  test("R − N seats, the active new subscription IDs", () => {
    const run = new ExportSet()
      .old("FR", "Contoso", [r("f1", "Suspended", 20)])
      .new("Contoso", [r("n1", "Active", 10), r("n2", "Active", 5), r("n3", "Expired", 9)])
      .run();
    expect(only(run, "ADD_SEATS").map(fields)).toEqual([["Contoso", "new", "ADD_SEATS", "office 365 e3", ["n1", "n2"], 5, null, null]]);
  });
});

describe("line 8, OLD_STILL_ACTIVE (not Azure) → SUSPEND_OLD for each active or pending legacy old row, in its account", () => {
  const start = { "Start date": "2026-11-10" };
  const run = new ExportSet()
    .old("FR", "Contoso", [r("f1", "Active", 10), r("f2", "Suspended", 5)])
    .old("NL", "Contoso", [r("l1", "Pending", 15)])
    .new("Contoso", [r("n1", "Active", 30, "Office 365 E3", start)])
    .run();

  test("one per row: its own ID, its quantity, its account, the days of double billing", () => {
    expect(only(run, "SUSPEND_OLD").map(fields)).toEqual([
      ["Contoso", "FR", "SUSPEND_OLD", "office 365 e3", ["f1"], 10, null, 14],
      ["Contoso", "NL", "SUSPEND_OLD", "office 365 e3", ["l1"], 15, null, 14],
    ]);
    expect(only(run, "SUSPEND_OLD")[0].text).toBe(
      "In account FR, suspend Office 365 E3 f1 of Contoso (10 seats): it still bills next to the new one; double billing for 14 days so far.",
    );
  });

  test("no double-billing days when no active new row has a start date", () => {
    const plain = new ExportSet().old("FR", "Contoso", [r("f1", "Active", 5)]).new("Contoso", [r("n1", "Active", 5)]).run();
    expect(only(plain, "SUSPEND_OLD").map((a) => [a.doubleBillingDays, a.text])).toEqual([
      [null, "In account FR, suspend Office 365 E3 f1 of Contoso (5 seats): it still bills next to the new one."],
    ]);
  });

  test("an excluded or unreadable-status old row gets no action", () => {
    const ex = new ExportSet()
      .old("FR", "Contoso", [r("f1", "Active", 5), r("f2", "Active", 5, "Office 365 E3", { Decision: "Exclude" })])
      .new("Contoso", [r("n1", "Active", 5)])
      .run();
    expect(only(ex, "SUSPEND_OLD").map((a) => a.subscriptionIds)).toEqual([["f1"]]);
  });

  test("an old row without a subscription ID: no IDs, and the sentence names the offer only", () => {
    const noId = new ExportSet().old("FR", "Contoso", [r("", "Active", 5)]).new("Contoso", [r("n1", "Active", 5)]).run();
    expect(only(noId, "SUSPEND_OLD").map((a) => [a.subscriptionIds, a.text])).toEqual([
      [[], "In account FR, suspend Office 365 E3 of Contoso (5 seats): it still bills next to the new one."],
    ]);
  });

  test("a row whose quantity cannot be read still gets its action, with no seat count", () => {
    const bad = new ExportSet().old("FR", "Contoso", [r("f1", "Active", 5), r("f2", "Active", "lots")]).new("Contoso", [r("n1", "Active", 5)]).run();
    const a = only(bad, "SUSPEND_OLD").find((x) => x.subscriptionIds[0] === "f2")!;
    expect([a.seats, a.text]).toEqual([null, "In account FR, suspend Office 365 E3 f2 of Contoso (an unreadable number of seats): it still bills next to the new one."]);
  });
});

describe("SUSPEND_OLD with a commitment ending within 30 days: 'let it expire on <date>', due that date", () => {
  const withEnd = (end: string) =>
    only(new ExportSet().old("FR", "Contoso", [r("f1", "Active", 40, "Office 365 E3", { "Commitment end date": end })]).new("Contoso", [r("n1", "Active", 40)]).run("2026-11-24"), "SUSPEND_OLD")[0];

  test("24 days after the as-of date: let it expire", () => {
    const a = withEnd("2026-12-18");
    expect([a.action, a.due, a.letExpire]).toEqual(["SUSPEND_OLD", "2026-12-18", true]);
    expect(a.text).toBe(
      "In account FR, let Office 365 E3 f1 of Contoso (40 seats) expire on 2026-12-18 instead of suspending it: a legacy cancellation gets no refund.",
    );
  });

  test.each([
    ["2026-11-24", true],
    ["2026-12-24", true],
    ["2026-12-25", false],
    ["2026-11-23", false],
  ])("commitment end %s → let it expire: %s", (end, expire) => {
    const a = withEnd(end);
    expect([a.letExpire, a.due]).toEqual([expire, expire ? end : null]);
  });

  test("not for a pending row (the advice column says the same: active legacy rows only)", () => {
    const run = new ExportSet().old("FR", "Contoso", [r("f1", "Pending", 4, "Office 365 E3", { "Commitment end date": "2026-12-01" })]).new("Contoso", [r("n1", "Active", 4)]).run();
    expect(only(run, "SUSPEND_OLD").map((a) => [a.letExpire, a.due])).toEqual([[false, null]]);
  });
});

describe("line 9, OLD_STILL_ACTIVE (not Azure) → CANCEL_NCE for each active, pending or suspended nce old row", () => {
  test("nce by offer ID or by its account; due 7 days after the row's start date", () => {
    const run = new ExportSet()
      .accounts([["DE", "nce"]])
      .old("FR", "Contoso", [r("f1", "Active", 5, "Office 365 E3", { ...nce, "Creation date": "2026-11-20" }), r("f2", "Active", 5)])
      .old("DE", "Contoso", [r("d1", "Suspended", 5), r("d2", "Expired", 5)])
      .new("Contoso", [r("n1", "Active", 15)])
      .run("2026-11-24");
    expect(actionsOf(run).map(fields)).toEqual([
      ["Contoso", "FR", "SUSPEND_OLD", "office 365 e3", ["f2"], 5, null, null],
      ["Contoso", "DE", "CANCEL_NCE", "office 365 e3", ["d1"], 5, null, null],
      ["Contoso", "FR", "CANCEL_NCE", "office 365 e3", ["f1"], 5, "2026-11-27", null],
    ]);
    expect(only(run, "CANCEL_NCE")[1].text).toBe(
      "In account FR, transfer or cancel Office 365 E3 f1 of Contoso (5 seats): it still bills next to the new one; cancel it by 2026-11-27 (7 days after its start) at the latest.",
    );
  });

  test("a start date more than 7 days ago: the window closed on that date, transfer it", () => {
    const run = new ExportSet()
      .old("FR", "Contoso", [r("f1", "Active", 5, "Office 365 E3", { ...nce, "Start date": "2025-03-01" })])
      .new("Contoso", [r("n1", "Active", 5)])
      .run("2026-11-24");
    expect(only(run, "CANCEL_NCE").map((a) => [a.due, a.text])).toEqual([
      [
        "2025-03-08",
        "In account FR, transfer or cancel Office 365 E3 f1 of Contoso (5 seats): it still bills next to the new one; its 7-day cancellation window closed on 2025-03-08: transfer it.",
      ],
    ]);
  });
});

describe("line 10, NCE_STILL_BILLED → CANCEL_NCE for each suspended nce old row", () => {
  test("the suspended nce rows only, not the suspended legacy ones; no double-billing days (not OLD_STILL_ACTIVE)", () => {
    const run = new ExportSet()
      .old("FR", "Contoso", [r("f1", "Suspended", 30), r("f2", "Suspended", 10, "Office 365 E3", nce)])
      .new("Contoso", [r("n1", "Active", 40, "Office 365 E3", { "Start date": "2026-11-01" })])
      .run();
    expect(run.result.groups[0].verdict).toBe("NCE_STILL_BILLED");
    expect(actionsOf(run).map(fields)).toEqual([["Contoso", "FR", "CANCEL_NCE", "office 365 e3", ["f2"], 10, null, null]]);
    expect(actionsOf(run)[0].text).toBe(
      "In account FR, transfer or cancel Office 365 E3 f2 of Contoso (10 seats): a suspended new-commerce subscription keeps billing.",
    );
  });
});

describe("line 11, AZURE_PENDING, or Azure SERVICE_GAP / NEW_NOT_ACTIVE → REQUEST_AZURE_MOVE with Microsoft", () => {
  test.each([
    ["AZURE_PENDING", [r("az", "Active", 1, "Microsoft Azure")], []],
    ["SERVICE_GAP", [r("az", "Suspended", 1, "Microsoft Azure")], []],
    ["NEW_NOT_ACTIVE", [r("az", "Suspended", 1, "Microsoft Azure")], [r("naz", "Pending", 1, "Azure plan")]],
  ] as [string, Sub[], Sub[]][])("%s", (verdict, old, neu) => {
    const run = new ExportSet().old("FR", "Contoso", old).new("Contoso", neu).run();
    expect(run.result.groups[0].verdict).toBe(verdict);
    expect(actionsOf(run).map(fields)).toEqual([["Contoso", "microsoft", "REQUEST_AZURE_MOVE", "azure", [], null, null, null]]);
    expect(actionsOf(run)[0].text).toBe("Ask Microsoft (Azure support) to move the Azure subscriptions of the company Contoso to the new account.");
  });
});

describe("line 12, Azure OLD_STILL_ACTIVE → CONFIRM_AZURE_SUSPENDED, one per old account with active or pending Azure rows", () => {
  test("each account with its own active or pending Azure subscription IDs; an account whose Azure is suspended gets none", () => {
    const run = new ExportSet()
      .old("NL", "Contoso", [r("nl1", "Active", 1, "Microsoft Azure"), r("nl2", "Pending", 1, "Microsoft Azure"), r("nl3", "Suspended", 1, "Microsoft Azure")])
      .old("FR", "Contoso", [r("fr1", "Active", 1, "Azure plan")])
      .old("DE", "Contoso", [r("de1", "Suspended", 1, "Azure plan")])
      .new("Contoso", [r("naz", "Active", 1, "Azure plan", { "Start date": "2026-11-17" })])
      .run();
    expect(actionsOf(run).map(fields)).toEqual([
      ["Contoso", "FR", "CONFIRM_AZURE_SUSPENDED", "azure", ["fr1"], null, null, 7],
      ["Contoso", "NL", "CONFIRM_AZURE_SUSPENDED", "azure", ["nl1", "nl2"], null, null, 7],
    ]);
  });
});

describe("line 13, SEATS_OVER → REVIEW_SEATS: N − R seats more than before", () => {
  test("N − R seats, the active new subscription IDs", () => {
    const run = new ExportSet().old("FR", "Contoso", [r("f1", "Suspended", 10)]).new("Contoso", [r("n1", "Active", 12)]).run();
    expect(only(run, "REVIEW_SEATS").map(fields)).toEqual([["Contoso", "new", "REVIEW_SEATS", "office 365 e3", ["n1"], 2, null, null]]);
  });
});

describe('line 14, DONE with the "reassign licenses" note → REASSIGN_LICENSES in the customer\'s tenant', () => {
  test("from the old offer names to the new one", () => {
    const run = new ExportSet()
      .offerMap([
        ["Intune", "Microsoft Intune Plan 1"],
        ["Microsoft Intune", "Microsoft Intune Plan 1"],
      ])
      .old("FR", "Contoso", [r("f1", "Suspended", 10, "Intune"), r("f2", "Suspended", 5, "Microsoft Intune")])
      .new("Contoso", [r("n1", "Active", 15, "Microsoft Intune Plan 1")])
      .run();
    expect(actionsOf(run).map((a) => [...fields(a), a.text])).toEqual([
      [
        "Contoso",
        "customer",
        "REASSIGN_LICENSES",
        "microsoft intune plan 1",
        [],
        null,
        null,
        null,
        "In the tenant of Contoso, move the users' licenses from Intune, Microsoft Intune to Microsoft Intune Plan 1.",
      ],
    ]);
  });

  test("not for a DONE group without the note", () => {
    const run = new ExportSet().old("FR", "Contoso", [r("f1", "Suspended", 10)]).new("Contoso", [r("n1", "Active", 10)]).run();
    expect(actionsOf(run)).toEqual([]);
  });
});

describe("CHECK_PROBLEM_ROW (ours, docs/DECISIONS.md): each §4 problem row the user did not exclude, in its account", () => {
  test("a Done customer flagged only by a problem row gets one action naming the row's subscription", () => {
    const run = new ExportSet()
      .old("FR", "Contoso", [r("f1", "Suspended", 5), r("f1", "Suspended", 5)])
      .old("NL", "Contoso", [r("l1", "Transferred", 5)])
      .new("Contoso", [r("n1", "Active", 5)])
      .run();
    expect(run.result.customers[0].verdict).toBe("DONE");
    expect(actionsOf(run).map((a) => [a.account, a.action, a.offer, a.subscriptionIds, a.text])).toEqual([
      [
        "FR",
        "CHECK_PROBLEM_ROW",
        null,
        ["f1"],
        "In account FR, check Office 365 E3 f1 of Contoso: its subscription ID is already in another row of the account, so it is not counted; correct the row in the workbook or mark it Exclude, then run again.",
      ],
      [
        "NL",
        "CHECK_PROBLEM_ROW",
        "office 365 e3",
        ["l1"],
        "In account NL, check Office 365 E3 l1 of Contoso: its status is not a known status, so it is not counted; correct the row in the workbook or mark it Exclude, then run again.",
      ],
    ]);
  });

  test("a row with several problems: one action that names them all", () => {
    const run = new ExportSet().old("FR", "Contoso", [r("f1", "Gone?", "x", "")]).run();
    expect(actionsOf(run).map((a) => a.text)).toEqual([
      "In account FR, check the subscription f1 of Contoso: its status is not a known status, so it is not counted; its quantity cannot be read, so its seats are not counted; its offer name is empty; correct the row in the workbook or mark it Exclude, then run again.",
    ]);
  });

  test("an excluded problem row calls for nothing; a new row's problem is checked in the new account", () => {
    const run = new ExportSet()
      .old("FR", "Contoso", [r("f1", "Suspended", 5), r("f2", "Active", "x", "Office 365 E3", { Decision: "Exclude" })])
      .new("Contoso", [r("f1", "Active", 5)])
      .run();
    expect(actionsOf(run).map((a) => [a.account, a.action, a.subscriptionIds])).toEqual([["new", "CHECK_PROBLEM_ROW", ["f1"]]]);
  });
});

describe("§8 order: SERVICE_GAP customers first, then customer severity, then table order within a customer", () => {
  const id = guid();
  const run = new ExportSet()
    .oldList("FR", [{ id, name: "Zeta (not exported, with a gap)" }])
    .old("NL", id, [r("z1", "Suspended", 5)])
    .old("FR", "Alpha (missing new)", [r("a1", "Active", 5)])
    .old("FR", "Beta (old still active)", [r("b1", "Active", 5), r("b2", "Suspended", 3, "Office 365 E1")])
    .new("Beta (old still active)", [r("nb1", "Active", 5), r("nb2", "Active", 1, "Office 365 E1")])
    .old("FR", "Gamma (gap)", [r("g1", "Suspended", 2)])
    .run();

  test("customers: those with a SERVICE_GAP group first (Summary order among them), then by the Summary's verdict order", () => {
    expect([...new Set(actionsOf(run).map((a) => a.customer))]).toEqual([
      "Zeta (not exported, with a gap)",
      "Gamma (gap)",
      "Beta (old still active)",
      "Alpha (missing new)",
    ]);
  });

  test("within a customer: the table's order (EXPORT_SUBSCRIPTIONS before the group actions; ADD_SEATS, line 7, before SUSPEND_OLD, line 8)", () => {
    expect(actionsOf(run).map((a) => [a.customer.split(" ")[0], a.action, a.offer])).toEqual([
      ["Zeta", "EXPORT_SUBSCRIPTIONS", null],
      ["Zeta", "CREATE_SUBSCRIPTION", "office 365 e3"],
      ["Gamma", "CREATE_SUBSCRIPTION", "office 365 e3"],
      ["Beta", "ADD_SEATS", "office 365 e1"],
      ["Beta", "SUSPEND_OLD", "office 365 e3"],
      ["Alpha", "CREATE_SUBSCRIPTION", "office 365 e3"],
    ]);
  });

  test("every action's line is ACTION_TABLE's, in ascending order within a customer", () => {
    const acts = actionsOf(run);
    for (let i = 1; i < acts.length; i++) if (acts[i].customerIndex === acts[i - 1].customerIndex) expect(acts[i].line).toBeGreaterThanOrEqual(acts[i - 1].line);
    expect(new Set(ACTION_TABLE.map((l) => l.n)).size).toBe(ACTION_TABLE.length);
  });
});

describe("an action's identity (the workbook keeps Done by it): customer, account, action, offer, sorted subscription IDs", () => {
  test("the same exports in another file order and ID case give the same keys; IDs are sorted", () => {
    const a = new ExportSet()
      .old("FR", "Contoso", [r("f1", "Active", 5)])
      .new("Contoso", [r("N2", "Pending", 3), r("n1", "Suspended", 2)])
      .run();
    const b = new ExportSet()
      .new("Contoso", [r("n1", "Suspended", 2), r("n2", "Pending", 3)])
      .old("FR", "Contoso", [r("F1", "Active", 5)])
      .run();
    expect(actionsOf(a).map((x) => x.key)).toEqual(actionsOf(b).map((x) => x.key));
    expect(actionsOf(a)[0].key).toBe(JSON.stringify(["name:contoso", "new", "ACTIVATE_SUBSCRIPTION", "office 365 e3", ["n1", "n2"]]));
  });

  test("differs by account, action, offer and IDs; REEXPORT_FILE keys carry the file", () => {
    const keys = [
      actionKey("id:x", "FR", "SUSPEND_OLD", "office 365 e3", ["a"], null),
      actionKey("id:x", "NL", "SUSPEND_OLD", "office 365 e3", ["a"], null),
      actionKey("id:x", "FR", "CANCEL_NCE", "office 365 e3", ["a"], null),
      actionKey("id:x", "FR", "SUSPEND_OLD", "office 365 e1", ["a"], null),
      actionKey("id:x", "FR", "SUSPEND_OLD", "office 365 e3", ["b"], null),
      actionKey("id:x", "FR", "REEXPORT_FILE", null, [], "from/FR/a.csv"),
      actionKey("id:x", "FR", "REEXPORT_FILE", null, [], "from/FR/b.csv"),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("still needed: the action's condition on the current data (what the Next steps sheet's live column computes)", () => {
  const input = new ExportSet()
    .old("FR", "Contoso", [r("f1", "Active", 5), r("f2", "Active", 5, "Office 365 E3", nce)])
    .new("Contoso", [r("n1", "Active", 10)])
    .input();
  const run = reconcile(input);
  const acts = deriveActions(run);
  /** The same input with one old row's Status cell changed, as a user edits it. */
  const withStatus = (id: string, status: string): EngineInput => ({
    ...input,
    subscriptions: input.subscriptions.map((s) => ({
      ...s,
      rows: s.rows.map((row) => (row.cells.includes(id) ? { ...row, cells: row.cells.map((c) => (c === "Active" ? status : c)) } : row)),
    })),
  });

  test("every derived action is still needed in the run that made it", () => {
    expect(acts.map((a) => [a.action, stillNeeded(run, a)])).toEqual([
      ["SUSPEND_OLD", true],
      ["CANCEL_NCE", true],
    ]);
  });

  test("SUSPEND_OLD turns to No once that old row's Status is Suspended; the nce row's CANCEL_NCE stays", () => {
    const after = reconcile(withStatus("f1", "Suspended"));
    expect(acts.map((a) => [a.action, stillNeeded(after, a)])).toEqual([
      ["SUSPEND_OLD", false],
      ["CANCEL_NCE", true],
    ]);
  });

  test("CANCEL_NCE stays needed when its row is suspended (suspended new commerce keeps billing), and ends when it is cancelled", () => {
    const suspended = reconcile(withStatus("f2", "Suspended"));
    const cancelled = reconcile(withStatus("f2", "Cancelled"));
    expect([stillNeeded(suspended, acts[1]), stillNeeded(cancelled, acts[1])]).toEqual([true, false]);
  });

  test("CHECK_PROBLEM_ROW: whether the row is a problem row is a fact of the run (as the Summary's Problems), until it is reconciled again", () => {
    const bad = new ExportSet().old("FR", "Contoso", [r("f1", "Active", "douze")]).new("Contoso", [r("n1", "Active", 5)]).input();
    const before = reconcile(bad);
    const check = deriveActions(before).filter((a) => a.action === "CHECK_PROBLEM_ROW");
    expect(check.map((a) => a.subscriptionIds)).toEqual([["f1"]]);
    const fixed = reconcile({
      ...bad,
      subscriptions: bad.subscriptions.map((s) => ({ ...s, rows: s.rows.map((row) => ({ ...row, cells: row.cells.map((c) => (c === "douze" ? "5" : c)) })) })),
    });
    // The workbook reads the row again only at the next run: still needed against the run that made it.
    expect([stillNeeded(fixed, check[0], before), stillNeeded(fixed, check[0])]).toEqual([true, false]);
  });

  test("STILL_NEEDED ORs the lines of a code: CANCEL_NCE holds under line 9 or line 10", () => {
    const cancel = STILL_NEEDED.CANCEL_NCE;
    expect(cancel.op).toBe("or");
    const facts = { customerVerdict: "NCE_STILL_BILLED", groupVerdict: "NCE_STILL_BILLED", azure: false, reassign: false, P: 0, rowStatus: "suspended", rowNce: true, accountA: 0, problemRow: false } as const;
    expect([evaluateAction(cancel, facts), evaluateAction(cancel, { ...facts, groupVerdict: "DONE" })]).toEqual([true, false]);
  });
});

describe("the bundled samples", () => {
  let acts: readonly Action[];
  let run: ReturnType<typeof reconcileImports>;
  beforeAll(async () => {
    run = reconcileImports((await scanFolder(path.join(__dirname, "..", "..", "samples"))).files, { asOf: "2026-11-24", fixedAsOf: true });
    acts = deriveActions(run.result);
  });

  test("every flagged customer has at least one action", () => {
    const withActions = new Set(acts.map((a) => a.customer));
    expect(run.result.customers.filter((c) => c.flagged && !withActions.has(c.name)).map((c) => c.name)).toEqual([]);
    // Not a vacuous check: most customers of the samples are flagged.
    expect(run.result.customers.filter((c) => c.flagged).length).toBe(17);
  });

  test("every action names an account, and the subscription IDs where the table says so", () => {
    for (const a of acts) {
      const line = ACTION_TABLE.find((l) => l.n === a.line)!;
      expect([a.action, a.account !== ""]).toEqual([a.action, true]);
      expect([a.action, line.subscriptionIds === "none" ? 0 : Math.min(1, a.subscriptionIds.length)]).toEqual([a.action, line.subscriptionIds === "none" ? 0 : 1]);
      if (line.subscriptionIds === "none") expect(a.subscriptionIds).toEqual([]);
    }
  });

  test("no two actions share a key, and no sentence keeps a placeholder", () => {
    expect(new Set(acts.map((a) => a.key)).size).toBe(acts.length);
    for (const a of acts) expect(a.text).not.toMatch(/[{}]/);
  });

  test("Lefèvre's Office 365 E3: let it expire on 2026-12-18 in account FR, 22 days of double billing", () => {
    expect(acts.filter((a) => a.customer === "Transports Lefèvre SA").map(fields)).toEqual([
      ["Transports Lefèvre SA", "FR", "SUSPEND_OLD", "office 365 e3", ["7cefd5c5-6385-4768-ae5d-eaa1ef2cd05a"], 40, "2026-12-18", 22],
    ]);
  });

  test("a partner can filter to one account: the old accounts' actions are all in FR, NL or DE", () => {
    expect([...new Set(acts.map((a) => a.account))].sort()).toEqual(["DE", "FR", "NL", "customer", "microsoft", "new"]);
  });
});

describe("the key digest the Next steps sheet keeps (its hidden Key column)", () => {
  test("16 hex digits, the same for the same key, different for the keys that differ", () => {
    const keys = [
      actionKey("id:x", "FR", "SUSPEND_OLD", "office 365 e3", ["a"], null),
      actionKey("id:x", "NL", "SUSPEND_OLD", "office 365 e3", ["a"], null),
      actionKey("id:x", "FR", "SUSPEND_OLD", "office 365 e3", ["b"], null),
      actionKey("id:y", "FR", "SUSPEND_OLD", "office 365 e3", ["a"], null),
    ];
    const digests = keys.map(actionKeyDigest);
    for (const d of digests) expect(d).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(digests).size).toBe(keys.length);
    expect(keys.map(actionKeyDigest)).toEqual(digests);
    // A digest read back from the sheet is its own digest: earlier full keys and digests look up alike.
    expect(digests.map(actionKeyDigest)).toEqual(digests);
  });

  test("no two of 200,000 distinct keys share a digest", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200_000; i++) seen.add(actionKeyDigest(actionKey(`id:${i % 1000}`, "FR", "SUSPEND_OLD", `offer ${i}`, [`${i}`], null)));
    expect(seen.size).toBe(200_000);
  });
});
