/**
 * Every string the task pane shows, in English, French and Dutch, side by side so that a
 * missing translation is a type error and a reviewer reads the three together.
 *
 * - `{name}` is filled in by `t(key, { name })`; numbers are formatted for the locale.
 * - An entry written as `{ one, other }` is chosen by `Intl.PluralRules` on `{count}`
 *   (French puts 0 in "one", English and Dutch in "other").
 * - Verdict labels and next steps in English are the domain's own (src/domain/verdicts.ts), so
 *   the pane and the workbook's Summary sheet say the same thing.
 */
import { ENGLISH_WORDS } from "../../domain/actions/sentence";
import { ADVICE, AdviceItem, fill } from "../../domain/advice";
import type { CustomerVerdict, ProblemRowCode } from "../../domain/verdicts";
import { LABEL, NEXT_STEP } from "../../domain/verdicts";
import type { ProblemCode } from "../../domain/model";
import { RUN_WARNING_TEXT, RunWarningCode } from "../../domain/warnings";
import type { WorkbookError } from "../../office/types";

export const LANGUAGES = ["en", "fr", "nl"] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Plural {
  readonly one: string;
  readonly other: string;
}
export type Text = string | Plural;
export type Entry = Readonly<Record<Language, Text>>;

export const MESSAGES = {
  "app.title": { en: "CSP Reconcile", fr: "CSP Reconcile", nl: "CSP Reconcile" },
  "app.loading": { en: "Reading the workbook…", fr: "Lecture du classeur…", nl: "Werkmap lezen…" },
  "nav.label": { en: "Steps", fr: "Étapes", nl: "Stappen" },
  "nav.import": { en: "Import", fr: "Importer", nl: "Import" },
  "nav.sheets": { en: "Sheets", fr: "Feuilles", nl: "Bladen" },
  "nav.results": { en: "Results", fr: "Résultats", nl: "Resultaten" },
  "nav.settings": { en: "Settings", fr: "Paramètres", nl: "Instellingen" },

  "role.from": { en: "Old account", fr: "Ancien compte", nl: "Oud account" },
  "role.to": { en: "New account", fr: "Nouveau compte", nl: "Nieuw account" },

  "count.customers": {
    en: { one: "{count} customer", other: "{count} customers" },
    fr: { one: "{count} client", other: "{count} clients" },
    nl: { one: "{count} klant", other: "{count} klanten" },
  },
  "count.flagged": {
    en: { one: "{count} flagged", other: "{count} flagged" },
    fr: { one: "{count} signalé", other: "{count} signalés" },
    nl: { one: "{count} gemarkeerd", other: "{count} gemarkeerd" },
  },
  "count.problems": {
    en: { one: "{count} problem", other: "{count} problems" },
    fr: { one: "{count} problème", other: "{count} problèmes" },
    nl: { one: "{count} probleem", other: "{count} problemen" },
  },
  "count.actions": {
    en: { one: "{count} action", other: "{count} actions" },
    fr: { one: "{count} action", other: "{count} actions" },
    nl: { one: "{count} actie", other: "{count} acties" },
  },
  "count.files": {
    en: { one: "{count} file", other: "{count} files" },
    fr: { one: "{count} fichier", other: "{count} fichiers" },
    nl: { one: "{count} bestand", other: "{count} bestanden" },
  },
  "count.sheets": {
    en: { one: "{count} sheet", other: "{count} sheets" },
    fr: { one: "{count} feuille", other: "{count} feuilles" },
    nl: { one: "{count} blad", other: "{count} bladen" },
  },
  "count.rows": {
    en: { one: "{count} row", other: "{count} rows" },
    fr: { one: "{count} ligne", other: "{count} lignes" },
    nl: { one: "{count} rij", other: "{count} rijen" },
  },

  "run.reconcile": { en: "Reconcile", fr: "Rapprocher", nl: "Afstemmen" },
  "run.reconcileAgain": { en: "Reconcile again", fr: "Rapprocher à nouveau", nl: "Opnieuw afstemmen" },
  "run.cancel": { en: "Cancel", fr: "Annuler", nl: "Annuleren" },
  "run.cancelling": { en: "Cancelling…", fr: "Annulation…", nl: "Annuleren…" },
  "run.hintNoSheets": {
    en: "Import exports, or open them as sheets, first.",
    fr: "Importez d’abord des exports, ou ouvrez-les comme feuilles.",
    nl: "Importeer eerst exports, of open ze als bladen.",
  },
  "run.hintReady": {
    en: { one: "{count} export sheet ready.", other: "{count} export sheets ready." },
    fr: { one: "{count} feuille d’export prête.", other: "{count} feuilles d’export prêtes." },
    nl: { one: "{count} exportblad klaar.", other: "{count} exportbladen klaar." },
  },
  "run.hintGuessed": {
    en: { one: "{count} sheet is a guess: confirm it before reconciling.", other: "{count} sheets are guesses: confirm them before reconciling." },
    fr: { one: "{count} feuille est supposée : confirmez-la avant le rapprochement.", other: "{count} feuilles sont supposées : confirmez-les avant le rapprochement." },
    nl: { one: "{count} blad is gegist: bevestig het voordat u afstemt.", other: "{count} bladen zijn gegist: bevestig ze voordat u afstemt." },
  },
  "run.reviewSheets": { en: "Review sheets", fr: "Vérifier les feuilles", nl: "Bladen controleren" },
  "run.progressLabel": { en: "Progress", fr: "Progression", nl: "Voortgang" },
  "run.percent": { en: "{percent} done", fr: "{percent} effectué", nl: "{percent} klaar" },
  "run.cancelled": { en: "Cancelled.", fr: "Annulé.", nl: "Geannuleerd." },
  "run.reconciled": {
    en: "Reconciled: {customers}, {flagged}, {problems}.",
    fr: "Rapprochement terminé : {customers}, {flagged}, {problems}.",
    nl: "Afgestemd: {customers}, {flagged}, {problems}.",
  },

  "notice.dismiss": { en: "Dismiss", fr: "Fermer", nl: "Sluiten" },
  "notice.errorTitle": { en: "That did not work", fr: "L’opération a échoué", nl: "Dat is niet gelukt" },
  "notice.sheet": { en: "Sheet: {sheet}", fr: "Feuille : {sheet}", nl: "Blad: {sheet}" },
  "notice.technical": { en: "Details for support", fr: "Détails pour l’assistance", nl: "Details voor ondersteuning" },

  "import.heading": { en: "Import exports", fr: "Importer des exports", nl: "Exports importeren" },
  "import.intro": {
    en: "Add Partner Center exports (CSV or Excel): subscription exports and customer lists from every old account and from the new one. A folder laid out as from/<account>/… and to/… is sorted for you.",
    fr: "Ajoutez les exports de l’Espace partenaires (CSV ou Excel) : exports d’abonnements et listes de clients de chaque ancien compte et du nouveau. Un dossier organisé en from/<compte>/… et to/… est trié pour vous.",
    nl: "Voeg Partner Center-exports toe (CSV of Excel): abonnementsexports en klantenlijsten van elk oud account en van het nieuwe. Een map met de indeling from/<account>/… en to/… wordt voor u gesorteerd.",
  },
  "import.dropZone": {
    en: "Drop files or folders here",
    fr: "Déposez des fichiers ou des dossiers ici",
    nl: "Zet bestanden of mappen hier neer",
  },
  "import.dropActive": { en: "Release to add", fr: "Relâchez pour ajouter", nl: "Loslaten om toe te voegen" },
  "import.chooseFiles": { en: "Choose files", fr: "Choisir des fichiers", nl: "Bestanden kiezen" },
  "import.chooseFolder": { en: "Choose a folder", fr: "Choisir un dossier", nl: "Map kiezen" },
  "import.filesInput": { en: "Export files", fr: "Fichiers d’export", nl: "Exportbestanden" },
  "import.folderInput": { en: "Export folder", fr: "Dossier d’export", nl: "Exportmap" },
  "import.layoutGroup": { en: "Sorted by folder", fr: "Triés par dossier", nl: "Gesorteerd per map" },
  "import.layoutFrom": { en: "Old account {account}", fr: "Ancien compte {account}", nl: "Oud account {account}" },
  "import.layoutTo": { en: "New account", fr: "Nouveau compte", nl: "Nieuw account" },
  "import.layoutOfferMap": { en: "Offer map", fr: "Correspondance des offres", nl: "Aanbiedingstoewijzing" },
  "import.layoutAccounts": { en: "Account commerce", fr: "Type de commerce des comptes", nl: "Commercetype van accounts" },
  "import.layoutBilling": {
    en: "Reconciliation files (money at stake)",
    fr: "Fichiers de rapprochement (montants en jeu)",
    nl: "Reconciliatiebestanden (bedragen op het spel)",
  },
  "import.looseGroup": {
    en: { one: "{count} file to assign", other: "{count} files to assign" },
    fr: { one: "{count} fichier à attribuer", other: "{count} fichiers à attribuer" },
    nl: { one: "{count} bestand toe te wijzen", other: "{count} bestanden toe te wijzen" },
  },
  "import.looseHelp": {
    en: "These files are not in a from/<account>/ or to/ folder. Say where they were exported from:",
    fr: "Ces fichiers ne sont pas dans un dossier from/<compte>/ ou to/. Indiquez d’où ils ont été exportés :",
    nl: "Deze bestanden staan niet in een map from/<account>/ of to/. Geef aan waar ze vandaan komen:",
  },
  "import.exportedFrom": { en: "Exported from", fr: "Exporté depuis", nl: "Geëxporteerd uit" },
  "import.oldAccountName": { en: "Old account name", fr: "Nom de l’ancien compte", nl: "Naam van het oude account" },
  "import.accountHint": {
    en: "For example the country: FR, NL, DE.",
    fr: "Par exemple le pays : FR, NL, DE.",
    nl: "Bijvoorbeeld het land: FR, NL, DE.",
  },
  "import.accountRequired": {
    en: "Name the old account these files come from.",
    fr: "Nommez l’ancien compte d’où viennent ces fichiers.",
    nl: "Geef het oude account op waar deze bestanden vandaan komen.",
  },
  "import.ignored": {
    en: { one: "{count} file left out (not CSV or Excel)", other: "{count} files left out (not CSV or Excel)" },
    fr: { one: "{count} fichier ignoré (ni CSV ni Excel)", other: "{count} fichiers ignorés (ni CSV ni Excel)" },
    nl: { one: "{count} bestand overgeslagen (geen CSV of Excel)", other: "{count} bestanden overgeslagen (geen CSV of Excel)" },
  },
  "import.removeFile": { en: "Remove {name}", fr: "Retirer {name}", nl: "{name} verwijderen" },
  "import.clear": { en: "Clear the list", fr: "Vider la liste", nl: "Lijst leegmaken" },
  "import.submit": {
    en: { one: "Import {count} file", other: "Import {count} files" },
    fr: { one: "Importer {count} fichier", other: "Importer {count} fichiers" },
    nl: { one: "{count} bestand importeren", other: "{count} bestanden importeren" },
  },
  "import.done": {
    en: "Imported {files} onto {sheets}.",
    fr: "{files} importés dans {sheets}.",
    nl: "{files} geïmporteerd op {sheets}.",
  },
  "import.doneProblems": {
    en: "Some files need a look:",
    fr: "Certains fichiers sont à vérifier :",
    nl: "Sommige bestanden vragen aandacht:",
  },
  "import.problem": { en: "{where}: {problem}", fr: "{where} : {problem}", nl: "{where}: {problem}" },
  "import.moreProblems": { en: "…and {count} more", fr: "…et {count} de plus", nl: "…en nog {count}" },
  "import.moreFiles": {
    en: { one: "{count} more file, not listed", other: "{count} more files, not listed" },
    fr: { one: "{count} autre fichier, non listé", other: "{count} autres fichiers, non listés" },
    nl: { one: "nog {count} bestand, niet vermeld", other: "nog {count} bestanden, niet vermeld" },
  },
  "import.staged": { en: "Files to import", fr: "Fichiers à importer", nl: "Te importeren bestanden" },

  "sheets.heading": { en: "Export sheets", fr: "Feuilles d’export", nl: "Exportbladen" },
  "sheets.intro": {
    en: "Check which account each sheet comes from. Guesses are marked: confirm them before you reconcile.",
    fr: "Vérifiez le compte d’origine de chaque feuille. Les suppositions sont signalées : confirmez-les avant le rapprochement.",
    nl: "Controleer uit welk account elk blad komt. Gissingen zijn gemarkeerd: bevestig ze voordat u afstemt.",
  },
  "sheets.none": {
    en: "No export found in this workbook yet.",
    fr: "Aucun export trouvé dans ce classeur pour l’instant.",
    nl: "Nog geen export gevonden in deze werkmap.",
  },
  "sheets.goImport": { en: "Import files", fr: "Importer des fichiers", nl: "Bestanden importeren" },
  "sheets.kind.subscriptions": { en: "Subscriptions", fr: "Abonnements", nl: "Abonnementen" },
  "sheets.kind.customers": { en: "Customer list", fr: "Liste de clients", nl: "Klantenlijst" },
  "sheets.imported": { en: "Imported", fr: "Importée", nl: "Geïmporteerd" },
  "sheets.confirmed": { en: "Confirmed", fr: "Confirmée", nl: "Bevestigd" },
  "sheets.guessed": { en: "Guessed", fr: "Supposée", nl: "Gegist" },
  "sheets.protected": { en: "Protected", fr: "Protégée", nl: "Beveiligd" },
  "sheets.role": { en: "Role", fr: "Rôle", nl: "Rol" },
  "sheets.account": { en: "Account", fr: "Compte", nl: "Account" },
  "sheets.newAccount": { en: "New account name…", fr: "Nouveau nom de compte…", nl: "Nieuwe accountnaam…" },
  "sheets.newAccountName": { en: "Account name", fr: "Nom du compte", nl: "Accountnaam" },
  "sheets.customer": { en: "Customer", fr: "Client", nl: "Klant" },
  "sheets.customerHint": {
    en: "Company name, domain or Microsoft ID",
    fr: "Nom de la société, domaine ou ID Microsoft",
    nl: "Bedrijfsnaam, domein of Microsoft-id",
  },
  "sheets.confirm": { en: "Confirm sheets", fr: "Confirmer les feuilles", nl: "Bladen bevestigen" },
  "sheets.saved": {
    en: "Saved: the Sources sheet holds these choices.",
    fr: "Enregistré : la feuille Sources conserve ces choix.",
    nl: "Opgeslagen: het blad Sources bewaart deze keuzes.",
  },
  "sheets.accountMissing": { en: "Name the account.", fr: "Nommez le compte.", nl: "Geef het account op." },
  "sheets.others": {
    en: { one: "{count} other sheet is not an export.", other: "{count} other sheets are not exports." },
    fr: { one: "{count} autre feuille n’est pas un export.", other: "{count} autres feuilles ne sont pas des exports." },
    nl: { one: "{count} ander blad is geen export.", other: "{count} andere bladen zijn geen export." },
  },
  "sheets.filter": { en: "Find a sheet", fr: "Rechercher une feuille", nl: "Blad zoeken" },

  // Fluent's SearchBox labels its clear button "clear", in English, unless told otherwise.
  "search.clear": { en: "Clear the search", fr: "Effacer la recherche", nl: "Zoekopdracht wissen" },

  "results.heading": { en: "Results", fr: "Résultats", nl: "Resultaten" },
  "results.none": {
    en: "Not reconciled yet. Select Reconcile to check every customer.",
    fr: "Pas encore rapproché. Sélectionnez Rapprocher pour vérifier chaque client.",
    nl: "Nog niet afgestemd. Selecteer Afstemmen om elke klant te controleren.",
  },
  "results.asOf": { en: "As of {date}", fr: "Au {date}", nl: "Per {date}" },
  "results.chart": { en: "Customers per verdict", fr: "Clients par verdict", nl: "Klanten per oordeel" },
  "results.chartHint": {
    en: "Select a verdict to list its customers.",
    fr: "Sélectionnez un verdict pour afficher ses clients.",
    nl: "Selecteer een oordeel om de klanten te tonen.",
  },
  "results.customers": { en: "Customers", fr: "Clients", nl: "Klanten" },
  "results.search": { en: "Search customers", fr: "Rechercher des clients", nl: "Klanten zoeken" },
  "results.show": { en: "Show", fr: "Afficher", nl: "Tonen" },
  "results.showFlagged": { en: "Flagged", fr: "Signalés", nl: "Gemarkeerd" },
  "results.showAll": { en: "All", fr: "Tous", nl: "Alle" },
  "results.noMatch": { en: "No customer matches.", fr: "Aucun client ne correspond.", nl: "Geen klant gevonden." },
  "results.nextStep": { en: "Next step:", fr: "Étape suivante :", nl: "Volgende stap:" },
  "results.selectRows": {
    en: { one: "Select {count} row on {sheet}", other: "Select {count} rows on {sheet}" },
    fr: { one: "Sélectionner {count} ligne dans {sheet}", other: "Sélectionner {count} lignes dans {sheet}" },
    nl: { one: "{count} rij op {sheet} selecteren", other: "{count} rijen op {sheet} selecteren" },
  },
  "results.selected": {
    en: { one: "Selected {count} row on {sheet}.", other: "Selected {count} rows on {sheet}." },
    fr: { one: "{count} ligne sélectionnée dans {sheet}.", other: "{count} lignes sélectionnées dans {sheet}." },
    nl: { one: "{count} rij geselecteerd op {sheet}.", other: "{count} rijen geselecteerd op {sheet}." },
  },
  "results.noRows": {
    en: "No subscription rows in the workbook.",
    fr: "Aucune ligne d’abonnement dans le classeur.",
    nl: "Geen abonnementsrijen in de werkmap.",
  },
  "results.group": { en: "{offer}: {verdict}", fr: "{offer} : {verdict}", nl: "{offer}: {verdict}" },
  "results.seats": {
    en: "(required {required}, new {seats})",
    fr: "(requis {required}, nouveaux {seats})",
    nl: "(vereist {required}, nieuw {seats})",
  },
  "results.problems": { en: "Problems", fr: "Problèmes", nl: "Problemen" },
  "results.problemsNone": {
    en: "No problems: every row could be read.",
    fr: "Aucun problème : chaque ligne a pu être lue.",
    nl: "Geen problemen: elke rij kon worden gelezen.",
  },
  "results.problemRow": { en: "{source}, row {row}", fr: "{source}, ligne {row}", nl: "{source}, rij {row}" },
  "results.problemFile": { en: "{source}, whole file", fr: "{source}, fichier entier", nl: "{source}, heel bestand" },
  "results.goTo": { en: "Go to {sheet}, row {row}", fr: "Aller à {sheet}, ligne {row}", nl: "Naar {sheet}, rij {row}" },
  "results.page": { en: "{from}–{to} of {total}", fr: "{from}–{to} sur {total}", nl: "{from}–{to} van {total}" },
  "results.previous": { en: "Previous page", fr: "Page précédente", nl: "Vorige pagina" },
  "results.next": { en: "Next page", fr: "Page suivante", nl: "Volgende pagina" },
  "results.stale": {
    en: "The workbook changed since this run: reconcile again for current results.",
    fr: "Le classeur a changé depuis ce rapprochement : relancez-le pour des résultats à jour.",
    nl: "De werkmap is gewijzigd sinds deze afstemming: stem opnieuw af voor actuele resultaten.",
  },
  "results.previousRun": {
    en: "This workbook was reconciled before. Reconcile again to list the results here.",
    fr: "Ce classeur a déjà été rapproché. Relancez le rapprochement pour afficher les résultats ici.",
    nl: "Deze werkmap is al eerder afgestemd. Stem opnieuw af om de resultaten hier te tonen.",
  },

  "results.advice": { en: "Advice:", fr: "Conseil :", nl: "Advies:" },
  "results.groupAdvice": { en: "{offer}: {advice}", fr: "{offer} : {advice}", nl: "{offer}: {advice}" },

  "money.heading": { en: "Money at stake", fr: "Montants en jeu", nl: "Bedragen op het spel" },
  "money.source": {
    en: "Double billing so far and per further day, from the reconciliation files given. Amounts before tax, per currency, never converted.",
    fr: "Double facturation jusqu’ici et par jour supplémentaire, d’après les fichiers de rapprochement fournis. Montants hors taxes, par devise, jamais convertis.",
    nl: "Dubbele facturering tot nu toe en per extra dag, volgens de opgegeven reconciliatiebestanden. Bedragen exclusief btw, per valuta, nooit omgerekend.",
  },
  "money.total": {
    en: "{soFar} so far · {perDay} per further day",
    fr: "{soFar} jusqu’ici · {perDay} par jour supplémentaire",
    nl: "{soFar} tot nu toe · {perDay} per extra dag",
  },
  "money.top": {
    en: "Most expensive customers ({currency})",
    fr: "Clients les plus coûteux ({currency})",
    nl: "Duurste klanten ({currency})",
  },
  "money.customer": { en: "{soFar} so far, {perDay} per day", fr: "{soFar} jusqu’ici, {perDay} par jour", nl: "{soFar} tot nu toe, {perDay} per dag" },
  "money.none": {
    en: "No charge line of these files belongs to an old subscription of this reconciliation.",
    fr: "Aucune ligne de ces fichiers ne concerne un ancien abonnement de ce rapprochement.",
    nl: "Geen regel van deze bestanden hoort bij een oud abonnement van deze afstemming.",
  },
  "money.unmatched": {
    en: { one: "{count} charge line is for a subscription not reconciled here.", other: "{count} charge lines are for subscriptions not reconciled here." },
    fr: { one: "{count} ligne de facturation concerne un abonnement non rapproché ici.", other: "{count} lignes de facturation concernent des abonnements non rapprochés ici." },
    nl: { one: "{count} factuurregel hoort bij een abonnement dat hier niet is afgestemd.", other: "{count} factuurregels horen bij abonnementen die hier niet zijn afgestemd." },
  },

  "nav.nextSteps": { en: "Next steps", fr: "À faire", nl: "Te doen" },
  "next.heading": { en: "Next steps", fr: "À faire", nl: "Te doen" },
  "next.none": {
    en: "Reconcile to list here what to do, account by account.",
    fr: "Lancez le rapprochement pour voir ici ce qu’il reste à faire, compte par compte.",
    nl: "Stem af om hier per account te zien wat er te doen is.",
  },
  "next.nothing": {
    en: "Nothing to do: no customer calls for an action.",
    fr: "Rien à faire : aucun client ne demande d’action.",
    nl: "Niets te doen: geen enkele klant vraagt om een actie.",
  },
  "next.hint": {
    en: "Sign in to one account at a time and work through its list. A customer’s name selects the subscription’s rows in the workbook.",
    fr: "Connectez-vous à un compte à la fois et suivez sa liste. Le nom d’un client sélectionne les lignes de l’abonnement dans le classeur.",
    nl: "Meld u aan bij één account tegelijk en werk de lijst af. De naam van een klant selecteert de rijen van het abonnement in de werkmap.",
  },
  "next.accounts": { en: "Where to sign in", fr: "Où se connecter", nl: "Waar aanmelden" },
  "next.account.old": { en: "Account {account}", fr: "Compte {account}", nl: "Account {account}" },
  "next.account.new": { en: "New account", fr: "Nouveau compte", nl: "Nieuw account" },
  "next.account.microsoft": { en: "Microsoft", fr: "Microsoft", nl: "Microsoft" },
  "next.account.customer": { en: "Customers’ tenants", fr: "Locataires des clients", nl: "Tenants van klanten" },
  "next.accountCount": {
    en: { one: "{account}: {count} action", other: "{account}: {count} actions" },
    fr: { one: "{account} : {count} action", other: "{account} : {count} actions" },
    nl: { one: "{account}: {count} actie", other: "{account}: {count} acties" },
  },
  "next.signIn.old": {
    en: "Sign in to account {account} in Partner Center.",
    fr: "Connectez-vous au compte {account} dans l’Espace partenaires.",
    nl: "Meld u aan bij het account {account} in het Partnercentrum.",
  },
  "next.signIn.new": {
    en: "Sign in to the new account in Partner Center.",
    fr: "Connectez-vous au nouveau compte dans l’Espace partenaires.",
    nl: "Meld u aan bij het nieuwe account in het Partnercentrum.",
  },
  "next.signIn.microsoft": {
    en: "Open a request with Azure support.",
    fr: "Ouvrez une demande auprès du support Azure.",
    nl: "Open een aanvraag bij Azure-ondersteuning.",
  },
  "next.signIn.customer": {
    en: "Sign in to each customer’s Microsoft 365 admin center.",
    fr: "Connectez-vous au centre d’administration Microsoft 365 de chaque client.",
    nl: "Meld u aan bij het Microsoft 365-beheercentrum van elke klant.",
  },
  "next.search": { en: "Search this list", fr: "Rechercher dans cette liste", nl: "Zoeken in deze lijst" },
  "next.noMatch": { en: "No action matches.", fr: "Aucune action ne correspond.", nl: "Geen actie gevonden." },
  "next.due": { en: "Due {date}", fr: "Échéance : {date}", nl: "Uiterlijk {date}" },
  "next.ids": { en: "Subscription IDs", fr: "ID d’abonnement", nl: "Abonnements-id's" },
  "next.copy": { en: "Copy {id}", fr: "Copier {id}", nl: "{id} kopiëren" },
  "next.copiedShort": { en: "Copied", fr: "Copié", nl: "Gekopieerd" },
  "next.copied": { en: "Copied {id}.", fr: "{id} copié.", nl: "{id} gekopieerd." },
  "next.copyFailed": {
    en: "The ID could not be copied: select it and press Ctrl+C.",
    fr: "L’ID n’a pas pu être copié : sélectionnez-le et appuyez sur Ctrl+C.",
    nl: "Het id kon niet worden gekopieerd: selecteer het en druk op Ctrl+C.",
  },

  "settings.heading": { en: "Settings", fr: "Paramètres", nl: "Instellingen" },
  "settings.asOf": { en: "As-of date", fr: "Date de référence", nl: "Peildatum" },
  "settings.asOfToday": {
    en: "Today (the workbook recalculates every day)",
    fr: "Aujourd’hui (le classeur se recalcule chaque jour)",
    nl: "Vandaag (de werkmap rekent elke dag opnieuw)",
  },
  "settings.asOfFixed": { en: "A fixed date (for an audit)", fr: "Une date fixe (pour un audit)", nl: "Een vaste datum (voor een audit)" },
  "settings.asOfDate": { en: "Date", fr: "Date", nl: "Datum" },
  "settings.asOfInvalid": { en: "Enter a valid date.", fr: "Saisissez une date valide.", nl: "Voer een geldige datum in." },
  "settings.nce": { en: "New-commerce accounts", fr: "Comptes en nouveau commerce", nl: "Accounts met nieuwe commerce" },
  "settings.nceHelp": {
    en: "Every old subscription of these accounts is new commerce: suspending it does not stop billing.",
    fr: "Chaque ancien abonnement de ces comptes relève du nouveau commerce : le suspendre n’arrête pas la facturation.",
    nl: "Elk oud abonnement van deze accounts is nieuwe commerce: opschorten stopt de facturering niet.",
  },
  "settings.nceNone": { en: "No old account yet.", fr: "Aucun ancien compte pour l’instant.", nl: "Nog geen oud account." },
  "settings.offerMap": { en: "Offer map", fr: "Correspondance des offres", nl: "Aanbiedingstoewijzing" },
  "settings.offerMapHelp": {
    en: "An old offer (name or ID) and the new offer that replaces it.",
    fr: "Une ancienne offre (nom ou ID) et la nouvelle offre qui la remplace.",
    nl: "Een oude aanbieding (naam of id) en de nieuwe aanbieding die haar vervangt.",
  },
  "settings.offerMapEmpty": { en: "No offer mapped.", fr: "Aucune offre associée.", nl: "Geen aanbieding toegewezen." },
  "settings.oldOffer": { en: "Old offer", fr: "Ancienne offre", nl: "Oude aanbieding" },
  "settings.newOffer": { en: "New offer", fr: "Nouvelle offre", nl: "Nieuwe aanbieding" },
  "settings.oldOfferRow": { en: "Old offer, row {n}", fr: "Ancienne offre, ligne {n}", nl: "Oude aanbieding, rij {n}" },
  "settings.newOfferRow": { en: "New offer, row {n}", fr: "Nouvelle offre, ligne {n}", nl: "Nieuwe aanbieding, rij {n}" },
  "settings.addRow": { en: "Add a row", fr: "Ajouter une ligne", nl: "Rij toevoegen" },
  "settings.removeRow": { en: "Remove row {n}", fr: "Supprimer la ligne {n}", nl: "Rij {n} verwijderen" },
  "settings.autoOpen": {
    en: "Open this pane for everyone who opens this workbook",
    fr: "Ouvrir ce volet pour toute personne qui ouvre ce classeur",
    nl: "Dit venster openen voor iedereen die deze werkmap opent",
  },
  "settings.autoOpenHelp": {
    en: "Works for colleagues who have the add-in installed.",
    fr: "Fonctionne pour les collègues qui ont installé le complément.",
    nl: "Werkt voor collega's die de invoegtoepassing hebben geïnstalleerd.",
  },
  "settings.save": { en: "Save settings", fr: "Enregistrer les paramètres", nl: "Instellingen opslaan" },
  "settings.saved": {
    en: "Settings saved. Reconcile again to apply them.",
    fr: "Paramètres enregistrés. Relancez le rapprochement pour les appliquer.",
    nl: "Instellingen opgeslagen. Stem opnieuw af om ze toe te passen.",
  },
  "settings.removeHeading": { en: "Remove", fr: "Supprimer", nl: "Verwijderen" },
  "settings.removeHelp": {
    en: "Removes the sheets and columns that reconciling added. Your exports stay.",
    fr: "Supprime les feuilles et colonnes ajoutées par le rapprochement. Vos exports restent.",
    nl: "Verwijdert de bladen en kolommen die het afstemmen heeft toegevoegd. Uw exports blijven.",
  },
  "settings.remove": { en: "Remove reconciliation…", fr: "Supprimer le rapprochement…", nl: "Afstemming verwijderen…" },
  "remove.title": { en: "Remove the reconciliation?", fr: "Supprimer le rapprochement ?", nl: "Afstemming verwijderen?" },
  "remove.body": {
    en: "The Summary, Groups, Problems and Rules sheets, the hidden helper sheets and the columns added beside your exports will be deleted, with the Exclude decisions typed in the Decision column.",
    fr: "Les feuilles Summary, Groups, Problems et Rules, les feuilles de calcul masquées et les colonnes ajoutées à côté de vos exports seront supprimées, avec les décisions Exclude saisies dans la colonne Decision.",
    nl: "De bladen Summary, Groups, Problems en Rules, de verborgen hulpbladen en de kolommen naast uw exports worden verwijderd, met de Exclude-beslissingen in de kolom Decision.",
  },
  "remove.everything": {
    en: "Also remove the imported sheets and the settings",
    fr: "Supprimer aussi les feuilles importées et les paramètres",
    nl: "Ook de geïmporteerde bladen en de instellingen verwijderen",
  },
  "remove.everythingHelp": {
    en: "Deletes the sheets the add-in imported and the Sources, Accounts and Offer map sheets. Sheets you opened yourself stay.",
    fr: "Supprime les feuilles importées par le complément et les feuilles Sources, Accounts et Offer map. Les feuilles que vous avez ouvertes vous-même restent.",
    nl: "Verwijdert de bladen die de invoegtoepassing importeerde en de bladen Sources, Accounts en Offer map. Bladen die u zelf opende blijven.",
  },
  "remove.confirm": { en: "Remove", fr: "Supprimer", nl: "Verwijderen" },
  "remove.keep": { en: "Keep", fr: "Conserver", nl: "Behouden" },
  "remove.done": { en: "Reconciliation removed.", fr: "Rapprochement supprimé.", nl: "Afstemming verwijderd." },
  "remove.doneEverything": {
    en: "Reconciliation, imported sheets and settings removed.",
    fr: "Rapprochement, feuilles importées et paramètres supprimés.",
    nl: "Afstemming, geïmporteerde bladen en instellingen verwijderd.",
  },

  "outside.title": { en: "Open CSP Reconcile from Excel", fr: "Ouvrez CSP Reconcile depuis Excel", nl: "Open CSP Reconcile vanuit Excel" },
  "outside.body": {
    en: "This page is an Excel add-in: it works in Excel’s task pane, not on its own in a browser.",
    fr: "Cette page est un complément Excel : elle fonctionne dans le volet Office d’Excel, pas seule dans un navigateur.",
    nl: "Deze pagina is een Excel-invoegtoepassing: ze werkt in het taakvenster van Excel, niet los in een browser.",
  },
  "outside.noOfficeJs": {
    en: "Office’s library (office.js) could not be loaded. Check that appsforoffice.microsoft.com can be reached.",
    fr: "La bibliothèque d’Office (office.js) n’a pas pu être chargée. Vérifiez que appsforoffice.microsoft.com est accessible.",
    nl: "De Office-bibliotheek (office.js) kon niet worden geladen. Controleer of appsforoffice.microsoft.com bereikbaar is.",
  },
  "outside.stepsTitle": { en: "To add it to Excel", fr: "Pour l’ajouter à Excel", nl: "Zo voegt u het toe aan Excel" },
  "outside.stepWeb": {
    en: "Excel on the web: Home → Add-ins → More Settings → Upload My Add-in, then choose manifest.xml.",
    fr: "Excel sur le web : Accueil → Compléments → Plus de paramètres → Charger mon complément, puis choisissez manifest.xml.",
    nl: "Excel voor het web: Start → Invoegtoepassingen → Meer instellingen → Mijn invoegtoepassing uploaden, en kies manifest.xml.",
  },
  "outside.stepDesktop": {
    en: "Excel on Windows or Mac: a shared-folder catalog (Windows) or the wef folder (Mac), or ask your Microsoft 365 administrator to deploy it.",
    fr: "Excel sur Windows ou Mac : un catalogue de dossier partagé (Windows) ou le dossier wef (Mac), ou demandez à votre administrateur Microsoft 365 de le déployer.",
    nl: "Excel op Windows of Mac: een catalogus in een gedeelde map (Windows) of de map wef (Mac), of vraag uw Microsoft 365-beheerder om het te implementeren.",
  },
  "outside.stepOpen": {
    en: "Then select Reconcile on the Home tab.",
    fr: "Sélectionnez ensuite Reconcile dans l’onglet Accueil.",
    nl: "Selecteer daarna Reconcile op het tabblad Start.",
  },
  "outside.readme": {
    en: "Each way is explained step by step in the project’s README, section “Sideload it”.",
    fr: "Chaque méthode est expliquée pas à pas dans le README du projet, section « Sideload it ».",
    nl: "Elke manier staat stap voor stap in de README van het project, sectie ‘Sideload it’.",
  },
  "outside.oldExcel": {
    en: "This version of Excel is too old for the add-in: it needs Excel 2019 or later, or Microsoft 365 (Excel API 1.7).",
    fr: "Cette version d’Excel est trop ancienne pour le complément : il faut Excel 2019 ou ultérieur, ou Microsoft 365 (Excel API 1.7).",
    nl: "Deze versie van Excel is te oud voor de invoegtoepassing: Excel 2019 of later, of Microsoft 365, is nodig (Excel API 1.7).",
  },
} satisfies Record<string, Entry>;

export type MessageKey = keyof typeof MESSAGES;

type Pair = { readonly fr: string; readonly nl: string };
const withEnglish = <K extends string>(en: Record<K, string>, rest: Record<K, Pair>): Record<K, Entry> =>
  Object.fromEntries((Object.keys(rest) as K[]).map((k) => [k, { en: en[k], ...rest[k] }])) as Record<K, Entry>;

export const VERDICTS: Record<CustomerVerdict, Entry> = withEnglish(LABEL, {
  CLOSED: { fr: "Clôturé", nl: "Afgesloten" },
  NEW_ONLY: { fr: "Nouveau uniquement", nl: "Alleen nieuw" },
  DONE: { fr: "Terminé", nl: "Klaar" },
  NEW_NOT_ACTIVE: { fr: "Nouveau non actif", nl: "Nieuw niet actief" },
  OLD_STILL_ACTIVE: { fr: "Ancien encore actif", nl: "Oud nog actief" },
  AZURE_PENDING: { fr: "Azure : en attente de Microsoft", nl: "Azure: wacht op Microsoft" },
  SERVICE_GAP: { fr: "Interruption de service", nl: "Onderbreking van de dienst" },
  MISSING_NEW: { fr: "Nouvel abonnement manquant", nl: "Nieuw abonnement ontbreekt" },
  SEATS_SHORT: { fr: "Licences insuffisantes", nl: "Te weinig licenties" },
  NCE_STILL_BILLED: { fr: "Suspendu mais encore facturé", nl: "Opgeschort maar nog gefactureerd" },
  SEATS_OVER: { fr: "Licences en trop", nl: "Te veel licenties" },
  NO_EXPORT: { fr: "Non exporté", nl: "Niet geëxporteerd" },
  UNREADABLE_EXPORT: { fr: "Export illisible", nl: "Export onleesbaar" },
  RELATIONSHIP_PENDING: { fr: "Relation en attente", nl: "Relatie in behandeling" },
});

export const NEXT_STEPS: Record<CustomerVerdict, Entry> = withEnglish(NEXT_STEP, {
  SERVICE_GAP: {
    fr: "L’ancien abonnement est suspendu et aucune licence n’est active dans le nouveau compte : créez l’abonnement dans le nouveau compte maintenant.",
    nl: "Het oude abonnement is opgeschort en in het nieuwe account is geen licentie actief: maak het abonnement nu aan in het nieuwe account.",
  },
  OLD_STILL_ACTIVE: {
    fr: "L’ancien abonnement est encore facturé à côté du nouveau : suspendez-le (ancien commerce) ou transférez-le/annulez-le (nouveau commerce) aujourd’hui, sauf si le conseil dit de le laisser expirer.",
    nl: "Het oude abonnement wordt nog naast het nieuwe gefactureerd: schort het vandaag op (oude commerce) of draag het over/annuleer het (nieuwe commerce), tenzij het advies zegt het te laten verlopen.",
  },
  NCE_STILL_BILLED: {
    fr: "Un abonnement nouveau commerce suspendu reste facturé : transférez-le, ou annulez-le dans les 7 jours suivant l’achat ou le renouvellement.",
    nl: "Een opgeschort abonnement met nieuwe commerce blijft gefactureerd: draag het over, of annuleer het binnen 7 dagen na aankoop of verlenging.",
  },
  MISSING_NEW: {
    fr: "Créez l’abonnement dans le nouveau compte avec la même offre et le même nombre de licences, puis suspendez l’ancien le même jour, sauf si le conseil dit de le laisser expirer.",
    nl: "Maak het abonnement aan in het nieuwe account met dezelfde aanbieding en hetzelfde aantal licenties, en schort het oude dezelfde dag op, tenzij het advies zegt het te laten verlopen.",
  },
  SEATS_SHORT: {
    fr: "Le nouveau compte a moins de licences que l’ancien : ajoutez-en avant l’arrêt de l’ancien abonnement.",
    nl: "Het nieuwe account heeft minder licenties dan het oude: voeg licenties toe voordat het oude abonnement stopt.",
  },
  NEW_NOT_ACTIVE: {
    fr: "Le nouvel abonnement est en attente ou suspendu : activez-le avant l’arrêt de l’ancien.",
    nl: "Het nieuwe abonnement is in behandeling of opgeschort: maak het actief voordat het oude stopt.",
  },
  AZURE_PENDING: {
    fr: "Microsoft transfère Azure : envoyez le nom de la société du client au support Azure et attendez le transfert.",
    nl: "Microsoft verplaatst Azure: stuur de bedrijfsnaam van de klant naar Azure-ondersteuning en wacht op de verplaatsing.",
  },
  SEATS_OVER: {
    fr: "Le nouveau compte a plus de licences que l’ancien : vérifiez que c’est voulu.",
    nl: "Het nieuwe account heeft meer licenties dan het oude: controleer of dat de bedoeling is.",
  },
  NEW_ONLY: { fr: "Uniquement dans le nouveau compte : rien à transférer.", nl: "Alleen in het nieuwe account: niets te verplaatsen." },
  DONE: { fr: "Transféré : plus rien à transférer.", nl: "Verplaatst: niets meer te verplaatsen." },
  CLOSED: { fr: "Rien n’est actif dans aucun compte.", nl: "Niets is actief in een van beide accounts." },
  NO_EXPORT: {
    fr: "Exportez les abonnements de ce client depuis chaque compte qui le liste, et ajoutez les fichiers.",
    nl: "Exporteer de abonnementen van deze klant uit elk account dat de klant vermeldt, en voeg de bestanden toe.",
  },
  UNREADABLE_EXPORT: {
    fr: "Un export de ce client n’a pas pu être lu, ses abonnements sont donc inconnus : exportez-le à nouveau (voir Problèmes) et relancez le rapprochement.",
    nl: "Een export van deze klant kon niet worden gelezen, dus de abonnementen zijn onbekend: exporteer opnieuw (zie Problemen) en voer de afstemming opnieuw uit.",
  },
  RELATIONSHIP_PENDING: {
    fr: "Le client n’a pas accepté la nouvelle relation de revendeur : renvoyez la demande.",
    nl: "De klant heeft de nieuwe resellerrelatie niet geaccepteerd: stuur het verzoek opnieuw.",
  },
});

/**
 * A group's advice (src/domain/advice.ts): English as the workbook's Advice column and report.json
 * say it.
 */
export const ADVICE_TEXTS: Record<AdviceItem["kind"], Entry> = withEnglish(
  {
    doubleBilling: fill(ADVICE.doubleBilling, "{days}"),
    letExpire: fill(ADVICE.letExpire, "{date}"),
    transferOrCancel: ADVICE.transferOrCancel,
    reassign: ADVICE.reassign,
  },
  {
    doubleBilling: { fr: "double facturation depuis {days} jours", nl: "dubbele facturering sinds {days} dagen" },
    letExpire: { fr: "laissez-le expirer le {date}", nl: "laat het verlopen op {date}" },
    transferOrCancel: { fr: "transférez-le ou annulez-le dans les 7 jours", nl: "draag het over of annuleer het binnen 7 dagen" },
    reassign: { fr: "réattribuez les licences", nl: "wijs de licenties opnieuw toe" },
  },
);

type ActionPhrase = Exclude<keyof typeof ENGLISH_WORDS, "lines" | "problemRow" | "separator" | "end">;
type ActionWordKey = `line.${number}` | ActionPhrase | `problemRow.${ProblemRowCode}`;

/**
 * The Next steps sentences (src/domain/actions/sentence.ts): a sentence per line of the action
 * table and the phrases they are made of, with the same {placeholders}. English is the engine's
 * own (ACTION_TABLE, ACTION_PHRASES), so the pane says what report.json and the Next steps sheet
 * say. Where a sentence names {ids}, it follows a space: an action without IDs drops " {ids}".
 */
export const ACTION_WORDS: Record<ActionWordKey, Entry> = withEnglish<ActionWordKey>(
  {
    ...Object.fromEntries(Object.entries(ENGLISH_WORDS.lines).map(([n, text]) => [`line.${n}`, text])),
    ...Object.fromEntries(Object.entries(ENGLISH_WORDS.problemRow).map(([code, text]) => [`problemRow.${code}`, text])),
    whereOld: ENGLISH_WORDS.whereOld,
    whereNew: ENGLISH_WORDS.whereNew,
    doubleBilling: ENGLISH_WORDS.doubleBilling,
    letExpire: ENGLISH_WORDS.letExpire,
    nceDue: ENGLISH_WORDS.nceDue,
    nceWindowClosed: ENGLISH_WORDS.nceWindowClosed,
    oldOffersUnknown: ENGLISH_WORDS.oldOffersUnknown,
    offerUnknown: ENGLISH_WORDS.offerUnknown,
    seatsUnreadable: ENGLISH_WORDS.seatsUnreadable,
  } as Record<ActionWordKey, string>,
  {
    "line.1": {
      fr: "Dans {where}, exportez les abonnements de {customer} et ajoutez le fichier",
      nl: "Exporteer in {where} de abonnementen van {customer} en voeg het bestand toe",
    },
    "line.2": {
      fr: "Dans {where}, exportez à nouveau les abonnements de {customer} pour remplacer {file} ({problem})",
      nl: "Exporteer in {where} de abonnementen van {customer} opnieuw om {file} te vervangen ({problem})",
    },
    "line.3": {
      fr: "Dans le nouveau compte, renvoyez la demande de relation de revendeur à {customer} : le client ne l’a pas encore acceptée",
      nl: "Stuur in het nieuwe account het verzoek voor de resellerrelatie opnieuw naar {customer}: de klant heeft het nog niet geaccepteerd",
    },
    "line.4": {
      fr: "Dans le nouveau compte, créez maintenant {offer} × {seats} licences pour {customer} : aucun abonnement de cette offre n’est actif dans l’un ou l’autre compte",
      nl: "Maak in het nieuwe account nu {offer} × {seats} licenties aan voor {customer}: geen abonnement van deze aanbieding is actief in een van beide accounts",
    },
    "line.5": {
      fr: "Dans le nouveau compte, créez {offer} × {seats} licences pour {customer}, puis arrêtez l’ancien abonnement le même jour, sauf si son conseil dit de le laisser expirer",
      nl: "Maak in het nieuwe account {offer} × {seats} licenties aan voor {customer} en stop het oude abonnement dezelfde dag, tenzij het advies zegt het te laten verlopen",
    },
    "line.6": {
      fr: "Dans le nouveau compte, faites activer {offer} {ids} de {customer} : l’abonnement est en attente ou suspendu",
      nl: "Zorg in het nieuwe account dat {offer} {ids} van {customer} actief wordt: het is in behandeling of opgeschort",
    },
    "line.7": {
      fr: "Dans le nouveau compte, ajoutez {seats} licences à {offer} {ids} de {customer} avant l’arrêt de l’ancien abonnement",
      nl: "Voeg in het nieuwe account {seats} licenties toe aan {offer} {ids} van {customer} voordat het oude abonnement stopt",
    },
    "line.8": {
      fr: "Dans {where}, suspendez {offer} {ids} de {customer} ({seats} licences) : il est encore facturé à côté du nouveau",
      nl: "Schort in {where} {offer} {ids} van {customer} op ({seats} licenties): het wordt nog naast het nieuwe gefactureerd",
    },
    "line.9": {
      fr: "Dans {where}, transférez ou annulez {offer} {ids} de {customer} ({seats} licences) : il est encore facturé à côté du nouveau",
      nl: "Draag in {where} {offer} {ids} van {customer} over of annuleer het ({seats} licenties): het wordt nog naast het nieuwe gefactureerd",
    },
    "line.10": {
      fr: "Dans {where}, transférez ou annulez {offer} {ids} de {customer} ({seats} licences) : un abonnement nouveau commerce suspendu reste facturé",
      nl: "Draag in {where} {offer} {ids} van {customer} over of annuleer het ({seats} licenties): een opgeschort abonnement met nieuwe commerce blijft gefactureerd",
    },
    "line.11": {
      fr: "Demandez à Microsoft (support Azure) de transférer les abonnements Azure de la société {customer} vers le nouveau compte",
      nl: "Vraag Microsoft (Azure-ondersteuning) de Azure-abonnementen van het bedrijf {customer} naar het nieuwe account te verplaatsen",
    },
    "line.12": {
      fr: "Dans {where}, vérifiez que l’ancien abonnement Azure {ids} de {customer} apparaît comme suspendu : le nouveau est actif",
      nl: "Controleer in {where} of het oude Azure-abonnement {ids} van {customer} als opgeschort wordt getoond: het nieuwe is actief",
    },
    "line.13": {
      fr: "Dans le nouveau compte, {offer} {ids} de {customer} a {seats} licences de plus que l’ancien compte : réduisez-les ou confirmez",
      nl: "In het nieuwe account heeft {offer} {ids} van {customer} {seats} licenties meer dan het oude account had: verminder ze of bevestig",
    },
    "line.14": {
      fr: "Dans le locataire de {customer}, réattribuez les licences des utilisateurs de {oldOffers} à {offer}",
      nl: "Verplaats in de tenant van {customer} de licenties van de gebruikers van {oldOffers} naar {offer}",
    },
    "line.15": {
      fr: "Dans {where}, vérifiez {offer} {ids} de {customer} : {problem} ; corrigez la ligne dans le classeur ou marquez-la Exclude, puis relancez le rapprochement",
      nl: "Controleer in {where} {offer} {ids} van {customer}: {problem}; corrigeer de rij in de werkmap of markeer ze met Exclude en stem daarna opnieuw af",
    },
    "problemRow.BAD_QUANTITY": {
      fr: "sa quantité est illisible, ses licences ne sont donc pas comptées",
      nl: "het aantal is onleesbaar, dus de licenties tellen niet mee",
    },
    "problemRow.UNKNOWN_STATUS": {
      fr: "son état n’est pas un état connu, il n’est donc pas compté",
      nl: "de status is geen bekende status, dus het telt niet mee",
    },
    "problemRow.EMPTY_OFFER": { fr: "son nom d’offre est vide", nl: "de aanbiedingsnaam is leeg" },
    "problemRow.DUPLICATE_ID": {
      fr: "son ID d’abonnement figure déjà dans une autre ligne du compte, il n’est donc pas compté",
      nl: "het abonnements-id staat al in een andere rij van het account, dus het telt niet mee",
    },
    "problemRow.SAME_ID_OLD_NEW": {
      fr: "son ID d’abonnement figure aussi dans un ancien compte",
      nl: "het abonnements-id staat ook in een oud account",
    },
    whereOld: { fr: "le compte {account}", nl: "het account {account}" },
    whereNew: { fr: "le nouveau compte", nl: "het nieuwe account" },
    doubleBilling: { fr: "double facturation depuis {days} jours", nl: "dubbele facturering sinds {days} dagen" },
    letExpire: {
      fr: "Dans {where}, laissez {offer} {ids} de {customer} ({seats} licences) expirer le {date} au lieu de le suspendre : une résiliation en ancien commerce n’est pas remboursée",
      nl: "Laat in {where} {offer} {ids} van {customer} ({seats} licenties) op {date} verlopen in plaats van het op te schorten: een opzegging in de oude commerce wordt niet terugbetaald",
    },
    nceDue: { fr: "annulez-le au plus tard le {date} (7 jours après son début)", nl: "annuleer het uiterlijk op {date} (7 dagen na de start)" },
    nceWindowClosed: {
      fr: "son délai d’annulation de 7 jours a pris fin le {date} : transférez-le",
      nl: "de annuleringstermijn van 7 dagen is op {date} verstreken: draag het over",
    },
    oldOffersUnknown: { fr: "l’ancienne offre", nl: "de oude aanbieding" },
    offerUnknown: { fr: "l’abonnement", nl: "het abonnement" },
    seatsUnreadable: { fr: "un nombre illisible de", nl: "een onleesbaar aantal" },
  } as Record<ActionWordKey, Pair>,
);

/** The punctuation between a sentence's parts and at its end (French puts a space before ";"). */
export const ACTION_PUNCTUATION: Readonly<Record<Language, { readonly separator: string; readonly end: string }>> = {
  en: { separator: ENGLISH_WORDS.separator, end: ENGLISH_WORDS.end },
  fr: { separator: " ; ", end: "." },
  nl: { separator: "; ", end: "." },
};

/** A run missing a whole side's exports (src/domain/warnings.ts); English as the Summary says it. */
export const WARNINGS: Record<RunWarningCode, Entry> = withEnglish(RUN_WARNING_TEXT, {
  NO_OLD_ACCOUNT: {
    fr: "Aucun export d’un ancien compte n’a été lu : rien ne peut être vérifié comme transféré.",
    nl: "Er is geen export van een oud account gelezen: niets kan als verplaatst worden gecontroleerd.",
  },
  NO_NEW_ACCOUNT: {
    fr: "Aucun export du nouveau compte n’a été lu : chaque offre y apparaît comme manquante.",
    nl: "Er is geen export van het nieuwe account gelezen: elke aanbieding ontbreekt daar.",
  },
});

export const PROBLEMS: Record<ProblemCode, Entry> = {
  MISSING_COLUMN: { en: "Missing column", fr: "Colonne manquante", nl: "Ontbrekende kolom" },
  BAD_QUANTITY: { en: "Unreadable quantity", fr: "Quantité illisible", nl: "Onleesbaar aantal" },
  UNKNOWN_STATUS: { en: "Unknown status", fr: "État inconnu", nl: "Onbekende status" },
  EMPTY_OFFER: { en: "Empty offer name", fr: "Nom d’offre vide", nl: "Lege aanbiedingsnaam" },
  DUPLICATE_ID: { en: "Duplicate subscription ID", fr: "ID d’abonnement en double", nl: "Dubbel abonnements-id" },
  SAME_ID_OLD_NEW: {
    en: "Same ID in an old and the new account",
    fr: "Même ID dans un ancien et le nouveau compte",
    nl: "Zelfde id in een oud en het nieuwe account",
  },
  UNKNOWN_CUSTOMER: { en: "Customer not identified", fr: "Client non identifié", nl: "Klant niet herkend" },
  CONFLICTING_CUSTOMER: {
    en: "Customer with two Microsoft IDs",
    fr: "Client avec deux ID Microsoft",
    nl: "Klant met twee Microsoft-id's",
  },
  BAD_CUSTOMER_ID: { en: "Invalid Microsoft ID", fr: "ID Microsoft non valide", nl: "Ongeldig Microsoft-id" },
  UNREADABLE_FILE: { en: "Unreadable file", fr: "Fichier illisible", nl: "Onleesbaar bestand" },
  EMPTY_FILE: { en: "Empty file", fr: "Fichier vide", nl: "Leeg bestand" },
  BAD_VALUE: { en: "Unreadable billing value", fr: "Valeur de facturation illisible", nl: "Onleesbare factuurwaarde" },
};

/**
 * Progress phases: `Progress.phase` from the gateway is one of these keys. An unknown key is
 * shown as the generic "working" text rather than as a raw key.
 */
export const PHASES = {
  working: { en: "Working…", fr: "Traitement…", nl: "Bezig…" },
  files: { en: "Reading files", fr: "Lecture des fichiers", nl: "Bestanden lezen" },
  reading: { en: "Reading the sheets", fr: "Lecture des feuilles", nl: "Bladen lezen" },
  importing: { en: "Importing files", fr: "Importation des fichiers", nl: "Bestanden importeren" },
  reconciling: { en: "Reconciling", fr: "Rapprochement", nl: "Afstemmen" },
  writing: { en: "Writing the workbook", fr: "Écriture du classeur", nl: "Werkmap schrijven" },
  formatting: { en: "Formatting", fr: "Mise en forme", nl: "Opmaken" },
  summary: { en: "Writing the summary", fr: "Écriture du résumé", nl: "Overzicht schrijven" },
  calculating: { en: "Calculating", fr: "Calcul", nl: "Berekenen" },
  saving: { en: "Saving", fr: "Enregistrement", nl: "Opslaan" },
  removing: { en: "Removing", fr: "Suppression", nl: "Verwijderen" },
  done: { en: "Done", fr: "Terminé", nl: "Klaar" },
} satisfies Record<string, Entry>;

export const ERRORS: Record<WorkbookError["key"], Entry> = {
  protected: {
    en: "A sheet the add-in must change is protected. Remove the protection (Review → Unprotect Sheet) and try again.",
    fr: "Une feuille que le complément doit modifier est protégée. Ôtez la protection (Révision → Ôter la protection de la feuille) et réessayez.",
    nl: "Een blad dat de invoegtoepassing moet wijzigen is beveiligd. Hef de beveiliging op (Controleren → Beveiliging blad opheffen) en probeer het opnieuw.",
  },
  workbookProtected: {
    en: "The workbook’s structure is protected, and this step must add or remove sheets. Nothing was changed. Remove the protection (Review → Protect Workbook) and try again.",
    fr: "La structure du classeur est protégée, et cette étape doit ajouter ou supprimer des feuilles. Rien n’a été modifié. Ôtez la protection (Révision → Protéger le classeur) et réessayez.",
    nl: "De structuur van de werkmap is beveiligd, en deze stap moet bladen toevoegen of verwijderen. Er is niets gewijzigd. Hef de beveiliging op (Controleren → Werkmap beveiligen) en probeer het opnieuw.",
  },
  tableOverlap: {
    en: "An Excel table on an export sheet covers the columns the add-in writes. Nothing was changed. Resize the table to end before them (Table Design → Resize Table) and try again.",
    fr: "Un tableau Excel d’une feuille d’export couvre les colonnes qu’écrit le complément. Rien n’a été modifié. Redimensionnez le tableau pour qu’il s’arrête avant elles (Création de tableau → Redimensionner le tableau) et réessayez.",
    nl: "Een Excel-tabel op een exportblad bedekt de kolommen die de invoegtoepassing schrijft. Er is niets gewijzigd. Wijzig het formaat van de tabel zodat ze ervoor eindigt (Tabelontwerp → Formaat van tabel wijzigen) en probeer het opnieuw.",
  },
  tooManyRows: {
    en: "These exports have more rows than Excel here can take in one workbook. Split the accounts over several workbooks, or use the csp-reconcile command.",
    fr: "Ces exports ont plus de lignes qu’Excel ne peut en traiter ici dans un classeur. Répartissez les comptes sur plusieurs classeurs, ou utilisez la commande csp-reconcile.",
    nl: "Deze exports hebben meer rijen dan Excel hier in één werkmap aankan. Verdeel de accounts over meerdere werkmappen, of gebruik de opdracht csp-reconcile.",
  },
  noExports: {
    en: "No export sheet to reconcile. Import exports, or open them as sheets, first.",
    fr: "Aucune feuille d’export à rapprocher. Importez d’abord des exports, ou ouvrez-les comme feuilles.",
    nl: "Geen exportblad om af te stemmen. Importeer eerst exports, of open ze als bladen.",
  },
  readLimit: {
    en: "Excel refused to hand over that many cells at once. Close other workbooks and try again; Excel on the desktop handles more than Excel on the web.",
    fr: "Excel a refusé de transmettre autant de cellules à la fois. Fermez les autres classeurs et réessayez ; Excel sur ordinateur en traite plus qu’Excel sur le web.",
    nl: "Excel weigerde zoveel cellen tegelijk door te geven. Sluit andere werkmappen en probeer het opnieuw; Excel op de desktop kan meer aan dan Excel voor het web.",
  },
  apiUnsupported: {
    en: "This version of Excel lacks a feature this step needs. Use Microsoft 365, Excel 2019 or later, or Excel on the web.",
    fr: "Cette version d’Excel n’a pas une fonction dont cette étape a besoin. Utilisez Microsoft 365, Excel 2019 ou ultérieur, ou Excel sur le web.",
    nl: "Deze versie van Excel mist een functie die deze stap nodig heeft. Gebruik Microsoft 365, Excel 2019 of later, of Excel voor het web.",
  },
  failed: {
    en: "Excel reported an error. Try again; if it persists, save the workbook and reopen it.",
    fr: "Excel a signalé une erreur. Réessayez ; si cela persiste, enregistrez le classeur et rouvrez-le.",
    nl: "Excel meldde een fout. Probeer het opnieuw; blijft het gebeuren, sla de werkmap dan op en open ze opnieuw.",
  },
};
