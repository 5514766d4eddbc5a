/**
 * A money field: the person types major units ("150.50") next to the currency's symbol; the form keeps the
 * typed text and converts it exactly with parseMoney (no floats). A text that does not parse shows why.
 */
import { TextInput, type TextInputProps } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currencyExponent, formatMoney, parseMoney, type ParsedMoney } from '../lib/money';

export type MoneyError = Extract<ParsedMoney, { ok: false }>['error'];

// Where a currency's own symbol is written: Intl only says "S/" for PEN in a Peruvian locale, for example.
const HOME_LOCALES: Record<string, string> = {
  PEN: 'es-PE',
  BOB: 'es-BO',
  GTQ: 'es-GT',
  PYG: 'es-PY',
  CRC: 'es-CR',
  HNL: 'es-HN',
  NIO: 'es-NI',
  VES: 'es-VE',
  BRL: 'pt-BR',
  EUR: 'de-DE',
  GBP: 'en-GB',
};

function symbolIn(locale: string, currency: string, display: 'symbol' | 'narrowSymbol'): string | null {
  try {
    const parts = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: display }).formatToParts(1);
    return parts.find((part) => part.type === 'currency')?.value ?? null;
  } catch {
    return null; // not a currency Intl knows: show the code
  }
}

/** The symbol people recognise ("S/", "$", "€"); a bare "$" only for USD, so MXN reads "MX$" and COP "COP". */
export function currencySymbol(currency: string): string {
  const narrow = symbolIn(HOME_LOCALES[currency] ?? 'en', currency, 'narrowSymbol');
  if (narrow && (narrow !== '$' || currency === 'USD')) return narrow;
  return symbolIn('en', currency, 'symbol') ?? currency;
}

/** formatMoney with the currency's own symbol where the UI language would print its code ("PEN 150.50"). */
export function formatMoneyWithSymbol(amountMinor: number, currency: string, locale: string): string {
  const text = formatMoney(amountMinor, currency, locale);
  const symbol = currencySymbol(currency);
  return symbol !== currency && text.includes(currency) ? text.replace(currency, symbol) : text;
}

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
  /** The typed text, in major units. */
  value: string;
  onChange: (text: string) => void;
  /** An error from elsewhere (the form, the API); a text that does not parse shows its own error first. */
  error?: ReactNode;
}

export function MoneyInput({ currency, value, onChange, error, onBlur, description, ...props }: MoneyInputProps) {
  const { t, i18n } = useTranslation();
  const messageFor = useMoneyErrorMessage();
  const [touched, setTouched] = useState(false);
  const parseError = touched ? moneyInputError(value, currency) : null;
  const symbol = currencySymbol(currency);
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
          : t('money.readAs', { amount: formatMoneyWithSymbol(readAs, currency, i18n.resolvedLanguage ?? 'en') })
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
