import { describe, expect, it } from 'vitest';
import { firstDayOf, floorToSlot, isLongStretch, slotDuration, slotMinutesOf } from './slotting';

const LIMA = 'America/Lima';

describe('the practice slot', () => {
  it("reads the practice's slot, falling back to 15 minutes for anything it does not offer", () => {
    expect(slotMinutesOf({ slot_minutes: 10 })).toBe(10);
    expect(slotMinutesOf({ slot_minutes: 60 })).toBe(60);
    expect(slotMinutesOf({ slot_minutes: 7 })).toBe(15);
    expect(slotMinutesOf({})).toBe(15);
    expect(slotMinutesOf(undefined)).toBe(15);
  });

  it('writes the slot as a FullCalendar duration and floors a time to its slot', () => {
    expect(slotDuration(15)).toBe('00:15:00');
    expect(slotDuration(60)).toBe('01:00:00');
    expect(floorToSlot('16:07', 15)).toBe('16:00');
    expect(floorToSlot('16:55', 20)).toBe('16:40');
    expect(floorToSlot('09:30', 30)).toBe('09:30');
  });

  it("starts the week on the practice's day, else the locale's", () => {
    expect(firstDayOf({ week_starts_on: 'sunday' }, 1)).toBe(0);
    expect(firstDayOf({ week_starts_on: 'saturday' }, 1)).toBe(6);
    expect(firstDayOf({ week_starts_on: 'monday' }, 0)).toBe(1);
    expect(firstDayOf({}, 0)).toBe(0);
  });
});

describe('a long stretch', () => {
  it('asks when a resize passes midnight of its day, in the practice zone', () => {
    // 16:00 Lima to 17:00 the next day: the 25-hour session of issue 17.
    expect(isLongStretch('2026-03-03T21:00:00Z', '2026-03-04T22:00:00Z', LIMA)).toBe(true);
    // 22:00 to 00:30 in Lima: past midnight though short.
    expect(isLongStretch('2026-03-04T03:00:00Z', '2026-03-04T05:30:00Z', LIMA)).toBe(true);
  });

  it('lets a session end exactly at midnight or stay within its day', () => {
    expect(isLongStretch('2026-03-04T03:00:00Z', '2026-03-04T05:00:00Z', LIMA)).toBe(false);
    expect(isLongStretch('2026-03-03T21:00:00Z', '2026-03-03T22:30:00Z', LIMA)).toBe(false);
  });

  it('asks beyond 12 hours even inside one day', () => {
    // 07:00 to 19:15 Lima.
    expect(isLongStretch('2026-03-03T12:00:00Z', '2026-03-04T00:15:00Z', LIMA)).toBe(true);
    expect(isLongStretch('2026-03-03T12:00:00Z', '2026-03-04T00:00:00Z', LIMA)).toBe(false);
  });
});
