/** A contact's medium and summary, a collateral contact's person, an event's title and availability. */
import { Input, SegmentedControl, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AVAILABILITIES, CONTACT_MEDIUMS, CONTACT_WITH } from '../../../api/types';
import type { AppointmentFormValues } from '../appointmentForm';
import { FormSelect } from './FormSelect';
import type { AppointmentFormState } from './useAppointmentForm';

export function OtherKindFields({ state }: { state: AppointmentFormState }) {
  const { t } = useTranslation();
  const { form } = state;
  const values = form.getValues();
  return (
    <>
      {values.kind === 'collateral_contact' ? (
        <SimpleGrid cols={2} spacing="sm">
          <FormSelect
            label={t('calendar.form.contactWith')}
            data={CONTACT_WITH.map((value) => ({ value, label: t(`calendar.contactWith.${value}`) }))}
            withAsterisk
            {...form.getInputProps('contactWith')}
          />
          <TextInput size="sm" label={t('calendar.form.contactName')} {...form.getInputProps('contactName')} />
        </SimpleGrid>
      ) : null}
      {values.kind === 'client_contact' || values.kind === 'collateral_contact' ? (
        <>
          <FormSelect
            label={t('calendar.form.medium')}
            data={CONTACT_MEDIUMS.map((value) => ({ value, label: t(`calendar.mediums.${value}`) }))}
            withAsterisk={values.kind === 'client_contact'}
            {...form.getInputProps('medium')}
          />
          <Textarea size="sm" label={t('calendar.form.summary')} autosize minRows={2} maxRows={5} {...form.getInputProps('summary')} />
        </>
      ) : null}
      {values.kind === 'other_event' ? (
        <>
          <TextInput size="sm" label={t('calendar.form.eventTitle')} withAsterisk {...form.getInputProps('title')} />
          <Input.Wrapper label={t('calendar.form.availability')}>
            <SegmentedControl
              mt={4}
              data={AVAILABILITIES.map((value) => ({ value, label: t(`calendar.availability.${value}`) }))}
              value={values.availability}
              onChange={(value) => form.setFieldValue('availability', value as AppointmentFormValues['availability'])}
              aria-label={t('calendar.form.availability')}
            />
          </Input.Wrapper>
        </>
      ) : null}
    </>
  );
}
