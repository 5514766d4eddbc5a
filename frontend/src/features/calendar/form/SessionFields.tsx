/**
 * A session's fields: service (its length sets the end, its price the price), place and room, price (the front
 * desk's), how a past one went (attended, no-show with its fee) and, for one still to happen, its reminders.
 */
import { Input, SegmentedControl, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRooms } from '../../../api/queries/locations';
import { MoneyInput } from '../../../components/MoneyInput';
import { logsOutcome, type RecordAs } from '../appointmentForm';
import { NoShowFeeFields, PracticeNoShowFee } from '../NoShowStep';
import { FormSelect } from './FormSelect';
import { Reminders } from './Reminders';
import type { AppointmentFormState, FormReference } from './useAppointmentForm';

export function SessionFields({ state, reference }: { state: AppointmentFormState; reference: FormReference }) {
  const { t } = useTranslation();
  const { form, mayPrice, noShowFees, logsPast, logsNoShow, resetNoShowFee } = state;
  const { currencies, locale } = reference;
  const values = form.getValues();
  const rooms = useRooms(values.locationId);
  const serviceOptions = reference.activeServices.map((service) => ({
    value: service.id,
    label: t('calendar.form.serviceOption', { code: service.code, name: service.name }),
  }));
  const locationOptions = reference.activeLocations.map((location) => ({ value: location.id, label: location.name }));
  const roomOptions = (rooms.data ?? [])
    .filter((room) => room.active || room.id === values.roomId)
    .map((room) => ({ value: room.id, label: room.name }));
  const feeDefault = noShowFees[values.currency] ?? 0;

  return (
    <>
      <FormSelect
        label={t('calendar.form.service')}
        data={serviceOptions}
        searchable
        withAsterisk
        {...form.getInputProps('serviceId')}
        onChange={state.onServiceChange}
      />
      <SimpleGrid cols={2} spacing="sm">
        <FormSelect
          label={t('calendar.form.location')}
          data={locationOptions}
          withAsterisk
          {...form.getInputProps('locationId')}
          onChange={state.onLocationChange}
        />
        <FormSelect
          label={t('calendar.form.room')}
          placeholder={t('calendar.form.noRoom')}
          data={roomOptions}
          clearable
          disabled={!values.locationId || roomOptions.length === 0}
          {...form.getInputProps('roomId')}
        />
      </SimpleGrid>
      {mayPrice ? (
        <SimpleGrid cols={currencies.length > 1 ? 2 : 1} spacing="sm">
          <MoneyInput
            size="sm"
            label={t('calendar.form.price')}
            description={t('calendar.form.priceHint')}
            currency={values.currency}
            locale={locale}
            {...form.getInputProps('price')}
            value={values.price}
            onChange={state.onPriceTyped}
          />
          {currencies.length > 1 ? (
            <FormSelect
              label={t('calendar.form.currency')}
              data={currencies}
              allowDeselect={false}
              {...form.getInputProps('currency')}
              onChange={state.onCurrencyChange}
            />
          ) : null}
        </SimpleGrid>
      ) : null}
      {logsPast(values) ? (
        <Input.Wrapper label={t('calendar.form.recordAs')} description={t('calendar.form.recordAsHint')}>
          <SegmentedControl
            mt={4}
            data={(['scheduled', 'attended', 'no_show'] as const).map((status) => ({
              value: status,
              label: t(`calendar.statuses.${status}`),
            }))}
            value={values.recordAs}
            onChange={(status) => {
              form.setFieldValue('recordAs', status as RecordAs);
              if (status === 'no_show') resetNoShowFee(values.currency);
            }}
            aria-label={t('calendar.form.recordAs')}
          />
        </Input.Wrapper>
      ) : null}
      {logsNoShow(values) && !mayPrice ? <PracticeNoShowFee currency={values.currency} defaultMinor={feeDefault} /> : null}
      {logsNoShow(values) && mayPrice ? (
        <NoShowFeeFields
          size="sm"
          currency={values.currency}
          defaultMinor={feeDefault}
          value={values.noShowFee}
          onChange={(fee) => {
            form.setFieldValue('noShowFee', fee);
            form.clearFieldError('noShowFee.amount');
            form.clearFieldError('noShowFee.reason');
          }}
          error={form.errors['noShowFee.amount'] ? 'amount' : form.errors['noShowFee.reason'] ? 'reason' : null}
        />
      ) : null}
      {/* Below "record as", so choosing how a past session went does not move that control away. */}
      {logsPast(values) && logsOutcome(values) ? null : <Reminders form={form} />}
    </>
  );
}
