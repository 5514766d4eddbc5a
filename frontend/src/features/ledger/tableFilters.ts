/**
 * What the practice's ledger tables narrow and order by, and the same choices as the CSV download's query: the
 * server applies the very rules below (src/domain/ledger/report_filters.py), so a file holds the rows shown.
 */
import type { Row, SortingFn, SortingState } from '@tanstack/react-table';
import type { AgingCsvQuery, EntriesCsvQuery, UnpaidBillsCsvQuery } from '../../api/queries/ledger';
import { AGING_SORTS, type AgingRow, type AgingSort, type EntryKind, type OverDays, type PaymentMethod, type PracticeEntry, type UnpaidBill } from '../../api/types';
import { foldForSearch } from '../../lib/text';
import { groupByCurrency } from './ledgerMath';

/** Every word of `query` somewhere in "first last", accents and case ignored ("rosa quis" finds "Rosa Quispe"). */
export function nameMatches(query: string, firstName: string, lastName: string): boolean {
  const name = foldForSearch(`${firstName} ${lastName}`).replace(/\s+/g, ' ');
  return foldForSearch(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((term) => name.includes(term));
}

const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** Names in folded order (accents and case ignored), as the server sorts them. */
export function byFoldedText<T>(a: Row<T>, b: Row<T>, columnId: string): number {
  return compare(foldForSearch(String(a.getValue(columnId))), foldForSearch(String(b.getValue(columnId))));
}

/**
 * Amounts compare within a currency, never across (S/ 100 is not more than US$ 50): the currencies stay in
 * alphabetical order whichever way the amounts go (the table flips the whole comparison for a descending sort,
 * so the currency part is flipped back here). Ties keep the server's order, on screen as in the CSV.
 */
export function byCurrencyThenAmount<T extends { currency: string }>(descending: boolean): SortingFn<T> {
  return (a: Row<T>, b: Row<T>, columnId: string) =>
    (descending ? -1 : 1) * compare(a.original.currency, b.original.currency) ||
    compare(Number(a.getValue(columnId)), Number(b.getValue(columnId)));
}

/** Text for a query string: empty values left out. */
function present<T extends Record<string, unknown>>(query: T): T {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== null && value !== undefined && value !== '')) as T;
}

// Aging.

export interface AgingFilters {
  q: string;
  currency: string | null;
  /** Only clients owing something older than this many days. */
  overDays: OverDays | null;
}

export const NO_AGING_FILTERS: AgingFilters = { q: '', currency: null, overDays: null };

/** The first age bucket an "over N days" filter counts (0–30, 31–60, 61–90, over 90). */
const FIRST_BUCKET: Record<OverDays, number> = { '30': 1, '60': 2, '90': 3 };

export function filterAging(rows: readonly AgingRow[], filters: AgingFilters): AgingRow[] {
  const first = filters.overDays ? FIRST_BUCKET[filters.overDays] : 0;
  return rows.filter(
    (row) =>
      nameMatches(filters.q, row.first_name, row.last_name) &&
      (filters.currency === null || row.currency === filters.currency) &&
      row.buckets.slice(first).reduce((sum, amount) => sum + amount, 0) > 0,
  );
}

function isAgingSort(id: string): id is AgingSort {
  return (AGING_SORTS as readonly string[]).includes(id);
}

/** The aging download as shown: the same filters and the same order. */
export function agingCsvQuery(filters: AgingFilters, sorting: SortingState): AgingCsvQuery {
  const [sort] = sorting;
  return present({
    q: filters.q.trim(),
    currency: filters.currency,
    over_days: filters.overDays,
    ...(sort && isAgingSort(sort.id) ? { sort: sort.id, order: sort.desc ? 'desc' : 'asc' } : {}),
  });
}

export interface AgingTotal {
  currency: string;
  clients: number;
  balanceMinor: number;
  buckets: number[];
}

/** One total per currency (never added across currencies), the practice's currencies first. */
export function agingTotals(rows: readonly AgingRow[], preferred: readonly string[] = []): AgingTotal[] {
  return groupByCurrency(rows, preferred).map(({ currency, rows: owing }) => ({
    currency,
    clients: owing.length,
    balanceMinor: owing.reduce((sum, row) => sum + row.balance_minor, 0),
    buckets: owing.reduce<number[]>((sums, row) => sums.map((sum, index) => sum + (row.buckets[index] ?? 0)), [0, 0, 0, 0]),
  }));
}

// Entries of a range.

export interface EntryFilters {
  q: string;
  kind: EntryKind | null;
  method: PaymentMethod | null;
  currency: string | null;
}

export const NO_ENTRY_FILTERS: EntryFilters = { q: '', kind: null, method: null, currency: null };

export function filterEntries(entries: readonly PracticeEntry[], filters: EntryFilters): PracticeEntry[] {
  return entries.filter(
    (entry) =>
      (filters.kind === null || entry.kind === filters.kind) &&
      (filters.method === null || entry.payment_method === filters.method) &&
      (filters.currency === null || entry.currency === filters.currency) &&
      nameMatches(filters.q, entry.client_first_name, entry.client_last_name),
  );
}

export function entriesCsvQuery(from: string, to: string, filters: EntryFilters): EntriesCsvQuery {
  return present({
    from,
    to,
    q: filters.q.trim(),
    kind: filters.kind,
    payment_method: filters.method,
    currency: filters.currency,
  });
}

// Unpaid bills.

export interface BillFilters {
  q: string;
  currency: string | null;
}

export const NO_BILL_FILTERS: BillFilters = { q: '', currency: null };

export function filterBills(bills: readonly UnpaidBill[], filters: BillFilters): UnpaidBill[] {
  return bills.filter(
    (bill) =>
      (filters.currency === null || bill.currency === filters.currency) &&
      nameMatches(filters.q, bill.client_first_name, bill.client_last_name),
  );
}

export function unpaidBillsCsvQuery(filters: BillFilters): UnpaidBillsCsvQuery {
  return present({ q: filters.q.trim(), currency: filters.currency });
}

/** The currencies to offer in a filter: the practice's, then any other the rows use. */
export function currencyChoices(rows: readonly { currency: string }[], preferred: readonly string[] = []): string[] {
  return [...new Set([...preferred, ...rows.map((row) => row.currency)])];
}
