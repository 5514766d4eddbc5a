/**
 * How ledger entries and bills read on screen, in the UI language: an entry's kind and type in words, its memo
 * beside them, and a reversal named after what it voids.
 *
 * Words the ledger writes by itself come as a code + parameters (`memo_code`, `description_code`,
 * `cancel_reason_code`) and are read from this catalogue; staff's own words are shown as typed.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  APPOINTMENT_STATUSES,
  PAYMENT_METHODS,
  type AppointmentStatus,
  type Bill,
  type BillLine,
  type LedgerEntry,
  type PaymentMethod,
} from '../../api/types';

type EntryLike = Pick<
  LedgerEntry,
  'id' | 'kind' | 'charge_type' | 'payment_method' | 'direction' | 'memo' | 'memo_code' | 'memo_params' | 'reverses_id'
>;
type MemoCode = NonNullable<LedgerEntry['memo_code']>;
type MemoParams = LedgerEntry['memo_params'];

export interface EntryText {
  /** What it is: "No-show fee", "Payment · Cash", "Reversal of: Session". */
  title: string;
  /** Its memo or reason, when it says more than the title. */
  detail: string | null;
}

function isStatus(value: unknown): value is AppointmentStatus {
  return (APPOINTMENT_STATUSES as readonly unknown[]).includes(value);
}

/**
 * A memo in the UI language: the ledger's own (a code and its parameters) from the catalogue, staff's words as
 * typed. A code this SPA does not know yet is shown as the server wrote it (in the reader's language too).
 */
export function memoText(
  t: TFunction,
  code: MemoCode | null | undefined,
  params: MemoParams | undefined,
  text: string | null | undefined,
): string | null {
  switch (code) {
    case 'session_fee':
    case 'no_show_fee':
    case 'late_cancel_fee':
      return t(`ledger.memos.${code}`);
    case 'session_marked': {
      const status = params?.status;
      return isStatus(status) ? t('ledger.memos.session_marked', { status: t(`calendar.statuses.${status}`) }) : (text ?? null);
    }
    default:
      return text || null;
  }
}

/** A bill line's description in the UI language. */
export function lineText(t: TFunction, line: Pick<BillLine, 'description' | 'description_code'> | undefined): string | null {
  return line ? memoText(t, line.description_code, null, line.description) : null;
}

/** Why a bill was cancelled, in the UI language. */
export function cancelReasonText(t: TFunction, bill: Pick<Bill, 'cancel_reason' | 'cancel_reason_code' | 'cancel_reason_params'>): string | null {
  return memoText(t, bill.cancel_reason_code, bill.cancel_reason_params, bill.cancel_reason);
}

/** A payment method in words ("cash" → "Cash"); one the SPA does not know as the API wrote it. */
export function methodWord(t: TFunction, method: string | null | undefined): string {
  if (!method) return t('ledger.methods.other');
  return (PAYMENT_METHODS as readonly string[]).includes(method) ? t(`ledger.methods.${method as PaymentMethod}`) : method;
}

export function describeEntry(t: TFunction, entry: EntryLike, original?: EntryLike | null): EntryText {
  const memo = memoText(t, entry.memo_code, entry.memo_params, entry.memo);
  const method = methodWord(t, entry.payment_method);
  let title: string;
  switch (entry.kind) {
    case 'charge':
      title = t(`ledger.chargeTypes.${entry.charge_type ?? 'other'}`);
      break;
    case 'payment':
      title = t('ledger.describe.payment', { method });
      break;
    case 'refund':
      title = t('ledger.describe.refund', { method });
      break;
    case 'adjustment':
      title = entry.direction ? t(`ledger.directions.${entry.direction}`) : t('ledger.kinds.adjustment');
      break;
    case 'reversal':
      title = original ? t('ledger.describe.reversalOf', { what: describeEntry(t, original).title }) : t('ledger.kinds.reversal');
      break;
  }
  return { title, detail: memo && memo !== title ? memo : null };
}

/** describeEntry in the current UI language; a reversal finds what it voids among `lines`. */
export function useDescribeEntry(lines: readonly EntryLike[] = []): (entry: EntryLike) => EntryText {
  const { t } = useTranslation();
  const byId = new Map(lines.map((line) => [line.id, line]));
  return (entry) => describeEntry(t, entry, entry.reverses_id ? byId.get(entry.reverses_id) : null);
}
