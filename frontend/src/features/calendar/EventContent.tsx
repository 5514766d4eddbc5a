/**
 * What a calendar block says: time, who (the client, the group's members, an event's title, or just "Busy"),
 * what (the service's code or the kind of contact), and the flags the front desk acts on (attendance owed,
 * no-show, cancelled); an occurrence of a recurring series is marked ↻. Short blocks keep to the first line.
 */
import { Box, Text, VisuallyHidden } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ClientWords } from '../clients/clientWords';
import { isCancelled, type CalendarBlock } from './calendarBlocks';
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

interface EventContentProps {
  block: CalendarBlock;
  timeText: string;
  accent: string;
  /** The month grid: one line, no details. */
  compact: boolean;
  reference: SchedulingReference;
  words: ClientWords;
}

export function EventContent({ block, timeText, accent, compact, reference, words }: EventContentProps) {
  const { t } = useTranslation();
  const title = blockTitle(block, t, words);
  const subtitle = blockSubtitle(block, t, reference);
  const status = block.isGroup ? null : block.first.status;
  const crossed = block.cancelled;
  const pale = block.busyOnly || crossed || block.first.kind === 'other_event';

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
  ) : status === 'no_show' || (status !== null && isCancelled(status)) || status === 'attended' ? (
    <Text span size="10px" fw={700} style={{ whiteSpace: 'nowrap' }}>
      {status === 'attended' ? '✓ ' : ''}
      {t(`calendar.statuses.${status}`)}
    </Text>
  ) : null;

  if (compact) {
    return (
      <Box style={{ overflow: 'hidden', display: 'flex', gap: 4, alignItems: 'center', minWidth: 0 }}>
        <Text span size="xs" fw={600} style={{ flexShrink: 0 }}>
          {timeText}
        </Text>
        <Text span size="xs" truncate td={crossed ? 'line-through' : undefined}>
          {title}
        </Text>
        {block.needsAttendance ? flag : null}
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
      <Text size="11px" lh="14px" fw={500} truncate>
        {timeText}
        {block.first.series_id && !block.busyOnly ? (
          <span data-testid="recurring-mark">
            {' '}
            <span aria-hidden="true">↻</span>
            <VisuallyHidden>{t('calendar.popover.recurring')}</VisuallyHidden>
          </span>
        ) : null}
      </Text>
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
      {flag}
    </Box>
  );
}
