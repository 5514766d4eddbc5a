import { Skeleton, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** What a screen looks like while its code or data loads: its rough shape, not a spinner on white. */
export function PageSkeleton() {
  const { t } = useTranslation();

  return (
    <Stack p="lg" gap="md" aria-busy="true" aria-label={t('app.loading')}>
      <Skeleton height={32} width="40%" />
      <Skeleton height={16} width="70%" />
      <Skeleton height={16} width="60%" />
      <Skeleton height={200} />
    </Stack>
  );
}
