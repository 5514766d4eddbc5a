/**
 * The fee of a no-show, as the front desk decides it while recording one (from the calendar's popover or when
 * logging a past session in the booking form): the practice's fee for the session's currency, another amount,
 * or none for a reason that is kept.
 */
import { minorToInput, parseMoney } from '../../lib/money';

/** What goes with the status (or the logged session) to the API: nothing extra keeps the practice's fee. */
export type NoShowFee = { fee_minor?: number; waive_fee_reason?: string };

/** What the fee fields hold: charge it (this amount, as typed) or not (for this reason). */
export interface NoShowFeeValue {
  charge: boolean;
  amount: string;
  reason: string;
}

/** The fields as they open: the practice's fee ticked, or unticked when it charges none in that currency. */
export function defaultNoShowFee(defaultMinor: number, currency: string): NoShowFeeValue {
  return { charge: defaultMinor > 0, amount: defaultMinor > 0 ? minorToInput(defaultMinor, currency) : '', reason: '' };
}

/** The API fields for a no-show, or which field is not complete. */
export function noShowFee(
  value: NoShowFeeValue,
  currency: string,
  defaultMinor: number,
): { ok: true; fields: NoShowFee } | { ok: false; error: 'amount' | 'reason' } {
  if (!value.charge) {
    const why = value.reason.trim();
    return why ? { ok: true, fields: { waive_fee_reason: why } } : { ok: false, error: 'reason' };
  }
  const parsed = parseMoney(value.amount, currency);
  if (!parsed.ok || parsed.amountMinor <= 0) return { ok: false, error: 'amount' };
  return { ok: true, fields: parsed.amountMinor === defaultMinor ? {} : { fee_minor: parsed.amountMinor } };
}
