/** New / edit program: a name and what it is. */
import { TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { ProgramCreate, ProgramRecord } from '../../../api/types';
import { useCreateProgram, useUpdateProgram } from '../../../api/queries/programs';
import { FormModal } from '../../../components/FormModal';
import { useSaveRecord } from '../ui/useSaveRecord';

const FIELDS = ['name', 'description'] as const;

export function ProgramForm({ program, onClose }: { program: ProgramRecord | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { name: program?.name ?? '', description: program?.description ?? '' },
    validate: { name: (value) => (value.trim() === '' ? t('common.required') : null) },
  });

  const { feedback, save, saving } = useSaveRecord({
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
    save(body.name, () => body, () => body);
  });

  return (
    <FormModal
      title={program ? t('settings.programs.editTitle', { name: program.name }) : t('settings.programs.new')}
      onClose={onClose}
      onSubmit={handleSubmit}
      feedback={feedback}
      loading={saving}
      submitLabel={program ? t('common.saveChanges') : t('settings.programs.create')}
    >
      <TextInput size="sm" label={t('settings.programs.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
      <Textarea
        label={t('settings.programs.descriptionLabel')}
        autosize
        minRows={3}
        maxRows={8}
        {...form.getInputProps('description')}
      />
    </FormModal>
  );
}
