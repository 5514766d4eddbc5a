/**
 * The booking form's state: its values (a new booking's or the appointment's), the schema that checks them, and
 * what a field's change does to the others (a service sets the end and the price, a new start moves the end along
 * keeping the length, a location clears the room, a currency resets the price and the no-show fee).
 */
import { schemaResolver, useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePractice } from '../../../api/queries/practice';
import type { Appointment } from '../../../api/types';
import { useDateCheck } from '../../../components/DateField';
import { useMoneyErrorMessage } from '../../../components/MoneyInput';
import { useMayMoveMoney } from '../../auth/useSession';
import { useClientWords } from '../../clients/clientWords';
import {
  emptyValues,
  endForService,
  endKeepingDuration,
  servicePrice,
  valuesOf,
  type AppointmentFormValues,
  type FormStart,
} from '../appointmentForm';
import { defaultNoShowFee } from '../noShowFee';
import type { SchedulingReference } from '../useSchedulingReference';
import { isWallTime, zonedIso } from '../zonedTime';
import { appointmentSchema } from './appointmentSchema';
import type { PickedClient } from '../../clients/ClientPicker';

export type AppointmentFormMode =
  | { type: 'create'; from: FormStart; /** The client is given (booking from their record). */ client?: PickedClient | null }
  | { type: 'edit'; appointment: Appointment; clientName: string | null };

export type FormReference = SchedulingReference & { timeZone: string };

function isPast(values: AppointmentFormValues, timeZone: string): boolean {
  if (!values.date || !isWallTime(values.start)) return false;
  const iso = zonedIso({ date: values.date, time: values.start }, timeZone);
  return iso !== null && Date.parse(iso) < Date.now();
}

export function useAppointmentForm(mode: AppointmentFormMode, reference: FormReference) {
  const { t } = useTranslation();
  const words = useClientWords();
  const checkDate = useDateCheck();
  const moneyMessage = useMoneyErrorMessage();
  const { timeZone, defaultCurrency } = reference;
  const editing = mode.type === 'edit' ? mode.appointment : null;
  // Prices and fees are the front desk's: a clinician books at the service's price (the API refuses her one).
  const mayPrice = useMayMoveMoney();
  const [priceFromService, setPriceFromService] = useState(editing === null && mayPrice);
  const noShowFees = usePractice().data?.no_show_fees ?? {};

  /** The booking form logs a past session as it went only when it is a one-off session in the past. */
  const logsPast = (current: AppointmentFormValues) =>
    !editing && current.kind === 'client_session' && current.repeats === 'none' && isPast(current, timeZone);
  const logsNoShow = (current: AppointmentFormValues) => logsPast(current) && current.recordAs === 'no_show';

  const schema = appointmentSchema({ t, words, checkDate, moneyMessage, timeZone, editing: editing !== null, mayPrice, noShowFees, logsNoShow });
  const form = useForm<AppointmentFormValues>({
    initialValues:
      mode.type === 'edit'
        ? valuesOf(mode.appointment, timeZone, defaultCurrency)
        : emptyValues({ ...mode.from, clientId: mode.client?.id ?? mode.from.clientId }, defaultCurrency),
    // The schema reads the latest words and fees: it is made anew each render, the resolver calls it by reference.
    validate: (values) => schemaResolver(schema, { sync: true })(values),
  });

  // Opened before the practice's locations had loaded (a slow connection): the first active one once they are,
  // as when they were there from the start, unless someone already chose. An untouched form stays untouched.
  const firstLocation = reference.activeLocations[0]?.id ?? null;
  useEffect(() => {
    if (editing || firstLocation === null || form.getValues().locationId !== null || form.isDirty('locationId')) return;
    const untouched = !form.isDirty();
    form.setFieldValue('locationId', firstLocation);
    if (untouched) form.resetDirty();
    // Only the loaded list and the mode matter: with the form (a new object each render) this would run on every
    // render and refill a location the person cleared on purpose.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [firstLocation, editing]);

  function resetNoShowFee(currency: string) {
    form.setFieldValue('noShowFee', defaultNoShowFee(noShowFees[currency] ?? 0, currency));
  }

  function onServiceChange(serviceId: string | null) {
    form.setFieldValue('serviceId', serviceId);
    const service = serviceId ? reference.services.get(serviceId) : undefined;
    if (!service) return;
    const end = endForService(form.getValues(), service, timeZone);
    if (end) form.setFieldValue('end', end);
    if (priceFromService) form.setFieldValue('price', servicePrice(service, form.getValues().currency));
  }

  function onCurrencyChange(currency: string | null) {
    if (!currency) return;
    form.setFieldValue('currency', currency);
    resetNoShowFee(currency);
    const serviceId = form.getValues().serviceId;
    const service = serviceId ? reference.services.get(serviceId) : undefined;
    if (priceFromService) form.setFieldValue('price', servicePrice(service, currency));
  }

  /** A new start moves the end along, keeping the length the form had (when it had one). */
  function onStartChange(start: string) {
    const end = endKeepingDuration(form.getValues(), start, timeZone);
    form.setFieldValue('start', start);
    if (end !== null) {
      form.setFieldValue('end', end);
      form.clearFieldError('end');
    }
  }

  function onLocationChange(locationId: string | null) {
    form.setFieldValue('locationId', locationId);
    form.setFieldValue('roomId', null);
  }

  function onPriceTyped(text: string) {
    setPriceFromService(false);
    form.setFieldValue('price', text);
  }

  return {
    form,
    editing,
    mayPrice,
    noShowFees,
    logsPast,
    logsNoShow,
    resetNoShowFee,
    onServiceChange,
    onCurrencyChange,
    onStartChange,
    onLocationChange,
    onPriceTyped,
  };
}

export type AppointmentFormState = ReturnType<typeof useAppointmentForm>;
