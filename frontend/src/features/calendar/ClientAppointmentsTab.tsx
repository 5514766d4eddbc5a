/**
 * A client's appointments from six months back to three months ahead (the practice's calendar days): what is
 * coming first, then what happened, newest first, each with how it ended and the way to its note; and booking a
 * session for them.
 */
import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useClientAppointments } from '../../api/queries/appointments';
import type { CalendarEntry, Client } from '../../api/types';
import { clientDisplayName } from '../clients/format';
import { TabTable } from '../clients/TabTable';
import { SessionNoteDialog } from '../notes/SessionNoteDialog';
import { AppointmentForm, type AppointmentFormMode } from './AppointmentForm';
import { DEFAULT_MINUTES } from './appointmentForm';
import { AppointmentStatusBadge } from './AppointmentStatusBadge';
import { needsAttendance } from './calendarBlocks';
import { newAppointmentStart } from './newAppointmentStart';
import { PractitionerSwatch } from './PractitionerSwatch';
import { useSchedulingReference, type SchedulingReference } from './useSchedulingReference';
import { addMinutes, formatRangeIn, nextDate, shiftMonths, wallTimeOf, zonedIso } from './zonedTime';

const MONTHS_BACK = 6;
const MONTHS_AHEAD = 3;

export default function ClientAppointmentsTab({ client }: { client: Client }) {
  const reference = useSchedulingReference();
  const { timeZone } = reference;
  if (!timeZone) return null; // the practice (its zone) is still loading; the record above shows it loading
  return <ClientAppointments client={client} reference={{ ...reference, timeZone }} />;
}

function ClientAppointments({ client, reference }: { client: Client; reference: SchedulingReference & { timeZone: string } }) {
  const { t } = useTranslation();
  const { timeZone } = reference;
  const [booking, setBooking] = useState<AppointmentFormMode | null>(null);
  const [noteOf, setNoteOf] = useState<CalendarEntry | null>(null);
  const today = wallTimeOf(new Date(), timeZone).date;
  const start = zonedIso({ date: shiftMonths(today, -MONTHS_BACK), time: '00:00' }, timeZone)!;
  const end = zonedIso({ date: nextDate(shiftMonths(today, MONTHS_AHEAD)), time: '00:00' }, timeZone)!;
  const appointments = useClientAppointments(client.id, start, end);

  // The moment the tab opened splits coming from past (kept, so the lists do not shift while reading).
  const [now] = useState(() => Date.now());
  const { upcoming, past } = useMemo(() => {
    const coming = appointments.entries.filter((entry) => Date.parse(entry.ends_at) > now);
    const done = appointments.entries.filter((entry) => Date.parse(entry.ends_at) <= now).reverse();
    return { upcoming: coming, past: done };
  }, [appointments.entries, now]);

  function book() {
    // The same proposal as the calendar's "New appointment": never a time already past.
    const from = newAppointmentStart(undefined, timeZone);
    setBooking({
      type: 'create',
      client: { id: client.id, name: clientDisplayName(client) },
      from: {
        start: from,
        end: addMinutes(from, DEFAULT_MINUTES, timeZone) ?? from,
        practitionerId: client.practitioners.length === 1 ? client.practitioners[0]!.id : null,
        locationId: reference.activeLocations[0]?.id ?? null,
      },
    });
  }

  const headers = [
    t('calendar.clientTab.when'),
    t('calendar.clientTab.what'),
    t('calendar.clientTab.practitioner'),
    t('calendar.clientTab.status'),
  ];
  const rows = (entries: CalendarEntry[]) =>
    entries.map((entry) => (
      <AppointmentRow key={entry.id} entry={entry} reference={reference} onOpenNote={() => setNoteOf(entry)} />
    ));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Text size="sm" c="dimmed">
          {t('calendar.clientTab.window')}
        </Text>
        <Button onClick={book}>{t('calendar.clientTab.book')}</Button>
      </Group>
      {appointments.entries.length === 0 || appointments.isError || appointments.isPending ? (
        <TabTable
          query={appointments}
          rowCount={appointments.entries.length}
          loadFailed={t('calendar.clientTab.loadFailed')}
          empty={t('calendar.clientTab.empty')}
          testId="client-appointments"
          headers={headers}
        >
          {null}
        </TabTable>
      ) : (
        <>
          {[
            { title: t('calendar.clientTab.upcoming'), entries: upcoming, testId: 'upcoming-appointments' },
            { title: t('calendar.clientTab.past'), entries: past, testId: 'past-appointments' },
          ]
            .filter((section) => section.entries.length > 0)
            .map((section) => (
              <Stack key={section.testId} gap="xs">
                <Title order={3} size="h5">
                  {section.title}
                </Title>
                <TabTable
                  query={appointments}
                  rowCount={section.entries.length}
                  loadFailed={t('calendar.clientTab.loadFailed')}
                  empty=""
                  testId={section.testId}
                  headers={headers}
                >
                  {rows(section.entries)}
                </TabTable>
              </Stack>
            ))}
        </>
      )}
      {booking ? (
        <AppointmentForm mode={booking} reference={reference} onClose={() => setBooking(null)} />
      ) : null}
      {noteOf ? (
        <SessionNoteDialog
          appointmentId={noteOf.id}
          session={`${clientDisplayName(client)} · ${formatRangeIn(noteOf.starts_at, noteOf.ends_at, timeZone, reference.locale)}`}
          timeZone={timeZone}
          locale={reference.locale}
          onClose={() => setNoteOf(null)}
        />
      ) : null}
    </Stack>
  );
}

function AppointmentRow({
  entry,
  reference,
  onOpenNote,
}: {
  entry: CalendarEntry;
  reference: SchedulingReference & { timeZone: string };
  onOpenNote: () => void;
}) {
  const { t } = useTranslation();
  const { timeZone, locale } = reference;
  const practitioner = entry.practitioner_id ? reference.practitioners.get(entry.practitioner_id) : undefined;
  const service = entry.service_id ? reference.services.get(entry.service_id) : undefined;
  const day = wallTimeOf(entry.starts_at, timeZone).date;
  const range = formatRangeIn(entry.starts_at, entry.ends_at, timeZone, locale);
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/calendar?view=day&date=${day}`} size="sm" title={t('calendar.clientTab.openInCalendar')}>
          {range}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{service ? `${service.code} · ${service.name}` : entry.kind ? t(`calendar.kinds.${entry.kind}`) : ''}</Text>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <PractitionerSwatch color={practitioner?.color} />
          <Text size="sm" truncate>
            {practitioner?.name ?? ''}
          </Text>
        </Group>
      </Table.Td>
      <Table.Td>
        <Group gap={6} justify="flex-end" wrap="nowrap">
          {entry.status ? <AppointmentStatusBadge status={entry.status} needsAttendance={needsAttendance(entry, new Date())} /> : null}
          {entry.kind !== 'other_event' ? (
            <Button size="compact-xs" variant="subtle" onClick={onOpenNote} aria-label={t('notes.openFor', { session: range })}>
              {t('notes.short')}
            </Button>
          ) : null}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
