/**
 * A workbook as a partner might have it before importing anything: two exports opened in Excel
 * (one per account) and an unrelated sheet, typed in as a user would (numbers as numbers).
 * Used by the development page (?workbook=sheets).
 */
export const SAMPLE_SHEETS: readonly { readonly name: string; readonly rows: readonly (readonly (string | number | null)[])[] }[] = [
  {
    name: "FR - Transports Lefèvre SA",
    rows: [
      ["ID d'abonnement", "Abonnement", "Quantité", "État", "Revendeur", "Date de création", "Date de fin d'engagement"],
      ["7cefd5c5-6385-4768-ae5d-eaa1ef2cd05a", "Office 365 E3", 40, "Actif", null, "14/03/2024", "18/12/2026"],
      ["7b9ea66e-083b-4317-b614-c6aa1bfc22ea", "Office 365 E1", 25, "Suspendu", null, "14/09/2022", "14/09/2027"],
    ],
  },
  {
    name: "transportslefevre (new)",
    rows: [
      ["Subscription ID", "Subscription", "Quantity", "Status", "Reseller", "Offer ID", "Term", "Start date"],
      ["6ec72bdb-fe59-4e9b-a494-467745241ae5", "Office 365 E3", 40, "Active", null, "CFQ7TTC0LF8Q:0001:CFQ7TTC0KF6Q", "P1Y", "2026-11-02"],
      ["3bbe194c-84e1-483f-84d7-97e9c93c794c", "Office 365 E1", 20, "Active", null, "CFQ7TTC0LF8R:0001:CFQ7TTC0KBPT", "P1Y", "2026-10-01"],
    ],
  },
  { name: "Notes", rows: [["Call Contoso about the move on Monday"]] },
];
