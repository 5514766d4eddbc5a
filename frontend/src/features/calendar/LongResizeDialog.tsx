/** Asks before a resize makes a block run past the end of its day or beyond 12 hours; "put it back" is focused. */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PendingChange } from './useBoardMoves';
import { formatRangeIn, minutesBetween } from './zonedTime';

interface LongResizeDialogProps {
  pending: PendingChange | null;
  timeZone: string;
  locale: string;
  onKeep: () => void;
  onRevert: () => void;
}

export function LongResizeDialog({ pending, timeZone, locale, onKeep, onRevert }: LongResizeDialogProps) {
  const { t } = useTranslation();
  if (!pending) return null;
  const minutes = minutesBetween(pending.startsAt, pending.endsAt);
  const hours = Math.floor(minutes / 60);
  const duration =
    minutes % 60 === 0
      ? t('calendar.board.longResize.hours', { count: hours })
      : t('calendar.board.longResize.minutes', { hours, minutes: minutes % 60 });
  return (
    <Modal opened onClose={onRevert} title={t('calendar.board.longResize.title')} centered>
      <Stack gap="sm" data-testid="long-resize-dialog">
        <Text>
          {t('calendar.board.longResize.body', {
            duration,
            range: formatRangeIn(pending.startsAt, pending.endsAt, timeZone, locale),
          })}
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onRevert} data-autofocus>
            {t('calendar.board.longResize.revert')}
          </Button>
          <Button color="orange" onClick={onKeep}>
            {t('calendar.board.longResize.keep')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
