/**
 * The dialog of a settings record form: "New …" / "Edit {name}" as its title, "Create …" / "Save changes" on its
 * button, by section, around the form's fields; saving goes through useSaveRecord.
 */
import type { FormEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/FormModal';
import type { useSaveRecord } from './useSaveRecord';

export type RecordSection = 'users' | 'practitioners' | 'services' | 'locations' | 'programs' | 'customFields';

interface RecordFormModalProps {
  section: RecordSection;
  /** The name of the record being edited; null for a new one. */
  editing: string | null;
  /** useSaveRecord's feedback and progress. */
  saving: Pick<ReturnType<typeof useSaveRecord>, 'feedback' | 'saving'>;
  onClose: () => void;
  onSubmit: FormEventHandler<HTMLFormElement>;
  size?: string;
  children: ReactNode;
}

export function RecordFormModal({ section, editing, saving, onClose, onSubmit, size = 'lg', children }: RecordFormModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal
      size={size}
      title={editing !== null ? t(`settings.${section}.editTitle`, { name: editing }) : t(`settings.${section}.new`)}
      onClose={onClose}
      onSubmit={onSubmit}
      feedback={saving.feedback}
      loading={saving.saving}
      submitLabel={editing !== null ? t('common.saveChanges') : t(`settings.${section}.create`)}
    >
      {children}
    </FormModal>
  );
}
