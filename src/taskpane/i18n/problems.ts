/**
 * Problem texts in French and Dutch. The engine words every problem in English (the Problems
 * sheet and report.json keep that wording, the workbook being English); the pane recognises the
 * English by its pattern here, keyed by the problem's code, and says it again in the pane's
 * language with the same values ({value}, {source}, {row}...). English panes show the engine's
 * own text. A message no pattern knows is never shown in English in a French or Dutch pane: it
 * becomes a sentence about its code (UNKNOWN below) pointing at the Problems sheet.
 *
 * test/browser/pane-i18n.test.ts makes the engine produce every message it can and checks that
 * each is recognised, so a new or reworded engine message fails a test instead of leaking English.
 */
import type { ProblemCode } from "../../domain/model";

type Words = { readonly fr: string; readonly nl: string };

export interface ProblemPattern extends Words {
  readonly code: ProblemCode;
  /** The engine's English exactly, with {name} where a value goes. */
  readonly en: string;
}

/** Partner Center's own column names in each language (spec §2.1), for {columns}. */
export const COLUMN_NAMES: Readonly<Record<string, Words>> = {
  "Subscription ID": { fr: "ID d’abonnement", nl: "Abonnements-id" },
  Subscription: { fr: "Abonnement", nl: "Abonnement" },
  Quantity: { fr: "Quantité", nl: "Aantal" },
  Status: { fr: "État", nl: "Status" },
};

const NOT_ADDED = { en: "; the row's seats are not added up", fr: " ; les licences de la ligne ne sont pas additionnées", nl: "; de licenties van de rij worden niet opgeteld" };
const NOT_COUNTED = { en: "; the row is not counted", fr: " ; la ligne n’est pas comptée", nl: "; de rij telt niet mee" };
const NO_LIST = {
  en: "is in no customer list (by Microsoft ID, domain or company name)",
  fr: "ne figure dans aucune liste de clients (ni par ID Microsoft, ni par domaine, ni par nom de société)",
  nl: "staat in geen enkele klantenlijst (niet op Microsoft-id, domein of bedrijfsnaam)",
};
const MANY = {
  en: "matches {count} different customers in the customer list {list}",
  fr: "correspond à {count} clients différents dans la liste de clients {list}",
  nl: "komt overeen met {count} verschillende klanten in de klantenlijst {list}",
};
const ROWS_NOT_READ = { en: "the file's rows are not read", fr: "les lignes du fichier ne sont pas lues", nl: "de rijen van het bestand worden niet gelezen" };
const ON_UNREAD = { en: ' (they are on the "{sheet}" sheet)', fr: " (elles sont sur la feuille « {sheet} »)", nl: " (ze staan op het blad ‘{sheet}’)" };
const NO_ID_LIST = {
  en: "Customer list has no Microsoft ID column; it is not used",
  fr: "La liste de clients n’a pas de colonne ID Microsoft ; elle n’est pas utilisée",
  nl: "De klantenlijst heeft geen kolom Microsoft-id; ze wordt niet gebruikt",
};

const join = (...parts: Readonly<Record<"en" | "fr" | "nl", string>>[]) => ({
  en: parts.map((p) => p.en).join(""),
  fr: parts.map((p) => p.fr).join(""),
  nl: parts.map((p) => p.nl).join(""),
});
const text = (en: string, fr: string, nl: string) => ({ en, fr, nl });

export const PROBLEM_PATTERNS: readonly ProblemPattern[] = [
  { code: "BAD_QUANTITY", ...join(text("Quantity is empty", "La quantité est vide", "Het aantal is leeg"), NOT_ADDED) },
  { code: "BAD_QUANTITY", ...join(text('Quantity "{value}" is negative', "La quantité « {value} » est négative", "Het aantal ‘{value}’ is negatief"), NOT_ADDED) },
  {
    code: "BAD_QUANTITY",
    ...join(text('Quantity "{value}" is not a whole number of licenses', "La quantité « {value} » n’est pas un nombre entier de licences", "Het aantal ‘{value}’ is geen geheel aantal licenties"), NOT_ADDED),
  },
  {
    code: "BAD_QUANTITY",
    ...join(
      text(
        'Quantity "{value}" is ambiguous (a thousands separator or a decimal point?): write the number without separators',
        "La quantité « {value} » est ambiguë (séparateur de milliers ou virgule décimale ?) : écrivez le nombre sans séparateur",
        "Het aantal ‘{value}’ is dubbelzinnig (scheidingsteken voor duizendtallen of decimaalteken?): schrijf het getal zonder scheidingstekens",
      ),
      NOT_ADDED,
    ),
  },
  {
    code: "BAD_QUANTITY",
    ...join(
      text(
        'Quantity "{value}" is larger than any license count ({max})',
        "La quantité « {value} » dépasse tout nombre de licences ({max})",
        "Het aantal ‘{value}’ is groter dan elk aantal licenties ({max})",
      ),
      NOT_ADDED,
    ),
  },
  { code: "BAD_QUANTITY", ...join(text('Quantity "{value}" is not a number', "La quantité « {value} » n’est pas un nombre", "Het aantal ‘{value}’ is geen getal"), NOT_ADDED) },
  { code: "UNKNOWN_STATUS", ...join(text("Status is empty", "L’état est vide", "De status is leeg"), NOT_COUNTED) },
  { code: "UNKNOWN_STATUS", ...join(text('Status "{value}" is not a known status', "L’état « {value} » n’est pas un état connu", "De status ‘{value}’ is geen bekende status"), NOT_COUNTED) },
  { code: "EMPTY_OFFER", ...text("Offer name is empty", "Le nom de l’offre est vide", "De naam van de aanbieding is leeg") },
  {
    code: "EMPTY_OFFER",
    ...text("Offer name is empty; the row is not reconciled", "Le nom de l’offre est vide ; la ligne n’est pas rapprochée", "De naam van de aanbieding is leeg; de rij wordt niet afgestemd"),
  },
  {
    code: "DUPLICATE_ID",
    ...text(
      "Subscription ID {id} already appears in {source} row {row}; this row is not counted",
      "L’ID d’abonnement {id} figure déjà dans {source}, ligne {row} ; cette ligne n’est pas comptée",
      "Abonnements-id {id} staat al in {source}, rij {row}; deze rij telt niet mee",
    ),
  },
  {
    code: "SAME_ID_OLD_NEW",
    ...text(
      "Subscription ID {id} is also in the old account {account} ({source} row {row}); both rows are counted",
      "L’ID d’abonnement {id} figure aussi dans l’ancien compte {account} ({source}, ligne {row}) ; les deux lignes sont comptées",
      "Abonnements-id {id} staat ook in het oude account {account} ({source}, rij {row}); beide rijen tellen mee",
    ),
  },
  {
    code: "UNKNOWN_CUSTOMER",
    ...join(text('Customer of this export: "{name}" ', "Client de cet export : « {name} » ", "Klant van deze export: ‘{name}’ "), NO_LIST),
  },
  { code: "UNKNOWN_CUSTOMER", ...join(text('Customer of this export: "{name}" ', "Client de cet export : « {name} » ", "Klant van deze export: ‘{name}’ "), MANY) },
  { code: "UNKNOWN_CUSTOMER", ...join(text('Customer "{name}" ', "Le client « {name} » ", "Klant ‘{name}’ "), NO_LIST) },
  { code: "UNKNOWN_CUSTOMER", ...join(text('Customer "{name}" ', "Le client « {name} » ", "Klant ‘{name}’ "), MANY) },
  {
    code: "CONFLICTING_CUSTOMER",
    ...text(
      '"{name}" has Microsoft ID {id} in account {account} but {other} in account {otherAccount}',
      "« {name} » a l’ID Microsoft {id} dans le compte {account} mais {other} dans le compte {otherAccount}",
      "‘{name}’ heeft Microsoft-id {id} in account {account} maar {other} in account {otherAccount}",
    ),
  },
  {
    code: "BAD_CUSTOMER_ID",
    ...text(
      'Microsoft ID "{value}" is not a tenant ID (a GUID); the customer is matched by name',
      "L’ID Microsoft « {value} » n’est pas un ID de locataire (un GUID) ; le client est reconnu par son nom",
      "Microsoft-id ‘{value}’ is geen tenant-id (een GUID); de klant wordt op naam herkend",
    ),
  },
  {
    code: "BAD_CUSTOMER_ID",
    ...text(
      'Microsoft ID "{value}" is not a tenant ID (a GUID); the row\'s customer is taken from its name or the file',
      "L’ID Microsoft « {value} » n’est pas un ID de locataire (un GUID) ; le client de la ligne est pris de son nom ou du fichier",
      "Microsoft-id ‘{value}’ is geen tenant-id (een GUID); de klant van de rij komt uit de naam of het bestand",
    ),
  },
  { code: "MISSING_COLUMN", ...join(text("Missing column {columns}: ", "Colonne manquante {columns} : ", "Ontbrekende kolom {columns}: "), ROWS_NOT_READ) },
  { code: "MISSING_COLUMN", ...join(text("Missing columns {columns}: ", "Colonnes manquantes {columns} : ", "Ontbrekende kolommen {columns}: "), ROWS_NOT_READ) },
  { code: "MISSING_COLUMN", ...join(text("Missing column {columns}: ", "Colonne manquante {columns} : ", "Ontbrekende kolom {columns}: "), ROWS_NOT_READ, ON_UNREAD) },
  { code: "MISSING_COLUMN", ...join(text("Missing columns {columns}: ", "Colonnes manquantes {columns} : ", "Ontbrekende kolommen {columns}: "), ROWS_NOT_READ, ON_UNREAD) },
  { code: "MISSING_COLUMN", ...NO_ID_LIST },
  {
    code: "MISSING_COLUMN",
    ...join(NO_ID_LIST, text(' (its rows are on the "{sheet}" sheet)', " (ses lignes sont sur la feuille « {sheet} »)", " (de rijen staan op het blad ‘{sheet}’)")),
  },
  { code: "UNREADABLE_FILE", ...text("The file could not be read", "Le fichier n’a pas pu être lu", "Het bestand kon niet worden gelezen") },
  {
    code: "UNREADABLE_FILE",
    ...text(
      "The file could not be read as an Excel workbook (.xlsx): it may be damaged, password-protected or saved in another format",
      "Le fichier n’a pas pu être lu comme classeur Excel (.xlsx) : il est peut-être endommagé, protégé par un mot de passe ou enregistré dans un autre format",
      "Het bestand kon niet als Excel-werkmap (.xlsx) worden gelezen: het is misschien beschadigd, met een wachtwoord beveiligd of in een andere indeling opgeslagen",
    ),
  },
  {
    code: "UNREADABLE_FILE",
    ...text('Sheet "{sheet}" named in the Sources table is missing', "La feuille « {sheet} » citée dans la table Sources est absente", "Het blad ‘{sheet}’ uit de tabel Sources ontbreekt"),
  },
  { code: "EMPTY_FILE", ...text("The file is empty", "Le fichier est vide", "Het bestand is leeg") },
  { code: "EMPTY_FILE", ...text("The sheet is empty", "La feuille est vide", "Het blad is leeg") },
];

/** Appended by the importer to a file's message ("; ...") when it cut cells to Excel's limit. */
export const PROBLEM_SUFFIXES: readonly Omit<ProblemPattern, "code">[] = [
  text(
    "{count} cell longer than Excel's {max} characters cut to that length (the file keeps the full text)",
    "{count} cellule de plus de {max} caractères (la limite d’Excel) coupée à cette longueur (le fichier garde le texte entier)",
    "{count} cel langer dan de {max} tekens van Excel tot die lengte ingekort (het bestand bewaart de volledige tekst)",
  ),
  text(
    "{count} cells longer than Excel's {max} characters cut to that length (the file keeps the full text)",
    "{count} cellules de plus de {max} caractères (la limite d’Excel) coupées à cette longueur (le fichier garde le texte entier)",
    "{count} cellen langer dan de {max} tekens van Excel tot die lengte ingekort (het bestand bewaart de volledige tekst)",
  ),
];

/** For a message no pattern knows (a newer engine): what its code means, and where the full text is. */
export const UNKNOWN: Words = {
  fr: "Le détail (en anglais) figure sur la feuille Problems du classeur.",
  nl: "De details (in het Engels) staan op het blad Problems van de werkmap.",
};

type Compiled = { readonly pattern: Omit<ProblemPattern, "code"> & { code?: ProblemCode }; readonly regex: RegExp; readonly names: readonly string[] };

function compile(p: Compiled["pattern"]): Compiled {
  const names: string[] = [];
  const source = p.en
    .split(/(\{\w+\})/)
    .map((part) => {
      const m = /^\{(\w+)\}$/.exec(part);
      if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(m[1]);
      return "(.*)";
    })
    .join("");
  return { pattern: p, regex: new RegExp(`^${source}$`, "s"), names };
}

const COMPILED = PROBLEM_PATTERNS.map(compile);
const SUFFIXES = PROBLEM_SUFFIXES.map(compile);

/** The pattern a message was made from and its values, or null. */
export function recognise(code: ProblemCode, message: string, compiled: readonly Compiled[] = COMPILED): { pattern: Compiled["pattern"]; values: Record<string, string> } | null {
  for (const c of compiled) {
    if (c.pattern.code !== undefined && c.pattern.code !== code) continue;
    const m = c.regex.exec(message);
    if (m) return { pattern: c.pattern, values: Object.fromEntries(c.names.map((n, i) => [n, m[i + 1]])) };
  }
  return null;
}

/** The message in French or Dutch with its values, or null when it is not one the engine is known to write. */
export function translateProblem(code: ProblemCode, message: string, language: "fr" | "nl"): string | null {
  const render = (r: NonNullable<ReturnType<typeof recognise>>) => {
    const values = { ...r.values };
    if (values.columns !== undefined) values.columns = values.columns.split(", ").map((c) => COLUMN_NAMES[c]?.[language] ?? c).join(", ");
    return r.pattern[language].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  };
  const whole = recognise(code, message);
  if (whole) return render(whole);
  // "<message>; <suffix>": the importer's note on cut cells after a file's message.
  for (let at = message.lastIndexOf("; "); at > 0; at = message.lastIndexOf("; ", at - 1)) {
    const head = recognise(code, message.slice(0, at));
    const tail = recognise(code, message.slice(at + 2), SUFFIXES);
    if (head && tail) return `${render(head)}${language === "fr" ? " ; " : "; "}${render(tail)}`;
  }
  return null;
}
