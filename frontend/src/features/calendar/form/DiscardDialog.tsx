/**
 * "Discard the changes?" before a form with unsaved changes closes (Esc, the close button, a click outside,
 * Cancel). Keeping on editing is the safe choice, and the focused one: an Esc or Enter pressed by habit loses nothing.
 */
import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function DiscardDialog({ opened, onKeep, onDiscard }: { opened: boolean; onKeep: () => void; onDiscard: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onKeep} title={t('calendar.bookingForm.discardTitle')} size="sm" centered zIndex={400}>
      <Text size="sm">{t('calendar.bookingForm.discardBody')}</Text>
      <Group justify="flex-end" gap="sm" mt="md">
        <Button color="red" variant="light" onClick={onDiscard}>
          {t('calendar.bookingForm.discard')}
        </Button>
        <Button onClick={onKeep} data-autofocus>
          {t('calendar.bookingForm.keepEditing')}
        </Button>
      </Group>
    </Modal>
  );
}
