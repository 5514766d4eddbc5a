/**
 * A price per enabled currency (a session price, a fee): one MoneyInput each. The form keeps the typed texts;
 * parsePriceList turns them into the API's `{currency: minor units}` object, leaving blank currencies out.
 */
import { Fieldset, SimpleGrid, Text, type MantineSize } from '@mantine/core';
import type { ReactNode } from 'react';
import { minorToInput, parseMoney } from '../lib/money';
import { MoneyInput, type MoneyError } from './MoneyInput';

export type PriceTexts = Record<string, string>;
export type PriceList = Record<string, number>;

export type ParsedPriceList = { ok: true; prices: PriceList } | { ok: false; errors: Record<string, MoneyError> };

/** The texts the inputs start with for a stored price list (blank where there is no price). */
export function priceTextsFromList(prices: PriceList | undefined, currencies: readonly string[]): PriceTexts {
  return Object.fromEntries(
    currencies.map((currency) => {
      const amount = prices?.[currency];
      return [currency, amount === undefined ? '' : minorToInput(amount, currency)];
    }),
  );
}

/** Typed texts -> `{currency: minor units}` for the given currencies (others are dropped), or why not. */
export function parsePriceList(texts: PriceTexts, currencies: readonly string[]): ParsedPriceList {
  const prices: PriceList = {};
  const errors: Record<string, MoneyError> = {};
  for (const currency of currencies) {
    const text = texts[currency] ?? '';
    if (text.trim() === '') continue;
    const parsed = parseMoney(text, currency);
    if (parsed.ok) prices[currency] = parsed.amountMinor;
    else errors[currency] = parsed.error;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, prices };
}

export interface PriceListInputProps {
  legend: ReactNode;
  /** The practice's enabled currencies, in its order. */
  currencies: readonly string[];
  /** Where amounts are written as at the practice (`useMoneyLocale`). */
  locale?: string;
  value: PriceTexts;
  onChange: (value: PriceTexts) => void;
  /** Errors per currency, e.g. from the API's `default_prices.PEN`. */
  errors?: Record<string, ReactNode>;
  description?: ReactNode;
  /** Shown instead of the inputs when no currency is enabled. */
  emptyMessage?: ReactNode;
  disabled?: boolean;
  size?: MantineSize;
}

export function PriceListInput({
  legend,
  currencies,
  locale,
  value,
  onChange,
  errors,
  description,
  emptyMessage,
  disabled,
  size = 'sm',
}: PriceListInputProps) {
  return (
    <Fieldset
      legend={
        <Text component="span" size="sm" fw="var(--mantine-font-weight-medium)">
          {legend}
        </Text>
      }
      variant="unstyled"
      disabled={disabled}
      p={0}
      m={0}
      styles={{ legend: { padding: 0, marginBottom: 2 } }}
    >
      {description ? (
        <Text size="xs" c="dimmed" mb="xs">
          {description}
        </Text>
      ) : null}
      {currencies.length === 0 ? (
        <Text size="sm" c="dimmed">
          {emptyMessage}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, xs: Math.min(currencies.length, 3) }} spacing="md">
          {currencies.map((currency) => (
            <MoneyInput
              key={currency}
              label={currency}
              size={size}
              currency={currency}
              locale={locale}
              value={value[currency] ?? ''}
              onChange={(text) => onChange({ ...value, [currency]: text })}
              error={errors?.[currency]}
            />
          ))}
        </SimpleGrid>
      )}
    </Fieldset>
  );
}
