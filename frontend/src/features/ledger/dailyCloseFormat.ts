/**
 * How the daily close writes its day and times: the day in full in the UI language ("Tuesday, March 10, 2026",
 * "martes, 10 de marzo de 2026"), and clock times in the practice's zone, 24-hour in Spanish.
 */
import { useTranslation } from 'react-i18next';
import { usePractice } from '../../api/queries/practice';
import { useMoneyLocale } from '../../components/useMoneyLocale';

/** "2026-03-10" → "Tuesday, March 10, 2026". A calendar day: no zone applies. */
export function longDate(isoDate: string, locale: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day));
}

/** An instant's clock time in `timeZone`: "18:05" in Spanish, "6:05 PM" in English. */
export function clockTime(instant: string, timeZone: string, locale: string): string {
  const spanish = locale.toLowerCase().startsWith('es');
  const options: Intl.DateTimeFormatOptions = spanish
    ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
    : { hour: 'numeric', minute: '2-digit' };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(new Date(instant));
}

/** The calendar day (YYYY-MM-DD) of an instant in `timeZone`. */
export function localDay(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

export interface CloseFormat {
  longDate: (isoDate: string) => string;
  /** The time of an instant; with its short date too when it is not on `day` (recorded on another day). */
  time: (instant: string, day?: string) => string;
  timeZone: string;
}

export function useCloseFormat(): CloseFormat {
  const { i18n } = useTranslation();
  const practice = usePractice();
  const locale = useMoneyLocale();
  const language = i18n.resolvedLanguage ?? 'en';
  const timeZone = practice.data?.time_zone ?? 'UTC';
  return {
    longDate: (isoDate) => longDate(isoDate, language),
    time: (instant, day) => {
      const clock = clockTime(instant, timeZone, locale);
      if (!day || localDay(instant, timeZone) === day) return clock;
      const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone }).format(new Date(instant));
      return `${date} ${clock}`;
    },
    timeZone,
  };
}
