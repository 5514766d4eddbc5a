/**
 * Where the toolbar's "New appointment" starts: the next free-looking moment a front desk would book, never a time
 * already gone (that would open the form offering to log a past session). A past slot is booked by clicking it on
 * the grid, on purpose; this button only proposes.
 *
 * The rule, on the practice's wall clock: today at the next quarter hour at least a few minutes ahead, while that is
 * within the working day; before the day starts, today at its start; after it ends, the next day at its start. When
 * the calendar shows a range that begins after that moment (a future week, day or month), its first day at the
 * start of the working day instead. A range wholly in the past gets the next moment from now, not its own days.
 * Weekends are not skipped: the practice has no working-days setting, and many see clients on Saturdays.
 */
import { nextDate, wallTimeOf, type WallTime } from './zonedTime';

/** When the working day starts, and the latest start proposed on it (a 50-minute session then ends before 21:00). */
export const WORKDAY_START = '09:00';
export const LAST_PROPOSED_START = '20:00';
/** How far ahead of now the proposal is at least, so the form does not open on a time about to pass. */
export const LEAD_MINUTES = 5;
const QUARTER = 15;

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The first moment from `now` worth proposing: see the module's rule. */
function earliestFrom(now: Date, timeZone: string): WallTime {
  // Whole minutes, rounded up: 10:50:30 plus five minutes is 10:56, then the quarter after it is 11:00.
  const ahead = wallTimeOf(new Date(Math.ceil(now.getTime() / 60_000) * 60_000 + LEAD_MINUTES * 60_000), timeZone);
  const quarter = Math.ceil(minutesOf(ahead.time) / QUARTER) * QUARTER;
  if (quarter < minutesOf(WORKDAY_START)) return { date: ahead.date, time: WORKDAY_START };
  if (quarter > minutesOf(LAST_PROPOSED_START)) return { date: nextDate(ahead.date), time: WORKDAY_START };
  return { date: ahead.date, time: timeOf(quarter) };
}

/**
 * The start "New appointment" proposes, on `timeZone`'s wall clock. `shownFrom`: the first day the calendar shows
 * (YYYY-MM-DD; the first day of the week in week view, the 1st in month view); today when unknown.
 */
export function newAppointmentStart(shownFrom: string | undefined, timeZone: string, now: Date = new Date()): WallTime {
  const earliest = earliestFrom(now, timeZone);
  // ISO dates compare as text.
  return shownFrom !== undefined && shownFrom > earliest.date ? { date: shownFrom, time: WORKDAY_START } : earliest;
}
