/** A booking or move that clashes: what it overlaps (who, what, when, whose, and why: practitioner, room, client,
 * busy time), and the choice to pick another time or to go ahead anyway. */
import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Clash } from '../../api/queries/appointments';
import { useClientWords } from '../clients/clientWords';
import { useClashNames } from './clashNames';
import { formatRangeIn } from './zonedTime';

interface ClashDialogProps {
  clashes: readonly Clash[] | null;
  /** Booking ("Book anyway") or moving ("Move anyway"). */
  action: 'book' | 'move';
  timeZone: string;
  locale: string;
  /** What a clashing appointment is, when the screen knows it (a client's name, "Busy"). */
  describe?: (appointmentId: string) => string | null;
  loading?: boolean;
  onClose: () => void;
  onOverride: () => void;
}

export function ClashDialog({ clashes, action, timeZone, locale, describe, loading, onClose, onOverride }: ClashDialogProps) {
  const { t } = useTranslation();
  const words = useClientWords();
  const named = useClashNames(clashes);
  if (clashes === null) return null;
  return (
    <Modal opened onClose={onClose} title={t('calendar.clash.title')} centered>
      <Stack gap="sm" data-testid="clash-dialog">
        <Text>{t('calendar.clash.intro', { count: clashes.length })}</Text>
        <List size="sm" spacing={4}>
          {clashes.map((clash) => (
            <List.Item key={`${clash.appointmentId}-${clash.resources.join()}`} data-testid="clash-item">
              {named(clash.appointmentId) ?? (
                <>
                  <Text span fw={600}>
                    {formatRangeIn(clash.startsAt, clash.endsAt, timeZone, locale)}
                  </Text>{' '}
                  — {describe?.(clash.appointmentId) ?? t('calendar.clash.unknown')}
                </>
              )}
              {clash.resources.length > 0 ? (
                <Text span c="dimmed">
                  {' '}
                  — {clash.resources.map((resource) => t(`calendar.clash.resources.${resource}`, words)).join(', ')}
                </Text>
              ) : null}
            </List.Item>
          ))}
        </List>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('calendar.clash.choose')}
          </Button>
          <Button color="orange" onClick={onOverride} loading={loading}>
            {action === 'book' ? t('calendar.clash.bookAnyway') : t('calendar.clash.moveAnyway')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
