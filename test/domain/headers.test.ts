/**
 * Spec §2.1, §2.2, §7.1, §7.16: header recognition of subscription exports and customer lists.
 */
import { Cell } from "../../src/domain/cells";
import {
  classifyHeader,
  headerRowIndex,
  missingRequired,
  recogniseCustomerListHeader,
  recogniseSubscriptionHeader,
  SubscriptionField,
} from "../../src/domain/headers";
import { detectKind, importFiles } from "../../src/domain/importer";
import { CUSTOMER_HEADERS, LANGUAGES, SUBSCRIPTION_HEADERS } from "../support/languages";
import { ExportSet, importFile, onlyGroup, rowsOf } from "./support/exports";

const SUB_FIELDS: SubscriptionField[] = ["subscriptionId", "offerName", "quantity", "status", "reseller"];

describe("§2.1 subscription headers: every language of the spec table", () => {
  test.each(LANGUAGES)("%s", (lang) => {
    const map = recogniseSubscriptionHeader(SUBSCRIPTION_HEADERS[lang]);
    expect(map.fields).toEqual({ subscriptionId: 0, offerName: 1, quantity: 2, status: 3, reseller: 4 });
    expect(map.extras).toEqual([]);
    expect(missingRequired(map)).toEqual([]);
  });

  test.each(LANGUAGES)("%s export is read end to end (old rows in that language, new rows in English)", (lang) => {
    const set = new ExportSet()
      .old("X", "Contoso", [], SUBSCRIPTION_HEADERS[lang])
      .new("Contoso", [{ offer: "Office 365 E3", qty: "10", status: "Active" }]);
    // The builder writes the header of the chosen language; the row uses English status words (accepted everywhere).
    set.files[0] = importFile("from/X/Contoso.csv", [
      [...SUBSCRIPTION_HEADERS[lang]],
      ["a1b2", "Office 365 E3", "10", "Suspended", ""],
    ]);
    const { result } = set.run();
    expect(result.problems).toEqual([]);
    const g = onlyGroup(result);
    expect(g.offerKey).toBe("office 365 e3");
    expect([g.totals.R, g.totals.N, g.totals.S]).toEqual([10, 10, 1]);
    expect(g.verdict).toBe("DONE");
  });
});

describe("§2.2 / §7.16 customer-list headers: every language", () => {
  test.each(LANGUAGES)("%s", (lang) => {
    const map = recogniseCustomerListHeader([...CUSTOMER_HEADERS[lang], "Tags"]);
    expect(map.fields).toEqual({ microsoftId: 0, companyName: 1, domain: 2, relationship: 3, tags: 4 });
  });

  test.each(LANGUAGES)("a %s list is recognised by its Microsoft ID column", (lang) => {
    expect(classifyHeader(CUSTOMER_HEADERS[lang])).toBe("customers");
    expect(detectKind("dropped-list.csv", [CUSTOMER_HEADERS[lang]])).toBe("customers");
    expect(classifyHeader(SUBSCRIPTION_HEADERS[lang])).toBe("subscriptions");
  });

  test("the Dutch doc's split spellings \"Micro soft-id\" and \"Bedrijfs naam\" read the same", () => {
    const map = recogniseCustomerListHeader(["Micro soft-id", "Bedrijfs naam", "Primaire domeinnaam"]);
    expect(map.fields).toEqual({ microsoftId: 0, companyName: 1, domain: 2 });
  });

  test("German alternatives Unternehmensname and Name der primären Domäne", () => {
    expect(recogniseCustomerListHeader(["Microsoft-ID", "Unternehmensname", "Name der primären Domäne"]).fields).toEqual({
      microsoftId: 0,
      companyName: 1,
      domain: 2,
    });
  });
});

describe("§2.1 matching is case, accent, spacing and punctuation insensitive", () => {
  const cases: [string, SubscriptionField][] = [
    ["SUBSCRIPTION ID", "subscriptionId"],
    ["subscription id", "subscriptionId"],
    ["SubscriptionID", "subscriptionId"],
    ["Subscription-ID", "subscriptionId"],
    ["subscription_id", "subscriptionId"],
    ["  Subscription   ID : ", "subscriptionId"],
    ["ID d’abonnement", "subscriptionId"], // typographic apostrophe
    ["id dabonnement", "subscriptionId"],
    ["Id de suscripcion", "subscriptionId"],
    ["ABONNEMENT-ID", "subscriptionId"],
    ["サブスクリプション\u3000ID", "subscriptionId"], // ideographic space
    ["Quantite", "quantity"],
    ["QUANTITÉ", "quantity"],
    ["Quantita", "quantity"],
    ["Etat", "status"],
    ["ÉTAT", "status"],
    ["état.", "status"],
    ["Handler", "reseller"],
    ["HÄNDLER", "reseller"],
    ["Suscripcion", "offerName"],
    ["\u00A0Subscription\u00A0", "offerName"],
  ];
  test.each(cases)("%j is %s", (header, field) => {
    const map = recogniseSubscriptionHeader([header]);
    expect(map.fields).toEqual({ [field]: 0 });
  });

  test("a header that only resembles one is not recognised, and is kept as an extra", () => {
    const map = recogniseSubscriptionHeader(["Subscriptions ID", "Quantities", "State"]);
    expect(map.fields).toEqual({});
    expect(map.extras.map((e) => e.header)).toEqual(["Subscriptions ID", "Quantities", "State"]);
  });
});

describe("§2.1 optional columns, in several spellings", () => {
  const spellings: Record<Exclude<SubscriptionField, (typeof SUB_FIELDS)[number] | "decision">, string[]> = {
    offerId: ["Offer ID", "OfferId", "ID de l'offre", "Angebots-ID", "Aanbiedings-id", "ID offerta", "ID da oferta", "Id. de oferta"],
    customerName: ["Customer", "Customer name", "Company name", "Nom de la société", "Firmenname", "Bedrijfsnaam", "会社名"],
    microsoftId: ["Microsoft ID", "ID Microsoft", "Microsoft-ID", "Tenant ID", "Customer tenant ID"],
    domain: ["Domain", "Domain name", "Primary domain name", "Nom de domaine principal", "Primaire domeinnaam"],
    friendlyName: ["Friendly name", "Nickname", "Nom convivial", "Anzeigename"],
    term: ["Term", "Term duration", "TermDuration", "Laufzeit", "Durée"],
    billingCycle: ["Billing cycle", "Billing frequency", "Cycle de facturation", "Abrechnungszyklus", "Factureringscyclus"],
    startDate: ["Creation date", "Start date", "Date de création", "Erstellungsdatum", "Fecha de inicio"],
    endDate: ["Commitment end date", "Date de fin d'engagement", "Enddatum", "Einddatum toezegging", "End date"],
    autoRenew: ["Auto-renew", "Auto renew", "AutoRenewEnabled", "Renouvellement automatique", "Automatische Verlängerung"],
    unitType: ["Unit type", "UnitType", "Billing type", "Type d'unité", "Einheitentyp"],
  };
  for (const [field, labels] of Object.entries(spellings) as [SubscriptionField, string[]][]) {
    test.each(labels)(`${field}: %j`, (label) => {
      const map = recogniseSubscriptionHeader([...SUBSCRIPTION_HEADERS.en, label]);
      expect(map.fields[field]).toBe(5);
      expect(map.extras).toEqual([]);
    });
  }

  test("Reseller is optional: a file without it is read", () => {
    const { result } = new ExportSet()
      .raw("from/X/Contoso.csv", [
        ["Subscription ID", "Subscription", "Quantity", "Status"],
        ["s1", "Office 365 E1", "3", "Active"],
      ])
      .run();
    expect(result.problems).toEqual([]);
    expect(onlyGroup(result).totals.R).toBe(3);
  });
});

describe("§7.1 required columns", () => {
  test.each(["subscriptionId", "offerName", "quantity", "status"] as const)("without %s the header misses exactly that required column", (field) => {
    const header = SUBSCRIPTION_HEADERS.en.filter((_, i) => SUB_FIELDS[i] !== field);
    expect(missingRequired(recogniseSubscriptionHeader(header))).toEqual([field]);
  });
});

describe("§2.1 extra, duplicated and reordered columns", () => {
  test("unrecognised columns are kept as extras with their header text", () => {
    const map = recogniseSubscriptionHeader(["Notes", ...SUBSCRIPTION_HEADERS.en, "Internal ref", ""]);
    expect(map.fields).toEqual({ subscriptionId: 1, offerName: 2, quantity: 3, status: 4, reseller: 5 });
    expect(map.extras).toEqual([
      { index: 0, header: "Notes" },
      { index: 6, header: "Internal ref" },
    ]);
  });

  test("imported extra columns stay on the account's sheet, and so do cells beyond the header", () => {
    const imported = importFiles([
      importFile("from/FR/Contoso.csv", [
        ["Subscription ID", "Notes", "Subscription", "Quantity", "Status"],
        ["s1", "keep me", "Office 365 E3", "5", "Active", "stray cell"],
      ]),
    ]);
    const sheet = imported.sheets[0];
    expect(sheet.rows[0]).toEqual(["Source file", "Source row", "Subscription ID", "Notes", "Subscription", "Quantity", "Status", "Column 6"]);
    expect(sheet.rows[1]).toEqual(["from/FR/Contoso.csv", 2, "s1", "keep me", "Office 365 E3", 5, "Active", "stray cell"]);
  });

  test("a repeated column: the first one is read, the repeat is kept as an extra (code's choice)", () => {
    const header = ["Subscription ID", "Subscription", "Quantity", "Status", "Quantity"];
    const map = recogniseSubscriptionHeader(header);
    expect(map.fields.quantity).toBe(2);
    expect(map.extras).toEqual([{ index: 4, header: "Quantity" }]);
    const { result } = new ExportSet().raw("from/X/Contoso.csv", [header, ["s1", "Office 365 E3", "7", "Active", "99"]]).run();
    expect(onlyGroup(result).totals.R).toBe(7);
    // The repeat survives the import as it was written (only the read Quantity column becomes a number).
    expect(result.sources[0].rows[0].cells).toEqual(["from/X/Contoso.csv", 2, "s1", "Office 365 E3", 7, "Active", "99"]);
  });

  test("columns in any order are read by their headers", () => {
    const { result } = new ExportSet()
      .raw("from/X/Contoso.csv", [
        ["Status", "Reseller", "Quantity", "Subscription", "Subscription ID"],
        ["Suspended", "", "12", "Office 365 E1", "s1"],
      ])
      .raw("to/Contoso.csv", [
        ["Quantity", "Subscription ID", "Status", "Subscription"],
        ["12", "n1", "Active", "Office 365 E1"],
      ])
      .run();
    const g = onlyGroup(result);
    expect(g.offerKey).toBe("office 365 e1");
    expect([g.totals.R, g.totals.N, g.totals.S]).toEqual([12, 12, 1]);
    expect(g.verdict).toBe("DONE");
  });

  test("files of one account with different column orders and sets are merged by header, not by position", () => {
    const { result } = new ExportSet()
      .raw("from/X/A.csv", [
        ["Subscription ID", "Subscription", "Quantity", "Status"],
        ["s1", "Office 365 E1", "3", "Active"],
      ])
      .raw("from/X/B.csv", [
        ["Status", "Offer ID", "Quantity", "Subscription", "Subscription ID"],
        ["Active", "MS-AZR-0145P", "", "Anything", "s2"],
      ])
      .run();
    expect(result.problems).toEqual([]);
    const [a] = rowsOf(result, "from/X/A.csv");
    const [b] = rowsOf(result, "from/X/B.csv");
    expect([a.offerName, a.quantity, a.azure]).toEqual(["Office 365 E1", { ok: true, value: 3 }, false]);
    expect([b.offerName, b.azure, b.status]).toEqual(["Anything", true, "active"]);
  });
});

describe("§7.1 the header row is the first non-empty row", () => {
  test("headerRowIndex skips empty rows and rows of blank cells", () => {
    const grid: Cell[][] = [[], ["", "  ", null], ["Subscription ID"], ["x"]];
    expect(headerRowIndex(grid)).toBe(2);
    expect(headerRowIndex([[], [""]])).toBe(-1);
  });

  test("data rows below a late header are read and keep their spreadsheet row numbers", () => {
    const { result } = new ExportSet()
      .raw("from/X/Contoso.csv", [[], ["", ""], [...SUBSCRIPTION_HEADERS.en], ["s1", "Office 365 E1", "x", "Active", ""]])
      .run();
    expect(result.problems.map((p) => [p.code, p.row])).toEqual([["BAD_QUANTITY", 4]]);
    expect(onlyGroup(result).totals.A).toBe(1);
  });
});
