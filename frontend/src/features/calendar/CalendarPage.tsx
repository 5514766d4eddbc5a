/**
 * The calendar: day, week (the default) and month views in the practice's time zone, filtered by practitioner
 * and room. A click or drag on free time books there; a block moves or stretches by dragging; a click or Enter
 * on a block opens what it is and how it ended. The view, date and filters live in the URL, so back and reload
 * return to the same place.
 */
import { Alert, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { usePractice } from '../../api/queries/practice';
import { useSchedulingReference } from './useSchedulingReference';

// FullCalendar is most of this screen's code: the heading and the filters' data start while it loads.
const CalendarBoard = lazy(() => import('./CalendarBoard'));

function BoardSkeleton() {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" aria-busy="true" aria-label={t('calendar.loading')}>
      <Skeleton height={36} />
      <Skeleton height={36} width="60%" />
      <Skeleton height={480} />
    </Stack>
  );
}

export default function CalendarPage() {
  const { t } = useTranslation();
  const practice = usePractice();
  const reference = useSchedulingReference();
  const { timeZone } = reference;
  const zoned = useMemo(() => (timeZone ? { ...reference, timeZone } : null), [reference, timeZone]);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="baseline">
        <Title order={1} size="h2">
          {t('calendar.title')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('calendar.toolbar.keys')}
        </Text>
      </Group>
      {zoned ? (
        <Suspense fallback={<BoardSkeleton />}>
          <CalendarBoard reference={zoned} />
        </Suspense>
      ) : practice.isError ? (
        <Alert color="red" variant="light" role="alert" title={t('calendar.loadFailed')}>
          <Button variant="default" size="xs" onClick={() => void practice.refetch()}>
            {t('calendar.retry')}
          </Button>
        </Alert>
      ) : (
        <BoardSkeleton />
      )}
    </Stack>
  );
}
