/**
 * How ledger entries and bills read on screen, in the UI language: an entry's kind and type in words, its memo
 * beside them, and a reversal named after what it voids.
 *
 * Entries the ledger posts by itself carry English memos ("No-show fee", "Session marked attended"); those
 * known ones are read in the UI language instead of shown as the server wrote them.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { PAYMENT_METHODS, type AppointmentStatus, type ChargeType, type LedgerEntry, type PaymentMethod } from '../../api/types';

type EntryLike = Pick<LedgerEntry, 'id' | 'kind' | 'charge_type' | 'payment_method' | 'direction' | 'memo' | 'reverses_id'>;

/** The names the ledger gives its own charges and bill lines (src/domain/ledger/charges.py). */
const POSTED_NAMES: Record<string, ChargeType> = {
  session: 'session_fee',
  'no-show fee': 'no_show_fee',
  'late cancellation fee': 'late_cancel_fee',
};

const MARKED = /^Session marked (scheduled|attended|no show|late cancelled|cancelled)$/i;

export interface EntryText {
  /** What it is: "No-show fee", "Payment · Cash", "Reversal of: Session". */
  title: string;
  /** Its memo or reason, when it says more than the title. */
  detail: string | null;
}

/** A bill line's or a memo's text, in the UI language when the ledger wrote it. */
export function postedText(t: TFunction, text: string | null | undefined): string | null {
  if (!text) return null;
  const charge = POSTED_NAMES[text.trim().toLowerCase()];
  if (charge) return t(`ledger.chargeTypes.${charge}`);
  const marked = MARKED.exec(text.trim());
  if (marked?.[1]) {
    const status = marked[1].toLowerCase().replace(' ', '_') as AppointmentStatus;
    return t('ledger.describe.sessionMarked', { status: t(`calendar.statuses.${status}`) });
  }
  return text;
}

/** A payment method in words ("cash" → "Cash"); one the SPA does not know as the API wrote it. */
export function methodWord(t: TFunction, method: string | null | undefined): string {
  if (!method) return t('ledger.methods.other');
  return (PAYMENT_METHODS as readonly string[]).includes(method) ? t(`ledger.methods.${method as PaymentMethod}`) : method;
}

export function describeEntry(t: TFunction, entry: EntryLike, original?: EntryLike | null): EntryText {
  const memo = postedText(t, entry.memo);
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
