/** New / edit program: a name and what it is. */
import { Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/FormFields';
import type { ProgramCreate, ProgramRecord } from '../../../api/types';
import { useCreateProgram, useUpdateProgram } from '../../../api/queries/programs';
import { RecordFormModal } from '../ui/RecordFormModal';
import { useSaveRecord } from '../ui/useSaveRecord';

const FIELDS = ['name', 'description'] as const;

export function ProgramForm({ program, onClose }: { program: ProgramRecord | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { name: program?.name ?? '', description: program?.description ?? '' },
    validate: { name: (value) => (value.trim() === '' ? t('common.required') : null) },
  });

  const saver = useSaveRecord({
    record: program,
    pathOf: (record) => ({ record_id: record.id }),
    create: useCreateProgram(),
    update: useUpdateProgram(),
    fields: FIELDS,
    setFieldErrors: form.setErrors,
    onClose,
  });

  const handleSubmit = form.onSubmit((values) => {
    const body: ProgramCreate = {
      name: values.name.trim(),
      description: values.description.trim() === '' ? null : values.description.trim(),
    };
    saver.save(body.name, () => body, () => body);
  });

  return (
    <RecordFormModal
      section="programs"
      editing={program ? program.name : null}
      saving={saver}
      onClose={onClose}
      onSubmit={handleSubmit}
      size="md"
    >
      <TextField form={form} path="name" label={t('settings.programs.name')} withAsterisk first />
      <Textarea
        label={t('settings.programs.descriptionLabel')}
        autosize
        minRows={3}
        maxRows={8}
        {...form.getInputProps('description')}
      />
    </RecordFormModal>
  );
}
