/**
 * What the calendar draws, from the API's entries: one block per appointment, except that the members of a
 * group session (one group id) share one block; colleagues' appointments a clinician may not see are plain busy
 * blocks; past sessions nobody recorded are flagged. Colours come from the practitioner, made to read (AA).
 */
import type { AppointmentStatus, CalendarEntry } from '../../api/types';
import { contrastRatio, darkenToContrast } from '../../lib/contrast';

export interface CalendarBlock {
  /** The appointment's id, or `group:<group id>` for a group session. */
  id: string;
  /** The appointment, or the members of the group (ordered by client name). */
  entries: CalendarEntry[];
  first: CalendarEntry;
  isGroup: boolean;
  /** A colleague's appointment shown to a clinician: time, practitioner and room only. */
  busyOnly: boolean;
  /** A session that has ended and is still `scheduled`: attendance is owed. */
  needsAttendance: boolean;
  /** Every member cancelled (or late-cancelled): the time is free again. */
  cancelled: boolean;
  /** May be dragged and resized: scheduled, not a colleague's busy time. */
  movable: boolean;
}

const CANCELLED: readonly AppointmentStatus[] = ['cancelled', 'late_cancelled'];

export function isCancelled(status: AppointmentStatus | null): boolean {
  return status !== null && CANCELLED.includes(status);
}

/** A past session still `scheduled`: nobody said whether the client came. */
export function needsAttendance(entry: CalendarEntry, now: Date): boolean {
  return (
    !entry.busy_only &&
    entry.kind === 'client_session' &&
    entry.status === 'scheduled' &&
    Date.parse(entry.ends_at) <= now.getTime()
  );
}

function clientName(entry: CalendarEntry): string {
  return entry.client ? `${entry.client.first_name} ${entry.client.last_name}` : '';
}

/** The entries as blocks, a group's members folded into one block at the group's first member's place. */
export function blocksOf(entries: readonly CalendarEntry[], now: Date): CalendarBlock[] {
  const groups = new Map<string, CalendarEntry[]>();
  const order: Array<CalendarEntry | string> = [];
  for (const entry of entries) {
    const group = entry.group_id && !entry.busy_only ? entry.group_id : null;
    if (group === null) {
      order.push(entry);
    } else if (groups.has(group)) {
      groups.get(group)!.push(entry);
    } else {
      groups.set(group, [entry]);
      order.push(group);
    }
  }
  return order.map((item) => {
    const members =
      typeof item === 'string'
        ? [...groups.get(item)!].sort((a, b) => clientName(a).localeCompare(clientName(b)))
        : [item];
    const first = members[0]!;
    const cancelled = members.every((member) => isCancelled(member.status));
    return {
      id: typeof item === 'string' ? `group:${item}` : item.id,
      entries: members,
      first,
      isGroup: typeof item === 'string',
      busyOnly: first.busy_only,
      needsAttendance: members.some((member) => needsAttendance(member, now)),
      cancelled,
      movable: !first.busy_only && members.every((member) => member.status === 'scheduled'),
    };
  });
}

const WHITE = '#ffffff';
const TEXT_TARGET = 4.6;
/** Grey of busy blocks and of appointments with no practitioner (practice-wide events). */
export const NEUTRAL = '#868e96';

/** `hex` mixed with white: `amount` 0 is white, 1 the colour itself. */
export function tint(hex: string, amount: number): string {
  const value = hex.replace('#', '');
  const rgb = [0, 2, 4].map((start) => parseInt(value.slice(start, start + 2), 16));
  return `#${rgb.map((channel) => Math.round(255 - (255 - channel) * amount).toString(16).padStart(2, '0')).join('')}`;
}

export interface BlockColors {
  /** The block's background. */
  color: string;
  /** Its text: reads on the background at AA. */
  contrastColor: string;
  /** The practitioner's own colour (a stripe on pale blocks, so whose it is stays visible). */
  accent: string;
}

function readableHex(color: string | undefined): string {
  return color && /^#[0-9a-f]{6}$/i.test(color) ? color : NEUTRAL;
}

/**
 * Solid practitioner colour (darkened until white text reads) for what is booked; a pale tint with dark text for
 * what no longer takes the time (cancelled), for events that are not sessions, and grey for busy blocks.
 */
export function blockColors(block: CalendarBlock, practitionerColor: string | undefined): BlockColors {
  const own = readableHex(block.busyOnly ? NEUTRAL : practitionerColor);
  const pale = block.busyOnly || block.cancelled || block.first.kind === 'other_event';
  if (pale) {
    const background = tint(own, block.busyOnly ? 0.25 : 0.18);
    return { color: background, contrastColor: darkenToContrast(own, [background], TEXT_TARGET), accent: own };
  }
  const solid = contrastRatio(own, WHITE) >= TEXT_TARGET ? own : darkenToContrast(own, [WHITE], TEXT_TARGET);
  return { color: solid, contrastColor: WHITE, accent: own };
}
