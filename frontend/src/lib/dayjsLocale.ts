/**
 * Mantine's date pickers name months through dayjs, whose "es" says "sep."/"septiembre" where a Peruvian practice
 * (and Intl's es-PE, used everywhere else) says "set."/"setiembre". A regional tag gets its own dayjs locale: the
 * language's, with month names taken from Intl, so pickers and the rest of the app write months one way.
 */
import dayjs from 'dayjs';
import 'dayjs/locale/es';

const registered = new Set<string>(['en', 'es']);

function monthNames(locale: string, month: 'long' | 'short'): string[] {
  // Taken from a full date: alone, a month is written in its stand-alone form ("Setiembre").
  const format = new Intl.DateTimeFormat(locale, { day: 'numeric', month, timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, index) => {
    const parts = format.formatToParts(Date.UTC(2026, index, 15));
    return parts.find((part) => part.type === 'month')?.value ?? String(index + 1);
  });
}

/** The dayjs locale name for a BCP 47 tag ("es-PE" → "es-pe"), registered on first use. */
export function dayjsLocale(tag: string): string {
  const name = tag.toLowerCase();
  if (registered.has(name)) return name;
  const language = name.split('-')[0] ?? 'en';
  const base = dayjs.Ls[language] ?? dayjs.Ls.en;
  if (!base) return language;
  dayjs.locale({ ...base, name, months: monthNames(tag, 'long'), monthsShort: monthNames(tag, 'short') }, undefined, true);
  registered.add(name);
  return name;
}
