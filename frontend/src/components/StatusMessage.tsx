import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A whole-page message (not found, no access) with the way back home. */
export function StatusMessage({ title, body }: { title: string; body: string }) {
  const { t } = useTranslation();

  return (
    <Paper p="xl" maw={560}>
      <Stack gap="sm" align="flex-start">
        <Title order={1} size="h2">
          {title}
        </Title>
        <Text c="dimmed">{body}</Text>
        <Button component={Link} to="/" variant="light">
          {t('errors.backHome')}
        </Button>
      </Stack>
    </Paper>
  );
}
