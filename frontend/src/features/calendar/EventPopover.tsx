/**
 * One appointment (or a group session's members) beside its block: who, what, when (in the practice's zone, and
 * in its own when that differs), where, price and the client's balance; how it ended, with one click to record
 * Attended / No-show / Cancel (or to correct it back), and the way to the client and to changing it. An
 * occurrence of a recurring series says so (and when it was changed on its own, or moved by a clock change), and
 * offers to end the series there: this one and the following ones are removed, after saying how many. A session's
 * note says whether it exists and is signed; whoever may read it opens it (the popover steps aside meanwhile).
 * Opened by a click or Enter on the block; Esc closes it and gives focus back to the block.
 */
import { Alert, Anchor, Badge, Button, CloseButton, Group, Popover, Portal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { zoneLabel } from '../../lib/zones';
import { Link } from 'react-router';
import { useChangeAppointmentStatus, useSeriesChange } from '../../api/queries/appointments';
import { useClient } from '../../api/queries/clients';
import { usePractice } from '../../api/queries/practice';
import { ApiError } from '../../api/problem';
import type { AppointmentStatus, CalendarEntry, SeriesChange, SeriesPlan } from '../../api/types';
import { useMoneyLocale } from '../../components/useMoneyLocale';
import { formatMoney } from '../../lib/money';
import { NoteSummary } from '../notes/NoteSummary';
import { SessionNoteDialog } from '../notes/SessionNoteDialog';
import { problemText } from '../../i18n/problemText';
import { BalanceChips } from '../clients/BalanceChips';
import { useClientWords } from '../clients/clientWords';
import { AppointmentStatusBadge } from './AppointmentStatusBadge';
import { needsAttendance, type CalendarBlock } from './calendarBlocks';
import { chargedNoShowFee, NoShowStep, useNoShowDefault } from './NoShowStep';
import type { NoShowFee } from './noShowFee';
import { blockSubtitle, blockTitle, clientNameOf } from './EventContent';
import { PractitionerSwatch } from './PractitionerSwatch';
import type { SchedulingReference } from './useSchedulingReference';
import { formatRangeIn, formatTimeIn } from './zonedTime';

interface EventPopoverProps {
  block: CalendarBlock;
  anchor: DOMRect;
  reference: SchedulingReference & { timeZone: string };
  onClose: () => void;
  /** Opens the form to change this appointment (not offered for a group). */
  onEdit: (entry: CalendarEntry) => void;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={92} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <div style={{ minWidth: 0, flex: 1 }}>{children}</div>
    </Group>
  );
}

export function EventPopover({ block, anchor, reference, onClose, onEdit }: EventPopoverProps) {
  const { t } = useTranslation();
  const words = useClientWords();
  const { first } = block;
  const { timeZone, locale } = reference;
  const title = blockTitle(block, t, words);
  const subtitle = blockSubtitle(block, t, reference);
  const practitioner = first.practitioner_id ? reference.practitioners.get(first.practitioner_id) : undefined;
  const location = first.location_id ? reference.locations.get(first.location_id) : undefined;
  const room = first.room_id ? reference.rooms.get(first.room_id) : undefined;
  const single = block.isGroup ? null : first;
  const ownZone = first.time_zone && first.time_zone !== timeZone ? first.time_zone : null;
  // While the note's dialog is open the popover is hidden (not closed): closing the note comes back to it.
  const [noteOpen, setNoteOpen] = useState(false);
  const noted = single !== null && !block.busyOnly && single.kind !== 'other_event';

  return (
    <Portal>
      <Popover
        opened={!noteOpen}
        onChange={(opened) => {
          if (!opened) onClose();
        }}
        onClose={noteOpen ? undefined : onClose}
        position="right-start"
        withArrow
        shadow="md"
        trapFocus
        returnFocus={false}
        closeOnEscape
        width={block.isGroup ? 420 : 340}
        // A block as wide as the day view leaves no room on either side: then the popover slides over it rather
        // than off the screen (where the page would scroll sideways under the pointer).
        middlewares={{ flip: true, shift: { crossAxis: true } }}
      >
        <Popover.Target>
          <div
            aria-hidden="true"
            style={{
              position: 'fixed',
              left: anchor.left,
              top: anchor.top,
              width: anchor.width,
              height: anchor.height,
              pointerEvents: 'none',
            }}
          />
        </Popover.Target>
        <Popover.Dropdown aria-label={t('calendar.popover.label', { title })} data-testid="event-popover">
          <Stack gap="xs">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={0} style={{ minWidth: 0 }}>
                {single?.client ? (
                  <Anchor component={Link} to={`/clients/${single.client.id}`} fw={700} truncate>
                    {title}
                  </Anchor>
                ) : (
                  <Text fw={700} truncate>
                    {title}
                  </Text>
                )}
                {subtitle ? (
                  <Text size="sm" c="dimmed" truncate>
                    {subtitle}
                  </Text>
                ) : null}
              </Stack>
              <CloseButton onClick={onClose} aria-label={t('calendar.popover.close')} />
            </Group>

            <Row label={t('calendar.popover.time')}>
              <Text size="sm">{formatRangeIn(first.starts_at, first.ends_at, timeZone, locale)}</Text>
              {ownZone ? (
                <Text size="xs" c="dimmed" data-testid="own-zone">
                  {t('calendar.popover.ownZone', {
                    zone: zoneLabel(ownZone),
                    time: formatRangeIn(first.starts_at, first.ends_at, ownZone, locale),
                  })}
                </Text>
              ) : null}
              {first.series_id && !block.busyOnly ? (
                <Stack gap={2} mt={4} data-testid="recurring">
                  <Group gap={6}>
                    <Badge size="sm" variant="light" color="gray" leftSection={<span aria-hidden="true">↻</span>}>
                      {t('calendar.popover.recurring')}
                    </Badge>
                  </Group>
                  {first.series_exception ? (
                    <Text size="xs" c="dimmed">
                      {t('calendar.popover.seriesException')}
                    </Text>
                  ) : null}
                  {first.time_adjusted ? (
                    <Text size="xs" c="dimmed" data-testid="time-adjusted">
                      {t('calendar.popover.timeAdjusted')}
                    </Text>
                  ) : null}
                </Stack>
              ) : null}
            </Row>
            {practitioner ? (
              <Row label={t('calendar.popover.practitioner')}>
                <Group gap={6} wrap="nowrap">
                  <PractitionerSwatch color={practitioner.color} />
                  <Text size="sm" truncate>
                    {practitioner.name}
                  </Text>
                </Group>
              </Row>
            ) : null}
            {location || room ? (
              <Row label={t('calendar.popover.place')}>
                <Text size="sm">{[location?.name, room?.name].filter(Boolean).join(' · ')}</Text>
              </Row>
            ) : null}
            {single && single.price_minor !== null && single.currency ? (
              <Row label={t('calendar.popover.price')}>
                <Text size="sm">{formatMoney(single.price_minor, single.currency, locale)}</Text>
              </Row>
            ) : null}
            {single?.client ? <ClientBalance clientId={single.client.id} /> : null}

            {block.busyOnly || first.kind === 'other_event' ? null : block.isGroup ? (
              <Row label={t('calendar.popover.members')}>
                <Stack gap="xs">
                  {block.entries.map((entry) => (
                    <MemberStatus key={entry.id} entry={entry} timeZone={timeZone} locale={locale} />
                  ))}
                </Stack>
              </Row>
            ) : (
              <Row label={t('calendar.popover.status')}>
                <StatusActions entry={first} timeZone={timeZone} locale={locale} />
              </Row>
            )}
            {noted ? (
              <NoteSummary appointmentId={single.id} timeZone={timeZone} locale={locale} onOpen={() => setNoteOpen(true)} />
            ) : null}

            {!block.busyOnly ? (
              <Group gap="xs" mt={4}>
                {single?.client ? (
                  <Button component={Link} to={`/clients/${single.client.id}`} variant="default" size="xs">
                    {t('calendar.popover.openClient', words)}
                  </Button>
                ) : null}
                {single && single.status === 'scheduled' ? (
                  <Button variant="default" size="xs" onClick={() => onEdit(single)}>
                    {t('calendar.popover.edit')}
                  </Button>
                ) : null}
              </Group>
            ) : null}
            {single && single.series_id && single.status === 'scheduled' && !block.busyOnly ? (
              <EndSeries entry={single} onDone={onClose} />
            ) : null}
          </Stack>
        </Popover.Dropdown>
      </Popover>
      {noteOpen && single ? (
        <SessionNoteDialog
          appointmentId={single.id}
          session={`${title} · ${formatRangeIn(single.starts_at, single.ends_at, timeZone, locale)}`}
          timeZone={timeZone}
          locale={locale}
          onClose={() => setNoteOpen(false)}
        />
      ) : null}
    </Portal>
  );
}

/**
 * Ends a series at this occurrence: it and the following ones are removed (nothing is charged), except those
 * that already happened, were recorded or were changed on their own, which stay. Asks first, saying how many.
 */
function EndSeries({ entry, onDone }: { entry: CalendarEntry; onDone: () => void }) {
  const { t } = useTranslation();
  const preview = useSeriesChange();
  const apply = useSeriesChange();
  const [plan, setPlan] = useState<SeriesPlan | null>(null);
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // The button asked with goes away: the keyboard lands on the safe choice.
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) keep.current?.focus();
  }, [asking]);
  const body = (dryRun: boolean): SeriesChange => ({ scope: 'following', action: 'delete', dry_run: dryRun, allow_conflicts: false, changes: {} });

  function ask() {
    setAsking(true);
    setProblem(null);
    preview.mutate(
      { appointmentId: entry.id, body: body(true) },
      { onSuccess: setPlan, onError: (error) => setProblem(problemText(error, t).message) },
    );
  }

  function remove() {
    // Said from onApplied, before the calendar refetches: the refetched window no longer holds this
    // occurrence, the popover closes with it, and a callback given to mutate() would never run.
    apply.mutate(
      {
        appointmentId: entry.id,
        body: body(false),
        onApplied: (done) => {
          notifications.show({ color: 'tend', message: t('calendar.popover.endSeriesDone', { count: done.deletes.length }) });
          onDone();
        },
      },
      { onError: (error) => setProblem(problemText(error, t).message) },
    );
  }

  return (
    <Stack gap={6} data-testid="end-series">
      {!asking ? (
        <Group>
          <Button variant="subtle" color="red" size="compact-xs" onClick={ask}>
            {t('calendar.popover.endSeries')}
          </Button>
        </Group>
      ) : (
        <>
          {plan ? (
            <Text size="sm">
              {t('calendar.popover.endSeriesQuestion', { count: plan.deletes.length })}
              {plan.kept.length > 0 ? ` ${t('calendar.popover.endSeriesKept', { count: plan.kept.length })}` : ''}
            </Text>
          ) : preview.isPending ? (
            <Text size="sm" c="dimmed">
              {t('calendar.seriesMove.checking')}
            </Text>
          ) : null}
          <Group gap={6}>
            <Button ref={keep} size="xs" variant="default" onClick={() => setAsking(false)}>
              {t('calendar.popover.endSeriesKeep')}
            </Button>
            <Button size="xs" color="red" disabled={!plan || plan.deletes.length === 0} loading={apply.isPending} onClick={remove}>
              {t('calendar.popover.endSeriesConfirm')}
            </Button>
          </Group>
        </>
      )}
      {problem ? (
        <Alert color="orange" variant="light" p="xs" role="alert">
          <Text size="sm">{problem}</Text>
        </Alert>
      ) : null}
    </Stack>
  );
}

function ClientBalance({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const client = useClient(clientId);
  if (!client.data) return null;
  return (
    <Row label={t('calendar.popover.balance')}>
      <BalanceChips balances={client.data.balances} size="sm" />
    </Row>
  );
}

/** A group member: their name, how their session ended, and the buttons to record it. */
function MemberStatus({ entry, timeZone, locale }: { entry: CalendarEntry; timeZone: string; locale: string }) {
  const name = clientNameOf(entry) ?? '';
  return (
    <Stack gap={4}>
      {entry.client ? (
        <Anchor component={Link} to={`/clients/${entry.client.id}`} size="sm" fw={600} truncate>
          {name}
        </Anchor>
      ) : null}
      <StatusActions entry={entry} timeZone={timeZone} locale={locale} name={name} compact />
    </Stack>
  );
}

/**
 * The status and the one-click ways to record it. Cancelling asks first (inside the late-cancel window it
 * costs the client a fee); a session not started yet cannot be marked attended or no-show, and says so.
 */
function StatusActions({
  entry,
  timeZone,
  locale,
  name,
  compact = false,
}: {
  entry: CalendarEntry;
  timeZone: string;
  locale: string;
  /** The member's name, for a group (said by each button to screen readers). */
  name?: string;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const practice = usePractice();
  const change = useChangeAppointmentStatus();
  const moneyLocale = useMoneyLocale();
  const noShowDefault = useNoShowDefault(entry);
  const [asking, setAsking] = useState(false);
  const [noShow, setNoShow] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const status = entry.status ?? 'scheduled';
  const owed = needsAttendance(entry, new Date());

  function record(next: AppointmentStatus, fee: NoShowFee = {}) {
    setProblem(null);
    change.mutate(
      { params: { path: { appointment_id: entry.id } }, body: { status: next, ...fee } },
      {
        onSuccess: (saved) => {
          setAsking(false);
          setNoShow(false);
          const words = {
            name: name ?? clientNameOf(entry) ?? t(`calendar.kinds.${entry.kind ?? 'client_session'}`),
            status: t(`calendar.statuses.${saved.status}`),
          };
          // A no-show says what it costs the client: the fee that will be charged, or that it was waived.
          const cost = saved.status === 'no_show' ? chargedNoShowFee(fee, noShowDefault.defaultMinor) : 0;
          const message =
            cost === 'waived'
              ? t('calendar.popover.noShowSavedWaived', words)
              : cost > 0
                ? t('calendar.popover.noShowSavedFee', {
                    ...words,
                    amount: formatMoney(cost, noShowDefault.currency, moneyLocale),
                  })
                : t('calendar.popover.statusSaved', words);
          notifications.show({ color: 'tend', message });
        },
        onError: (error) => {
          setAsking(false);
          setNoShow(false);
          if (error instanceof ApiError && error.problem.code === 'conflict.not_started') {
            setProblem(t('calendar.popover.notStarted', { time: formatTimeIn(entry.starts_at, timeZone, locale) }));
          } else {
            setProblem(problemText(error, t).message);
          }
        },
      },
    );
  }

  const pending = change.isPending ? change.variables?.body.status : null;
  const labelled = (label: string) => (name ? `${label} · ${name}` : undefined);
  const size = compact ? 'compact-xs' : 'xs';

  return (
    <Stack gap={6}>
      <Group gap={6}>
        <AppointmentStatusBadge status={status} needsAttendance={owed} />
      </Group>
      {noShow ? (
        <NoShowStep
          entry={entry}
          size={size}
          pending={pending === 'no_show'}
          onBack={() => setNoShow(false)}
          onConfirm={(fee) => record('no_show', fee)}
        />
      ) : asking ? (
        <Stack gap={6}>
          <Text size="sm">{t('calendar.popover.cancelQuestion', { hours: practice.data?.late_cancel_window_hours ?? 24 })}</Text>
          <Group gap={6}>
            <Button size={size} variant="default" onClick={() => setAsking(false)} data-autofocus>
              {t('calendar.popover.keep')}
            </Button>
            <Button size={size} color="red" loading={pending === 'cancelled'} onClick={() => record('cancelled')}>
              {t('calendar.popover.cancelConfirm')}
            </Button>
          </Group>
        </Stack>
      ) : status === 'scheduled' ? (
        <Group gap={6} role="group" aria-label={name ? t('calendar.popover.memberActions', { name }) : undefined}>
          <Button
            size={size}
            color="tend"
            loading={pending === 'attended'}
            disabled={change.isPending}
            onClick={() => record('attended')}
            aria-label={labelled(t('calendar.popover.attended'))}
          >
            {t('calendar.popover.attended')}
          </Button>
          <Button
            size={size}
            color="red"
            variant="light"
            loading={pending === 'no_show'}
            disabled={change.isPending}
            onClick={() => setNoShow(true)}
            aria-label={labelled(t('calendar.popover.noShow'))}
          >
            {t('calendar.popover.noShow')}
          </Button>
          <Button
            size={size}
            variant="default"
            disabled={change.isPending}
            onClick={() => setAsking(true)}
            aria-label={labelled(t('calendar.popover.cancel'))}
          >
            {t('calendar.popover.cancel')}
          </Button>
        </Group>
      ) : (
        <Group gap={6}>
          {status === 'no_show' ? (
            // The client did come after all: one correction, which voids the fee and charges the session.
            <Button
              size={size}
              color="tend"
              variant="light"
              loading={pending === 'attended'}
              disabled={change.isPending}
              onClick={() => record('attended')}
              aria-label={labelled(t('calendar.popover.correctToAttended'))}
            >
              {t('calendar.popover.correctToAttended')}
            </Button>
          ) : null}
          <Button
            size={size}
            variant="default"
            disabled={change.isPending && pending !== 'scheduled'}
            loading={pending === 'scheduled'}
            onClick={() => record('scheduled')}
            aria-label={labelled(t('calendar.popover.backToScheduled'))}
          >
            {t('calendar.popover.backToScheduled')}
          </Button>
        </Group>
      )}
      {problem ? (
        <Alert color="orange" variant="light" p="xs" role="alert" data-testid="status-problem">
          <Text size="sm">{problem}</Text>
        </Alert>
      ) : null}
    </Stack>
  );
}
