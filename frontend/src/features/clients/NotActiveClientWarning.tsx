/**
 * The warning under a booking's client when the client picked is inactive or discharged: booking them is allowed
 * (someone coming back), but never silently (a slip of the arrow keys booked a former client's sessions).
 */
import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PickedClient } from './ClientPicker';
import { useClientWords } from './clientWords';

export function NotActiveClientWarning({ client }: { client: PickedClient | null }) {
  const { t } = useTranslation();
  const words = useClientWords();
  if (!client?.status || client.status === 'active') return null;
  return (
    <Alert color="yellow" variant="light" role="alert" title={t(`clients.picker.notActiveTitle.${client.status}`, { name: client.name })}>
      <Text size="sm">{t('clients.picker.notActiveBody', words)}</Text>
    </Alert>
  );
}
