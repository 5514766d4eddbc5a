/**
 * A day with one column per practitioner, side by side over the same hours (FullCalendar's resource views are
 * premium plugins under a commercial licence: see docs/calendar.md). Each column is a day grid of its own, with
 * the same blocks, popover, drags and resizes; a click on free time books with that column's practitioner.
 * Practice-wide events (no practitioner) show in every column, since they take everyone's time.
 */
import type { DateSelectInfo, EventClickInfo, EventDropInfo, EventInput, EventResizeDoneInfo } from '@fullcalendar/react';
import { Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PractitionerRecord } from '../../api/types';
import type { ClientWords } from '../clients/clientWords';
import type { CalendarBlock } from './calendarBlocks';
import { CalendarGrid } from './CalendarGrid';
import { PractitionerSwatch } from './PractitionerSwatch';
import type { SchedulingReference } from './useSchedulingReference';
import { wallTimeOf } from './zonedTime';

const EARLIEST = 7;
const LATEST = 21;

/** The hours the columns show: 07:00–21:00, stretched to take in anything booked earlier or later that day. */
export function dayHours(events: readonly EventInput[], date: string, timeZone: string): { min: string; max: string } {
  let min = EARLIEST;
  let max = LATEST;
  for (const event of events) {
    const start = wallTimeOf(String(event.start), timeZone);
    const end = wallTimeOf(String(event.end), timeZone);
    if (start.date < date) min = 0;
    else if (start.date === date) min = Math.min(min, Number(start.time.slice(0, 2)));
    if (end.date > date) max = 24;
    else if (end.date === date) max = Math.max(max, Number(end.time.slice(0, 2)) + (end.time.endsWith(':00') ? 0 : 1));
  }
  return { min: `${String(min).padStart(2, '0')}:00:00`, max: `${String(max).padStart(2, '0')}:00:00` };
}

interface PractitionerColumnsProps {
  date: string;
  practitioners: readonly PractitionerRecord[];
  events: EventInput[];
  reference: SchedulingReference & { timeZone: string };
  words: ClientWords;
  slotMinutes: number;
  firstDay: number;
  onSelect: (info: DateSelectInfo, practitionerId: string) => void;
  onEventClick: (info: EventClickInfo) => void;
  onMove: (info: EventDropInfo | EventResizeDoneInfo, resized: boolean) => void;
}

export function PractitionerColumns({ date, practitioners, events, reference, onSelect, ...grid }: PractitionerColumnsProps) {
  const { t } = useTranslation();
  if (practitioners.length === 0) {
    return (
      <Text c="dimmed" py="md">
        {t('calendar.board.columns.none')}
      </Text>
    );
  }
  const hours = dayHours(events, date, reference.timeZone);
  const whose = (event: EventInput) => (event.extendedProps?.block as CalendarBlock | undefined)?.first.practitioner_id ?? null;
  return (
    <Box
      role="region"
      aria-label={t('calendar.board.columns.label')}
      tabIndex={0}
      data-testid="practitioner-columns"
      style={{ height: '100%', overflow: 'auto' }}
    >
      <Box style={{ display: 'flex', minWidth: 'min-content' }}>
        {practitioners.map((practitioner) => (
          <Box key={`${practitioner.id}-${date}`} data-practitioner-id={practitioner.id} style={{ flex: '1 0 220px', minWidth: 220 }}>
            <CalendarGrid
              {...grid}
              view="timeGridDay"
              date={date}
              reference={reference}
              events={events.filter((event) => [practitioner.id, null].includes(whose(event)))}
              scrolls={false}
              slotMinTime={hours.min}
              slotMaxTime={hours.max}
              dayHeaderContent={() => (
                <Group gap={6} wrap="nowrap" justify="flex-start" py={2} px={4} maw="100%" style={{ overflow: 'hidden' }}>
                  <PractitionerSwatch color={practitioner.color} />
                  <Text size="sm" fw={700} truncate title={practitioner.name}>
                    {practitioner.name}
                  </Text>
                </Group>
              )}
              onSelect={(info) => onSelect(info, practitioner.id)}
            />
          </Box>
        ))}
      </Box>
    </Box>
  );
}
