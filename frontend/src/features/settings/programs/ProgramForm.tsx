/** New / edit program: a name and what it is. */
import { TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ProgramCreate, ProgramRecord } from '../../../api/types';
import { useCreateProgram, useUpdateProgram } from '../../../api/queries/programs';
import { useApiErrorFeedback } from '../../../components/apiErrors';
import { FormModal } from '../../../components/FormModal';
import { changesFrom } from '../ui/sameValue';

const FIELDS = ['name', 'description'] as const;

export function ProgramForm({ program, onClose }: { program: ProgramRecord | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateProgram();
  const update = useUpdateProgram();
  const feedback = useApiErrorFeedback();
  const form = useForm({
    initialValues: { name: program?.name ?? '', description: program?.description ?? '' },
    validate: { name: (value) => (value.trim() === '' ? t('common.required') : null) },
  });

  const handleSubmit = form.onSubmit((values) => {
    feedback.reset();
    const body: ProgramCreate = {
      name: values.name.trim(),
      description: values.description.trim() === '' ? null : values.description.trim(),
    };
    const onError = (error: unknown) => feedback.handle(error, FIELDS, form.setErrors);
    const onSuccess = () => {
      notifications.show({ color: 'tend', message: t('common.savedNamed', { name: body.name }) });
      onClose();
    };
    if (program === null) {
      create.mutate({ body }, { onSuccess, onError });
      return;
    }
    const changes = changesFrom(program, body);
    if (Object.keys(changes).length === 0) onClose();
    else update.mutate({ params: { path: { record_id: program.id } }, body: changes }, { onSuccess, onError });
  });

  return (
    <FormModal
      title={program ? t('settings.programs.editTitle', { name: program.name }) : t('settings.programs.new')}
      onClose={onClose}
      onSubmit={handleSubmit}
      feedback={feedback}
      loading={create.isPending || update.isPending}
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
