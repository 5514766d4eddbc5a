import { describe, expect, it } from 'vitest';
import {
  addMinutes,
  clockOptions,
  firstDayOfWeek,
  formatRangeIn,
  minutesBetween,
  nextDate,
  shiftMonths,
  wallTimeOf,
  zonedIso,
} from './zonedTime';

describe('wall-clock time in a named zone', () => {
  it("reads an instant on the practice's clock, not the browser's", () => {
    expect(wallTimeOf('2026-03-03T15:37:00Z', 'America/Lima')).toEqual({ date: '2026-03-03', time: '10:37' });
    // 23:30 in Lima on 31 March is already 1 April in UTC.
    expect(wallTimeOf('2026-04-01T04:30:00Z', 'America/Lima')).toEqual({ date: '2026-03-31', time: '23:30' });
  });

  it('writes a wall-clock time as ISO with the zone offset of that day, at any minute', () => {
    expect(zonedIso({ date: '2026-03-03', time: '10:37' }, 'America/Lima')).toBe('2026-03-03T10:37:00-05:00');
    expect(zonedIso({ date: '2026-07-01', time: '09:00' }, 'America/New_York')).toBe('2026-07-01T09:00:00-04:00');
    expect(zonedIso({ date: '2026-01-05', time: '09:00' }, 'America/New_York')).toBe('2026-01-05T09:00:00-05:00');
  });

  it('moves a time skipped by a DST jump forward by the gap, and takes the first of a repeated one', () => {
    expect(zonedIso({ date: '2026-03-08', time: '02:30' }, 'America/New_York')).toBe('2026-03-08T03:30:00-04:00');
    expect(zonedIso({ date: '2026-11-01', time: '01:30' }, 'America/New_York')).toBe('2026-11-01T01:30:00-04:00');
  });

  it('refuses what does not read', () => {
    expect(zonedIso({ date: '2026-02-31', time: '10:00' }, 'America/Lima')).toBeNull();
    expect(zonedIso({ date: '2026-02-03', time: '25:00' }, 'America/Lima')).toBeNull();
    expect(zonedIso({ date: '2026-02-03', time: '10:00' }, 'Mars/Olympus')).toBeNull();
  });

  it('adds minutes across midnight and across a DST change on the wall clock', () => {
    expect(addMinutes({ date: '2026-03-03', time: '23:30' }, 45, 'America/Lima')).toEqual({ date: '2026-03-04', time: '00:15' });
    expect(addMinutes({ date: '2026-03-08', time: '01:30' }, 60, 'America/New_York')).toEqual({ date: '2026-03-08', time: '03:30' });
  });

  it('counts minutes between instants and moves dates by days and months', () => {
    expect(minutesBetween('2026-03-03T15:00:00Z', '2026-03-03T15:45:00Z')).toBe(45);
    expect(nextDate('2026-12-31')).toBe('2027-01-01');
    expect(shiftMonths('2026-08-31', -6)).toBe('2026-02-28');
    expect(shiftMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('writes ranges in the zone asked for, with the 24-hour clock in Spanish', () => {
    expect(formatRangeIn('2026-03-03T15:00:00Z', '2026-03-03T15:45:00Z', 'America/Lima', 'es-PE', false)).toBe('10:00–10:45');
    expect(formatRangeIn('2026-03-03T15:00:00Z', '2026-03-03T15:45:00Z', 'America/Bogota', 'en-US', false)).toMatch(/^10:00\s?–\s?10:45\sAM$/);
    expect(clockOptions('es-PE').hourCycle).toBe('h23');
    expect(clockOptions('en-PE').hourCycle).toBeUndefined();
  });

  it('starts the week where the locale does', () => {
    expect(firstDayOfWeek('en-GB')).toBe(1);
    expect(firstDayOfWeek('en-US')).toBe(0);
  });
});
