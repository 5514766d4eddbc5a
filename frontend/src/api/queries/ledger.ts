/**
 * The ledger: a client's statement (every entry with its currency's running balance) and bills, recording
 * payments, charges, adjustments, refunds and reversals, applying payments to bills and taking them off,
 * cancelling a bill; the practice's reports (daily close, aging, entries of a range, unpaid bills) and the CSV
 * downloads.
 *
 * Session charges, bills and no-show fees are posted by a background job a moment after a session's status
 * changes, so a client's statement and bills are never trusted from the cache: they refetch whenever shown.
 * Every money call refreshes everything money shows: the client (balance chips on the list and the header),
 * the statement, the bills and the practice's reports.
 */
import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../client';
import type { operations } from '../schema';
import { unwrap } from '../problem';
import { $api } from '../query';
import { invalidateResource, useApiMutation, type Resource } from './cache';
import { CLIENTS } from './clients';
import { useCursorList } from './paging';

const LEDGER = '/api/v1/clients/{client_id}/ledger';
const STATEMENT_CSV = '/api/v1/clients/{client_id}/ledger.csv';
const BILLS = '/api/v1/clients/{client_id}/bills';
const PAYMENTS = '/api/v1/clients/{client_id}/payments';
const CHARGES = '/api/v1/clients/{client_id}/charges';
const ADJUSTMENTS = '/api/v1/clients/{client_id}/adjustments';
const ENTRY = '/api/v1/ledger-entries/{entry_id}';
const REFUND = '/api/v1/ledger-entries/{entry_id}/refund';
const REVERSE = '/api/v1/ledger-entries/{entry_id}/reverse';
const ALLOCATE = '/api/v1/ledger-entries/{entry_id}/allocations';
const ALLOCATION = '/api/v1/allocations/{allocation_id}';
const BILL = '/api/v1/bills/{bill_id}';
const CANCEL_BILL = '/api/v1/bills/{bill_id}/cancel';
const DAILY_CLOSE = '/api/v1/ledger/daily-close';
const CLOSE_DAY = '/api/v1/ledger/daily-close/{day}/close';
const AGING = '/api/v1/ledger/aging';
const AGING_CSV = '/api/v1/ledger/aging.csv';
const ENTRIES = '/api/v1/ledger/entries';
const ENTRIES_CSV = '/api/v1/ledger/entries.csv';
const UNPAID_BILLS = '/api/v1/ledger/unpaid-bills';
const UNPAID_BILLS_CSV = '/api/v1/ledger/unpaid-bills.csv';

/** Whatever a money call may change: clients (balances), their statements and bills, the practice's reports. */
const MONEY: readonly Resource[] = [CLIENTS, ENTRY, BILL, DAILY_CLOSE, AGING, ENTRIES, UNPAID_BILLS];

/** Never served from the cache for long: the background job may have posted since (see the module's note). */
const FRESH = { staleTime: 0, refetchOnMount: 'always', refetchOnWindowFocus: 'always' } as const;

export function useClientLedger(clientId: string) {
  return $api.useQuery('get', LEDGER, { params: { path: { client_id: clientId } } }, FRESH);
}

/** Newest first, with their lines and the payments applied to them. */
export function useClientBills(clientId: string) {
  return $api.useQuery('get', BILLS, { params: { path: { client_id: clientId } } }, FRESH);
}

export const useRecordPayment = () => useApiMutation('post', PAYMENTS, MONEY);
export const useRecordCharge = () => useApiMutation('post', CHARGES, MONEY);
export const useRecordAdjustment = () => useApiMutation('post', ADJUSTMENTS, MONEY);
export const useRefundPayment = () => useApiMutation('post', REFUND, MONEY);
export const useReverseEntry = () => useApiMutation('post', REVERSE, MONEY);
export const useAllocatePayment = () => useApiMutation('post', ALLOCATE, MONEY);
export const useUnallocate = () => useApiMutation('delete', ALLOCATION, MONEY);
/** Takes a payment off every bill it is applied to (they are unpaid again; the money is credit). */
export const useUnallocatePayment = () => useApiMutation('delete', ALLOCATE, MONEY);
export const useCancelBill = () => useApiMutation('post', CANCEL_BILL, MONEY);

/** A fresh key for one intended money operation (a UUID; random hex where crypto.randomUUID is missing). */
export function newIdempotencyKey(): string {
  const crypto = globalThis.crypto;
  if (typeof crypto?.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  if (typeof crypto?.getRandomValues === 'function') crypto.getRandomValues(bytes);
  else for (let index = 0; index < bytes.length; index += 1) bytes[index] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The `Idempotency-Key` header of one money form: made when the form opens (forms are mounted only while
 * open) and sent with every attempt to submit it, so a double click or a retry after a lost answer moves the
 * money once. The server keeps nothing for a refused attempt, so a corrected form may be sent with it again.
 */
export function useIdempotencyKey(): { 'Idempotency-Key': string } {
  const [key] = useState(newIdempotencyKey);
  return { 'Idempotency-Key': key };
}

// The practice's ledger (admins and the front desk; a clinician gets 403).

/** Payments and refunds of one local day (YYYY-MM-DD) by method and currency. */
export function useDailyClose(day: string | null) {
  return $api.useQuery(
    'get',
    DAILY_CLOSE,
    { params: { query: day ? { day } : {} } },
    { enabled: day !== null, placeholderData: keepPreviousData, staleTime: 0 },
  );
}

/** Closes a local day once. Refetched whatever the answer: a 409 means someone closed it first, and says who. */
export function useCloseDay() {
  const queryClient = useQueryClient();
  return $api.useMutation('post', CLOSE_DAY, { onSettled: () => invalidateResource(queryClient, DAILY_CLOSE) });
}

/** Clients who owe, per currency, split by the age of what they owe. */
export function useAging() {
  return $api.useQuery('get', AGING, {}, { staleTime: 0 });
}

/** Entries whose effective date is in [from, to] (YYYY-MM-DD), a page at a time. */
export function useLedgerEntries(from: string, to: string, enabled: boolean) {
  return useCursorList(ENTRIES, { from, to }, { enabled });
}

/** Open and partially paid bills, oldest first, a page at a time. */
export function useUnpaidBills() {
  return useCursorList(UNPAID_BILLS, {});
}

/** The file name a `Content-Disposition: attachment; filename="…"` header gives, or `fallback`. */
export function attachmentName(header: string | null, fallback: string): string {
  const match = header ? /filename="?([^";]+)"?/i.exec(header) : null;
  return match?.[1]?.trim() || fallback;
}

/**
 * Saves a CSV answer as a file. The API wants the bearer token, which a plain link cannot send, so the file
 * is fetched through the API client and handed to the browser as a download.
 */
function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser the time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads a client's statement as CSV; throws an ApiError when refused. */
export async function downloadStatement(clientId: string): Promise<void> {
  const result = await api.GET(STATEMENT_CSV, { params: { path: { client_id: clientId } }, parseAs: 'blob' });
  const blob = unwrap(result) as unknown as Blob;
  saveBlob(blob, attachmentName(result.response.headers.get('Content-Disposition'), `statement-${clientId}.csv`));
}

export type EntriesCsvQuery = operations['ledger-entries_csv']['parameters']['query'];
export type AgingCsvQuery = NonNullable<operations['ledger-aging_csv']['parameters']['query']>;
export type UnpaidBillsCsvQuery = NonNullable<operations['ledger-unpaid_bills_csv']['parameters']['query']>;

/** Downloads the practice's entries of [from, to] (and the screen's filters) as CSV; throws an ApiError when refused. */
export async function downloadEntries(query: EntriesCsvQuery): Promise<void> {
  const result = await api.GET(ENTRIES_CSV, { params: { query }, parseAs: 'blob' });
  const blob = unwrap(result) as unknown as Blob;
  saveBlob(blob, attachmentName(result.response.headers.get('Content-Disposition'), `ledger-${query.from}-${query.to}.csv`));
}

/** Downloads the aging as the screen shows it (its filters and order) as CSV; throws an ApiError when refused. */
export async function downloadAging(query: AgingCsvQuery): Promise<void> {
  const result = await api.GET(AGING_CSV, { params: { query }, parseAs: 'blob' });
  const blob = unwrap(result) as unknown as Blob;
  saveBlob(blob, attachmentName(result.response.headers.get('Content-Disposition'), 'aging.csv'));
}

/** Downloads every unpaid bill matching the screen's filters as CSV; throws an ApiError when refused. */
export async function downloadUnpaidBills(query: UnpaidBillsCsvQuery): Promise<void> {
  const result = await api.GET(UNPAID_BILLS_CSV, { params: { query }, parseAs: 'blob' });
  const blob = unwrap(result) as unknown as Blob;
  saveBlob(blob, attachmentName(result.response.headers.get('Content-Disposition'), 'unpaid-bills.csv'));
}
