/** Programs clients can be enrolled in (e.g. "Intensive outpatient"). */
import { Button, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgramRecord } from '../../../api/types';
import { activeFirst } from '../api/cursorList';
import { useDeleteProgram, usePrograms, useUpdateProgram } from '../api/programs';
import { ConfirmDialog, type ConfirmRequest } from '../ui/ConfirmDialog';
import { ListBody } from '../ui/ListBody';
import { RowActions } from '../ui/RowActions';
import { SectionHeader } from '../ui/SectionHeader';
import { ShowInactiveSwitch } from '../ui/ShowInactiveSwitch';
import { StatusBadge } from '../ui/StatusBadge';
import { FIT } from '../ui/tableStyles';
import { useActionFeedback } from '../ui/useActionFeedback';
import { ProgramForm } from './ProgramForm';

export default function ProgramsScreen() {
  const { t } = useTranslation();
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<ProgramRecord | 'new' | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const { query, items } = usePrograms(showInactive);
  const update = useUpdateProgram();
  const remove = useDeleteProgram();
  const feedback = useActionFeedback();

  const setActive = (program: ProgramRecord, active: boolean) =>
    update.mutate(
      { id: program.id, changes: { active } },
      {
        onSuccess: () =>
          feedback.done(
            t(active ? 'settings.common.reactivatedNamed' : 'settings.common.deactivatedNamed', { name: program.name }),
          ),
        onError: (error) => feedback.report(error),
        onSettled: () => setConfirm(null),
      },
    );

  const askDelete = (program: ProgramRecord) =>
    setConfirm({
      title: t('settings.common.deleteTitle', { name: program.name }),
      message: t('settings.programs.deleteBody'),
      confirmLabel: t('settings.common.delete'),
      danger: true,
      onConfirm: () =>
        remove.mutate(program.id, {
          onSuccess: () => feedback.done(t('settings.common.deletedNamed', { name: program.name })),
          onError: (error) =>
            feedback.report(error, {
              label: t('settings.common.deactivateInstead'),
              onClick: () => setActive(program, false),
            }),
          onSettled: () => setConfirm(null),
        }),
    });

  const newButton = <Button onClick={() => setEditing('new')}>{t('settings.programs.new')}</Button>;

  return (
    <Stack gap="md">
      <SectionHeader
        title={t('settings.programs.title')}
        description={t('settings.programs.description')}
        actions={
          <>
            <ShowInactiveSwitch checked={showInactive} onChange={setShowInactive} />
            {newButton}
          </>
        }
      />
      <ListBody
        isPending={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        isEmpty={items.length === 0}
        emptyTitle={t('settings.programs.emptyTitle')}
        emptyHint={t('settings.programs.emptyHint')}
        emptyAction={newButton}
        hasMore={query.hasNextPage}
        loadingMore={query.isFetchingNextPage}
        onLoadMore={() => void query.fetchNextPage()}
      >
        <Table verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.programs.name')}</Table.Th>
              <Table.Th>{t('settings.programs.descriptionLabel')}</Table.Th>
              <Table.Th>{t('settings.common.status')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('settings.common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {activeFirst(items).map((program) => (
              <Table.Tr key={program.id} c={program.active ? undefined : 'dimmed'}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {program.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={2}>
                    {program.description ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td style={FIT}>
                  <StatusBadge active={program.active} />
                </Table.Td>
                <Table.Td style={FIT}>
                  <RowActions
                    name={program.name}
                    onEdit={() => setEditing(program)}
                    actions={[
                      program.active
                        ? {
                            label: t('settings.common.deactivate'),
                            onClick: () =>
                              setConfirm({
                                title: t('settings.common.deactivateTitle', { name: program.name }),
                                message: t('settings.programs.deactivateBody'),
                                confirmLabel: t('settings.common.deactivate'),
                                danger: true,
                                onConfirm: () => setActive(program, false),
                              }),
                          }
                        : { label: t('settings.common.reactivate'), onClick: () => setActive(program, true) },
                      { label: t('settings.common.delete'), danger: true, onClick: () => askDelete(program) },
                    ]}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ListBody>

      {editing !== null ? (
        <ProgramForm
          key={editing === 'new' ? 'new' : editing.id}
          program={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ConfirmDialog request={confirm} loading={update.isPending || remove.isPending} onClose={() => setConfirm(null)} />
      {feedback.dialog}
    </Stack>
  );
}
