/** Up to two reminders: the channel and how many days before. */
import { ActionIcon, Button, Group, Input, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { REMINDER_CHANNELS, type ReminderChannel } from '../../../api/types';
import { useClientWords } from '../../clients/clientWords';
import { MAX_REMINDERS, type AppointmentFormValues } from '../appointmentForm';
import { FormSelect } from './FormSelect';

const DAYS_BEFORE = ['1', '2', '3', '4', '5'];

export function Reminders({ form }: { form: UseFormReturnType<AppointmentFormValues> }) {
  const { t } = useTranslation();
  const words = useClientWords();
  const reminders = form.getValues().reminders;
  return (
    <Input.Wrapper label={t('calendar.form.reminders')} description={t('calendar.form.remindersHint', words)}>
      <Stack gap="xs" mt={4}>
        {reminders.map((_, index) => (
          <Group key={index} gap="sm" align="flex-end" wrap="nowrap">
            <FormSelect
              label={t('calendar.form.channel', { number: index + 1 })}
              data={REMINDER_CHANNELS.map((value) => ({ value, label: t(`calendar.channels.${value}`) }))}
              allowDeselect={false}
              {...form.getInputProps(`reminders.${index}.channel`)}
              onChange={(value) => form.setFieldValue(`reminders.${index}.channel`, value as ReminderChannel)}
            />
            <FormSelect
              label={t('calendar.form.daysBefore')}
              data={DAYS_BEFORE.map((value) => ({ value, label: t('calendar.form.daysBeforeOption', { count: Number(value) }) }))}
              allowDeselect={false}
              {...form.getInputProps(`reminders.${index}.daysBefore`)}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              mb={2}
              aria-label={t('calendar.form.removeReminder', { number: index + 1 })}
              onClick={() => form.removeListItem('reminders', index)}
            >
              <span aria-hidden="true">✕</span>
            </ActionIcon>
          </Group>
        ))}
        {reminders.length < MAX_REMINDERS ? (
          <Group>
            <Button
              variant="light"
              size="compact-sm"
              onClick={() => form.insertListItem('reminders', { channel: 'email', daysBefore: '1' })}
            >
              {t('calendar.form.addReminder')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Input.Wrapper>
  );
}
