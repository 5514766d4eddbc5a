/** Enrolling a client in a program, and ending an enrollment. 409s (overlaps) go back to the caller. */
import { Select, SimpleGrid, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/problem';
import { useApiErrorFeedback } from '../../components/apiErrors';
import { useDateCheck } from '../../components/DateField';
import { DateFormField } from '../../components/FormFields';
import { isIsoDate } from '../../lib/dates';
import { FormModal } from '../../components/FormModal';
import type { Client, Enrollment } from '../../api/types';
import { useEnroll, useUpdateEnrollment } from '../../api/queries/enrollments';
import { usePrograms } from '../../api/queries/programs';
import { clientDisplayName } from './format';

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
  const checkDate = useDateCheck();
  const form = useForm<EnrollValues>({
    initialValues: { program_id: null, start_date: today, end_date: null },
    validateInputOnBlur: true,
    validate: {
      program_id: (value) => (value ? null : t('clients.programs.chooseProgram')),
      start_date: (value) => (value ? checkDate(value) : t('clients.programs.chooseStart')),
      end_date: (value, values) => checkDate(value, { min: isIsoDate(values.start_date) ? values.start_date : null }),
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
        <DateFormField form={form} path="start_date" label={t('clients.programs.startDate')} withAsterisk />
        <DateFormField
          form={form}
          path="end_date"
          label={t('clients.programs.endDate')}
          description={t('clients.programs.endDateHint')}
          minDate={isIsoDate(form.values.start_date) ? form.values.start_date : null}
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
  const checkDate = useDateCheck();
  const feedback = useApiErrorFeedback({ onConflict });
  const form = useForm<{ end_date: string | null }>({
    initialValues: { end_date: today < enrollment.start_date ? enrollment.start_date : today },
    validateInputOnBlur: true,
    validate: {
      end_date: (value) => (value ? checkDate(value, { min: enrollment.start_date }) : t('clients.programs.chooseEnd')),
    },
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
      <DateFormField
        form={form}
        path="end_date"
        label={t('clients.programs.lastDay')}
        withAsterisk
        minDate={enrollment.start_date}
        first
      />
    </FormModal>
  );
}
