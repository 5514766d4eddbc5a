/**
 * FullCalendar 7 with the app around it: the toolbar and filters drive it through its controller, the visible
 * range and filters pick the query, blocks come from the API's entries, and every change (booking, moving,
 * recording attendance) goes through the API, a clash asking before it books or moves anyway. Moving an
 * occurrence of a recurring series first asks which ones move and shows what would change.
 */
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import FullCalendar, {
  useCalendarController,
  type DateSelectInfo,
  type DatesSetInfo,
  type EventClickInfo,
  type EventDropInfo,
  type EventInput,
  type EventResizeDoneInfo,
  type LocaleInput,
} from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import esLocale from '@fullcalendar/react/locales/es';
import classicTheme from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import { Alert, Box, Button, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  isSchedulingClash,
  useAppointment,
  useCalendarWindow,
  useUpdateAppointments,
  type AppointmentChange,
  type Clash,
} from '../../api/queries/appointments';
import type { CalendarEntry } from '../../api/types';
import { problemText } from '../../i18n/problemText';
import { useSession } from '../auth/useSession';
import { useClientWords } from '../clients/clientWords';
import { AppointmentForm, type AppointmentFormMode } from './AppointmentForm';
import { DEFAULT_MINUTES } from './appointmentForm';
import { blockColors, blocksOf, type CalendarBlock } from './calendarBlocks';
import { CalendarFilters } from './CalendarFilters';
import { CalendarToolbar, VIEWS, type CalendarViewName } from './CalendarToolbar';
import { ClashDialog } from './ClashDialog';
import { blockTitle, clientNameOf, EventContent } from './EventContent';
import { EventPopover } from './EventPopover';
import { newAppointmentStart, WORKDAY_START } from './newAppointmentStart';
import { SeriesMoveDialog, type PendingSeriesMove } from './SeriesMoveDialog';
import type { SchedulingReference } from './useSchedulingReference';
import { addMinutes, clockOptions, firstDayOfWeek, formatRangeIn, minutesBetween, wallTimeOf, type WallTime } from './zonedTime';

const FULLCALENDAR_VIEW: Record<CalendarViewName, string> = {
  day: 'timeGridDay',
  week: 'timeGridWeek',
  month: 'dayGridMonth',
};
const PLUGINS = [classicTheme, timeGridPlugin, dayGridPlugin, interactionPlugin];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DEFAULT_START_TIME = WORKDAY_START;
/** The grid shows quarter hours; drags and selections snap to five minutes, the form takes any minute. */
const SLOT_MINUTES = 15;


type Reference = SchedulingReference & { timeZone: string };

interface PopoverState {
  blockId: string;
  anchor: DOMRect;
}

interface MoveClash {
  clashes: Clash[];
  changes: AppointmentChange[];
}

function readView(value: string | null): CalendarViewName {
  return VIEWS.find((view) => view === value) ?? 'week';
}

function isTyping(target: EventTarget): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/** FullCalendar writes dates with the locale's code: the UI language where the practice is ("es-PE"). */
function calendarLocale(language: string, locale: string): LocaleInput {
  return language === 'es' ? { ...esLocale, code: locale } : { code: locale };
}

export default function CalendarBoard({ reference }: { reference: Reference }) {
  const { t, i18n } = useTranslation();
  const clientWords = useClientWords();
  // The same words keep the same object, so the blocks are not rebuilt on every render.
  const words = useMemo(() => clientWords, [clientWords.client, clientWords.clients, clientWords.Client, clientWords.Clients]);
  const session = useSession();
  const controller = useCalendarController();
  const { timeZone, locale } = reference;
  const [params, setParams] = useSearchParams();
  const view = readView(params.get('view'));
  const date = ISO_DATE.test(params.get('date') ?? '') ? params.get('date')! : undefined;
  const practitionerIds = useMemo(() => (params.get('p') ?? '').split(',').filter(Boolean), [params]);
  const roomId = params.get('room');
  const showCancelled = params.get('cancelled') === '1';
  const [range, setRange] = useState<{ start: string; end: string } | null>(null);
  const [shown, setShown] = useState<{ view: CalendarViewName; date: string } | null>(null);
  const [popover, setPopover] = useState<PopoverState | null>(null);
  const [form, setForm] = useState<AppointmentFormMode | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [moveClash, setMoveClash] = useState<MoveClash | null>(null);
  const [seriesMove, setSeriesMove] = useState<PendingSeriesMove | null>(null);
  const lastFocused = useRef<string | null>(null);
  const move = useUpdateAppointments();
  const editing = useAppointment(editingId);
  const language = i18n.resolvedLanguage ?? 'en';
  const fullCalendarLocale = useMemo(() => calendarLocale(language, locale), [language, locale]);
  // The grid's position says morning or afternoon: inside a block "10:00 – 10:45" is enough.
  const eventTimeFormat = useMemo(() => ({ ...clockOptions(locale), meridiem: false as const }), [locale]);
  const slotHeaderFormat = useMemo(() => ({ ...clockOptions(locale), omitZeroMinute: !locale.startsWith('es'), meridiem: 'short' as const }), [locale]);
  const ownPractitioner =
    session.status === 'signed_in' && session.user.role === 'clinician' ? session.user.practitioner_id : null;

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
          extendedProps: { block, accent: colors.accent, ownFirst: block.busyOnly ? 1 : 0 },
        };
      }),
    [blocks, reference.practitioners, t, words],
  );

  function setParam(changes: Record<string, string | null>) {
    if (Object.entries(changes).every(([name, value]) => params.get(name) === (value || null))) return;
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [name, value] of Object.entries(changes)) {
          if (value) next.set(name, value);
          else next.delete(name);
        }
        return next;
      },
      { replace: true },
    );
  }

  useEffect(() => {
    if (shown) setParam({ view: shown.view === 'week' ? null : shown.view, date: shown.date });
    // Only when the calendar shows another range: the filters in the URL stay as they are.
  }, [shown]);

  function onDatesSet(info: DatesSetInfo) {
    const start = info.start.toISOString();
    const end = info.end.toISOString();
    setRange((previous) => (previous?.start === start && previous.end === end ? previous : { start, end }));
    const name = (Object.keys(FULLCALENDAR_VIEW) as CalendarViewName[]).find((key) => FULLCALENDAR_VIEW[key] === info.view.type);
    // Written to the URL after the render (FullCalendar calls this while it mounts).
    setShown({ view: name ?? 'week', date: wallTimeOf(info.view.currentStart, timeZone).date });
  }

  /** Who a new booking is for, when the filters say: the one practitioner shown, or a clinician's own. */
  function bookingStart(start: WallTime, end: WallTime): AppointmentFormMode {
    const room = roomId ? reference.rooms.get(roomId) : undefined;
    return {
      type: 'create',
      from: {
        start,
        end,
        practitionerId: practitionerIds.length === 1 ? practitionerIds[0] : ownPractitioner,
        roomId: room?.id ?? null,
        locationId: room?.location_id ?? reference.activeLocations[0]?.id ?? null,
      },
    };
  }

  function onSelect(info: DateSelectInfo) {
    info.view.calendar.unselect();
    let start = wallTimeOf(info.start, timeZone);
    let end = wallTimeOf(info.end, timeZone);
    if (info.allDay) {
      start = { date: start.date, time: DEFAULT_START_TIME };
      end = addMinutes(start, DEFAULT_MINUTES, timeZone) ?? start;
    } else if (minutesBetween(info.start, info.end) <= SLOT_MINUTES) {
      // A click books from the start of the slot clicked (a drag keeps its exact minutes), until a service says
      // how long it lasts.
      const minutes = Number(start.time.slice(3, 5));
      start = { date: start.date, time: `${start.time.slice(0, 3)}${String(minutes - (minutes % SLOT_MINUTES)).padStart(2, '0')}` };
      end = addMinutes(start, DEFAULT_MINUTES, timeZone) ?? end;
    }
    setPopover(null);
    setForm(bookingStart(start, end));
  }

  function onNew() {
    // A future moment, in the range shown when that is still ahead: see newAppointmentStart. The range as the
    // calendar last drew it (the URL's `date` follows a render later: a click right after paging read the old one).
    const start = newAppointmentStart(shown?.date ?? date, timeZone);
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

  async function saveMove(changes: AppointmentChange[]) {
    const first = changes[0]!.body;
    await move.mutateAsync(changes);
    notifications.show({
      color: 'tend',
      message: t('calendar.moved', { time: formatRangeIn(first.starts_at!, first.ends_at!, timeZone, locale) }),
    });
  }

  async function onMove(info: EventDropInfo | EventResizeDoneInfo) {
    const block = info.event.extendedProps.block as CalendarBlock;
    const { start, end } = info.event;
    if (!start || !end) {
      info.revert();
      return;
    }
    setPopover(null);
    if (!block.isGroup && block.first.series_id) {
      // An occurrence of a series: nothing is saved until the front desk says which ones move and sees the plan.
      setSeriesMove({ entry: block.first, startsAt: start.toISOString(), endsAt: end.toISOString(), revert: info.revert });
      return;
    }
    // A group session moves as one: the server moves every member with the one dragged, or none of them.
    const changes = [
      {
        appointmentId: block.first.id,
        body: { starts_at: start.toISOString(), ends_at: end.toISOString(), allow_conflicts: false },
      },
    ];
    try {
      await saveMove(changes);
    } catch (error) {
      info.revert();
      if (isSchedulingClash(error)) {
        setMoveClash({ clashes: error.clashes, changes });
      } else {
        notifications.show({ color: 'red', title: t('calendar.moveFailed'), message: problemText(error, t).message });
      }
    }
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

  /** A clashing appointment as the calendar knows it (it may be outside the range shown). */
  function describe(appointmentId: string): string | null {
    const entry = entryById.get(appointmentId);
    if (!entry) return null;
    const block = blocks.find((candidate) => candidate.entries.some((member) => member.id === appointmentId));
    return block ? blockTitle(block, t, words) : null;
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (popover || form || seriesMove || isTyping(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowLeft') controller.prev();
    else if (event.key === 'ArrowRight') controller.next();
    else return;
    event.preventDefault();
  }

  const shownBlock = popover ? blockById.get(popover.blockId) : undefined;

  return (
    <Stack gap="sm" onKeyDown={onKeyDown}>
      <CalendarToolbar
        view={view}
        firstDayOfWeek={firstDayOfWeek(locale)}
        title={controller.view?.title ?? ''}
        date={date ?? wallTimeOf(new Date(), timeZone).date}
        onToday={() => controller.today()}
        onPrevious={() => controller.prev()}
        onNext={() => controller.next()}
        onDate={(picked) => controller.gotoDate(picked)}
        onView={(name) => controller.changeView(FULLCALENDAR_VIEW[name])}
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
      {calendarWindow.isError ? (
        <Alert color="red" variant="light" role="alert" title={t('calendar.loadFailed')} py="xs">
          <Button variant="default" size="xs" onClick={() => void calendarWindow.refetch()}>
            {t('calendar.retry')}
          </Button>
        </Alert>
      ) : null}
      <Box
        data-testid="calendar"
        aria-busy={calendarWindow.isFetching || undefined}
        style={{ height: 'calc(100dvh - 250px)', minHeight: 420 }}
      >
        <FullCalendar
          controller={controller}
          plugins={PLUGINS}
          initialView={FULLCALENDAR_VIEW[view]}
          initialDate={date}
          timeZone={timeZone}
          locale={fullCalendarLocale}
          firstDay={firstDayOfWeek(locale)}
          eventTimeFormat={eventTimeFormat}
          slotHeaderFormat={slotHeaderFormat}
          headerToolbar={false}
          height="100%"
          allDaySlot={false}
          slotDuration={{ minutes: SLOT_MINUTES }}
          slotHeaderInterval="01:00:00"
          snapDuration="00:05:00"
          scrollTime="07:30:00"
          nowIndicator
          dayMaxEvents
          eventMaxStack={4}
          eventOrder="ownFirst,start,-duration,allDay,title"
          selectable
          selectMirror
          editable
          eventInteractive
          events={events}
          datesSet={onDatesSet}
          select={onSelect}
          eventClick={onEventClick}
          eventDrop={(info) => void onMove(info)}
          eventResize={(info) => void onMove(info)}
          eventDidMount={(info) => {
            // Found again by id to give focus back when the popover closes (blocks re-render after a change).
            const block = info.event.extendedProps.block as CalendarBlock | undefined;
            if (block) info.el.setAttribute('data-event-id', block.id);
          }}
          eventContent={(info) => {
            const block = info.event.extendedProps.block as CalendarBlock | undefined;
            // The mirror of a selection being drawn has no block: FullCalendar shows its times.
            if (!block) return true;
            return (
              <EventContent
                block={block}
                accent={info.event.extendedProps.accent as string}
                timeText={info.timeText}
                compact={info.view.type === FULLCALENDAR_VIEW.month}
                reference={reference}
                words={words}
              />
            );
          }}
        />
      </Box>

      {shownBlock && popover ? (
        <EventPopover
          key={shownBlock.id}
          block={shownBlock}
          anchor={popover.anchor}
          reference={reference}
          onClose={closePopover}
          onEdit={(entry: CalendarEntry) => {
            setPopover(null);
            setEditingId(entry.id);
          }}
        />
      ) : null}

      {form ? (
        <AppointmentForm mode={form} reference={reference} onClose={() => setForm(null)} describeClash={describe} />
      ) : null}
      {editingId && editing.data ? (
        <AppointmentForm
          key={editing.data.id}
          mode={{ type: 'edit', appointment: editing.data, clientName: clientNameOf(entryById.get(editingId)) }}
          reference={reference}
          onClose={() => setEditingId(null)}
          describeClash={describe}
        />
      ) : null}
      {seriesMove ? (
        <SeriesMoveDialog
          key={`${seriesMove.entry.id}-${seriesMove.startsAt}-${seriesMove.endsAt}`}
          move={seriesMove}
          reference={reference}
          describe={describe}
          onCancel={() => {
            seriesMove.revert();
            setSeriesMove(null);
          }}
          onDone={() => setSeriesMove(null)}
        />
      ) : null}
      <ClashDialog
        clashes={moveClash?.clashes ?? null}
        action="move"
        timeZone={timeZone}
        locale={locale}
        describe={describe}
        loading={move.isPending}
        onClose={() => setMoveClash(null)}
        onOverride={() => void moveAnyway()}
      />
    </Stack>
  );
}
