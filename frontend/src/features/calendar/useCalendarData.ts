/**
 * What the grid draws for the range shown and the filters: the window's entries as blocks (double bookings
 * found), FullCalendar's events with each practitioner's colours, and whether the range is still loading (the
 * previous range's entries stay while the next loads, so an empty grid must not read as "no appointments").
 */
import type { EventInput } from '@fullcalendar/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCalendarWindow } from '../../api/queries/appointments';
import type { ClientWords } from '../clients/clientWords';
import { blockColors, blocksOf, type CalendarBlock } from './calendarBlocks';
import { doubleBookedIds } from './doubleBookings';
import { blockTitle } from './EventContent';
import type { SchedulingReference } from './useSchedulingReference';

export interface CalendarFilter {
  range: { start: string; end: string } | null;
  practitionerIds: string[];
  roomId: string | null;
  showCancelled: boolean;
}

/** True while the range shown has no answer of its own yet (nothing, or the previous range's kept up). */
export function isLoadingRange(query: { isPending: boolean; isPlaceholderData: boolean; isError: boolean }): boolean {
  return !query.isError && (query.isPending || query.isPlaceholderData);
}

export function useCalendarData(filter: CalendarFilter, reference: SchedulingReference, words: ClientWords) {
  const { t } = useTranslation();
  const { range, practitionerIds, roomId, showCancelled } = filter;
  const calendarWindow = useCalendarWindow(
    range
      ? // Cancelled appointments hide unless asked for, by `includeCancelled`: a status filter would also drop a
        // clinician's view of her colleagues' busy blocks.
        { ...range, practitionerIds, roomId, statuses: [], includeCancelled: showCancelled }
      : null,
  );
  const blocks = useMemo(() => blocksOf(calendarWindow.data ?? [], new Date()), [calendarWindow.data]);
  const blockById = useMemo(() => new Map(blocks.map((block) => [block.id, block])), [blocks]);
  const entryById = useMemo(() => new Map((calendarWindow.data ?? []).map((entry) => [entry.id, entry])), [calendarWindow.data]);
  const doubleBooked = useMemo(() => doubleBookedIds(blocks), [blocks]);

  const events = useMemo<EventInput[]>(
    () =>
      blocks.map((block) => {
        const colors = blockColors(block, block.first.practitioner_id ? reference.practitioners.get(block.first.practitioner_id)?.color : undefined);
        return {
          id: block.id,
          start: block.first.starts_at,
          end: block.first.ends_at,
          title: blockTitle(block, t, words),
          color: colors.color,
          contrastColor: colors.contrastColor,
          editable: block.movable,
          interactive: !block.busyOnly,
          // Sorted first, so a crowded hour's "+more" never hides one's own sessions behind colleagues' busy blocks.
          extendedProps: { block, accent: colors.accent, ownFirst: block.busyOnly ? 1 : 0, doubleBooked: doubleBooked.has(block.id) },
        };
      }),
    [blocks, doubleBooked, reference.practitioners, t, words],
  );

  /** A clashing appointment as the calendar knows it (it may be outside the range shown). */
  function describe(appointmentId: string): string | null {
    const block = blocks.find((candidate: CalendarBlock) => candidate.entries.some((member) => member.id === appointmentId));
    return block ? blockTitle(block, t, words) : null;
  }

  return {
    calendarWindow,
    blocks,
    blockById,
    entryById,
    events,
    describe,
    loading: range === null || isLoadingRange(calendarWindow),
  };
}
