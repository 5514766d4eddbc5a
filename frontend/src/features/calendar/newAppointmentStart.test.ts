import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newAppointmentStart } from './newAppointmentStart';

const LIMA = 'America/Lima';
// Lima is UTC-5 all year. Wednesday 4 March 2026; its week is Mon 2 – Sun 8 March (es-PE), Sun 1 – Sat 7 (en-US).
const MONDAY = '2026-03-02';
const SUNDAY_FIRST = '2026-03-01';

/** Freezes the clock at a Lima wall time. */
function at(date: string, time: string) {
  vi.setSystemTime(new Date(`${date}T${time}:00-05:00`));
}

describe('the start "New appointment" proposes', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is today at the next quarter hour, a few minutes ahead, when the week shown is this one (not its first day)', () => {
    at('2026-03-04', '10:37');
    expect(newAppointmentStart(MONDAY, LIMA)).toEqual({ date: '2026-03-04', time: '10:45' });
    at('2026-03-04', '10:41');
    expect(newAppointmentStart(MONDAY, LIMA)).toEqual({ date: '2026-03-04', time: '11:00' });
    at('2026-03-04', '10:30');
    expect(newAppointmentStart(MONDAY, LIMA)).toEqual({ date: '2026-03-04', time: '10:45' });
    vi.setSystemTime(new Date('2026-03-04T10:50:30-05:00'));
    expect(newAppointmentStart(MONDAY, LIMA)).toEqual({ date: '2026-03-04', time: '11:00' });
  });

  it('works on the practice clock, not the browser clock or UTC', () => {
    // 02:30 UTC on 5 March is still 21:30 on the 4th in Lima: late evening there, so the 5th at 09:00.
    vi.setSystemTime(new Date('2026-03-05T02:30:00Z'));
    expect(newAppointmentStart(MONDAY, LIMA)).toEqual({ date: '2026-03-05', time: '09:00' });
    vi.setSystemTime(new Date('2026-03-04T15:37:00Z'));
    expect(newAppointmentStart(MONDAY, 'Asia/Tokyo')).toEqual({ date: '2026-03-05', time: '09:00' });
  });

  it('is 09:00 today before the working day starts, and the next quarter hour just after', () => {
    at('2026-03-04', '06:10');
    expect(newAppointmentStart(MONDAY, LIMA)).toEqual({ date: '2026-03-04', time: '09:00' });
    at('2026-03-04', '08:57');
    expect(newAppointmentStart(MONDAY, LIMA)).toEqual({ date: '2026-03-04', time: '09:15' });
  });

  it('is the next day at 09:00 in the late evening, across midnight too', () => {
    at('2026-03-04', '20:00');
    expect(newAppointmentStart(MONDAY, LIMA)).toEqual({ date: '2026-03-05', time: '09:00' });
    at('2026-03-04', '19:50');
    expect(newAppointmentStart(MONDAY, LIMA)).toEqual({ date: '2026-03-04', time: '20:00' });
    at('2026-03-04', '22:40');
    expect(newAppointmentStart(MONDAY, LIMA)).toEqual({ date: '2026-03-05', time: '09:00' });
    at('2026-03-04', '23:58');
    expect(newAppointmentStart(MONDAY, LIMA)).toEqual({ date: '2026-03-05', time: '09:00' });
    at('2026-02-28', '23:30');
    expect(newAppointmentStart('2026-02-23', LIMA)).toEqual({ date: '2026-03-01', time: '09:00' });
  });

  it('does not skip the weekend, and leaves the shown week when its last day is over', () => {
    at('2026-03-07', '11:05');
    expect(newAppointmentStart(MONDAY, LIMA)).toEqual({ date: '2026-03-07', time: '11:15' });
    // Sunday evening, the last day of a week starting on Monday: Monday of the next week.
    at('2026-03-08', '21:00');
    expect(newAppointmentStart(MONDAY, LIMA)).toEqual({ date: '2026-03-09', time: '09:00' });
    // Saturday evening, the last day of a week starting on Sunday (en-US).
    at('2026-03-07', '21:00');
    expect(newAppointmentStart(SUNDAY_FIRST, LIMA)).toEqual({ date: '2026-03-08', time: '09:00' });
  });

  it('is the first day of a future range at 09:00', () => {
    at('2026-03-04', '10:37');
    expect(newAppointmentStart('2026-03-09', LIMA)).toEqual({ date: '2026-03-09', time: '09:00' });
    expect(newAppointmentStart('2026-04-01', LIMA)).toEqual({ date: '2026-04-01', time: '09:00' });
    // The day view of tomorrow.
    expect(newAppointmentStart('2026-03-05', LIMA)).toEqual({ date: '2026-03-05', time: '09:00' });
  });

  it('is never in a past range shown: the next moment from now instead', () => {
    at('2026-03-04', '10:37');
    expect(newAppointmentStart('2026-02-23', LIMA)).toEqual({ date: '2026-03-04', time: '10:45' });
    expect(newAppointmentStart('2026-02-01', LIMA)).toEqual({ date: '2026-03-04', time: '10:45' });
    at('2026-03-04', '22:00');
    expect(newAppointmentStart('2026-02-23', LIMA)).toEqual({ date: '2026-03-05', time: '09:00' });
  });

  it('is the next moment from now when the range is not known yet, and this month in month view', () => {
    at('2026-03-04', '10:37');
    expect(newAppointmentStart(undefined, LIMA)).toEqual({ date: '2026-03-04', time: '10:45' });
    expect(newAppointmentStart('2026-03-01', LIMA)).toEqual({ date: '2026-03-04', time: '10:45' });
  });
});
