/**
 * One FullCalendar grid with Tend's settings: the practice's zone, language and slot (drags, resizes and clicks
 * snap to it), 24-hour times in Spanish, blocks drawn by EventContent, a month that lists each day's sessions in
 * full. The grid takes its whole height and one region around it scrolls, named and reachable by keyboard even
 * when the range is empty (FullCalendar's own scroller sits inside its table's rows, where focus may not go). The
 * board uses one for day, week and month; the day by practitioner puts one per practitioner side by side in its
 * own scrolling region.
 */
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import classes from './CalendarGrid.module.css';
import FullCalendar, {
  type CalendarController,
  type DateSelectInfo,
  type DatesSetInfo,
  type DayHeaderInfo,
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
import { useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientWords } from '../clients/clientWords';
import type { CalendarBlock } from './calendarBlocks';
import { EventContent } from './EventContent';
import { followPrinting } from './followPrinting';
import { slotDuration } from './slotting';
import type { SchedulingReference } from './useSchedulingReference';
import { clockOptions } from './zonedTime';

const PLUGINS = [classicTheme, timeGridPlugin, dayGridPlugin, interactionPlugin];
export const MONTH_VIEW = 'dayGridMonth';

/** FullCalendar writes dates with the locale's code: the UI language where the practice is ("es-PE"). */
function calendarLocale(language: string, locale: string): LocaleInput {
  return language === 'es' ? { ...esLocale, code: locale } : { code: locale };
}

export interface CalendarGridProps {
  controller?: CalendarController;
  /** FullCalendar's view type ("timeGridWeek"). */
  view: string;
  date?: string;
  reference: SchedulingReference & { timeZone: string };
  words: ClientWords;
  slotMinutes: number;
  firstDay: number;
  events: EventInput[];
  /** False inside the practitioner columns, which scroll together. */
  scrolls?: boolean;
  slotMinTime?: string;
  slotMaxTime?: string;
  dayHeaderContent?: (info: DayHeaderInfo) => ReactNode;
  onDatesSet?: (info: DatesSetInfo) => void;
  onSelect: (info: DateSelectInfo) => void;
  onEventClick: (info: EventClickInfo) => void;
  onMove: (info: EventDropInfo | EventResizeDoneInfo, resized: boolean) => void;
}

export function CalendarGrid(props: CalendarGridProps) {
  const { controller, view, date, reference, words, slotMinutes, firstDay, events, scrolls = true, onMove } = props;
  const { t, i18n } = useTranslation();
  const { timeZone, locale } = reference;
  const root = useRef<HTMLDivElement>(null);
  const language = i18n.resolvedLanguage ?? 'en';
  const fullCalendarLocale = useMemo(() => calendarLocale(language, locale), [language, locale]);
  // The grid's position says morning or afternoon: inside a block "10:00 – 10:45" is enough.
  const eventTimeFormat = useMemo(() => ({ ...clockOptions(locale), meridiem: false as const }), [locale]);
  // A month's list has no such position: English says am/pm, compactly ("8a", "10:30p") so a narrow day still
  // shows the name; Spanish is 24-hour.
  const monthTimeFormat = useMemo(
    () =>
      locale.startsWith('es')
        ? clockOptions(locale)
        : { hour: 'numeric' as const, minute: '2-digit' as const, omitZeroMinute: true, meridiem: 'narrow' as const },
    [locale],
  );
  const slotHeaderFormat = useMemo(() => ({ ...clockOptions(locale), omitZeroMinute: !locale.startsWith('es'), meridiem: 'short' as const }), [locale]);
  const slot = slotDuration(slotMinutes);
  const shownRange = useRef('');

  /** A new view or range starts at 07:30, where FullCalendar's scrollTime would put its own scroller. */
  function scrollToMorning(key: string) {
    if (!scrolls || shownRange.current === key) return;
    shownRange.current = key;
    requestAnimationFrame(() => {
      const region = root.current;
      const row = region?.querySelector<HTMLElement>('[data-time="07:30:00"]');
      if (region && row) region.scrollTop += row.getBoundingClientRect().top - region.getBoundingClientRect().top - 40;
    });
  }

  return (
    <div
      ref={root}
      {...(scrolls ? { role: 'region', 'aria-label': t('calendar.board.grid'), tabIndex: 0 } : {})}
      data-testid={scrolls ? 'calendar-scroll' : undefined}
      style={scrolls ? { height: '100%', overflow: 'auto' } : undefined}
    >
      <FullCalendar
        controller={controller}
        plugins={PLUGINS}
        initialView={view}
        initialDate={date}
        timeZone={timeZone}
        locale={fullCalendarLocale}
        firstDay={firstDay}
        eventTimeFormat={eventTimeFormat}
        slotHeaderFormat={slotHeaderFormat}
        headerToolbar={false}
        height="auto"
        allDaySlot={false}
        slotDuration={slot}
        // Drags, resizes and selections land on the practice's slots: 16:00, never 15:55 or 16:05.
        snapDuration={slot}
        slotHeaderInterval="01:00:00"
        // Given only when set: FullCalendar reads an explicit undefined as a duration and fails.
        {...(props.slotMinTime ? { slotMinTime: props.slotMinTime } : {})}
        {...(props.slotMaxTime ? { slotMaxTime: props.slotMaxTime } : {})}
        {...(props.dayHeaderContent ? { dayHeaderContent: props.dayHeaderContent } : {})}
        nowIndicator
        dayMaxEvents
        // A busy day's sessions are listed in full in the month, not one and "+11 more".
        views={{ [MONTH_VIEW]: { dayMaxEvents: false, eventTimeFormat: monthTimeFormat } }}
        dayCellTopInnerClass={(info) => (info.isOther ? classes.otherMonth : '')}
        eventMaxStack={4}
        eventOrder="ownFirst,start,-duration,allDay,title"
        selectable
        selectMirror
        editable
        eventInteractive
        events={events}
        datesSet={(info) => {
          followPrinting(info.view.calendar);
          props.onDatesSet?.(info);
          scrollToMorning(`${info.view.type} ${info.startStr}`);
        }}
        select={props.onSelect}
        eventClick={props.onEventClick}
        eventDrop={(info) => onMove(info, false)}
        eventResize={(info) => onMove(info, true)}
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
              doubleBooked={Boolean(info.event.extendedProps.doubleBooked)}
              accent={info.event.extendedProps.accent as string}
              timeText={info.timeText}
              compact={info.view.type === MONTH_VIEW}
              reference={reference}
              words={words}
            />
          );
        }}
      />
    </div>
  );
}
