/**
 * The calendar with the app around it: the toolbar and filters drive the grid (FullCalendar through its
 * controller, or the day by practitioner's columns), the visible range and filters pick the query, and every
 * change (booking, moving, recording attendance) goes through the API; useBoardMoves asks what a drag needs
 * asked (a long resize, a series, a clash) before it saves.
 */
import { useCalendarController, type DateSelectInfo, type DatesSetInfo, type EventClickInfo } from '@fullcalendar/react';
import { Alert, Box, Button, Stack } from '@mantine/core';
import { useEffect, useEffectEvent, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePractice } from '../../api/queries/practice';
import { useSession } from '../auth/useSession';
import { useClientWords } from '../clients/clientWords';
import type { AppointmentFormMode } from './AppointmentForm';
import { DEFAULT_MINUTES } from './appointmentForm';
import { BoardDialogs, type PopoverState } from './BoardDialogs';
import { BoardLoading } from './BoardLoading';
import type { CalendarBlock } from './calendarBlocks';
import { CalendarFilters } from './CalendarFilters';
import { CalendarGrid } from './CalendarGrid';
import { CalendarLegend, shownPractitioners } from './CalendarLegend';
import { CalendarToolbar, type CalendarViewName } from './CalendarToolbar';
import { newAppointmentStart, WORKDAY_START } from './newAppointmentStart';
import { PractitionerColumns } from './PractitionerColumns';
import { firstDayOf, floorToSlot, slotMinutesOf } from './slotting';
import { useBoardMoves } from './useBoardMoves';
import { useCalendarData } from './useCalendarData';
import { useCalendarUrl } from './useCalendarUrl';
import type { SchedulingReference } from './useSchedulingReference';
import { addMinutes, firstDayOfWeek, minutesBetween, shiftDays, wallTimeOf, zonedIso, type WallTime } from './zonedTime';

const FULLCALENDAR_VIEW: Record<Exclude<CalendarViewName, 'team'>, string> = { day: 'timeGridDay', week: 'timeGridWeek', month: 'dayGridMonth' };

function isTyping(target: EventTarget): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/** One day [00:00, next 00:00) in the zone, as the API's window. */
function dayRange(date: string, timeZone: string): { start: string; end: string } | null {
  const start = zonedIso({ date, time: '00:00' }, timeZone);
  const end = zonedIso({ date: shiftDays(date, 1), time: '00:00' }, timeZone);
  return start && end ? { start, end } : null;
}

export default function CalendarBoard({ reference }: { reference: SchedulingReference & { timeZone: string } }) {
  const { t } = useTranslation();
  const clientWords = useClientWords();
  // The same words keep the same object, so the blocks are not rebuilt on every render.
  const { client, clients, Client, Clients } = clientWords;
  const words = useMemo(() => ({ client, clients, Client, Clients }), [client, clients, Client, Clients]);
  const session = useSession();
  const practice = usePractice();
  const controller = useCalendarController();
  const { timeZone, locale } = reference;
  const { view, date, practitionerIds, roomId, showCancelled, setParam } = useCalendarUrl();
  const today = wallTimeOf(new Date(), timeZone).date;
  const teamDate = date ?? today;
  const slotMinutes = slotMinutesOf(practice.data);
  const firstDay = firstDayOf(practice.data, firstDayOfWeek(locale));
  const [gridRange, setGridRange] = useState<{ start: string; end: string } | null>(null);
  const [shown, setShown] = useState<{ view: CalendarViewName; date: string } | null>(null);
  const [popover, setPopover] = useState<PopoverState | null>(null);
  const [form, setForm] = useState<AppointmentFormMode | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const lastFocused = useRef<string | null>(null);
  const range = view === 'team' ? dayRange(teamDate, timeZone) : gridRange;
  const data = useCalendarData({ range, practitionerIds, roomId, showCancelled }, reference, words);
  const moves = useBoardMoves(timeZone, locale);
  const practitioners = shownPractitioners(reference, practitionerIds);
  const ownPractitioner = session.status === 'signed_in' && session.user.role === 'clinician' ? session.user.practitioner_id : null;

  // Only when the calendar shows another range: the filters in the URL stay as they are.
  const writeShown = useEffectEvent((now: { view: CalendarViewName; date: string }) =>
    setParam({ view: now.view === 'week' ? null : now.view, date: now.date }),
  );
  useEffect(() => {
    if (shown) writeShown(shown);
  }, [shown]);

  function onDatesSet(info: DatesSetInfo) {
    const start = info.start.toISOString();
    const end = info.end.toISOString();
    setGridRange((previous) => (previous?.start === start && previous.end === end ? previous : { start, end }));
    const name = (Object.keys(FULLCALENDAR_VIEW) as Array<keyof typeof FULLCALENDAR_VIEW>).find((key) => FULLCALENDAR_VIEW[key] === info.view.type);
    // Written to the URL after the render (FullCalendar calls this while it mounts).
    setShown({ view: name ?? 'week', date: wallTimeOf(info.view.currentStart, timeZone).date });
  }

  /** Who a new booking is for: the column's practitioner, the one shown, or a clinician's own. */
  function bookingStart(start: WallTime, end: WallTime, practitionerId?: string): AppointmentFormMode {
    const room = roomId ? reference.rooms.get(roomId) : undefined;
    const chosen = practitionerId ?? (practitionerIds.length === 1 ? practitionerIds[0]! : ownPractitioner);
    const from = { start, end, practitionerId: chosen, roomId: room?.id ?? null, locationId: room?.location_id ?? reference.activeLocations[0]?.id ?? null };
    return { type: 'create', from };
  }

  function onSelect(info: DateSelectInfo, practitionerId?: string) {
    info.view.calendar.unselect();
    let start = wallTimeOf(info.start, timeZone);
    let end = wallTimeOf(info.end, timeZone);
    if (info.allDay) {
      start = { date: start.date, time: WORKDAY_START };
      end = addMinutes(start, DEFAULT_MINUTES, timeZone) ?? start;
    } else if (minutesBetween(info.start, info.end) <= slotMinutes) {
      // A click books from the start of the slot clicked (a drag keeps its span), until a service says how long.
      start = { date: start.date, time: floorToSlot(start.time, slotMinutes) };
      end = addMinutes(start, DEFAULT_MINUTES, timeZone) ?? end;
    }
    setPopover(null);
    setForm(bookingStart(start, end, practitionerId));
  }

  function onNew() {
    // A future moment, in the range shown when that is still ahead: see newAppointmentStart. The range as the
    // calendar last drew it (the URL's `date` follows a render later: a click right after paging read the old one).
    const start = newAppointmentStart(view === 'team' ? teamDate : (shown?.date ?? date), timeZone);
    setForm(bookingStart(start, addMinutes(start, DEFAULT_MINUTES, timeZone) ?? start));
  }

  function onEventClick(info: EventClickInfo) {
    info.jsEvent?.preventDefault();
    const block = info.event.extendedProps.block as CalendarBlock | undefined;
    if (!block || block.busyOnly) return;
    lastFocused.current = block.id;
    setPopover({ blockId: block.id, anchor: info.el.getBoundingClientRect() });
  }

  function closePopover() {
    setPopover(null);
    // Back to the block it was opened from (re-rendered blocks are found by their id).
    const id = lastFocused.current;
    requestAnimationFrame(() => {
      const element = id ? document.querySelector<HTMLElement>(`[data-event-id="${CSS.escape(id)}"]`) : null;
      element?.focus();
    });
  }

  /** Paging: the controller moves the grid; the columns move by a day in the URL. */
  const navigate = {
    previous: () => (view === 'team' ? setParam({ date: shiftDays(teamDate, -1) }) : controller.prev()),
    next: () => (view === 'team' ? setParam({ date: shiftDays(teamDate, 1) }) : controller.next()),
    today: () => (view === 'team' ? setParam({ date: today }) : controller.today()),
    to: (picked: string) => (view === 'team' ? setParam({ date: picked }) : controller.gotoDate(picked)),
    view: (name: CalendarViewName) => {
      if (name === 'team') {
        // The day shown, or today when it is inside the week or month shown.
        const inRange = gridRange && today >= wallTimeOf(gridRange.start, timeZone).date && today < wallTimeOf(gridRange.end, timeZone).date;
        setParam({ view: 'team', date: inRange ? today : (shown?.date ?? teamDate) });
      } else if (view === 'team') setParam({ view: name === 'week' ? null : name, date: teamDate });
      else controller.changeView(FULLCALENDAR_VIEW[name]);
    },
  };

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (popover || form || moves.busy || isTyping(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowLeft') navigate.previous();
    else if (event.key === 'ArrowRight') navigate.next();
    else return;
    event.preventDefault();
  }

  const teamTitle = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${teamDate}T12:00:00Z`),
  );
  const grid = { reference, words, slotMinutes, firstDay, events: data.events, onEventClick, onMove: moves.onMove };

  return (
    <Stack gap="sm" onKeyDown={onKeyDown}>
      <CalendarToolbar
        view={view}
        firstDayOfWeek={firstDay}
        title={view === 'team' ? teamTitle : (controller.view?.title ?? '')}
        date={view === 'team' ? teamDate : (date ?? today)}
        onToday={navigate.today}
        onPrevious={navigate.previous}
        onNext={navigate.next}
        onDate={navigate.to}
        onView={navigate.view}
        onNew={onNew}
      />
      <CalendarFilters
        reference={reference}
        practitionerIds={practitionerIds}
        roomId={roomId}
        showCancelled={showCancelled}
        onPractitioners={(ids) => setParam({ p: ids.join(',') || null })}
        onRoom={(room) => setParam({ room })}
        onShowCancelled={(show) => setParam({ cancelled: show ? '1' : null })}
      />
      <CalendarLegend practitioners={practitioners} />
      {data.calendarWindow.isError ? (
        <Alert color="red" variant="light" role="alert" title={t('calendar.loadFailed')} py="xs">
          <Button variant="default" size="xs" onClick={() => void data.calendarWindow.refetch()}>
            {t('calendar.retry')}
          </Button>
        </Alert>
      ) : null}
      <Box
        data-testid="calendar"
        aria-busy={data.loading || undefined}
        pos="relative"
        style={{ height: 'calc(100dvh - 280px)', minHeight: 420 }}
      >
        {view === 'team' ? (
          <PractitionerColumns {...grid} date={teamDate} practitioners={practitioners} onSelect={onSelect} />
        ) : (
          <CalendarGrid
            {...grid}
            controller={controller}
            view={FULLCALENDAR_VIEW[view]}
            date={date}
            onDatesSet={onDatesSet}
            onSelect={(info) => onSelect(info)}
          />
        )}
        <BoardLoading visible={data.loading} />
      </Box>
      <BoardDialogs
        reference={reference}
        popover={popover}
        shownBlock={popover ? data.blockById.get(popover.blockId) : undefined}
        form={form}
        editingId={editingId}
        entryById={data.entryById}
        moves={moves}
        describe={data.describe}
        onClosePopover={closePopover}
        onEdit={(entry) => {
          setPopover(null);
          setEditingId(entry.id);
        }}
        onCloseForm={() => setForm(null)}
        onCloseEdit={() => setEditingId(null)}
      />
    </Stack>
  );
}
