import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problem';

/** A list or record that failed to load: what, why, and a retry. */
export function LoadError({ error, title, onRetry }: { error: unknown; title?: string; onRetry: () => void }) {
  const { t } = useTranslation();
  const detail = error instanceof ApiError ? error.problem.detail : null;
  return (
    <Alert color="red" variant="light" role="alert" title={title ?? t('common.loadFailed')}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{detail ?? t('errors.network')}</Text>
        <Button size="xs" variant="light" color="red" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      </Stack>
    </Alert>
  );
}
