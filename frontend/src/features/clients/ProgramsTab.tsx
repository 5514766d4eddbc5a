/** The client's program enrollments: enroll, end an enrollment, and the history. */
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/problem';
import type { Client, Enrollment } from '../../api/types';
import { ConflictDialog } from '../../components/ConflictDialog';
import { DataTable } from '../../components/DataTable';
import { TruncatedText } from '../../components/TruncatedText';
import { ListFrame } from '../../components/ListFrame';
import { useEnrollments } from '../../api/queries/enrollments';
import { EndEnrollmentDialog, EnrollDialog } from './EnrollmentDialogs';
import { enrollmentState, sortEnrollments } from './enrollments';
import { formatPlainDate, todayIn } from './format';
import { usePractice } from '../../api/queries/practice';

const column = createColumnHelper<Enrollment>();
const STATE_COLORS = { current: 'tend', upcoming: 'blue', ended: 'gray' } as const;

export function ProgramsTab({ client }: { client: Client }) {
  const { t, i18n } = useTranslation();
  const enrollments = useEnrollments(client.id);
  const practice = usePractice();
  const today = todayIn(practice.data?.time_zone);
  const [enrolling, setEnrolling] = useState(false);
  const [ending, setEnding] = useState<Enrollment | null>(null);
  const [conflict, setConflict] = useState<{ error: ApiError; open: Enrollment | null } | null>(null);

  const rows = sortEnrollments(enrollments.data ?? []);

  const columns = [
    column.accessor((enrollment) => enrollment.program.name, {
      id: 'program',
      header: t('clients.programs.columns.program'),
      enableHiding: false,
      cell: ({ getValue }) => <TruncatedText text={getValue()} fw={600} />,
    }),
    column.accessor('start_date', {
      header: t('clients.programs.columns.start'),
      meta: { nowrap: true },
      cell: ({ getValue }) => <Text size="sm">{formatPlainDate(getValue(), i18n.language)}</Text>,
    }),
    column.accessor((enrollment) => enrollment.end_date ?? '', {
      id: 'end',
      header: t('clients.programs.columns.end'),
      meta: { nowrap: true },
      cell: ({ getValue }) => (
        <Text size="sm" c={getValue() ? undefined : 'dimmed'}>
          {getValue() ? formatPlainDate(getValue(), i18n.language) : t('clients.programs.open')}
        </Text>
      ),
    }),
    column.accessor((enrollment) => enrollmentState(enrollment, today), {
      id: 'state',
      header: t('clients.programs.columns.state'),
      cell: ({ getValue }) => (
        <Badge variant="light" color={STATE_COLORS[getValue()]} tt="none">
          {t(`clients.programs.${getValue()}`)}
        </Badge>
      ),
    }),
    column.display({
      id: 'actions',
      header: t('clients.programs.columns.actions'),
      enableHiding: false,
      meta: { align: 'right', fit: true },
      cell: ({ row: { original: enrollment } }) =>
        enrollment.end_date === null ? (
          <Button
            size="xs"
            variant="default"
            aria-label={t('clients.programs.endAria', { program: enrollment.program.name })}
            onClick={() => setEnding(enrollment)}
          >
            {t('clients.programs.end')}
          </Button>
        ) : null,
    }),
  ];

  return (
    <Stack gap="md">
      <Group justify="flex-end">
        <Button onClick={() => setEnrolling(true)}>{t('clients.programs.enroll')}</Button>
      </Group>

      <ListFrame
        query={enrollments}
        isEmpty={rows.length === 0}
        loadFailed={t('clients.programs.loadFailed')}
        emptyTitle={t('clients.programs.empty')}
        skeletonRows={2}
      >
        <DataTable data={rows} columns={columns} getRowId={(row) => row.id} testId="enrollments-table" />
      </ListFrame>

      {enrolling ? (
        <EnrollDialog
          client={client}
          today={today}
          onClose={() => setEnrolling(false)}
          onConflict={(error, programId) => {
            setEnrolling(false);
            const open = rows.find((row) => row.program.id === programId && row.end_date === null) ?? null;
            setConflict({ error, open });
          }}
        />
      ) : null}
      {ending ? (
        <EndEnrollmentDialog
          client={client}
          enrollment={ending}
          today={today}
          onClose={() => setEnding(null)}
          onConflict={(error) => {
            setEnding(null);
            setConflict({ error, open: null });
          }}
        />
      ) : null}
      <ConflictDialog
        error={conflict?.error ?? null}
        onClose={() => setConflict(null)}
        action={
          conflict?.open
            ? {
                label: t('clients.programs.endExisting'),
                onClick: () => {
                  const open = conflict.open;
                  setConflict(null);
                  setEnding(open);
                },
              }
            : undefined
        }
      />
    </Stack>
  );
}
