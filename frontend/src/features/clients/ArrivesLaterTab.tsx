import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const TITLES = {
  scheduling: 'clients.detail.arrivesWithScheduling',
  ledger: 'clients.detail.arrivesWithLedger',
  surveys: 'clients.detail.arrivesWithSurveys',
} as const;

/** A tab whose content comes with a later part of Tend (scheduling, ledger, surveys). */
export function ArrivesLaterTab({ part }: { part: keyof typeof TITLES }) {
  const { t } = useTranslation();
  return (
    <Paper p="lg">
      <Text fw={600}>{t(TITLES[part])}</Text>
      <Text c="dimmed" size="sm">
        {t('clients.detail.arrivesBody')}
      </Text>
    </Paper>
  );
}
