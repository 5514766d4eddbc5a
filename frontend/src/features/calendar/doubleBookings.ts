/**
 * Double bookings: blocks of the same practitioner that overlap in time. Only what takes the practitioner's time
 * counts (not cancelled, not "free" events); a clinician's view of colleagues' busy time is left alone, since a
 * colleague's group session reaches her as one busy block per member.
 */
import type { CalendarBlock } from './calendarBlocks';

function takesTime(block: CalendarBlock): boolean {
  return !block.busyOnly && !block.cancelled && block.first.availability !== 'free' && block.first.practitioner_id !== null;
}

/** The ids of blocks overlapping another block of the same practitioner. */
export function doubleBookedIds(blocks: readonly CalendarBlock[]): Set<string> {
  const byPractitioner = new Map<string, CalendarBlock[]>();
  for (const block of blocks) {
    if (!takesTime(block)) continue;
    const id = block.first.practitioner_id!;
    byPractitioner.set(id, [...(byPractitioner.get(id) ?? []), block]);
  }
  const found = new Set<string>();
  for (const own of byPractitioner.values()) {
    const sorted = [...own].sort((a, b) => Date.parse(a.first.starts_at) - Date.parse(b.first.starts_at));
    // The block reaching furthest so far: anything starting before its end overlaps it.
    let reach: CalendarBlock | null = null;
    for (const block of sorted) {
      if (reach && Date.parse(block.first.starts_at) < Date.parse(reach.first.ends_at)) {
        found.add(block.id);
        found.add(reach.id);
      }
      if (!reach || Date.parse(block.first.ends_at) > Date.parse(reach.first.ends_at)) reach = block;
    }
  }
  return found;
}
