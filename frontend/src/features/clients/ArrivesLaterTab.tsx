import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A tab whose content comes with a later part of Tend (scheduling, ledger, surveys). */
export function ArrivesLaterTab({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Paper p="lg">
      <Text fw={600}>{title}</Text>
      <Text c="dimmed" size="sm">
        {t('clients.detail.arrivesBody')}
      </Text>
    </Paper>
  );
}
