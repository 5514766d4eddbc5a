/** New / edit program: a name and what it is. */
import { Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ProgramCreate, ProgramRecord } from '../../../api/types';
import { ConflictDialog } from '../../../components/ConflictDialog';
import { useCreateProgram, useUpdateProgram } from '../api/programs';
import { useApiErrorFeedback } from '../ui/apiErrors';
import { FormActions } from '../ui/FormActions';
import { changesFrom } from '../ui/sameValue';

const FIELDS = ['name', 'description'] as const;

export function ProgramForm({ program, onClose }: { program: ProgramRecord | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateProgram();
  const update = useUpdateProgram();
  const feedback = useApiErrorFeedback();
  const form = useForm({
    initialValues: { name: program?.name ?? '', description: program?.description ?? '' },
    validate: { name: (value) => (value.trim() === '' ? t('settings.common.required') : null) },
  });

  const handleSubmit = form.onSubmit((values) => {
    feedback.reset();
    const body: ProgramCreate = {
      name: values.name.trim(),
      description: values.description.trim() === '' ? null : values.description.trim(),
    };
    const onError = (error: unknown) => feedback.handle(error, FIELDS, form.setErrors);
    const onSuccess = () => {
      notifications.show({ color: 'tend', message: t('settings.common.savedNamed', { name: body.name }) });
      onClose();
    };
    if (program === null) {
      create.mutate(body, { onSuccess, onError });
      return;
    }
    const changes = changesFrom(program, body);
    if (Object.keys(changes).length === 0) onClose();
    else update.mutate({ id: program.id, changes }, { onSuccess, onError });
  });

  return (
    <Modal
      opened
      onClose={onClose}
      title={program ? t('settings.programs.editTitle', { name: program.name }) : t('settings.programs.new')}
    >
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="md">
          <TextInput size="sm" label={t('settings.programs.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
          <Textarea
            label={t('settings.programs.descriptionLabel')}
            autosize
            minRows={3}
            maxRows={8}
            {...form.getInputProps('description')}
          />
          <FormActions
            general={feedback.general}
            loading={create.isPending || update.isPending}
            onCancel={onClose}
            submitLabel={program ? t('settings.common.saveChanges') : t('settings.programs.create')}
          />
        </Stack>
      </form>
      {feedback.conflict ? <ConflictDialog error={feedback.conflict} onClose={feedback.closeConflict} /> : null}
    </Modal>
  );
}
