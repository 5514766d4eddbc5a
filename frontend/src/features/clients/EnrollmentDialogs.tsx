/** Enrolling a client in a program, and ending an enrollment. 409s (overlaps) go back to the caller. */
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem';
import type { Client, Enrollment } from '../../api/types';
import { useEnroll, useUpdateEnrollment } from '../../api/queries/enrollments';
import { usePrograms } from '../../api/queries/programs';
import { clientDisplayName } from './format';
import { PlainDateInput } from './PlainDateInput';

/** Puts a failed call's field errors on the form; returns a message for the top of the dialog, if any. */
function applyApiError(
  error: unknown,
  setErrors: (errors: Record<string, string>) => void,
  fields: readonly string[],
  fallback: string,
): string | null {
  if (!(error instanceof ApiError)) return fallback;
  setErrors(error.problem.formErrors);
  const onScreen = Object.keys(error.problem.formErrors).some((field) => fields.includes(field));
  return onScreen ? null : (error.problem.detail ?? fallback);
}

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
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<EnrollValues>({
    initialValues: { program_id: null, start_date: today, end_date: null },
    validate: {
      program_id: (value) => (value ? null : t('clients.programs.chooseProgram')),
      start_date: (value) => (value ? null : t('clients.programs.chooseStart')),
    },
  });

  const handleSubmit = form.onSubmit(async (values) => {
    setProblem(null);
    if (!values.program_id || !values.start_date) return;
    try {
      await enroll.mutateAsync({
        params: { path: { client_id: client.id } },
        body: { program_id: values.program_id, start_date: values.start_date, end_date: values.end_date },
      });
      notifications.show({ color: 'tend', message: t('clients.programs.enrolled') });
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) onConflict(error, values.program_id);
      else setProblem(applyApiError(error, form.setErrors, Object.keys(values), t('errors.generic')));
    }
  });

  const options = programs.items.map((program) => ({ value: program.id, label: program.name }));

  return (
    <Modal opened onClose={onClose} size="lg" title={t('clients.programs.enrollTitle', { client: clientDisplayName(client) })}>
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="md">
          {problem ? (
            <Alert color="red" variant="light" role="alert">
              {problem}
            </Alert>
          ) : null}
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
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('clients.programs.cancel')}
            </Button>
            <Button type="submit" loading={enroll.isPending}>
              {t('clients.programs.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
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
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<{ end_date: string | null }>({
    initialValues: { end_date: today < enrollment.start_date ? enrollment.start_date : today },
    validate: { end_date: (value) => (value ? null : t('clients.programs.chooseEnd')) },
  });

  const handleSubmit = form.onSubmit(async ({ end_date }) => {
    setProblem(null);
    try {
      await update.mutateAsync({
        params: { path: { client_id: client.id, enrollment_id: enrollment.id } },
        body: { end_date },
      });
      notifications.show({ color: 'tend', message: t('clients.programs.endedNotice') });
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) onConflict(error);
      else setProblem(applyApiError(error, form.setErrors, ['end_date'], t('errors.generic')));
    }
  });

  return (
    <Modal opened onClose={onClose} title={t('clients.programs.endTitle', { program: enrollment.program.name })} centered>
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('clients.programs.endBody', { client: clientDisplayName(client) })}</Text>
          {problem ? (
            <Alert color="red" variant="light" role="alert">
              {problem}
            </Alert>
          ) : null}
          <PlainDateInput
            label={t('clients.programs.lastDay')}
            withAsterisk
            clearable={false}
            minDate={enrollment.start_date}
            data-autofocus
            {...form.getInputProps('end_date')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('clients.programs.cancel')}
            </Button>
            <Button type="submit" color="red" loading={update.isPending}>
              {t('clients.programs.confirmEnd')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
