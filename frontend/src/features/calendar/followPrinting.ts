/**
 * FullCalendar 7 lays a grid out for paper (no scrolled box: every slot, blocks placed for print) when told that
 * printing starts, but nothing tells it: the browser's `beforeprint` / `afterprint` (fired by Ctrl+P,
 * window.print() and a headless page.pdf() alike) are passed on here, once per calendar, until it unmounts. For
 * paper the grid runs from the hour the range's first session starts to the hour its last one ends, so a week
 * prints its sessions' hours (not 00:00 to 07:00 of empty slots first); the screen's hours come back after.
 */
import type { CalendarApi } from '@fullcalendar/react';

const following = new WeakSet<CalendarApi>();

function minutesOfDay(instant: Date, timeZone: string | undefined): { date: string; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '0';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, minutes: Number(part('hour')) * 60 + Number(part('minute')) };
}

const clock = (hour: number) => `${String(hour).padStart(2, '0')}:00:00`;

/** The whole hours that hold the shown range's sessions ("08:00:00" to "20:00:00"), or null when it has none. */
export function sessionHours(calendar: CalendarApi): { min: string; max: string } | null {
  const { activeStart, activeEnd } = calendar.view;
  const timeZone = calendar.getOption('timeZone');
  let first = Infinity;
  let last = -Infinity;
  for (const event of calendar.getEvents()) {
    if (!event.start || event.allDay || event.display === 'background') continue;
    const end = event.end ?? event.start;
    if (end <= activeStart || event.start >= activeEnd) continue;
    const start = minutesOfDay(event.start, timeZone);
    const until = minutesOfDay(end, timeZone);
    first = Math.min(first, start.minutes);
    last = Math.max(last, until.date === start.date ? until.minutes : 24 * 60);
  }
  if (!Number.isFinite(first)) return null;
  return { min: clock(Math.floor(first / 60)), max: clock(Math.min(24, Math.ceil(last / 60))) };
}

export function followPrinting(calendar: CalendarApi): void {
  if (following.has(calendar)) return;
  following.add(calendar);
  let screenHours: { min: unknown; max: unknown } | null = null;
  const before = () => {
    const hours = sessionHours(calendar);
    if (hours) {
      screenHours = { min: calendar.getOption('slotMinTime'), max: calendar.getOption('slotMaxTime') };
      calendar.setOption('slotMinTime', hours.min);
      calendar.setOption('slotMaxTime', hours.max);
    }
    calendar.trigger('_beforeprint');
  };
  const after = () => {
    calendar.trigger('_afterprint');
    if (screenHours) {
      calendar.setOption('slotMinTime', screenHours.min as string);
      calendar.setOption('slotMaxTime', screenHours.max as string);
      screenHours = null;
    }
  };
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  calendar.on('_unmount', () => {
    window.removeEventListener('beforeprint', before);
    window.removeEventListener('afterprint', after);
  });
}
