/**
 * The practice's slot: the grid's rows and what drags, resizes and clicks snap to (`slot_minutes`, 15 by default);
 * and when a resize is long enough to ask first (past the end of the day it starts on, or beyond 12 hours).
 */
import { minutesBetween, nextDate, wallTimeOf } from './zonedTime';

export const SLOT_CHOICES = [5, 10, 15, 20, 30, 60] as const;
export const DEFAULT_SLOT_MINUTES = 15;
/** Longer than this, a stretched block is more likely a slip of the mouse than a session. */
export const LONGEST_UNASKED_MINUTES = 12 * 60;

/** The practice's slot size, read defensively: any value the API does not offer falls back to 15 minutes. */
export function slotMinutesOf(practice: { slot_minutes?: unknown } | undefined | null): number {
  const value = practice?.slot_minutes;
  return typeof value === 'number' && (SLOT_CHOICES as readonly number[]).includes(value) ? value : DEFAULT_SLOT_MINUTES;
}

/** "HH:MM" for FullCalendar's durations. */
export function slotDuration(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;
}

/** A wall-clock "HH:MM" moved back to the start of its slot ("16:07" → "16:00" with 15-minute slots). */
export function floorToSlot(time: string, slotMinutes: number): string {
  const total = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  const floored = total - (total % slotMinutes);
  return `${String(Math.floor(floored / 60)).padStart(2, '0')}:${String(floored % 60).padStart(2, '0')}`;
}

/**
 * A block from `start` to `end` would run past midnight of the day it starts on (in the practice's zone), or last
 * longer than 12 hours: a resize that lands there asks before it saves.
 */
export function isLongStretch(start: Date | string, end: Date | string, timeZone: string): boolean {
  if (minutesBetween(start, end) > LONGEST_UNASKED_MINUTES) return true;
  const from = wallTimeOf(start, timeZone);
  const to = wallTimeOf(end, timeZone);
  if (to.date === from.date) return false;
  // Ending exactly at midnight still ends the same day.
  return !(to.date === nextDate(from.date) && to.time === '00:00');
}

const WEEK_STARTS: Record<string, number> = { sunday: 0, monday: 1, saturday: 6 };

/** The practice's first day of the week (0 Sunday … 6 Saturday) when it has chosen one, else the locale's. */
export function firstDayOf(practice: { week_starts_on?: unknown } | undefined | null, localeFirstDay: number): number {
  const value = practice?.week_starts_on;
  return typeof value === 'string' && value in WEEK_STARTS ? WEEK_STARTS[value]! : localeFirstDay;
}
