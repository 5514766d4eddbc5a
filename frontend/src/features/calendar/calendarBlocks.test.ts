import { describe, expect, it } from 'vitest';
import type { CalendarEntry } from '../../api/types';
import { contrastRatio } from '../../lib/contrast';
import { calendarEntryFixture } from '../../test/fixtures';
import { blockColors, blocksOf, needsAttendance } from './calendarBlocks';

const NOW = new Date('2026-03-03T20:00:00Z');

const entry = (extra: Partial<CalendarEntry> = {}): CalendarEntry => calendarEntryFixture(extra);

describe('calendar blocks', () => {
  it('flags a session that has ended while still scheduled, and nothing else', () => {
    expect(needsAttendance(entry(), NOW)).toBe(true);
    expect(needsAttendance(entry({ status: 'attended' }), NOW)).toBe(false);
    expect(needsAttendance(entry({ ends_at: '2026-03-03T21:00:00Z' }), NOW)).toBe(false);
    expect(needsAttendance(entry({ kind: 'other_event' }), NOW)).toBe(false);
    expect(needsAttendance(entry({ busy_only: true, kind: null, status: null }), NOW)).toBe(false);
  });

  it("folds a group's members into one block, in name order, at the first member's place", () => {
    const blocks = blocksOf(
      [
        entry({ id: 'g1', group_id: 'G', client: { id: 'c2', first_name: 'Rosa', last_name: 'Peña' } }),
        entry({ id: 'x', starts_at: '2026-03-03T15:30:00Z', ends_at: '2026-03-03T16:00:00Z' }),
        entry({ id: 'g2', group_id: 'G', client: { id: 'c3', first_name: 'Ana', last_name: 'Ríos' }, status: 'attended' }),
      ],
      NOW,
    );
    expect(blocks.map((block) => block.id)).toEqual(['group:G', 'x']);
    expect(blocks[0]!.entries.map((member) => member.id)).toEqual(['g2', 'g1']);
    expect(blocks[0]!.isGroup).toBe(true);
    expect(blocks[0]!.needsAttendance).toBe(true);
    // A member already recorded: the group no longer moves as one.
    expect(blocks[0]!.movable).toBe(false);
    expect(blocks[1]!.movable).toBe(true);
  });

  it("keeps a colleague's busy time as a plain, fixed, grey block", () => {
    const [busy] = blocksOf([entry({ busy_only: true, kind: null, status: null, client: null, group_id: 'G' })], NOW);
    expect(busy).toMatchObject({ busyOnly: true, isGroup: false, movable: false, needsAttendance: false });
    expect(blockColors(busy!, '#e53935').accent).toBe('#868e96');
  });

  it('colours blocks by practitioner, with text that reads (AA) on solid and pale blocks alike', () => {
    for (const color of ['#fb8c00', '#43a047', '#1e88e5', '#ffeb3b']) {
      const [solid] = blocksOf([entry()], NOW);
      const solidColors = blockColors(solid!, color);
      expect(contrastRatio(solidColors.color, solidColors.contrastColor)).toBeGreaterThanOrEqual(4.5);
      const [cancelled] = blocksOf([entry({ status: 'cancelled' })], NOW);
      const pale = blockColors(cancelled!, color);
      expect(cancelled!.cancelled).toBe(true);
      expect(contrastRatio(pale.color, pale.contrastColor)).toBeGreaterThanOrEqual(4.5);
      expect(pale.accent).toBe(color);
    }
  });
});
