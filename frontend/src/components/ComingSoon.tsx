import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Stand-in for a screen not built yet. */
export function ComingSoon({ title }: { title: string }) {
  const { t } = useTranslation();

  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {title}
      </Title>
      <Paper p="xl">
        <Text fw={600}>{t('placeholder.comingSoon')}</Text>
        <Text c="dimmed">{t('placeholder.body')}</Text>
      </Paper>
    </Stack>
  );
}
