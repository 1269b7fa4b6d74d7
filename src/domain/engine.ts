/**
 * The reconciliation engine: sources in, verdicts and problems out (spec §3 – §5, §7).
 * Pure and synchronous; the same function serves the task pane and the headless command.
 */
import { Cell, cellText, isBlank, isCellError } from "./cells";
import { CustomerList, CustomerResolver, customerKeyOf, findConflicts, readCustomerList, Resolution } from "./customers";
import { readDate } from "./dates";
import { perDistinctTexts, perDistinctValue } from "./memo";
import { HeaderMap, SubscriptionField, keyColumns, missingRequired, recogniseSubscriptionHeader, FIELD_LABEL_EN } from "./headers";
import {
  AccountInfo,
  AccountRef,
  Commerce,
  CustomerResult,
  EngineInput,
  EngineResult,
  GroupResult,
  GroupTotals,
  Problem,
  Role,
  RowResult,
  SourceState,
  SubscriptionSource,
  UnreadableFile,
} from "./model";
import { AZURE_KEY, OfferResolver, isAzureRow, isNceByOffer, pairNamesDiffer } from "./offers";
import { readQuantity, describeQuantityProblem, QuantityReading } from "./quantity";
import { isLive, readStatus } from "./status";
import { caseFold, cellKey, compareCodePoints, parseGuid, quoted } from "./text";
import { CustomerVerdict, GroupVerdict, ProblemRowCode, customerVerdict, groupVerdict, isFlagged } from "./verdicts";
import { groupNotes } from "./advice";

export { compareCodePoints };

export function sourceOrder<T extends { source: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareCodePoints(caseFold(a.source), caseFold(b.source)));
}

export const accountId = (role: Role, account: string): string => `${role}/${caseFold(account.trim())}`;

/** The decision column says "Exclude" (trimmed, any case), as the workbook formula reads it. */
export function isExcluded(cell: Cell | undefined): boolean {
  return typeof cell === "string" && cellKey(cell) === "exclude";
}

type MutableRow = { -readonly [K in keyof RowResult]: RowResult[K] };

/** Shared by every row without a problem: one array per row would cost at 100k rows. */
const NO_PROBLEMS: readonly ProblemRowCode[] = Object.freeze([]);

function markProblem(row: MutableRow, code: ProblemRowCode): void {
  if (row.problems === NO_PROBLEMS) row.problems = [code];
  else if (!row.problems.includes(code)) (row.problems as ProblemRowCode[]).push(code);
}

/** Whether a header names the row's customer (§7.8). */
const namesCustomers = (f: HeaderMap<SubscriptionField>["fields"]): boolean =>
  f.microsoftId !== undefined || f.customerName !== undefined || f.domain !== undefined;

interface GroupAcc {
  readonly customer: string;
  readonly offerKey: string;
  readonly rows: number[];
  label: string;
  reassign: boolean;
  readonly azure: boolean;
}

interface CustomerAcc {
  key: string;
  microsoftId: string | null;
  listNames: Map<string, string>; // account id → company name in that account's list
  cellName: string;
  baseName: string;
  inReport: boolean;
  coveredBy: Set<string>;
  listedIn: Set<string>;
  inNewList: boolean;
  unreadable: UnreadableFile[];
}

const text = (cells: readonly Cell[], col: number | undefined): string =>
  col === undefined ? "" : cellText(cells[col]).trim();

export function reconcile(input: EngineInput): EngineResult {
  const problems: Problem[] = [...(input.problems ?? [])];
  // The pure cell readers, read once per distinct value for this run (memo.ts).
  const statusOf = perDistinctValue(readStatus);
  const quantityOf = perDistinctValue(readQuantity);
  const dateOf = perDistinctValue(readDate);
  const azureRowOf = perDistinctTexts(isAzureRow);
  const nceByOfferOf = perDistinctTexts(isNceByOffer);

  // Customer lists, in source order.
  const lists: CustomerList[] = [];
  for (const src of sourceOrder(input.customerLists)) {
    const list = readCustomerList(src, problems);
    if (list) lists.push(list);
  }
  findConflicts(lists, problems);
  const resolver = new CustomerResolver(lists);
  const newListPresent = lists.some((l) => l.role === "to");

  // Accounts and their commerce (accounts.csv / the Accounts table).
  const commerceOf = new Map<string, Commerce>();
  for (const a of input.accounts) commerceOf.set(caseFold(a.account.trim()), a.commerce);
  const accounts = new Map<string, AccountInfo>();
  const noteAccount = (role: Role, account: string) => {
    const id = accountId(role, account);
    if (!accounts.has(id)) {
      accounts.set(id, { account, role, commerce: role === "from" ? commerceOf.get(caseFold(account.trim())) ?? "legacy" : "legacy" });
    }
  };
  for (const s of input.subscriptions) noteAccount(s.role, s.account);
  for (const l of input.customerLists) noteAccount(l.role, l.account);

  // Customers known from lists.
  const customers = new Map<string, CustomerAcc>();
  const customer = (key: string): CustomerAcc => {
    let c = customers.get(key);
    if (!c) {
      c = {
        key,
        microsoftId: key.startsWith("id:") ? key.slice(3) : null,
        listNames: new Map(),
        cellName: "",
        baseName: "",
        inReport: false,
        coveredBy: new Set(),
        listedIn: new Set(),
        inNewList: false,
        unreadable: [],
      };
      customers.set(key, c);
    }
    return c;
  };
  for (const list of lists) {
    const acc = accountId(list.role, list.account);
    for (const e of list.entries) {
      const c = customer(customerKeyOf(e.microsoftId, e.companyName !== "" ? e.companyName : e.domain));
      if (!c.listNames.has(acc)) c.listNames.set(acc, e.companyName !== "" ? e.companyName : e.domain);
      c.listedIn.add(acc);
      if (list.role === "from") c.inReport = true;
      else c.inNewList = true;
    }
  }

  const offers = new OfferResolver(input.offerMap);
  const rows: MutableRow[] = [];
  const sources = sourceOrder(input.subscriptions);
  // Nested maps rather than concatenated keys: hashing a fresh joined string per row was a
  // visible share of the run at 100k rows.
  const seenIds = new Map<string, Map<string, number>>(); // account id → subscription id → first row index
  const groupIndex = new Map<string, Map<string, GroupAcc>>(); // customer key → offer key → group
  const allGroups: GroupAcc[] = [];
  const rowCustomer: string[] = [];

  sources.forEach((src, sourceNo) => {
    const acc = accountId(src.role, src.account);
    const accCommerce = accounts.get(acc)?.commerce ?? "legacy";
    let fileResolution: Resolution | null = null;
    const resolveFile = (): Resolution => {
      if (fileResolution) return fileResolution;
      const name = src.baseName.trim() !== "" ? src.baseName : src.source;
      fileResolution = resolver.resolve(name, src.account, src.role);
      if (fileResolution.kind === "unknown") {
        problems.push({ source: src.source, row: 0, code: "UNKNOWN_CUSTOMER", message: `Customer of this export: ${fileResolution.reason}` });
      }
      const c = customer(fileResolution.key);
      if (c.baseName === "") c.baseName = name;
      return fileResolution;
    };
    const cover = (key: string) => {
      const c = customer(key);
      c.inReport = true;
      c.coveredBy.add(acc);
    };
    const unknownReported = new Set<string>();
    /**
     * The customer a row names in its own cells (§7.8), or null when they name none. `report`
     * is absent for the rows of an unreadable file: only their customer is read.
     */
    const namedCustomer = (
      cells: readonly Cell[],
      f: HeaderMap<SubscriptionField>["fields"],
      report?: (code: Problem["code"], message: string) => void,
    ): { key: string; shown: string } | null => {
      const idText = text(cells, f.microsoftId);
      const name = text(cells, f.customerName);
      const domain = text(cells, f.domain);
      if (idText !== "") {
        const guid = parseGuid(idText);
        if (guid) return { key: `id:${guid}`, shown: "" };
        report?.("BAD_CUSTOMER_ID", `Microsoft ID ${quoted(idText)} is not a tenant ID (a GUID); the row's customer is taken from its name or the file`);
      }
      if (name === "" && domain === "") return null;
      let res = domain !== "" ? resolver.resolve(domain, src.account, src.role) : null;
      if ((!res || res.kind === "unknown") && name !== "") res = resolver.resolve(name, src.account, src.role);
      if (report && res!.kind === "unknown" && !unknownReported.has(res!.key)) {
        unknownReported.add(res!.key);
        report("UNKNOWN_CUSTOMER", `Customer ${res!.reason}`);
      }
      return { key: res!.key, shown: name !== "" ? name : domain };
    };
    /**
     * An export that could not be read still covers its customers (§4 rule 2, §7.1): the ones its
     * rows name when it has a readable customer column (§7.8), else the file's. Gives the
     * customer key of each row ("" for blank rows).
     */
    const coverUnreadable = (state: SourceState): string[] => {
      const entry: UnreadableFile = { source: src.source, account: src.account, role: src.role, code: state.code, message: state.message };
      const fields = src.header.length > 0 ? recogniseSubscriptionHeader(src.header).fields : null;
      const perRow = fields !== null && (src.perRowCustomer ?? namesCustomers(fields));
      const keys = new Set<string>();
      const rowKeys = src.rows.map((r) => {
        if (r.cells.every(isBlank)) return "";
        const named = perRow ? namedCustomer(r.cells, fields!) : null;
        if (named && named.shown !== "" && customer(named.key).cellName === "") customer(named.key).cellName = named.shown;
        const key = named ? named.key : resolveFile().key;
        keys.add(key);
        return key;
      });
      if (!perRow) keys.add(resolveFile().key);
      for (const key of keys) {
        cover(key);
        customer(key).unreadable.push(entry);
      }
      return rowKeys;
    };

    if (src.state) {
      problems.push({ source: src.source, row: 0, code: src.state.code, message: src.state.message });
      coverUnreadable(src.state);
      return;
    }
    const map: HeaderMap<SubscriptionField> = recogniseSubscriptionHeader(src.header);
    const missing = missingRequired(map);
    const f = map.fields;
    const perRowCustomer = src.perRowCustomer ?? namesCustomers(f);
    if (missing.length > 0) {
      const state: SourceState = {
        code: "MISSING_COLUMN",
        message: `Missing column${missing.length > 1 ? "s" : ""} ${missing.map((m) => FIELD_LABEL_EN[m]).join(", ")}: the file's rows are not read`,
      };
      problems.push({ source: src.source, row: 0, ...state });
      const rowKeys = coverUnreadable(state);
      src.rows.forEach((r, index) => {
        if (r.cells.every(isBlank)) return;
        rows.push(missingColumnRow(sourceNo, index, r, src));
        rowCustomer.push(rowKeys[index]);
      });
      return;
    }
    if (!perRowCustomer) cover(resolveFile().key);
    const keyCols = keyColumns(map);

    src.rows.forEach((r, index) => {
      const cells = r.cells;
      if (cells.every(isBlank)) return;
      const at = r.at;
      const report = (code: Problem["code"], message: string) =>
        problems.push({ source: src.source, row: r.row, code, message, at });

      // Customer of the row (§7.8): its own cells, else the file's.
      const named = perRowCustomer ? namedCustomer(cells, f, report) : null;
      const custKey = named ? named.key : resolveFile().key;
      cover(custKey);
      const c = customer(custKey);
      if (named && named.shown !== "" && c.cellName === "") c.cellName = named.shown;

      const subscriptionId = text(cells, f.subscriptionId);
      const offerName = text(cells, f.offerName);
      const offerId = text(cells, f.offerId);
      const unitType = text(cells, f.unitType);
      // Same text as the workbook's "Key now" mirror, which shows #ERROR for an error value.
      const key = keyCols.some((i) => isCellError(cells[i])) ? "#ERROR" : keyCols.map((i) => cellText(cells[i])).join("|");
      // §7.5: a row without an offer name is placed by its offer ID only (Azure or the map).
      const azure = offerName === "" ? azureRowOf(offerId, "", "") : azureRowOf(offerId, offerName, unitType);
      const nceByOffer = nceByOfferOf(offerId, text(cells, f.term));
      // One object per row, filled in place: spreading a 20-field object per row cost more than
      // everything else the engine does (measured: bench/investigate-engine.ts).
      const row: MutableRow = {
        source: sourceNo,
        index,
        row: r.row,
        at,
        role: src.role,
        account: src.account,
        customer: -1,
        azure,
        nceByOffer,
        nce: nceByOffer || accCommerce === "nce",
        key,
        startDate: dateOf(f.startDate === undefined ? null : cells[f.startDate]),
        endDate: dateOf(f.endDate === undefined ? null : cells[f.endDate]),
        subscriptionId,
        offerName,
        group: null,
        outcome: "grouped",
        status: null,
        // Read for every row: an excluded problem row is no problem row (docs/DECISIONS.md).
        excluded: f.decision !== undefined && isExcluded(cells[f.decision]),
        quantity: { ok: false, reason: "empty" },
        problems: NO_PROBLEMS,
      };
      /** A §4 problem row: reported, and marked on the row for its customer's count. */
      const problem = (code: ProblemRowCode, message: string) => {
        report(code, message);
        markProblem(row, code);
      };

      // Duplicates within one account: the first occurrence counts (§7.10).
      if (subscriptionId !== "") {
        const dupKey = subscriptionId.toLowerCase();
        let ids = seenIds.get(acc);
        if (!ids) seenIds.set(acc, (ids = new Map()));
        const first = ids.get(dupKey);
        if (first !== undefined) {
          const firstRow = rows[first];
          problem(
            "DUPLICATE_ID",
            `Subscription ID ${subscriptionId} already appears in ${sources[firstRow.source].source} row ${firstRow.row}; this row is not counted`,
          );
          row.outcome = "duplicate";
          row.status = statusOf(cells[f.status!]);
          rows.push(row);
          rowCustomer.push(custKey);
          return;
        }
        ids.set(dupKey, rows.length);
      }

      const status = statusOf(cells[f.status!]);
      if (status === null) {
        const shown = cellText(cells[f.status!]);
        problem("UNKNOWN_STATUS", shown.trim() === "" ? "Status is empty; the row is not counted" : `Status ${quoted(shown)} is not a known status; the row is not counted`);
      }
      let quantity: QuantityReading = { ok: true, value: 1 };
      if (!azure) {
        quantity = quantityOf(cells[f.quantity!]);
        if (!quantity.ok) {
          problem("BAD_QUANTITY", `${describeQuantityProblem(quantity.reason, cellText(cells[f.quantity!]))}; the row's seats are not added up`);
        }
      }
      const ok = offers.resolve(offerId, offerName, azure);
      // Whether the row is kept depends on its offer ID placing it (§7.5), which only the resolver knows.
      if (offerName === "") problem("EMPTY_OFFER", ok ? "Offer name is empty" : "Offer name is empty; the row is not reconciled");
      if (!ok) {
        row.outcome = "empty-offer";
        row.status = status;
        row.quantity = quantity;
        rows.push(row);
        rowCustomer.push(custKey);
        return;
      }
      let byOffer = groupIndex.get(custKey);
      if (!byOffer) groupIndex.set(custKey, (byOffer = new Map()));
      let grp = byOffer.get(ok.key);
      if (!grp) {
        grp = {
          customer: custKey,
          offerKey: ok.key,
          rows: [],
          label: ok.key === AZURE_KEY ? "Azure" : ok.viaMap ? ok.viaMap.newOffer.trim() : offerName !== "" ? offerName : offerId,
          reassign: false,
          azure: ok.key === AZURE_KEY,
        };
        byOffer.set(ok.key, grp);
        allGroups.push(grp);
      }
      if (ok.viaMap) {
        if (grp.label !== ok.viaMap.newOffer.trim()) grp.label = ok.viaMap.newOffer.trim();
        if (pairNamesDiffer(ok.viaMap)) grp.reassign = true;
      }
      grp.rows.push(rows.length);
      row.group = -1;
      row.status = status;
      row.quantity = quantity;
      rows.push(row);
      rowCustomer.push(custKey);
    });
  });

  // The same subscription ID in an old and the new account: both count, the new row is flagged.
  const oldIds = new Map<string, RowResult>();
  for (const r of rows) if (r.role === "from" && r.outcome !== "duplicate" && r.subscriptionId !== "") {
    const k = r.subscriptionId.toLowerCase();
    if (!oldIds.has(k)) oldIds.set(k, r);
  }
  for (const r of rows) {
    if (r.role !== "to" || r.outcome === "duplicate" || r.outcome === "missing-column" || r.subscriptionId === "") continue;
    const old = oldIds.get(r.subscriptionId.toLowerCase());
    if (!old) continue;
    problems.push({
      source: sources[r.source].source,
      row: r.row,
      code: "SAME_ID_OLD_NEW",
      message: `Subscription ID ${quoted(r.subscriptionId)} is also in the old account ${quoted(old.account)} (${sources[old.source].source} row ${old.row}); both rows are counted`,
      at: r.at,
    });
    markProblem(r, "SAME_ID_OLD_NEW");
  }

  // Customer order: by display name, then key; groups by offer within a customer.
  const displayName = (c: CustomerAcc): string => {
    for (const [acc, name] of c.listNames) if (acc.startsWith("to/") && name !== "") return name;
    const olds = [...c.listNames.entries()].filter(([acc, n]) => acc.startsWith("from/") && n !== "").sort(([a], [b]) => compareCodePoints(a, b));
    if (olds.length > 0) return olds[0][1];
    if (c.cellName !== "") return c.cellName;
    if (c.baseName !== "") return c.baseName;
    return c.key.replace(/^(id|name):/, "");
  };
  const orderedCustomers = [...customers.values()]
    .filter((c) => c.inReport)
    .map((c) => ({ c, name: displayName(c) }))
    .sort((a, b) => compareCodePoints(caseFold(a.name), caseFold(b.name)) || compareCodePoints(a.c.key, b.c.key));
  const customerNo = new Map(orderedCustomers.map((x, i) => [x.c.key, i]));

  const groupsByCustomer = new Map<string, GroupAcc[]>();
  for (const grp of allGroups) {
    let arr = groupsByCustomer.get(grp.customer);
    if (!arr) groupsByCustomer.set(grp.customer, (arr = []));
    arr.push(grp);
  }

  const groups: GroupResult[] = [];
  // §4 problem rows per customer: each row once; a row the user excluded counts nowhere.
  const problemRows = new Array<number>(orderedCustomers.length).fill(0);
  rows.forEach((r, i) => {
    r.customer = customerNo.get(rowCustomer[i]) ?? -1;
    if (r.customer >= 0 && r.problems.length > 0 && !r.excluded) problemRows[r.customer]++;
  });
  const accountName = (id: string): AccountRef => {
    const info = accounts.get(id)!;
    return { account: info.account, role: info.role };
  };
  const finalRows: RowResult[] = rows;
  const customerResults: CustomerResult[] = orderedCustomers.map(({ c, name }, ci) => {
    const own = (groupsByCustomer.get(c.key) ?? []).sort(
      (a, b) => Number(a.azure) - Number(b.azure) || compareCodePoints(a.offerKey, b.offerKey),
    );
    const groupNos: number[] = [];
    let liveOld = 0;
    let oldRows = 0;
    let newRows = 0;
    const verdicts: GroupVerdict[] = [];
    for (const grp of own) {
      const totals = totalsOf(grp.rows.map((i) => finalRows[i]));
      const verdict = groupVerdict(totals, grp.azure);
      const gi = groups.length;
      for (const i of grp.rows) rows[i].group = gi;
      const counted = grp.rows.some((i) => countsAt(finalRows[i]));
      groups.push({
        index: gi,
        customer: ci,
        offerKey: grp.offerKey,
        offerLabel: grp.label,
        azure: grp.azure,
        reassign: grp.reassign,
        rows: grp.rows,
        totals,
        verdict,
        notes: [],
        counted,
      });
      groupNos.push(gi);
      verdicts.push(verdict);
      liveOld += totals.oldLive;
      oldRows += totals.oldRows;
      newRows += totals.newRows;
    }
    const newToAccount = [...accounts.keys()].filter((a) => a.startsWith("to/"));
    const oldMissing = [...c.listedIn].filter((acc) => acc.startsWith("from/") && !c.coveredBy.has(acc));
    const noExportOld = oldMissing.length > 0;
    const newCovered = newToAccount.some((acc) => c.coveredBy.has(acc));
    const unreadableExport = c.unreadable.length > 0;
    const flags = { noExportOld, unreadableExport, inNewList: c.inNewList, newCovered, newListPresent };
    const verdict: CustomerVerdict = customerVerdict({ liveOld }, flags, verdicts);
    // The NO_EXPORT clauses, as the accounts to export from: clause 1 per old account, clause 2 the new one.
    const missingExports = oldMissing.map(accountName).sort((a, b) => compareCodePoints(caseFold(a.account), caseFold(b.account)));
    if (c.inNewList && !newCovered && liveOld > 0) {
      for (const acc of c.listedIn) if (acc.startsWith("to/")) missingExports.push(accountName(acc));
    }
    return {
      index: ci,
      key: c.key,
      name,
      microsoftId: c.microsoftId,
      groups: groupNos,
      inReport: true,
      ...flags,
      liveOld,
      oldRows,
      newRows,
      verdict,
      problemRows: problemRows[ci],
      flagged: isFlagged(verdict, problemRows[ci]),
      unreadableFiles: c.unreadable,
      missingExports,
      coveredBy: [...c.coveredBy],
      listedIn: [...c.listedIn],
    };
  });

  const withNotes = groups.map((grp) => ({ ...grp, notes: groupNotes(grp, finalRows, input.asOf) }));

  return {
    asOf: input.asOf,
    accounts: [...accounts.values()],
    customers: customerResults,
    groups: withNotes,
    rows: finalRows,
    problems,
    sources,
    offerMap: input.offerMap,
  };
}

function missingColumnRow(source: number, index: number, r: SubscriptionSource["rows"][number], src: SubscriptionSource): MutableRow {
  return {
    source,
    index,
    row: r.row,
    at: r.at,
    role: src.role,
    account: src.account,
    customer: -1,
    group: null,
    outcome: "missing-column",
    status: null,
    excluded: false,
    quantity: { ok: false, reason: "empty" },
    azure: false,
    nceByOffer: false,
    nce: false,
    key: "",
    startDate: null,
    endDate: null,
    subscriptionId: "",
    offerName: "",
    problems: NO_PROBLEMS,
  };
}

/** A row counts when its status is known and the user did not exclude it (§3, §7.3). */
export function countsAt(r: RowResult): boolean {
  return r.outcome === "grouped" && r.status !== null && !r.excluded;
}

export function totalsOf(rows: readonly RowResult[]): GroupTotals {
  const t = { oldRows: 0, oldLive: 0, A: 0, S: 0, Snce: 0, newRows: 0, newLive: 0, P: 0, R: 0, N: 0, earliestNewStart: null as number | null };
  for (const r of rows) {
    if (!countsAt(r)) continue;
    const s = r.status!;
    const seats = r.azure ? 1 : r.quantity.ok ? r.quantity.value : null;
    if (r.role === "from") {
      t.oldRows++;
      if (isLive(s)) {
        t.oldLive++;
        if (seats !== null) t.R += seats;
      }
      if (s === "active" || s === "pending") t.A++;
      if (s === "suspended") {
        t.S++;
        if (r.nce) t.Snce++;
      }
    } else {
      t.newRows++;
      if (isLive(s)) t.newLive++;
      if (s === "pending" || s === "suspended") t.P++;
      if (s === "active") {
        if (seats !== null) t.N += seats;
        if (r.startDate !== null && (t.earliestNewStart === null || r.startDate < t.earliestNewStart)) t.earliestNewStart = r.startDate;
      }
    }
  }
  return t;
}
