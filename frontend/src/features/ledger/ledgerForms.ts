/** What the ledger's screens and money forms share: money and dates as read, amounts as typed, API errors placed. */
import { useTranslation } from 'react-i18next';
import type { PlaceFieldErrors } from '../../components/apiErrors';
import { useMoneyErrorMessage } from '../../components/MoneyInput';
import { useMoneyLocale } from '../../components/useMoneyLocale';
import { formatMoney, parseMoney } from '../../lib/money';
import { formatPlainDate } from '../clients/format';

/** Minor units → "S/ 25.00" as written at the practice, in the UI language. */
export function useFormatMoney(): (amountMinor: number, currency: string) => string {
  const locale = useMoneyLocale();
  return (amountMinor, currency) => formatMoney(amountMinor, currency, locale);
}

/** "2026-03-02" → "Mar 2, 2026" / "2 mar 2026". */
export function useFormatDate(): (isoDate: string) => string {
  const { i18n } = useTranslation();
  return (isoDate) => formatPlainDate(isoDate, i18n.resolvedLanguage ?? 'en');
}

export type AmountCheck = { ok: true; amountMinor: number } | { ok: false; message: string };

/**
 * A required amount typed in major units, read exactly (lib/money.ts): minor units, or what to say. Zero is not
 * an amount of money moved, so it is refused like an empty box.
 */
export function useAmountCheck(): (text: string, currency: string, required: string) => AmountCheck {
  const messageFor = useMoneyErrorMessage();
  return (text, currency, required) => {
    if (text.trim() === '') return { ok: false, message: required };
    const parsed = parseMoney(text, currency);
    if (!parsed.ok) return { ok: false, message: messageFor(parsed.error, currency) };
    if (parsed.amountMinor <= 0) return { ok: false, message: required };
    return parsed;
  };
}

/** Puts the API's field errors on the form's own field names (`amount_minor` → `amount`); the rest above the form. */
export function renamedFields(names: Record<string, string>): PlaceFieldErrors {
  return (apiErrors) => {
    const fieldErrors: Record<string, string> = {};
    const unplaced: string[] = [];
    for (const [path, message] of Object.entries(apiErrors)) {
      const field = names[path];
      if (field) fieldErrors[field] ??= message;
      else unplaced.push(message);
    }
    return { fieldErrors, unplaced };
  };
}
