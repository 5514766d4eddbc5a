/**
 * What a calendar block says: time, who (the client, the group's members, an event's title, or just "Busy"),
 * what (the service's code or the kind of contact), whose (the practitioner), and the flags the front desk acts
 * on (attendance owed, no-show, late cancellation, double booked), each with a sign and words, never colour alone;
 * an occurrence of a recurring series is marked ↻. Short blocks keep to the first line.
 */
import { Box, Text, VisuallyHidden } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import classes from './EventContent.module.css';
import type { ClientWords } from '../clients/clientWords';
import type { CalendarBlock } from './calendarBlocks';
import type { SchedulingReference } from './useSchedulingReference';

export function clientNameOf(entry: CalendarBlock['first'] | undefined): string | null {
  return entry?.client ? `${entry.client.first_name} ${entry.client.last_name}` : null;
}

/** The block's headline: the client, the group, the event's title, or "Busy". */
export function blockTitle(block: CalendarBlock, t: TFunction, words: ClientWords): string {
  if (block.busyOnly) return t('calendar.busy');
  if (block.isGroup) return t('calendar.group', { count: block.entries.length, ...words });
  const name = clientNameOf(block.first);
  if (name) return name;
  return block.first.title ?? (block.first.kind ? t(`calendar.kinds.${block.first.kind}`) : t('calendar.busy'));
}

/** The block's second line: the service's code and name, or the kind of appointment. */
export function blockSubtitle(block: CalendarBlock, t: TFunction, reference: SchedulingReference): string | null {
  if (block.busyOnly) return null;
  const { first } = block;
  const service = first.service_id ? reference.services.get(first.service_id) : undefined;
  if (service) return `${service.code} · ${service.name}`;
  if (first.kind === 'other_event') return first.availability === 'free' ? t('calendar.free') : null;
  return first.kind ? t(`calendar.kinds.${first.kind}`) : null;
}

/** A mark with a sign and words on a light ground: reads on any block colour. */
function Mark({ sign, label, testId, short }: { sign: string; label: string; testId: string; short?: string }) {
  return (
    <Text
      span
      size="10px"
      fw={700}
      px={4}
      lh="14px"
      bg="white"
      c="dark.9"
      style={{ borderRadius: 3, whiteSpace: 'nowrap', border: '1px solid var(--mantine-color-dark-9)' }}
      data-testid={testId}
      title={label}
    >
      <span aria-hidden="true">{sign}</span>
      {short === undefined ? ` ${label}` : <VisuallyHidden>{label}</VisuallyHidden>}
      {short ? <span aria-hidden="true"> {short}</span> : null}
    </Text>
  );
}

/** The marks a block carries: no-show and late cancellation (how it ended) and a double booking. */
function Marks({ block, doubleBooked, compact }: { block: CalendarBlock; doubleBooked: boolean; compact: boolean }) {
  const { t } = useTranslation();
  const status = block.isGroup ? null : block.first.status;
  if (!doubleBooked && status !== 'no_show' && status !== 'late_cancelled') return null;
  return (
    <>
      {status === 'no_show' ? <Mark sign="×" label={t('calendar.board.noShowMark')} testId="no-show-mark" short={compact ? '' : undefined} /> : null}
      {status === 'late_cancelled' ? (
        <Mark sign="−" label={t('calendar.board.lateCancelledMark')} testId="late-cancel-mark" short={compact ? '' : undefined} />
      ) : null}
      {doubleBooked ? (
        <Mark sign="⇉" label={t('calendar.board.doubleBooked')} testId="double-booked-mark" short={compact ? '' : t('calendar.board.doubleBookedShort')} />
      ) : null}
    </>
  );
}

interface EventContentProps {
  block: CalendarBlock;
  /** Overlaps another block of the same practitioner. */
  doubleBooked?: boolean;
  timeText: string;
  accent: string;
  /** The month grid: one line, no details. */
  compact: boolean;
  reference: SchedulingReference;
  words: ClientWords;
}

export function EventContent({ block, doubleBooked = false, timeText, accent, compact, reference, words }: EventContentProps) {
  const { t } = useTranslation();
  const title = blockTitle(block, t, words);
  const subtitle = blockSubtitle(block, t, reference);
  const practitioner = block.first.practitioner_id ? reference.practitioners.get(block.first.practitioner_id)?.name : undefined;
  const status = block.isGroup ? null : block.first.status;
  // A no-show is struck through like a cancellation: the time was not used.
  const crossed = block.cancelled || status === 'no_show';
  const pale = block.busyOnly || block.cancelled || block.first.kind === 'other_event';

  const flag = block.needsAttendance ? (
    <Text
      span
      size="10px"
      fw={700}
      px={4}
      lh="14px"
      bg="yellow.3"
      c="dark.9"
      style={{ borderRadius: 3, whiteSpace: 'nowrap' }}
      data-testid="needs-attendance"
    >
      {t('calendar.needsAttendanceShort')}
    </Text>
  ) : status === 'cancelled' || status === 'attended' ? (
    <Text span size="10px" fw={700} style={{ whiteSpace: 'nowrap' }}>
      {status === 'attended' ? '✓ ' : ''}
      {t(`calendar.statuses.${status}`)}
    </Text>
  ) : null;

  if (compact) {
    return (
      <Box className={classes.monthLine}>
        <Text span size="xs" fw={600} style={{ flexShrink: 0 }}>
          {timeText}
        </Text>
        {block.needsAttendance ? (
          // The month has no room for the words on screen: a marked "!" that still says them to a screen reader.
          <Text span size="10px" fw={700} px={4} lh="14px" bg="yellow.3" c="dark.9" style={{ borderRadius: 3 }} data-testid="needs-attendance" title={t('calendar.needsAttendanceShort')}>
            <span aria-hidden="true">!</span>
            <VisuallyHidden>{t('calendar.needsAttendanceShort')}</VisuallyHidden>
          </Text>
        ) : null}
        <Marks block={block} doubleBooked={doubleBooked} compact />
        <Text span size="xs" lineClamp={2} td={crossed ? 'line-through' : undefined} className={classes.monthName}>
          {title}
        </Text>
      </Box>
    );
  }

  return (
    <Box
      h="100%"
      style={{
        overflow: 'hidden',
        paddingLeft: pale ? 4 : 0,
        boxShadow: pale ? `inset 3px 0 0 ${accent}` : undefined,
        outline: block.needsAttendance ? '2px dashed var(--mantine-color-yellow-4)' : undefined,
        outlineOffset: -2,
      }}
    >
      {/* The marks share the first line: a short block still shows them. */}
      <Box style={{ display: 'flex', gap: 3, alignItems: 'center', minWidth: 0, flexWrap: 'wrap' }}>
        <Text span size="11px" lh="14px" fw={500} truncate>
          {timeText}
          {block.first.series_id && !block.busyOnly ? (
            <span data-testid="recurring-mark">
              {' '}
              <span aria-hidden="true">↻</span>
              <VisuallyHidden>{t('calendar.popover.recurring')}</VisuallyHidden>
            </span>
          ) : null}
        </Text>
        <Marks block={block} doubleBooked={doubleBooked} compact={false} />
      </Box>
      <Text size="xs" lh="15px" fw={700} td={crossed ? 'line-through' : undefined} lineClamp={2}>
        {title}
      </Text>
      {block.isGroup ? (
        <Text size="11px" lh="14px" lineClamp={3}>
          {block.entries.map((entry) => clientNameOf(entry)).filter(Boolean).join(', ')}
        </Text>
      ) : null}
      {subtitle ? (
        <Text size="11px" lh="14px" truncate>
          {subtitle}
        </Text>
      ) : null}
      {practitioner ? (
        <Text size="11px" lh="14px" fs="italic" lineClamp={2} style={{ wordBreak: 'break-word' }} data-testid="block-practitioner">
          {practitioner}
        </Text>
      ) : null}
      {flag}
    </Box>
  );
}
