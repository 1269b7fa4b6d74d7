/**
 * Subscription status words (spec §2.1 status table) and the one vocabulary that both the
 * engine and the workbook formula look statuses up in.
 *
 * The spec wants case, accent and spacing insensitivity. A workbook formula can trim spaces
 * and MATCH case-insensitively, but it cannot strip accents, so the vocabulary lists every
 * accent-stripped variant of every word ("désactivée", "desactivée", "désactivee",
 * "desactivee", ...). The engine looks words up in exactly this list with exactly the
 * formula's key (`cellKey`), so a status edited in the workbook gets the same reading as the
 * engine would give it.
 */
import { Cell, isCellError } from "./cells";
import { cellKey } from "./text";

export type Status = "active" | "pending" | "suspended" | "expired" | "disabled" | "deleted" | "canceled";

/** Numeric codes used in the workbook's helper columns; 0 means "not counted". */
export const STATUS_CODE: Record<Status, number> = {
  active: 1,
  pending: 2,
  suspended: 3,
  expired: 4,
  disabled: 5,
  deleted: 6,
  canceled: 7,
};


/** Per language, masculine and feminine forms; English words are accepted everywhere. */
const WORDS: Record<Status, readonly string[]> = {
  active: [
    "Active", "Actif", "Active", "Aktiv", "Activo", "Activa", "Attivo", "Attiva", "Ativo", "Ativa", "Actief",
    "アクティブ",
  ],
  pending: ["Pending", "En attente", "Ausstehend", "Pendiente", "In sospeso", "Pendente", "In behandeling", "保留中"],
  suspended: [
    "Suspended", "Suspendu", "Suspendue", "Angehalten", "Ausgesetzt", "Gesperrt", "Suspendido", "Suspendida",
    "Sospeso", "Sospesa", "Suspenso", "Suspensa", "Opgeschort", "中断", "一時停止",
  ],
  expired: [
    "Expired", "Expiré", "Expirée", "Abgelaufen", "Expirado", "Expirada", "Scaduto", "Scaduta", "Verlopen",
    "期限切れ",
  ],
  disabled: [
    "Disabled", "Désactivé", "Désactivée", "Deaktiviert", "Deshabilitado", "Deshabilitada", "Disabilitato",
    "Disabilitata", "Desabilitado", "Desabilitada", "Uitgeschakeld", "無効",
  ],
  deleted: [
    "Deleted", "Supprimé", "Supprimée", "Gelöscht", "Eliminado", "Eliminada", "Eliminato", "Eliminata",
    "Excluído", "Excluída", "Verwijderd", "削除済み",
  ],
  canceled: [
    "Canceled", "Cancelled", "Annulé", "Annulée", "Storniert", "Gekündigt", "Cancelado", "Cancelada",
    "Annullato", "Annullata", "Geannuleerd", "キャンセル済み",
  ],
};

/** Every way of writing `word` with some of its accented Latin letters left bare. */
export function accentVariants(word: string): string[] {
  let variants = [""];
  for (const ch of word) {
    const bare = ch.normalize("NFD").replace(/\p{M}/gu, "");
    const options = bare !== ch && /^[a-z]$/i.test(bare) ? [ch, bare] : [ch];
    variants = variants.flatMap((v) => options.map((o) => v + o));
  }
  return variants;
}

export interface VocabularyEntry {
  readonly word: string;
  readonly status: Status;
}

function buildVocabulary(): VocabularyEntry[] {
  const seen = new Set<string>();
  const out: VocabularyEntry[] = [];
  for (const status of Object.keys(WORDS) as Status[]) {
    for (const word of WORDS[status]) {
      for (const v of accentVariants(word.toLowerCase())) {
        if (seen.has(v)) continue;
        seen.add(v);
        out.push({ word: v, status });
      }
    }
  }
  return out;
}

/** The status vocabulary, as written into the workbook's lookup list. */
export const STATUS_VOCABULARY: readonly VocabularyEntry[] = buildVocabulary();

const LOOKUP = new Map(STATUS_VOCABULARY.map((e) => [e.word, e.status]));

/** The normalized status of a cell, or null when it is not recognised (spec: never a guess). */
export function readStatus(cell: Cell | undefined): Status | null {
  if (cell === null || cell === undefined || isCellError(cell)) return null;
  // Numbers and booleans read as text ("5", "TRUE") are in no vocabulary either.
  if (typeof cell !== "string") return null;
  return LOOKUP.get(cellKey(cell)) ?? null;
}

export const LIVE_STATUSES: ReadonlySet<Status> = new Set(["active", "pending", "suspended"]);

export function isLive(s: Status): boolean {
  return LIVE_STATUSES.has(s);
}
