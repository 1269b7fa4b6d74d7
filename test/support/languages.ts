/**
 * The spec's tables (§2.1, §2.2), restated as test data per language, so that tests check the
 * product's own vocabularies against the spec rather than against themselves.
 */
export const LANGUAGES = ["en", "fr", "de", "es", "it", "pt", "nl", "ja"] as const;
export type Lang = (typeof LANGUAGES)[number];

export const SUBSCRIPTION_HEADERS: Record<Lang, [string, string, string, string, string]> = {
  en: ["Subscription ID", "Subscription", "Quantity", "Status", "Reseller"],
  fr: ["ID d'abonnement", "Abonnement", "Quantité", "État", "Revendeur"],
  de: ["Abonnement-ID", "Abonnement", "Menge", "Status", "Händler"],
  es: ["Id. de suscripción", "Suscripción", "Cantidad", "Estado", "Revendedor"],
  it: ["ID sottoscrizione", "Sottoscrizione", "Quantità", "Stato", "Rivenditore"],
  pt: ["ID da assinatura", "Assinatura", "Quantidade", "Status", "Revendedor"],
  nl: ["Abonnements-id", "Abonnement", "Aantal", "Status", "Wederverkoper"],
  ja: ["サブスクリプション ID", "サブスクリプション", "数量", "状態", "リセラー"],
};

export const CUSTOMER_HEADERS: Record<Lang, [string, string, string, string]> = {
  en: ["Microsoft ID", "Company name", "Primary domain name", "Relationship"],
  fr: ["ID Microsoft", "Nom de la société", "Nom de domaine principal", "Relation"],
  de: ["Microsoft-ID", "Firmenname", "Primärer Domänenname", "Beziehung"],
  es: ["Id. de Microsoft", "Nombre de la empresa", "Nombre de dominio principal", "Relación"],
  it: ["ID Microsoft", "Nome azienda", "Nome dominio primario", "Relazione"],
  pt: ["ID da Microsoft", "Nome da empresa", "Nome de domínio primário", "Relacionamento"],
  nl: ["Microsoft-id", "Bedrijfsnaam", "Primaire domeinnaam", "Relatie"],
  ja: ["Microsoft ID", "会社名", "プライマリ ドメイン名", "関係"],
};

export type StatusName = "active" | "pending" | "suspended" | "expired" | "disabled" | "deleted" | "canceled";

/** Spec §2.1 status table; every form listed there, per language. */
export const STATUS_WORDS: Record<Lang, Record<StatusName, string[]>> = {
  en: {
    active: ["Active"], pending: ["Pending"], suspended: ["Suspended"], expired: ["Expired"], disabled: ["Disabled"],
    deleted: ["Deleted"], canceled: ["Canceled", "Cancelled"],
  },
  fr: {
    active: ["Actif", "Active"], pending: ["En attente"], suspended: ["Suspendu", "Suspendue"], expired: ["Expiré", "Expirée"],
    disabled: ["Désactivé", "Désactivée"], deleted: ["Supprimé", "Supprimée"], canceled: ["Annulé", "Annulée"],
  },
  de: {
    active: ["Aktiv"], pending: ["Ausstehend"], suspended: ["Angehalten", "Ausgesetzt", "Gesperrt"], expired: ["Abgelaufen"],
    disabled: ["Deaktiviert"], deleted: ["Gelöscht"], canceled: ["Storniert", "Gekündigt"],
  },
  es: {
    active: ["Activo", "Activa"], pending: ["Pendiente"], suspended: ["Suspendido", "Suspendida"], expired: ["Expirado", "Expirada"],
    disabled: ["Deshabilitado", "Deshabilitada"], deleted: ["Eliminado", "Eliminada"], canceled: ["Cancelado", "Cancelada"],
  },
  it: {
    active: ["Attivo", "Attiva"], pending: ["In sospeso"], suspended: ["Sospeso", "Sospesa"], expired: ["Scaduto", "Scaduta"],
    disabled: ["Disabilitato", "Disabilitata"], deleted: ["Eliminato", "Eliminata"], canceled: ["Annullato", "Annullata"],
  },
  pt: {
    active: ["Ativo", "Ativa"], pending: ["Pendente"], suspended: ["Suspenso", "Suspensa"], expired: ["Expirado", "Expirada"],
    disabled: ["Desabilitado", "Desabilitada"], deleted: ["Excluído", "Excluída"], canceled: ["Cancelado", "Cancelada"],
  },
  nl: {
    active: ["Actief"], pending: ["In behandeling"], suspended: ["Opgeschort"], expired: ["Verlopen"], disabled: ["Uitgeschakeld"],
    deleted: ["Verwijderd"], canceled: ["Geannuleerd"],
  },
  ja: {
    active: ["アクティブ"], pending: ["保留中"], suspended: ["中断", "一時停止"], expired: ["期限切れ"], disabled: ["無効"],
    deleted: ["削除済み"], canceled: ["キャンセル済み"],
  },
};
