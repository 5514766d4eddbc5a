/** The client's program enrollments: enroll, end an enrollment, and the history. */
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/problem';
import type { Client, Enrollment } from '../../api/types';
import { ConflictDialog } from '../../components/ConflictDialog';
import { ListFrame } from '../../components/ListFrame';
import { useEnrollments } from '../../api/queries/enrollments';
import { EndEnrollmentDialog, EnrollDialog } from './EnrollmentDialogs';
import { enrollmentState, sortEnrollments } from './enrollments';
import { formatPlainDate, todayIn } from './format';
import { usePractice } from '../../api/queries/practice';

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
        <Table verticalSpacing="sm" data-testid="enrollments-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('clients.programs.columns.program')}</Table.Th>
              <Table.Th>{t('clients.programs.columns.start')}</Table.Th>
              <Table.Th>{t('clients.programs.columns.end')}</Table.Th>
              <Table.Th>{t('clients.programs.columns.state')}</Table.Th>
              <Table.Th ta="right">{t('clients.programs.columns.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
        {rows.map((enrollment) => {
          const state = enrollmentState(enrollment, today);
          return (
            <Table.Tr key={enrollment.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {enrollment.program.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatPlainDate(enrollment.start_date, i18n.language)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={enrollment.end_date ? undefined : 'dimmed'}>
                  {enrollment.end_date ? formatPlainDate(enrollment.end_date, i18n.language) : t('clients.programs.open')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={STATE_COLORS[state]} tt="none">
                  {t(`clients.programs.${state}`)}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">
                {enrollment.end_date === null ? (
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={t('clients.programs.endAria', { program: enrollment.program.name })}
                    onClick={() => setEnding(enrollment)}
                  >
                    {t('clients.programs.end')}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          );
        })}
          </Table.Tbody>
        </Table>
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
