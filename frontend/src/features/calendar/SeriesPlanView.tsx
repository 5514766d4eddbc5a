/**
 * What a change of a recurring series would do, as the server planned it (a dry run): whether the occurrence a
 * person acts on stays, the appointments that move (before → after, in the practice's zone), those added or
 * removed, those kept as they are and why, and any clash. Shared by the drag's dialog and the booking form's.
 */
import { Alert, Group, List, Loader, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SeriesKept, SeriesPlan } from '../../api/types';
import { formatDateIn, formatRangeIn, formatTimeIn } from './zonedTime';

/** How many moves the preview lists one by one. */
export const LISTED_MOVES = 8;

/** Why the API keeps an occurrence as it is, in the UI's words (from its code). */
export function keptReason(item: Pick<SeriesKept, 'reason_code' | 'status'>, t: TFunction): string {
  switch (item.reason_code) {
    case 'past':
      return t('calendar.seriesMove.reasons.past');
    case 'signed_note':
      return t('calendar.seriesMove.reasons.signed_note');
    case 'has_note':
      return t('calendar.seriesMove.reasons.has_note');
    case 'billed':
      return t('calendar.seriesMove.reasons.billed');
    case 'exception':
      return t('calendar.seriesMove.reasons.exception');
    case 'group':
      return t('calendar.seriesMove.reasons.group');
    case 'status':
      return t('calendar.seriesMove.reasons.status', { status: t(`calendar.statuses.${item.status}`) });
  }
}

interface SeriesPlanViewProps {
  /** Null until a scope is chosen. */
  scope: string | null;
  plan: SeriesPlan | null;
  checking: boolean;
  /** The occurrence a person acts on. */
  appointmentId: string;
  timeZone: string;
  locale: string;
  describe: (appointmentId: string) => string | null;
}

export function SeriesPlanView({ scope, plan, checking, appointmentId, timeZone, locale, describe }: SeriesPlanViewProps) {
  const { t } = useTranslation();
  const range = (start: string, end: string) => formatRangeIn(start, end, timeZone, locale);
  const moves = plan ? [...plan.moves].sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at)) : [];
  const stays = plan?.kept.find((item) => item.appointment_id === appointmentId);
  return (
    <div aria-live="polite" data-testid="series-move-preview">
      {scope === null ? (
        <Text size="sm" c="dimmed">
          {t('calendar.seriesMove.choose')}
        </Text>
      ) : plan === null ? (
        checking ? (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm">{t('calendar.seriesMove.checking')}</Text>
          </Group>
        ) : null
      ) : (
        <Stack gap="xs">
          {stays ? (
            <Alert color="yellow" variant="light" p="xs" data-testid="series-stays">
              <Text size="sm">{t('calendar.seriesMove.stays', { reason: keptReason(stays, t) })}</Text>
            </Alert>
          ) : null}
          <Text size="sm" fw={600}>
            {moves.length > 0 ? t('calendar.seriesMove.moves', { count: moves.length }) : t('calendar.seriesMove.noMoves')}
          </Text>
          {moves.length > 0 ? (
            <List size="sm" spacing={2} data-testid="series-moves">
              {moves.slice(0, LISTED_MOVES).map((item) => (
                <List.Item key={item.appointment_id}>
                  {range(item.starts_at, item.ends_at)} <span aria-hidden="true">→</span>
                  <VisuallyHidden>{` ${t('calendar.seriesMove.to')}`}</VisuallyHidden>{' '}
                  <Text span fw={600} size="sm">
                    {range(item.to_starts_at, item.to_ends_at)}
                  </Text>
                </List.Item>
              ))}
              {moves.length > LISTED_MOVES ? (
                <List.Item>{t('calendar.seriesMove.more', { count: moves.length - LISTED_MOVES })}</List.Item>
              ) : null}
            </List>
          ) : null}
          {plan.creates.length > 0 ? <Text size="sm">{t('calendar.seriesMove.creates', { count: plan.creates.length })}</Text> : null}
          {plan.deletes.length > 0 ? <Text size="sm">{t('calendar.seriesMove.deletes', { count: plan.deletes.length })}</Text> : null}
          {plan.kept.length > 0 ? (
            <>
              <Text size="sm" fw={600}>
                {t('calendar.seriesMove.kept', { count: plan.kept.length })}
              </Text>
              <List size="sm" spacing={2} data-testid="series-kept">
                {plan.kept.slice(0, LISTED_MOVES).map((item) => (
                  <List.Item key={item.appointment_id}>
                    {range(item.starts_at, item.ends_at)}{' '}
                    <Text span c="dimmed" size="sm">
                      ({keptReason(item, t)})
                    </Text>
                  </List.Item>
                ))}
                {plan.kept.length > LISTED_MOVES ? (
                  <List.Item>{t('calendar.seriesMove.more', { count: plan.kept.length - LISTED_MOVES })}</List.Item>
                ) : null}
              </List>
            </>
          ) : null}
          {plan.clashes.length > 0 ? (
            <Alert color="orange" variant="light" p="xs" data-testid="series-clashes">
              <Text size="sm" fw={600}>
                {t('calendar.seriesMove.clashes', { count: plan.clashes.length })}
              </Text>
              <List size="sm" spacing={2}>
                {plan.clashes.slice(0, LISTED_MOVES).map((clash) => (
                  <List.Item key={clash.starts_at}>
                    {formatDateIn(clash.starts_at, timeZone, locale)}, {formatTimeIn(clash.starts_at, timeZone, locale)}{' '}
                    {t('calendar.seriesMove.clashWith', {
                      what: clash.with.map((id) => describe(id) ?? t('calendar.clash.unknown')).join(', '),
                    })}
                  </List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
        </Stack>
      )}
    </div>
  );
}
