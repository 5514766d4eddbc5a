/** Whether a new booking repeats (on the start date's weekday or day of the month), and how the series ends. */
import { NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateField';
import {
  MAX_REPEAT_COUNT,
  MIN_REPEAT_COUNT,
  REPEAT_ENDS,
  REPEATS,
  type AppointmentFormValues,
  type RepeatEnd,
  type Repeats,
} from '../appointmentForm';
import { FormSelect } from './FormSelect';

/** A calendar date's weekday and day of the month, named in `locale` (the date is a day, not an instant). */
function dayNames(date: string | null, locale: string): { weekday: string; day: string } | null {
  const match = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (!match) return null;
  const instant = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return { weekday: new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(instant), day: String(Number(match[3])) };
}

export function Repetition({ form, locale }: { form: UseFormReturnType<AppointmentFormValues>; locale: string }) {
  const { t } = useTranslation();
  const values = form.getValues();
  const names = dayNames(values.date, locale);
  const repeatOptions = REPEATS.map((value) => ({
    value,
    label: value === 'none' || !names ? t(`calendar.form.repeatOptions.${value}Plain`) : t(`calendar.form.repeatOptions.${value}`, names),
  }));
  const endOptions = REPEAT_ENDS.map((value) => ({ value, label: t(`calendar.form.repeatEnds.${value}`) }));
  const repeating = values.repeats !== 'none';
  return (
    <Stack gap="xs">
      <SimpleGrid cols={repeating ? 2 : 1} spacing="sm">
        <FormSelect
          label={t('calendar.form.repeats')}
          data={repeatOptions}
          allowDeselect={false}
          {...form.getInputProps('repeats')}
          onChange={(value) => form.setFieldValue('repeats', (value ?? 'none') as Repeats)}
        />
        {repeating ? (
          <FormSelect
            label={t('calendar.form.repeatEnd')}
            data={endOptions}
            allowDeselect={false}
              {...form.getInputProps('repeatEnd')}
            onChange={(value) => form.setFieldValue('repeatEnd', (value ?? 'never') as RepeatEnd)}
          />
        ) : null}
      </SimpleGrid>
      {repeating && values.repeatEnd === 'until' ? (
        <DateField
          size="sm"
          label={t('calendar.form.repeatUntil')}
          withAsterisk
          minDate={values.date}
          {...form.getInputProps('repeatUntil')}
        />
      ) : null}
      {repeating && values.repeatEnd === 'count' ? (
        <NumberInput
          size="sm"
          label={t('calendar.form.repeatCount')}
          withAsterisk
          min={MIN_REPEAT_COUNT}
          max={MAX_REPEAT_COUNT}
          allowDecimal={false}
          allowNegative={false}
          {...form.getInputProps('repeatCount')}
        />
      ) : null}
      {repeating ? (
        <Text size="xs" c="dimmed">
          {values.repeatEnd === 'never' ? t('calendar.form.repeatNeverHint') : t('calendar.form.repeatHint')}
          {values.repeats === 'monthly' && names && Number(names.day) > 28 ? ` ${t('calendar.form.repeatShortMonths', names)}` : ''}
        </Text>
      ) : null}
    </Stack>
  );
}
