/**
 * Header recognition for Partner Center exports in every language of the spec (§2.1, §2.2,
 * §7.16). Labels come from the localized Partner Center docs (research/domain.md §1.4) plus
 * the usual spellings of the optional columns. Matching is by `headerKey`: case, accents,
 * spacing and punctuation insensitive. Columns that are not recognised are kept as extras.
 */
import { Cell, cellText, isBlank } from "./cells";
import { headerKey } from "./text";

export type SubscriptionField =
  | "subscriptionId"
  | "offerName"
  | "quantity"
  | "status"
  | "reseller"
  | "offerId"
  | "customerName"
  | "microsoftId"
  | "domain"
  | "friendlyName"
  | "term"
  | "billingCycle"
  | "startDate"
  | "endDate"
  | "autoRenew"
  | "unitType"
  /** The product's own decision column ("Exclude"), added beside the export data. */
  | "decision";

export type CustomerListField = "microsoftId" | "companyName" | "domain" | "relationship" | "tags";

export const REQUIRED_SUBSCRIPTION_FIELDS: readonly SubscriptionField[] = [
  "subscriptionId",
  "offerName",
  "quantity",
  "status",
];

/** Spec §2.1 table (en fr de es it pt nl ja), then other spellings seen in the wild. */
const SUBSCRIPTION_LABELS: Record<SubscriptionField, readonly string[]> = {
  subscriptionId: [
    "Subscription ID", "ID d'abonnement", "Abonnement-ID", "Id. de suscripción", "ID sottoscrizione",
    "ID da assinatura", "Abonnements-id", "サブスクリプション ID",
    "SubscriptionId", "Subscription Identifier", "Identifiant d'abonnement", "ID de suscripción",
    "ID abbonamento", "Id van abonnement", "Abonnement-id",
  ],
  offerName: [
    "Subscription", "Abonnement", "Suscripción", "Sottoscrizione", "Assinatura", "サブスクリプション",
    "Subscription name", "Offer name", "OfferName", "Product name", "Nom de l'abonnement", "Nom de l'offre",
    "Abonnementname", "Angebotsname", "Nombre de la oferta", "Nome offerta", "Nome da oferta",
    "Naam van aanbieding", "Abonnementsnaam", "Abbonamento",
  ],
  quantity: [
    "Quantity", "Quantité", "Menge", "Cantidad", "Quantità", "Quantidade", "Aantal", "数量",
    "Licenses", "Seats", "Licences", "Anzahl", "Lizenzen", "Licencias", "Licenze", "Licenças", "Licenties",
  ],
  status: [
    "Status", "État", "Estado", "Stato", "状態", "Statut", "Subscription status", "Zustand",
  ],
  reseller: [
    "Reseller", "Revendeur", "Händler", "Revendedor", "Rivenditore", "Wederverkoper", "リセラー",
    "Indirect reseller", "Reseller ID", "Wiederverkäufer",
  ],
  offerId: [
    "Offer ID", "OfferId", "Product ID", "ID de l'offre", "ID d'offre", "Angebots-ID", "Angebot-ID",
    "Id. de oferta", "ID de oferta", "ID offerta", "ID da oferta", "Aanbiedings-id", "Aanbieding-id",
    "オファー ID", "Catalog item ID", "SKU ID",
  ],
  customerName: [
    "Customer", "Customer name", "Company name", "Company", "Client", "Nom du client", "Nom de la société",
    "Kunde", "Kundenname", "Firmenname", "Unternehmensname", "Cliente", "Nombre del cliente",
    "Nombre de la empresa", "Nome cliente", "Nome azienda", "Nome do cliente", "Nome da empresa",
    "Klant", "Klantnaam", "Bedrijfsnaam", "顧客", "顧客名", "会社名",
  ],
  microsoftId: [
    "Microsoft ID", "ID Microsoft", "Microsoft-ID", "Id. de Microsoft", "ID da Microsoft", "Microsoft-id",
    "Customer ID", "Customer tenant ID", "Tenant ID", "CustomerTenantId", "Mandanten-ID",
    "ID du locataire", "ID de inquilino", "ID tenant", "Tenant-id", "テナント ID",
  ],
  domain: [
    "Domain", "Domain name", "Primary domain name", "Primary domain", "Domaine", "Nom de domaine",
    "Nom de domaine principal", "Domäne", "Domänenname", "Primärer Domänenname", "Name der primären Domäne",
    "Dominio", "Nombre de dominio principal", "Nome dominio primario", "Domínio", "Nome de domínio primário",
    "Domein", "Domeinnaam", "Primaire domeinnaam", "ドメイン", "プライマリ ドメイン名",
  ],
  friendlyName: [
    "Friendly name", "Nickname", "Nom convivial", "Anzeigename", "Nombre descriptivo", "Nome descrittivo",
    "Nome amigável", "Beschrijvende naam", "Weergavenaam", "フレンドリ名",
  ],
  term: [
    "Term", "Term duration", "TermDuration", "Commitment term", "Durée", "Durée de l'engagement",
    "Durée d'engagement", "Laufzeit", "Plazo", "Duración", "Durata", "Prazo", "Termijn", "Looptijd", "期間",
  ],
  billingCycle: [
    "Billing cycle", "Billing frequency", "Billing plan", "Cycle de facturation", "Fréquence de facturation",
    "Abrechnungszyklus", "Abrechnungshäufigkeit", "Ciclo de facturación", "Frecuencia de facturación",
    "Ciclo di fatturazione", "Frequenza di fatturazione", "Ciclo de cobrança", "Frequência de cobrança",
    "Factureringscyclus", "Factureringsfrequentie", "請求サイクル", "請求頻度",
  ],
  startDate: [
    "Creation date", "Created", "Created date", "Start date", "Effective start date", "Purchase date",
    "Date de création", "Date de début", "Erstellungsdatum", "Erstellt am", "Startdatum", "Fecha de creación",
    "Fecha de inicio", "Data di creazione", "Data di inizio", "Data de criação", "Data de início",
    "Aanmaakdatum", "Begindatum", "Gemaakt op", "作成日", "開始日",
  ],
  endDate: [
    "Commitment end date", "End date", "Expiration date", "Renewal date", "Term end date",
    "Date de fin d'engagement", "Date de fin", "Date d'expiration", "Date de renouvellement",
    "Enddatum der Verpflichtung", "Enddatum", "Ablaufdatum", "Verlängerungsdatum",
    "Fecha de finalización del compromiso", "Fecha de finalización", "Fecha de vencimiento",
    "Data di fine impegno", "Data di fine", "Data di scadenza", "Data de término do compromisso",
    "Data de término", "Data de expiração", "Einddatum toezegging", "Einddatum", "Vervaldatum",
    "コミットメント終了日", "終了日", "有効期限",
  ],
  autoRenew: [
    "Auto-renew", "Auto renew", "Auto renewal", "Auto-renewal", "AutoRenewEnabled", "Renouvellement automatique",
    "Automatische Verlängerung", "Renovación automática", "Rinnovo automatico", "Renovação automática",
    "Automatisch verlengen", "Automatische verlenging", "自動更新",
  ],
  unitType: [
    "Unit type", "UnitType", "Billing type", "Type d'unité", "Type de facturation", "Einheitentyp",
    "Abrechnungstyp", "Tipo de unidad", "Tipo de facturación", "Tipo di unità", "Tipo di fatturazione",
    "Tipo de unidade", "Tipo de cobrança", "Eenheidstype", "Factureringstype", "単位の種類", "課金タイプ",
  ],
  decision: ["Decision"],
};

/** Spec §2.2 and research/domain.md §1.4. */
const CUSTOMER_LIST_LABELS: Record<CustomerListField, readonly string[]> = {
  microsoftId: SUBSCRIPTION_LABELS.microsoftId,
  companyName: [
    "Company name", "Nom de la société", "Firmenname", "Unternehmensname", "Nombre de la empresa",
    "Nome azienda", "Nome da empresa", "Bedrijfsnaam", "会社名", "Customer name", "Company", "Customer",
    "Nom du client", "Kundenname", "Klantnaam",
  ],
  domain: SUBSCRIPTION_LABELS.domain,
  relationship: [
    "Relationship", "Relation", "Beziehung", "Relación", "Relazione", "Relacionamento", "Relatie", "関係",
  ],
  tags: ["Tags", "Étiquettes", "Etiketten", "Etiquetas", "Tag", "タグ", "标签", "标记"],
};

function keyIndex<F extends string>(labels: Record<F, readonly string[]>): Map<string, F> {
  const index = new Map<string, F>();
  for (const field of Object.keys(labels) as F[]) {
    for (const label of labels[field]) {
      const key = headerKey(label);
      if (!index.has(key)) index.set(key, field);
    }
  }
  return index;
}

const SUBSCRIPTION_INDEX = keyIndex(SUBSCRIPTION_LABELS);
const CUSTOMER_LIST_INDEX = keyIndex(CUSTOMER_LIST_LABELS);

export interface HeaderMap<F extends string> {
  /** Column index of each recognised field; the first column wins when a field repeats. */
  readonly fields: Partial<Record<F, number>>;
  /** Columns not recognised (or repeats), kept with their header text. */
  readonly extras: readonly { index: number; header: string }[];
  readonly headers: readonly string[];
}

function recognise<F extends string>(row: readonly Cell[], index: Map<string, F>): HeaderMap<F> {
  const fields: Partial<Record<F, number>> = {};
  const extras: { index: number; header: string }[] = [];
  const headers = row.map((c) => cellText(c).trim());
  headers.forEach((header, i) => {
    const field = index.get(headerKey(header));
    if (field !== undefined && fields[field] === undefined) fields[field] = i;
    else if (header !== "") extras.push({ index: i, header });
  });
  return { fields, extras, headers };
}

export function recogniseSubscriptionHeader(row: readonly Cell[]): HeaderMap<SubscriptionField> {
  return recognise(row, SUBSCRIPTION_INDEX);
}

export function recogniseCustomerListHeader(row: readonly Cell[]): HeaderMap<CustomerListField> {
  return recognise(row, CUSTOMER_LIST_INDEX);
}

export function missingRequired(map: HeaderMap<SubscriptionField>): SubscriptionField[] {
  return REQUIRED_SUBSCRIPTION_FIELDS.filter((f) => map.fields[f] === undefined);
}

/** Spec §7.1: the header row is the first non-empty row. */
export function headerRowIndex(rows: readonly (readonly Cell[])[]): number {
  return rows.findIndex((r) => r.some((c) => !isBlank(c)));
}

export type TableKind = "subscriptions" | "customers" | "billing" | "unknown";

/**
 * What a header row looks like, for finding exports among the sheets of a workbook: a
 * reconciliation (billing) file first, because its header also holds a SubscriptionId, an
 * OfferName and a Quantity (§9); two of the four required subscription columns make a
 * subscription export (so that one missing column is reported rather than the sheet ignored);
 * a Microsoft ID column without a subscription ID column makes a customer list (§7.16).
 */
export function classifyHeader(row: readonly Cell[]): TableKind {
  if (isBillingHeader(row)) return "billing";
  const sub = recogniseSubscriptionHeader(row);
  const present = REQUIRED_SUBSCRIPTION_FIELDS.filter((f) => sub.fields[f] !== undefined).length;
  if (sub.fields.subscriptionId !== undefined && present >= 2) return "subscriptions";
  if (present >= 3) return "subscriptions";
  const cust = recogniseCustomerListHeader(row);
  if (cust.fields.microsoftId !== undefined && (cust.fields.companyName !== undefined || cust.fields.domain !== undefined)) {
    return "customers";
  }
  return "unknown";
}

export const FIELD_LABEL_EN: Record<SubscriptionField, string> = {
  subscriptionId: "Subscription ID",
  offerName: "Subscription",
  quantity: "Quantity",
  status: "Status",
  reseller: "Reseller",
  offerId: "Offer ID",
  customerName: "Customer",
  microsoftId: "Microsoft ID",
  domain: "Domain",
  friendlyName: "Friendly name",
  term: "Term",
  billingCycle: "Billing cycle",
  startDate: "Start date",
  endDate: "Commitment end date",
  autoRenew: "Auto-renew",
  unitType: "Unit type",
  decision: "Decision",
};

/**
 * The cells whose text identifies a row: if any changes after a run (an edit, or a sort of
 * the sheet), the row's group may be wrong and the workbook asks for a re-run.
 */
export const KEY_FIELDS: readonly SubscriptionField[] = [
  "subscriptionId",
  "offerName",
  "offerId",
  "microsoftId",
  "customerName",
  "domain",
];

export function keyColumns(map: HeaderMap<SubscriptionField>): number[] {
  return KEY_FIELDS.map((f) => map.fields[f]).filter((i): i is number => i !== undefined);
}

// ---- Reconciliation (invoice) files, spec §9 ------------------------------------------------

/**
 * Columns of Partner Center's reconciliation files that the money view reads, with the names
 * the docs give them (research/domain.md §1.6). They are API field names, never localized;
 * matched by `headerKey` (case, space and punctuation insensitive), so the docs' own
 * "Syndication_Partner_Subscription_Number" spelling matches too.
 */
export type BillingField =
  /** Legacy file: the Partner Center subscription ID (the legacy `SubscriptionId` is a billing ID). */
  | "partnerSubscriptionNumber"
  /** New-commerce file: the Partner Center subscription ID. */
  | "subscriptionId"
  | "chargeStartDate"
  | "chargeEndDate"
  | "subtotal"
  | "amount"
  | "total"
  | "currency"
  /** What tells one charge from another when two files hold the same line (docs/DECISIONS.md). */
  | "chargeType"
  | "quantity"
  /** Columns only the legacy file has, so that a legacy file without its key column is not read as new commerce. */
  | "durableOfferId"
  | "totalForCustomer"
  /** Columns only the new-commerce file has. */
  | "productId"
  | "skuId"
  | "availabilityId";

const BILLING_LABELS: Record<BillingField, readonly string[]> = {
  partnerSubscriptionNumber: ["SyndicationPartnerSubscriptionNumber"],
  subscriptionId: ["SubscriptionId"],
  chargeStartDate: ["ChargeStartDate"],
  chargeEndDate: ["ChargeEndDate"],
  subtotal: ["Subtotal"],
  amount: ["Amount"],
  total: ["Total"],
  currency: ["Currency"],
  chargeType: ["ChargeType"],
  quantity: ["Quantity"],
  durableOfferId: ["DurableOfferId"],
  totalForCustomer: ["TotalForCustomer"],
  productId: ["ProductId"],
  skuId: ["SkuId"],
  availabilityId: ["AvailabilityId"],
};

const BILLING_INDEX = keyIndex(BILLING_LABELS);

export type BillingKind = "legacy" | "nce";

export interface BillingHeader {
  readonly map: HeaderMap<BillingField>;
  /** Null when the header is neither file kind. */
  readonly kind: BillingKind | null;
  /** Columns read per line, null where the file lacks them. */
  readonly key: number | null;
  readonly start: number | null;
  readonly end: number | null;
  /** Subtotal, else Amount, else Total (§9). */
  readonly amount: number | null;
  readonly amountField: "subtotal" | "amount" | "total" | null;
  readonly currency: number | null;
  /** What the file lacks, in words, for the MISSING_COLUMN problem; empty when it can be read. */
  readonly missing: readonly string[];
}

/**
 * The kind of reconciliation file a header row belongs to, and where its columns are. The
 * legacy license-based file is known by its key column or by columns only it has; any other
 * file with a billing column (a charge date, Subtotal, Currency, a product or SKU ID) is the
 * new-commerce invoice file, whose key is `SubscriptionId` (§9).
 */
export function recogniseBillingHeader(row: readonly Cell[]): BillingHeader {
  const map = recognise(row, BILLING_INDEX);
  const f = map.fields;
  // A bare SubscriptionId is not enough: a subscription export has one too.
  const billingColumn = [f.chargeStartDate, f.chargeEndDate, f.subtotal, f.currency, f.productId, f.skuId, f.availabilityId].some((i) => i !== undefined);
  const kind: BillingKind | null =
    f.partnerSubscriptionNumber !== undefined || f.durableOfferId !== undefined || f.totalForCustomer !== undefined
      ? "legacy"
      : billingColumn
        ? "nce"
        : null;
  const keyAt = kind === "legacy" ? f.partnerSubscriptionNumber : kind === "nce" ? f.subscriptionId : undefined;
  const amountField = f.subtotal !== undefined ? "subtotal" : f.amount !== undefined ? "amount" : f.total !== undefined ? "total" : null;
  const missing: string[] = [];
  if (keyAt === undefined) {
    missing.push(
      kind === "legacy"
        ? "SyndicationPartnerSubscriptionNumber (the legacy file's SubscriptionId is a billing ID, not the Partner Center subscription ID)"
        : kind === "nce"
          ? "SubscriptionId"
          : "SyndicationPartnerSubscriptionNumber or SubscriptionId",
    );
  }
  if (f.chargeStartDate === undefined) missing.push("ChargeStartDate");
  if (f.chargeEndDate === undefined) missing.push("ChargeEndDate");
  if (amountField === null) missing.push("Subtotal (or Amount, or Total)");
  if (f.currency === undefined) missing.push("Currency");
  return {
    map,
    kind,
    key: keyAt ?? null,
    start: f.chargeStartDate ?? null,
    end: f.chargeEndDate ?? null,
    amount: amountField === null ? null : f[amountField]!,
    amountField,
    currency: f.currency ?? null,
    missing,
  };
}

/** A reconciliation file's header: its legacy key column, or a charge period column. */
export function isBillingHeader(row: readonly Cell[]): boolean {
  const f = recognise(row, BILLING_INDEX).fields;
  return f.partnerSubscriptionNumber !== undefined || f.chargeStartDate !== undefined || f.chargeEndDate !== undefined;
}
