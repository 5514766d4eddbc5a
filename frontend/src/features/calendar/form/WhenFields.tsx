/** The day and the times, in the practice's zone: a new start moves the end along, keeping the length. */
import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { zoneLabel } from '../../../lib/zones';
import { DateField } from '../../../components/DateField';
import { durationOf } from '../appointmentForm';
import { TimeField } from './TimeField';
import type { AppointmentFormState, FormReference } from './useAppointmentForm';

export function WhenFields({ state, reference }: { state: AppointmentFormState; reference: FormReference }) {
  const { t } = useTranslation();
  const { form, onStartChange } = state;
  const { timeZone, locale } = reference;
  const values = form.getValues();
  const minutes = durationOf(values, timeZone);
  return (
    <Stack gap={4}>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <DateField size="sm" label={t('calendar.form.date')} withAsterisk {...form.getInputProps('date')} />
        <TimeField
          size="sm"
          label={t('calendar.form.start')}
          withAsterisk
          locale={locale}
          {...form.getInputProps('start')}
          onChange={onStartChange}
        />
        <TimeField size="sm" label={t('calendar.form.end')} withAsterisk locale={locale} {...form.getInputProps('end')} />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {minutes !== null && minutes > 0 ? `${t('calendar.form.duration', { count: minutes })} · ` : ''}
        {t('calendar.form.timeZoneNote', { zone: zoneLabel(timeZone) })}
      </Text>
    </Stack>
  );
}
