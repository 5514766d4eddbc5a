/** The body of a settings list: skeleton rows while loading, the error with a retry, the empty state, or the table. */
import { Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from './LoadError';

export interface ListBodyProps {
  isPending: boolean;
  error: unknown;
  onRetry: () => void;
  isEmpty: boolean;
  /** What to do next when there is nothing yet, e.g. "Add the first practitioner with New practitioner." */
  emptyTitle: string;
  emptyHint: string;
  emptyAction?: ReactNode;
  hasMore?: boolean;
  loadingMore?: boolean;
  onLoadMore?: () => void;
  children: ReactNode;
}

export function ListBody(props: ListBodyProps) {
  const { t } = useTranslation();

  if (props.isPending) {
    return (
      <Paper p="md" aria-busy="true" aria-label={t('app.loading')}>
        <Stack gap="sm">
          {Array.from({ length: 5 }, (_, index) => (
            <Skeleton key={index} height={28} />
          ))}
        </Stack>
      </Paper>
    );
  }
  if (props.error) return <LoadError error={props.error} onRetry={props.onRetry} />;
  if (props.isEmpty) {
    return (
      <Paper p="xl" data-testid="empty-state">
        <Stack gap="xs" align="center">
          <Text fw={600}>{props.emptyTitle}</Text>
          <Text size="sm" c="dimmed" ta="center">
            {props.emptyHint}
          </Text>
          {props.emptyAction}
        </Stack>
      </Paper>
    );
  }
  return (
    <Stack gap="sm">
      <Paper p={0} style={{ overflowX: 'auto' }}>
        {props.children}
      </Paper>
      {props.hasMore ? (
        <Group justify="center">
          <Button variant="default" onClick={props.onLoadMore} loading={props.loadingMore}>
            {t('settings.common.loadMore')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
