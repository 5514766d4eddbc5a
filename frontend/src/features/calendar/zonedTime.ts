/**
 * Wall-clock time in a named zone (the practice's, an appointment's) and back to instants, with the Temporal
 * polyfill FullCalendar already uses (its tree-shakeable functions, so nothing is loaded twice). The browser's own
 * zone never enters: a front desk in another country still books in the practice's time.
 */
import { regional } from '../../lib/locale';
import * as InstantFns from 'temporal-polyfill/fns/Instant';
import * as PlainDateTimeFns from 'temporal-polyfill/fns/PlainDateTime';
import * as ZonedDateTimeFns from 'temporal-polyfill/fns/ZonedDateTime';

/** A date (YYYY-MM-DD) and a time (HH:MM) on the wall clock of some zone. */
export interface WallTime {
  date: string;
  time: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isWallTime(value: string): boolean {
  return HH_MM.test(value);
}

/** The wall-clock date and time of `instant` in `timeZone`. */
export function wallTimeOf(instant: Date | string, timeZone: string): WallTime {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  const zoned = InstantFns.toZonedDateTimeISO(InstantFns.fromEpochMilliseconds(ms), timeZone);
  const text = PlainDateTimeFns.toString(ZonedDateTimeFns.toPlainDateTime(zoned), { smallestUnit: 'minute' });
  return { date: text.slice(0, 10), time: text.slice(11, 16) };
}

/**
 * The instant a wall-clock time in `timeZone` names, as ISO 8601 with that zone's offset
 * ("2026-03-03T10:37:00-05:00"). A time skipped by a DST jump moves forward by the gap; a repeated one takes its
 * first instance (Temporal's "compatible"), as the API does for series. Null when the date or time is unreadable.
 */
export function zonedIso({ date, time }: WallTime, timeZone: string): string | null {
  const day = ISO_DATE.exec(date);
  const clock = HH_MM.exec(time);
  if (!day || !clock) return null;
  try {
    const local = PlainDateTimeFns.create(Number(day[1]), Number(day[2]), Number(day[3]), Number(clock[1]), Number(clock[2]));
    const zoned = PlainDateTimeFns.toZonedDateTime(local, timeZone, { disambiguation: 'compatible' });
    return ZonedDateTimeFns.toString(zoned, { timeZoneName: 'never', smallestUnit: 'second' });
  } catch {
    return null; // an impossible date (31 February) or an unknown zone
  }
}

/** `minutes` after a wall-clock time, as a wall-clock time in the same zone (across midnight and DST). */
export function addMinutes(start: WallTime, minutes: number, timeZone: string): WallTime | null {
  const iso = zonedIso(start, timeZone);
  return iso === null ? null : wallTimeOf(new Date(Date.parse(iso) + minutes * 60_000), timeZone);
}

/** The calendar day after `isoDate` (YYYY-MM-DD). */
export function nextDate(isoDate: string): string {
  return shiftDays(isoDate, 1);
}

/** `isoDate` (YYYY-MM-DD) moved by whole days. */
export function shiftDays(isoDate: string, days: number): string {
  const day = ISO_DATE.exec(isoDate);
  if (!day) return isoDate;
  const shifted = PlainDateTimeFns.addDays(PlainDateTimeFns.create(Number(day[1]), Number(day[2]), Number(day[3])), days);
  return PlainDateTimeFns.toString(shifted).slice(0, 10);
}

/** Minutes from one instant to another (negative when `end` is before `start`). */
export function minutesBetween(start: string | Date, end: string | Date): number {
  const ms = (value: string | Date) => (typeof value === 'string' ? Date.parse(value) : value.getTime());
  return Math.round((ms(end) - ms(start)) / 60_000);
}

/** The practice's "today" (YYYY-MM-DD) shifted by whole months, for windows such as "the last six months". */
export function shiftMonths(isoDate: string, months: number): string {
  const day = ISO_DATE.exec(isoDate);
  if (!day) return isoDate;
  const shifted = PlainDateTimeFns.addMonths(PlainDateTimeFns.create(Number(day[1]), Number(day[2]), Number(day[3])), months);
  return PlainDateTimeFns.toString(shifted).slice(0, 10);
}

/**
 * How clock times are written: the locale's own way, except that Spanish gets the 24-hour clock ("14:30"), which
 * reads unambiguously in a narrow calendar column where "2:30 p. m." does not fit.
 */
export function clockOptions(locale: string): Pick<Intl.DateTimeFormatOptions, 'hour' | 'minute' | 'hourCycle'> {
  return locale.toLowerCase().startsWith('es')
    ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
    : { hour: 'numeric', minute: '2-digit' };
}

/** A clock time in `timeZone` ("10:30"). */
export function formatTimeIn(instant: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(regional(locale), { timeZone, ...clockOptions(locale) }).format(new Date(instant));
}

/** A date and time range in `timeZone`, written the way `locale` writes them ("Tue, Mar 3, 10:00 – 10:45 AM"). */
export function formatRangeIn(start: string, end: string, timeZone: string, locale: string, withDate = true): string {
  const format = new Intl.DateTimeFormat(regional(locale), {
    timeZone,
    ...(withDate ? { weekday: 'short', day: 'numeric', month: 'short' } : {}),
    ...clockOptions(locale),
  });
  return format.formatRange(new Date(start), new Date(end));
}

/** A date in `timeZone`, written the way `locale` writes it ("3 mar 2026"). */
export function formatDateIn(instant: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(regional(locale), { timeZone, dateStyle: 'medium' }).format(new Date(instant));
}

/** The first day of the week where `locale` is (0 Sunday … 6 Saturday), as Intl knows it; Monday when it cannot say. */
export function firstDayOfWeek(locale: string): number {
  try {
    const info = new Intl.Locale(locale) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    const firstDay = info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay;
    return firstDay === undefined ? 1 : firstDay % 7;
  } catch {
    return 1;
  }
}
