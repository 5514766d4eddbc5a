/** Choices offered by the practice form: countries, time zones, common currencies, reminder hours. */
import { getCountries } from 'libphonenumber-js/min';

/** Offered first in the currency picker; any other ISO 4217 code can be typed (the API checks it). */
export const COMMON_CURRENCIES = ['PEN', 'USD', 'EUR', 'MXN', 'COP', 'CLP', 'ARS', 'BRL', 'GBP', 'CAD'] as const;

/** The IANA zones this browser knows, always including `current` (so a stored zone is never lost). */
export function timeZoneOptions(current: string): string[] {
  const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const zones = new Set<string>(supported);
  if (current) zones.add(current);
  if (!zones.has('UTC')) zones.add('UTC');
  return [...zones].sort((a, b) => a.localeCompare(b));
}

/** "PEN" from " pen ": what a typed currency code becomes before the API judges it. */
export function normalizeCurrency(code: string): string {
  return code.trim().toUpperCase();
}

export const HOURS = Array.from({ length: 24 }, (_, hour) => ({
  value: String(hour),
  label: `${String(hour).padStart(2, '0')}:00`,
}));

/**
 * The countries a practice may be in, named in the UI language and sorted by that name: the ones whose phone
 * numbers can be read (the country is the default for phones typed without a country code).
 */
export function countryOptions(language: string, current: string | null): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
  const codes = new Set<string>(getCountries());
  if (current) codes.add(current);
  return [...codes]
    .map((code) => ({ value: code, label: names.of(code) ?? code }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
}
