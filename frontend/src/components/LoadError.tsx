import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useProblemText } from '../i18n/problemText';

/** A list or record that failed to load: what, why, and a retry. */
export function LoadError({ error, title, onRetry }: { error: unknown; title?: string; onRetry: () => void }) {
  const { t } = useTranslation();
  const describe = useProblemText();
  return (
    <Alert color="red" variant="light" role="alert" title={title ?? t('common.loadFailed')}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{describe(error).message}</Text>
        <Button size="xs" variant="light" color="red" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      </Stack>
    </Alert>
  );
}
