/** Enrolling a client in a program, and ending an enrollment. 409s (overlaps) go back to the caller. */
import { Select, SimpleGrid, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/problem';
import { useApiErrorFeedback } from '../../components/apiErrors';
import { FormModal } from '../../components/FormModal';
import type { Client, Enrollment } from '../../api/types';
import { useEnroll, useUpdateEnrollment } from '../../api/queries/enrollments';
import { usePrograms } from '../../api/queries/programs';
import { clientDisplayName } from './format';
import { PlainDateInput } from './PlainDateInput';

interface EnrollValues {
  program_id: string | null;
  start_date: string | null;
  end_date: string | null;
}

interface EnrollDialogProps {
  client: Client;
  today: string;
  onClose: () => void;
  onConflict: (error: ApiError, programId: string | null) => void;
}

export function EnrollDialog({ client, today, onClose, onConflict }: EnrollDialogProps) {
  const { t } = useTranslation();
  const programs = usePrograms({ readAll: true });
  const enroll = useEnroll();
  const form = useForm<EnrollValues>({
    initialValues: { program_id: null, start_date: today, end_date: null },
    validate: {
      program_id: (value) => (value ? null : t('clients.programs.chooseProgram')),
      start_date: (value) => (value ? null : t('clients.programs.chooseStart')),
    },
  });

  const feedback = useApiErrorFeedback({ onConflict: (error) => onConflict(error, form.getValues().program_id) });

  const handleSubmit = form.onSubmit(async (values) => {
    feedback.reset();
    if (!values.program_id || !values.start_date) return;
    try {
      await enroll.mutateAsync({
        params: { path: { client_id: client.id } },
        body: { program_id: values.program_id, start_date: values.start_date, end_date: values.end_date },
      });
      notifications.show({ color: 'tend', message: t('clients.programs.enrolled') });
      onClose();
    } catch (error) {
      feedback.handle(error, Object.keys(values), form.setErrors);
    }
  });

  const options = programs.items.map((program) => ({ value: program.id, label: program.name }));

  return (
    <FormModal
      size="lg"
      title={t('clients.programs.enrollTitle', { client: clientDisplayName(client) })}
      onClose={onClose}
      onSubmit={handleSubmit}
      feedback={feedback}
      loading={enroll.isPending}
      submitLabel={t('clients.programs.save')}
    >
      {!programs.query.isPending && options.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('clients.programs.noPrograms')}
        </Text>
      ) : null}
      <Select
        label={t('clients.programs.program')}
        withAsterisk
        searchable
        data-autofocus
        placeholder={t('clients.form.choose')}
        data={options}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('program_id')}
      />
      <SimpleGrid cols={2}>
        <PlainDateInput
          label={t('clients.programs.startDate')}
          withAsterisk
          clearable={false}
          {...form.getInputProps('start_date')}
        />
        <PlainDateInput
          label={t('clients.programs.endDate')}
          description={t('clients.programs.endDateHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          {...form.getInputProps('end_date')}
        />
      </SimpleGrid>
    </FormModal>
  );
}

interface EndEnrollmentDialogProps {
  client: Client;
  enrollment: Enrollment;
  today: string;
  onClose: () => void;
  onConflict: (error: ApiError) => void;
}

export function EndEnrollmentDialog({ client, enrollment, today, onClose, onConflict }: EndEnrollmentDialogProps) {
  const { t } = useTranslation();
  const update = useUpdateEnrollment();
  const feedback = useApiErrorFeedback({ onConflict });
  const form = useForm<{ end_date: string | null }>({
    initialValues: { end_date: today < enrollment.start_date ? enrollment.start_date : today },
    validate: { end_date: (value) => (value ? null : t('clients.programs.chooseEnd')) },
  });

  const handleSubmit = form.onSubmit(async ({ end_date }) => {
    feedback.reset();
    try {
      await update.mutateAsync({
        params: { path: { client_id: client.id, enrollment_id: enrollment.id } },
        body: { end_date },
      });
      notifications.show({ color: 'tend', message: t('clients.programs.endedNotice') });
      onClose();
    } catch (error) {
      feedback.handle(error, ['end_date'], form.setErrors);
    }
  });

  return (
    <FormModal
      centered
      danger
      title={t('clients.programs.endTitle', { program: enrollment.program.name })}
      onClose={onClose}
      onSubmit={handleSubmit}
      feedback={feedback}
      loading={update.isPending}
      submitLabel={t('clients.programs.confirmEnd')}
    >
      <Text size="sm">{t('clients.programs.endBody', { client: clientDisplayName(client) })}</Text>
      <PlainDateInput
        label={t('clients.programs.lastDay')}
        withAsterisk
        clearable={false}
        minDate={enrollment.start_date}
        data-autofocus
        {...form.getInputProps('end_date')}
      />
    </FormModal>
  );
}
