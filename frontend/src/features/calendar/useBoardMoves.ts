/**
 * Drags and resizes on the grid, through the API: a resize past the end of its day (or beyond 12 hours) asks
 * first, an occurrence of a series asks which ones move (and shows the plan), a clash asks before moving anyway;
 * whatever is refused or cancelled goes back where it was.
 */
import type { EventDropInfo, EventResizeDoneInfo } from '@fullcalendar/react';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isSchedulingClash, useUpdateAppointments, type AppointmentChange, type Clash } from '../../api/queries/appointments';
import { problemText } from '../../i18n/problemText';
import type { CalendarBlock } from './calendarBlocks';
import type { PendingSeriesMove } from './SeriesMoveDialog';
import { isLongStretch } from './slotting';
import { formatRangeIn } from './zonedTime';

interface MoveClash {
  clashes: Clash[];
  changes: AppointmentChange[];
}

/** A drop or resize with what it needs to go back. */
export interface PendingChange {
  block: CalendarBlock;
  startsAt: string;
  endsAt: string;
  revert: () => void;
}

export function useBoardMoves(timeZone: string, locale: string) {
  const { t } = useTranslation();
  const move = useUpdateAppointments();
  const [moveClash, setMoveClash] = useState<MoveClash | null>(null);
  const [seriesMove, setSeriesMove] = useState<PendingSeriesMove | null>(null);
  const [longResize, setLongResize] = useState<PendingChange | null>(null);

  async function saveMove(changes: AppointmentChange[]) {
    const first = changes[0]!.body;
    await move.mutateAsync(changes);
    notifications.show({
      color: 'tend',
      message: t('calendar.moved', { time: formatRangeIn(first.starts_at!, first.ends_at!, timeZone, locale) }),
    });
  }

  async function apply({ block, startsAt, endsAt, revert }: PendingChange) {
    if (!block.isGroup && block.first.series_id) {
      // An occurrence of a series: nothing is saved until the front desk says which ones move and sees the plan.
      setSeriesMove({ entry: block.first, startsAt, endsAt, revert });
      return;
    }
    // A group session moves as one: the server moves every member with the one dragged, or none of them.
    const changes = [{ appointmentId: block.first.id, body: { starts_at: startsAt, ends_at: endsAt, allow_conflicts: false } }];
    try {
      await saveMove(changes);
    } catch (error) {
      revert();
      if (isSchedulingClash(error)) {
        setMoveClash({ clashes: error.clashes, changes });
      } else {
        notifications.show({ color: 'red', title: t('calendar.moveFailed'), message: problemText(error, t).message });
      }
    }
  }

  /** A block dropped or stretched on the grid. */
  function onMove(info: EventDropInfo | EventResizeDoneInfo, resized: boolean) {
    const block = info.event.extendedProps.block as CalendarBlock;
    const { start, end } = info.event;
    if (!start || !end) {
      info.revert();
      return;
    }
    const change = { block, startsAt: start.toISOString(), endsAt: end.toISOString(), revert: info.revert };
    // A grab near the bottom edge can stretch a session over the night: asked, never saved silently.
    if (resized && isLongStretch(start, end, timeZone)) setLongResize(change);
    else void apply(change);
  }

  async function moveAnyway() {
    if (!moveClash) return;
    const changes = moveClash.changes.map(({ appointmentId, body }) => ({ appointmentId, body: { ...body, allow_conflicts: true } }));
    try {
      await saveMove(changes);
      setMoveClash(null);
    } catch (error) {
      setMoveClash(null);
      notifications.show({ color: 'red', title: t('calendar.moveFailed'), message: problemText(error, t).message });
    }
  }

  return {
    onMove,
    busy: seriesMove !== null || longResize !== null || moveClash !== null,
    moveClash: { clashes: moveClash?.clashes ?? null, loading: move.isPending, close: () => setMoveClash(null), override: () => void moveAnyway() },
    seriesMove: {
      pending: seriesMove,
      cancel: () => {
        seriesMove?.revert();
        setSeriesMove(null);
      },
      done: () => setSeriesMove(null),
    },
    longResize: {
      pending: longResize,
      keep: () => {
        if (longResize) void apply(longResize);
        setLongResize(null);
      },
      revert: () => {
        longResize?.revert();
        setLongResize(null);
      },
    },
  };
}

export type BoardMoves = ReturnType<typeof useBoardMoves>;
