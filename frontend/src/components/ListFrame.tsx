/**
 * The frame of every list (settings tables, client tabs): skeleton rows while loading, why it failed with a
 * retry, what to do next when it is empty, or the list itself with "load more" when the server has more pages.
 */
import { Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from './LoadError';

export interface ListQuery {
  isPending: boolean;
  error: unknown;
  refetch: () => unknown;
  /** A cursor-paged list's; without them there is no "load more". */
  hasNextPage?: boolean;
  isFetchingNextPage?: boolean;
  fetchNextPage?: () => unknown;
}

export interface ListFrameProps {
  query: ListQuery;
  isEmpty: boolean;
  /** The title of the load error, e.g. "The relationships could not be loaded." */
  loadFailed?: string;
  /** What to do next when there is nothing yet, e.g. "Add the first practitioner with New practitioner." */
  emptyTitle: string;
  emptyHint?: string;
  emptyAction?: ReactNode;
  skeletonRows?: number;
  children: ReactNode;
}

export function ListFrame({ query, isEmpty, loadFailed, emptyTitle, emptyHint, emptyAction, skeletonRows = 5, children }: ListFrameProps) {
  const { t } = useTranslation();

  if (query.isPending) {
    return (
      <Paper p="md" aria-busy="true" aria-label={t('app.loading')}>
        <Stack gap="sm">
          {Array.from({ length: skeletonRows }, (_, index) => (
            <Skeleton key={index} height={28} />
          ))}
        </Stack>
      </Paper>
    );
  }
  if (query.error) return <LoadError error={query.error} title={loadFailed} onRetry={() => void query.refetch()} />;
  if (isEmpty) {
    return (
      <Paper p="xl" data-testid="empty-state">
        <Stack gap="xs" align="center">
          <Text fw={600}>{emptyTitle}</Text>
          {emptyHint ? (
            <Text size="sm" c="dimmed" ta="center">
              {emptyHint}
            </Text>
          ) : null}
          {emptyAction}
        </Stack>
      </Paper>
    );
  }
  return (
    <Stack gap="sm">
      <Paper p={0} style={{ overflowX: 'auto' }}>
        {children}
      </Paper>
      {query.hasNextPage ? (
        <Group justify="center">
          <Button variant="default" onClick={() => void query.fetchNextPage?.()} loading={query.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
