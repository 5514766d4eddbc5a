/** Programs clients can be enrolled in (e.g. "Intensive outpatient"). */
import { Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgramRecord } from '../../../api/types';
import { useDeleteProgram, usePrograms, useUpdateProgram } from '../../../api/queries/programs';
import { ListScreen } from '../ui/ListScreen';
import { RowActions } from '../ui/RowActions';
import { useRecordActions } from '../ui/useRecordActions';
import { ProgramForm } from './ProgramForm';
import { TruncatedText } from '../../../components/TruncatedText';

export default function ProgramsScreen() {
  const { t } = useTranslation();
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<ProgramRecord | 'new' | null>(null);
  const { query, items } = usePrograms({ includeInactive: showInactive });
  const actions = useRecordActions({
    pathOf: (program: ProgramRecord) => ({ record_id: program.id }),
    name: (program) => program.name,
    update: useUpdateProgram(),
    remove: useDeleteProgram(),
    deactivateBody: t('settings.programs.deactivateBody'),
    deleteBody: t('settings.programs.deleteBody'),
  });

  return (
    <ListScreen
      section="programs"
      onNew={() => setEditing('new')}
      showInactive={showInactive}
      onShowInactiveChange={setShowInactive}
      query={query}
      items={items}
      isActive={(program) => program.active}
      columns={[
        {
          id: 'name',
          sortValue: (program) => program.name,
          header: t('settings.programs.name'),
          cell: (program) => (
            <TruncatedText text={program.name} fw={600} />
          ),
        },
        {
          id: 'descriptionLabel',
          header: t('settings.programs.descriptionLabel'),
          cell: (program) => (
            <Text size="sm" c="dimmed" lineClamp={2}>
              {program.description ?? '—'}
            </Text>
          ),
        },
      ]}
      actions={(program) => (
        <RowActions name={program.name} onEdit={() => setEditing(program)} actions={actions.rowActions(program)} />
      )}
    >
      {editing !== null ? (
        <ProgramForm
          key={editing === 'new' ? 'new' : editing.id}
          program={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {actions.dialogs}
    </ListScreen>
  );
}
