/**
 * A money field: the person types major units ("150.50") next to the currency's symbol; the form keeps the
 * typed text and converts it exactly with parseMoney (no floats). A text that does not parse shows why.
 */
import { TextInput, type TextInputProps } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currencyExponent, currencySymbol, formatMoney, parseMoney, type ParsedMoney } from '../lib/money';

export type MoneyError = Extract<ParsedMoney, { ok: false }>['error'];

/** Why `text` is not an amount in `currency`, or null when it is one (or is empty). */
export function moneyInputError(text: string, currency: string): MoneyError | null {
  if (text.trim() === '') return null;
  const parsed = parseMoney(text, currency);
  return parsed.ok ? null : parsed.error;
}

/** The message for a MoneyError, in the UI language. */
export function useMoneyErrorMessage(): (error: MoneyError, currency: string) => string {
  const { t } = useTranslation();
  return (error, currency) => {
    if (error === 'precision') {
      const count = currencyExponent(currency);
      return count === 0
        ? t('money.wholeOnly', { currency })
        : t('money.precision', { currency, count });
    }
    return error === 'range' ? t('money.range') : t('money.format');
  };
}

/**
 * parseMoney reads "1.234" as one thousand two hundred thirty-four (a grouping dot): when the typed text could
 * be read either way, the input says which amount it understood.
 */
function groupingReading(text: string, currency: string): number | null {
  const exponent = currencyExponent(currency);
  const cleaned = text.replace(/[^\d.,]/g, '');
  if (exponent === 3 || !/[.,]\d{3}$/.test(cleaned)) return null;
  const parsed = parseMoney(text, currency);
  return parsed.ok ? parsed.amountMinor : null;
}

export interface MoneyInputProps extends Omit<TextInputProps, 'value' | 'onChange' | 'leftSection' | 'error'> {
  currency: string;
  /** Where amounts are written as at the practice (`useMoneyLocale`, e.g. "es-PE"); the UI language by default. */
  locale?: string;
  /** The typed text, in major units. */
  value: string;
  onChange: (text: string) => void;
  /** An error from elsewhere (the form, the API); a text that does not parse shows its own error first. */
  error?: ReactNode;
}

export function MoneyInput({ currency, locale, value, onChange, error, onBlur, description, ...props }: MoneyInputProps) {
  const { t, i18n } = useTranslation();
  const messageFor = useMoneyErrorMessage();
  const [touched, setTouched] = useState(false);
  const parseError = touched ? moneyInputError(value, currency) : null;
  const moneyLocale = locale ?? i18n.resolvedLanguage ?? 'en';
  const symbol = currencySymbol(currency, moneyLocale);
  const readAs = groupingReading(value, currency);

  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      leftSection={<span aria-hidden="true">{symbol}</span>}
      leftSectionWidth={Math.max(36, symbol.length * 10 + 16)}
      {...props}
      description={
        readAs === null
          ? description
          : t('money.readAs', { amount: formatMoney(readAs, currency, moneyLocale) })
      }
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      onBlur={(event) => {
        setTouched(true);
        onBlur?.(event);
      }}
      error={parseError ? messageFor(parseError, currency) : error}
    />
  );
}
