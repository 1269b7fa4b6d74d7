/**
 * Every kind of Next steps sentence the engine writes (spec §8): each line of the action table,
 * "let it expire", the NCE window open and closed, each problem-row reason, each kind of unreadable
 * file, actions with and without subscription IDs, an unreadable quantity. Made from export sets the
 * way a user's files make them. The pane's French and Dutch sentences are checked against it.
 */
import { Action, deriveActions } from "../../../src/domain/actions";
import { ExportSet, Sub, guid } from "../../domain/support/exports";

const r = (id: string, status: string, qty: string | number = 5, offer = "Office 365 E3", cols?: Sub["cols"]): Sub => ({ id, offer, qty: String(qty), status, cols });
const nce = { "Offer ID": "CFQ7TTC0LF8Q:0001:CFQ7TTC0KF6Q" };

export function engineActions(): Action[] {
  const id = guid();
  const sets: ExportSet[] = [
    // 1 EXPORT_SUBSCRIPTIONS (old and new account), 5 CREATE_SUBSCRIPTION.
    new ExportSet()
      .oldList("FR", [{ id, name: "Contoso" }])
      .oldList("DE", [{ id, name: "Contoso" }])
      .newList([{ id, name: "Contoso" }])
      .old("DE", "Contoso", [r("d1", "Active")]),
    // 2 REEXPORT_FILE: a missing column, an unreadable workbook, an empty file.
    new ExportSet()
      .raw("from/FR/Fabrikam.csv", [["ID d'abonnement", "Abonnement", "Qté", "État"], ["s1", "Office 365 E3", "5", "Actif"]])
      .raw("from/NL/Fabrikam.xlsx", null, "The file could not be read as an Excel workbook (.xlsx): it may be damaged, password-protected or saved in another format")
      .raw("from/DE/Fabrikam.csv", [])
      .new("Fabrikam", [r("n1", "Active")]),
    // 3 RESEND_RELATIONSHIP.
    new ExportSet().newList([{ id: guid(), name: "Somebody else" }]).old("FR", "Tailspin", [r("f1", "Suspended")]),
    // 4 CREATE_SUBSCRIPTION now (service gap).
    new ExportSet().old("FR", "Northwind", [r("f1", "Suspended", 7)]),
    // 6 ACTIVATE_SUBSCRIPTION, 7 ADD_SEATS, 13 REVIEW_SEATS.
    new ExportSet().old("FR", "Litware", [r("f1", "Active", 5)]).new("Litware", [r("n1", "Pending", 3), r("n2", "Suspended", 2)]),
    new ExportSet().old("FR", "Proseware", [r("f1", "Suspended", 20)]).new("Proseware", [r("n1", "Active", 10)]),
    new ExportSet().old("FR", "Adatum", [r("f1", "Suspended", 10)]).new("Adatum", [r("n1", "Active", 12)]),
    // 8 SUSPEND_OLD with the days of double billing; and "let it expire"; 9 CANCEL_NCE, window open and closed.
    new ExportSet()
      .old("FR", "Wingtip", [
        r("f1", "Active", 40, "Office 365 E3", { "Commitment end date": "2026-12-18" }),
        r("f2", "Active", 10),
        r("f3", "Active", 5, "Office 365 E3", { ...nce, "Creation date": "2026-11-20" }),
      ])
      .new("Wingtip", [r("n1", "Active", 60, "Office 365 E3", { "Start date": "2026-11-02" })]),
    new ExportSet().old("FR", "Trey", [r("t1", "Active", 5, "Office 365 E3", { ...nce, "Start date": "2025-03-01" })]).new("Trey", [r("n1", "Active", 5)]),
    // 10 CANCEL_NCE of a suspended nce row.
    new ExportSet().old("FR", "Fourth Coffee", [r("f1", "Suspended", 10, "Office 365 E3", nce)]).new("Fourth Coffee", [r("n1", "Active", 10)]),
    // 11 REQUEST_AZURE_MOVE, 12 CONFIRM_AZURE_SUSPENDED.
    new ExportSet().old("FR", "Blue Yonder", [r("az", "Active", 1, "Microsoft Azure")]),
    new ExportSet().old("NL", "Coho", [r("nl1", "Active", 1, "Microsoft Azure")]).new("Coho", [r("naz", "Active", 1, "Azure plan", { "Start date": "2026-11-17" })]),
    // 14 REASSIGN_LICENSES.
    new ExportSet()
      .offerMap([["Intune", "Microsoft Intune Plan 1"]])
      .old("FR", "Relecloud", [r("f1", "Suspended", 10, "Intune")])
      .new("Relecloud", [r("n1", "Active", 10, "Microsoft Intune Plan 1")]),
    // 15 CHECK_PROBLEM_ROW: each reason; an old row with an unreadable quantity that still bills (seats unreadable).
    new ExportSet()
      .old("FR", "Graphic", [r("f1", "Suspended", 5), r("f1", "Suspended", 5), r("f9", "Gone?", "x", "")])
      .old("NL", "Graphic", [r("f1", "Suspended", 5), r("l1", "Transferred", 5)])
      .new("Graphic", [r("f1", "Active", 5)]),
    new ExportSet().old("FR", "Alpine", [r("a1", "Active", "x")]).new("Alpine", [r("n1", "Active", 5)]),
    // An export without subscription IDs: sentences name the offer only.
    new ExportSet().old("FR", "Nod", [r("", "Active", 5)]).new("Nod", [r("", "Active", 5)]),
  ];
  return sets.flatMap((s) => deriveActions(s.run("2026-11-24").result));
}
