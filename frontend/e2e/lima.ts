/**
 * Lima's clock for the browser tests (the demo practice's zone, UTC-5 all year): wall dates and times of
 * instants, instants of wall times, and future days that the demo's schedule leaves free.
 */

export const LIMA = 'America/Lima';
export const DAY_MS = 86_400_000;

/** An appointment as the calendar window lists it (the fields the specs read). */
export interface Entry {
  id: string;
  starts_at: string;
  ends_at: string;
  series_id: string | null;
}

/** The date (YYYY-MM-DD) and time (HH:MM) of an instant on Lima's clock. */
export function inLima(instant: string | number): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: LIMA,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((item) => item.type === type)!.value;
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` };
}

/** The date (YYYY-MM-DD) of an instant on Lima's clock. */
export function limaDate(instant: number): string {
  return inLima(instant).date;
}

/** Lima has no DST, so a Lima wall time is that time at -05:00. */
export function limaIso(date: string, time: string): string {
  return `${date}T${time}:00-05:00`;
}

export function limaMs(date: string, time: string): number {
  return Date.parse(limaIso(date, time));
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** A Tuesday (Lima) from two weeks ahead to `2 + spread` weeks, another each run: every occurrence dragged is
 * in the future, and a run against a reused database does not meet its own earlier series. */
export function futureTuesday(spread: number): string {
  const today = inLima(Date.now()).date;
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay();
  return addDays(today, ((2 - weekday + 7) % 7) + 7 * (2 + Math.floor(Math.random() * spread)));
}

/** A time field's text as 24-hour "HH:MM": "4:05 PM" → "16:05", "16:05" stays (English fields use am/pm). */
export function to24h(text: string): string {
  const match = /^(\d{1,2}):(\d{2})\s*([AaPp])?\.?\s*[Mm]?\.?$/.exec(text.trim());
  if (!match) return text;
  let hour = Number(match[1]) % (match[3] ? 12 : 24);
  if (match[3] && match[3].toLowerCase() === 'p') hour += 12;
  return `${String(hour).padStart(2, '0')}:${match[2]}`;
}
