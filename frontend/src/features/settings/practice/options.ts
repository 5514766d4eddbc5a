/** Choices offered by the practice form: countries, time zones, common currencies, reminder hours. */
import { isOptionsGroup, type OptionsFilter } from '@mantine/core';
import { getCountries } from 'libphonenumber-js/min';
import { looselyIncludes } from '../../../lib/text';

/** The calendar slot lengths the API accepts: drags and resizes snap to one. */
export const SLOT_MINUTES = [5, 10, 15, 20, 30, 60] as const;

/** The days a practice's week may start on. */
export const WEEK_STARTS = ['monday', 'sunday', 'saturday'] as const;

/** "lunes" / "Monday": the day's name in the UI language (2026-01-05 was a Monday). */
export function weekdayName(day: (typeof WEEK_STARTS)[number], language: string): string {
  const date = Date.UTC(2026, 0, { monday: 5, sunday: 4, saturday: 3 }[day]);
  const name = new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(date);
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
}

/** Zones are found by what is shown ("Lima (UTC−5)") or by their id ("America/Lima"), accents ignored. */
export const zoneFilter: OptionsFilter = ({ options, search, limit }) =>
  options
    .filter((item) => !isOptionsGroup(item) && looselyIncludes(`${item.label} ${item.value.replace(/_/g, ' ')}`, search.replace(/_/g, ' ')))
    .slice(0, limit);

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
