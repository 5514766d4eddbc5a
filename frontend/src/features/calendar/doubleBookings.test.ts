import { describe, expect, it } from 'vitest';
import type { CalendarEntry } from '../../api/types';
import { calendarEntryFixture } from '../../test/fixtures';
import { blocksOf } from './calendarBlocks';
import { doubleBookedIds } from './doubleBookings';

const NOW = new Date('2026-03-01T00:00:00Z');
const at = (id: string, start: string, end: string, extra: Partial<CalendarEntry> = {}) =>
  calendarEntryFixture({ id, starts_at: `2026-03-03T${start}:00Z`, ends_at: `2026-03-03T${end}:00Z`, ...extra });

describe('double bookings', () => {
  it("marks both of a practitioner's overlapping sessions, and one reaching over several", () => {
    const blocks = blocksOf(
      [at('a', '15:00', '18:00'), at('b', '15:30', '16:00'), at('c', '17:00', '17:45'), at('d', '18:00', '18:45')],
      NOW,
    );
    expect([...doubleBookedIds(blocks)].sort()).toEqual(['a', 'b', 'c']);
  });

  it('leaves sessions of different practitioners, back to back ones, cancelled ones and free time alone', () => {
    const blocks = blocksOf(
      [
        at('a', '15:00', '15:45'),
        at('b', '15:00', '15:45', { practitioner_id: 'p2' }),
        at('c', '15:45', '16:30'),
        at('d', '15:10', '15:40', { status: 'cancelled' }),
        at('e', '15:10', '15:40', { kind: 'other_event', availability: 'free', status: null }),
        at('f', '15:10', '15:40', { busy_only: true, kind: null, status: null, client: null }),
      ],
      NOW,
    );
    expect(doubleBookedIds(blocks).size).toBe(0);
  });
});
