/**
 * Booking (or changing) one appointment, the fields of its kind: a session's client (or a new one by name),
 * service (its duration sets the end, its price the price), place, price and reminders; a contact's medium; a
 * collateral contact's person; an event's title and availability. Times are typed at any minute in the practice's
 * zone; moving the start moves the end along, keeping the length. A past session may be logged as it went
 * (attended, no-show): it then has no reminders and does not repeat. A new booking may repeat (every week, every
 * other week, every month) until a date, a number of times or without end: it is then booked as a series. A clash
 * opens the clash dialog, which can book anyway.
 */
import {
  ActionIcon,
  Button,
  Group,
  Input,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  type ComboboxItem,
} from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../api/queries/ledger';
import { useRooms } from '../../api/queries/locations';
import { usePractice } from '../../api/queries/practice';
import {
  isSchedulingClash,
  useCreateAppointment,
  useCreateSeries,
  useUpdateAppointments,
  type Clash,
} from '../../api/queries/appointments';
import {
  APPOINTMENT_KINDS,
  AVAILABILITIES,
  CONTACT_MEDIUMS,
  CONTACT_WITH,
  REMINDER_CHANNELS,
  type Appointment,
  type AppointmentKind,
  type ReminderChannel,
} from '../../api/types';
import { useApiErrorFeedback, type PlaceFieldErrors } from '../../components/apiErrors';
import { DateField, useDateCheck } from '../../components/DateField';
import { FormModal } from '../../components/FormModal';
import { MoneyInput, moneyInputError, useMoneyErrorMessage } from '../../components/MoneyInput';
import { useMayMoveMoney, useSession } from '../auth/useSession';
import { ClientPicker, type PickedClient } from '../clients/ClientPicker';
import { useClientWords } from '../clients/clientWords';
import { NotActiveClientWarning } from '../clients/NotActiveClientWarning';
import { quickClientStart } from '../clients/QuickClient';
import { defaultNoShowFee, noShowFee } from './noShowFee';
import { NoShowFeeFields, PracticeNoShowFee } from './NoShowStep';
import {
  CLIENT_KINDS,
  MAX_REMINDERS,
  MAX_REPEAT_COUNT,
  MIN_REPEAT_COUNT,
  REPEAT_ENDS,
  REPEATS,
  durationOf,
  emptyValues,
  endForService,
  endKeepingDuration,
  isEmptyUpdate,
  logsOutcome,
  repeatCountOf,
  servicePrice,
  toCreateBody,
  toSeriesBody,
  toUpdateBody,
  valuesOf,
  type AppointmentFormValues,
  type FormStart,
  type RecordAs,
  type RepeatEnd,
  type Repeats,
} from './appointmentForm';
import { ClashDialog } from './ClashDialog';
import { PractitionerSwatch } from './PractitionerSwatch';
import type { SchedulingReference } from './useSchedulingReference';
import { formatRangeIn, isWallTime, zonedIso } from './zonedTime';

export type AppointmentFormMode =
  | { type: 'create'; from: FormStart; /** The client is given (booking from their record). */ client?: PickedClient | null }
  | { type: 'edit'; appointment: Appointment; clientName: string | null };

interface AppointmentFormProps {
  mode: AppointmentFormMode;
  reference: SchedulingReference & { timeZone: string };
  onClose: () => void;
  /** After saving: the appointment as the server has it now. */
  onSaved?: (appointment: Appointment) => void;
  /** What a clashing appointment is, when the screen knows (shown in the clash dialog). */
  describeClash?: (appointmentId: string) => string | null;
}

// Where the API's field errors go on this form.
const API_FIELDS: Record<string, string> = {
  practitioner_id: 'practitionerId',
  client_id: 'clientId',
  new_client: 'newClient',
  service_id: 'serviceId',
  location_id: 'locationId',
  room_id: 'roomId',
  price_minor: 'price',
  currency: 'currency',
  starts_at: 'start',
  ends_at: 'end',
  time_zone: 'start',
  medium: 'medium',
  contact_with: 'contactWith',
  contact_name: 'contactName',
  summary: 'summary',
  title: 'title',
  availability: 'availability',
  reminders: 'reminders',
  fee_minor: 'noShowFee.amount',
  waive_fee_reason: 'noShowFee.reason',
  // A series: its first day, wall time, length and rule.
  start_date: 'date',
  local_time: 'start',
  duration_minutes: 'end',
  rule: 'repeats',
  'rule.until': 'repeatUntil',
  'rule.count': 'repeatCount',
};

const placeErrors: PlaceFieldErrors = (apiErrors) => {
  const fieldErrors: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const [path, message] of Object.entries(apiErrors)) {
    const [head = '', ...rest] = path.split('.');
    const exact = API_FIELDS[path];
    const field = exact ?? API_FIELDS[head];
    if (field === undefined) unplaced.push(message);
    else if (exact !== undefined || head === 'rule') fieldErrors[field] = message;
    else fieldErrors[[field, ...rest].join('.')] = message;
  }
  return { fieldErrors, unplaced };
};

const DAYS_BEFORE = ['1', '2', '3', '4', '5'];

function isPast(values: AppointmentFormValues, timeZone: string): boolean {
  if (!values.date || !isWallTime(values.start)) return false;
  const iso = zonedIso({ date: values.date, time: values.start }, timeZone);
  return iso !== null && Date.parse(iso) < Date.now();
}

export function AppointmentForm({ mode, reference, onClose, onSaved, describeClash }: AppointmentFormProps) {
  const { t } = useTranslation();
  const words = useClientWords();
  const session = useSession();
  const ownPractitioner =
    session.status === 'signed_in' && session.user.role === 'clinician' ? session.user.practitioner_id : null;
  const checkDate = useDateCheck();
  const moneyMessage = useMoneyErrorMessage();
  const { timeZone, defaultCurrency, currencies, locale } = reference;
  const editing = mode.type === 'edit' ? mode.appointment : null;
  const fixedClient = mode.type === 'create' ? (mode.client ?? null) : null;
  // Prices and fees are the front desk's: a clinician books at the service's price (the API refuses her one).
  const mayPrice = useMayMoveMoney();
  const [priceFromService, setPriceFromService] = useState(editing === null && mayPrice);
  const [clashes, setClashes] = useState<Clash[] | null>(null);
  // The client chosen in the picker, with their status: an inactive or discharged one is warned about.
  const [pickedClient, setPickedClient] = useState<PickedClient | null>(null);
  const create = useCreateAppointment();
  const createSeries = useCreateSeries();
  const update = useUpdateAppointments();
  const feedback = useApiErrorFeedback({ placedSummary: t('calendar.form.fixErrors') });
  const noShowFees = usePractice().data?.no_show_fees ?? {};
  // One key for the form while open: a retry of a logged past session (with its fee) logs it once.
  const [idempotencyKey] = useState(newIdempotencyKey);

  const form = useForm<AppointmentFormValues>({
    initialValues:
      mode.type === 'edit'
        ? valuesOf(mode.appointment, timeZone, defaultCurrency)
        : emptyValues({ ...mode.from, clientId: mode.client?.id ?? mode.from.clientId }, defaultCurrency),
    validate: (values) => {
      const errors: Record<string, string> = {};
      const needed = (field: string, message: string, missing: boolean) => {
        if (missing) errors[field] = message;
      };
      needed('practitionerId', t('calendar.form.practitionerRequired'), values.kind !== 'other_event' && !values.practitionerId);
      const dateProblem = checkDate(values.date);
      if (!values.date) errors.date = t('common.required');
      else if (dateProblem) errors.date = dateProblem;
      needed('start', t('calendar.form.timeRequired'), !isWallTime(values.start));
      needed('end', t('calendar.form.timeRequired'), !isWallTime(values.end));
      const minutes = durationOf(values, timeZone);
      if (!errors.start && !errors.end && !errors.date && (minutes === null || minutes <= 0)) {
        errors.end = t('calendar.form.endAfterStart');
      }
      if (CLIENT_KINDS.includes(values.kind) && !editing) {
        if (values.newClient) {
          needed('newClient.first_name', t('calendar.form.nameRequired', words), values.newClient.first_name.trim() === '');
          needed('newClient.last_name', t('calendar.form.nameRequired', words), values.newClient.last_name.trim() === '');
        } else {
          needed('clientId', t('calendar.form.clientRequired', words), !values.clientId);
        }
      }
      if (values.kind === 'client_session') {
        needed('serviceId', t('calendar.form.serviceRequired'), !values.serviceId);
        needed('locationId', t('calendar.form.locationRequired'), !values.locationId);
        const priceError = moneyInputError(values.price, values.currency);
        if (priceError) errors.price = moneyMessage(priceError, values.currency);
      }
      needed('medium', t('calendar.form.mediumRequired'), values.kind === 'client_contact' && !values.medium);
      needed('contactWith', t('calendar.form.contactWithRequired'), values.kind === 'collateral_contact' && !values.contactWith);
      needed('title', t('calendar.form.titleRequired'), values.kind === 'other_event' && values.title.trim() === '');
      if (mayPrice && logsNoShow(values)) {
        const fee = noShowFee(values.noShowFee, values.currency, noShowFees[values.currency] ?? 0);
        if (!fee.ok && fee.error === 'amount') errors['noShowFee.amount'] = t('calendar.popover.noShowAmountError');
        if (!fee.ok && fee.error === 'reason') errors['noShowFee.reason'] = t('calendar.popover.noShowWaiveReasonError');
      }
      if (!editing && values.repeats !== 'none') {
        needed('repeats', t('calendar.form.repeatNeedsClient', words), CLIENT_KINDS.includes(values.kind) && values.newClient !== null);
        if (values.repeatEnd === 'until') {
          const untilProblem = checkDate(values.repeatUntil);
          if (!values.repeatUntil) errors.repeatUntil = t('common.required');
          else if (untilProblem) errors.repeatUntil = untilProblem;
          else if (values.date && values.repeatUntil < values.date) errors.repeatUntil = t('calendar.form.repeatUntilBeforeStart');
        }
        needed(
          'repeatCount',
          t('calendar.form.repeatCountRange', { min: MIN_REPEAT_COUNT, max: MAX_REPEAT_COUNT }),
          values.repeatEnd === 'count' && repeatCountOf(values.repeatCount) === null,
        );
      }
      return errors;
    },
  });
  const values = form.getValues();
  const rooms = useRooms(values.locationId);
  // Opened before the practice's locations had loaded (a slow connection): the first active one once they are,
  // as when they were there from the start, unless someone already chose.
  const firstLocation = reference.activeLocations[0]?.id ?? null;
  useEffect(() => {
    if (editing || firstLocation === null || form.getValues().locationId !== null || form.isDirty('locationId')) return;
    form.setFieldValue('locationId', firstLocation);
    // (The form object is stable: only the loaded list and the mode matter.)
  }, [firstLocation, editing]);
  /** The booking form logs a past session as it went only when it is a one-off session in the past. */
  function logsPast(current: AppointmentFormValues): boolean {
    return !editing && current.kind === 'client_session' && current.repeats === 'none' && isPast(current, timeZone);
  }
  function logsNoShow(current: AppointmentFormValues): boolean {
    return logsPast(current) && current.recordAs === 'no_show';
  }
  function resetNoShowFee(currency: string) {
    form.setFieldValue('noShowFee', defaultNoShowFee(noShowFees[currency] ?? 0, currency));
  }
  const saving = create.isPending || createSeries.isPending || update.isPending;

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
    const service = values.serviceId ? reference.services.get(values.serviceId) : undefined;
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

  async function save(current: AppointmentFormValues, allowConflicts: boolean) {
    feedback.reset();
    try {
      let saved: Appointment;
      if (editing) {
        const body = toUpdateBody(current, editing, timeZone, allowConflicts);
        if (isEmptyUpdate(body)) {
          onClose();
          return;
        }
        const [updated] = await update.mutateAsync([{ appointmentId: editing.id, body }]);
        saved = updated!;
        notifications.show({ color: 'tend', message: t('calendar.saved') });
      } else if (current.repeats !== 'none') {
        const created = await createSeries.mutateAsync(toSeriesBody(current, timeZone, allowConflicts));
        const firstEnd = new Date(Date.parse(created.first_starts_at) + created.series.duration_minutes * 60_000).toISOString();
        notifications.show({
          color: 'tend',
          message: t('calendar.seriesBooked', {
            count: created.occurrences,
            time: formatRangeIn(created.first_starts_at, firstEnd, timeZone, locale),
          }),
        });
        setClashes(null);
        onClose();
        return;
      } else {
        const booking = logsPast(current) ? current : { ...current, recordAs: 'scheduled' as const };
        saved = await create.mutateAsync({
          body: toCreateBody(booking, timeZone, allowConflicts, noShowFees),
          idempotencyKey,
        });
        const time = formatRangeIn(saved.starts_at, saved.ends_at, timeZone, locale);
        notifications.show({
          color: 'tend',
          message:
            saved.status === 'attended' || saved.status === 'no_show'
              ? t('calendar.logged', { status: t(`calendar.statuses.${saved.status}`), time })
              : t('calendar.booked', { time }),
        });
      }
      setClashes(null);
      onSaved?.(saved);
      onClose();
    } catch (error) {
      setClashes(null);
      if (isSchedulingClash(error)) {
        setClashes(error.clashes);
        return;
      }
      feedback.handle(error, placeErrors, form.setErrors);
    }
  }

  // What the server said about the previous try no longer holds once the form itself finds something to fix.
  const submit = form.onSubmit((submitted) => void save(submitted, false), () => feedback.reset());
  const isSession = values.kind === 'client_session';
  // A past session logged as attended or no-show is over: no reminders to send, nothing to repeat.
  const loggingOutcome = logsPast(values) && logsOutcome(values);
  const minutes = durationOf(values, timeZone);
  const kindOptions = APPOINTMENT_KINDS.map((kind) => ({ value: kind, label: t(`calendar.kinds.${kind}`) }));
  // A clinician books for herself only (the API refuses anyone else).
  const bookable = ownPractitioner
    ? reference.activePractitioners.filter((item) => item.id === ownPractitioner)
    : reference.activePractitioners;
  const practitionerOptions: ComboboxItem[] = bookable.map((item) => ({ value: item.id, label: item.name }));
  // An appointment of a practitioner made inactive since still shows whose it is.
  if (values.practitionerId && !practitionerOptions.some((option) => option.value === values.practitionerId)) {
    const own = reference.practitioners.get(values.practitionerId);
    if (own) practitionerOptions.push({ value: own.id, label: own.name });
  }
  const serviceOptions = reference.activeServices.map((service) => ({
    value: service.id,
    label: t('calendar.form.serviceOption', { code: service.code, name: service.name }),
  }));
  const locationOptions = reference.activeLocations.map((location) => ({ value: location.id, label: location.name }));
  const roomOptions = (rooms.data ?? [])
    .filter((room) => room.active || room.id === values.roomId)
    .map((room) => ({ value: room.id, label: room.name }));

  return (
    <FormModal
      title={editing ? t('calendar.form.editTitle') : t('calendar.form.newTitle')}
      size="lg"
      onClose={onClose}
      onSubmit={submit}
      feedback={feedback}
      loading={saving}
      submitLabel={editing ? t('calendar.form.saveChanges') : t('calendar.form.book')}
    >
      {editing ? (
        <Text fw={600}>
          {t(`calendar.kinds.${editing.kind}`)}
          {mode.type === 'edit' && mode.clientName ? ` · ${mode.clientName}` : ''}
        </Text>
      ) : (
        <Input.Wrapper label={t('calendar.form.kind')}>
          <SegmentedControl
            fullWidth
            data={fixedClient ? kindOptions.filter((option) => option.value !== 'other_event') : kindOptions}
            value={values.kind}
            onChange={(kind) => form.setFieldValue('kind', kind as AppointmentKind)}
            aria-label={t('calendar.form.kind')}
          />
        </Input.Wrapper>
      )}

      <Select
        label={t('calendar.form.practitioner')}
        placeholder={values.kind === 'other_event' ? t('calendar.form.practiceWide') : undefined}
        data={practitionerOptions}
        searchable
        clearable={values.kind === 'other_event'}
        withAsterisk={values.kind !== 'other_event'}
        renderOption={({ option }) => (
          <Group gap="xs" wrap="nowrap">
            <PractitionerSwatch color={reference.practitioners.get(option.value)?.color} />
            <span>{option.label}</span>
          </Group>
        )}
        leftSection={values.practitionerId ? <PractitionerSwatch color={reference.practitioners.get(values.practitionerId)?.color} /> : null}
        comboboxProps={{ withinPortal: true }}
        // Focused as the form opens, but its list opens only when asked (a click, a key, typing): open by itself it
        // covered the date and times.
        openOnFocus={false}
        data-autofocus={!values.practitionerId || undefined}
        {...form.getInputProps('practitionerId')}
      />

      <Stack gap={4}>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <DateField size="sm" label={t('calendar.form.date')} withAsterisk {...form.getInputProps('date')} />
          <TimeInput
            label={t('calendar.form.start')}
            withAsterisk
            {...form.getInputProps('start')}
            onChange={(event) => onStartChange(event.currentTarget.value)}
          />
          <TimeInput label={t('calendar.form.end')} withAsterisk {...form.getInputProps('end')} />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {minutes !== null && minutes > 0 ? `${t('calendar.form.duration', { count: minutes })} · ` : ''}
          {t('calendar.form.timeZoneNote', { zone: timeZone })}
        </Text>
      </Stack>

      {CLIENT_KINDS.includes(values.kind) && !editing ? (
        fixedClient ? (
          <TextInput size="sm" label={t('calendar.form.client', words)} value={fixedClient.name} readOnly variant="filled" />
        ) : values.newClient ? (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('calendar.form.newClient', words)}
            </Text>
            <SimpleGrid cols={2} spacing="sm">
              <TextInput size="sm" label={t('calendar.form.firstName')} withAsterisk {...form.getInputProps('newClient.first_name')} />
              <TextInput size="sm" label={t('calendar.form.lastName')} withAsterisk {...form.getInputProps('newClient.last_name')} />
            </SimpleGrid>
            <Group>
              <Button variant="subtle" size="compact-sm" onClick={() => form.setFieldValue('newClient', null)}>
                {t('calendar.form.chooseOther')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <>
            <ClientPicker
              label={t('calendar.form.client', words)}
              value={values.clientId}
              onChange={(clientId) => form.setFieldValue('clientId', clientId)}
              onPickedClient={setPickedClient}
              excludeIds={[]}
              onCreate={(typed) => {
                const { first_name, last_name } = quickClientStart(typed);
                form.setFieldValue('clientId', null);
                form.setFieldValue('newClient', { first_name, last_name });
              }}
              error={form.errors.clientId}
              withAsterisk
              autoFocus={Boolean(values.practitionerId)}
            />
            {pickedClient && pickedClient.id === values.clientId ? <NotActiveClientWarning client={pickedClient} /> : null}
          </>
        )
      ) : null}

      {isSession ? (
        <>
          <Select
            label={t('calendar.form.service')}
            data={serviceOptions}
            searchable
            withAsterisk
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('serviceId')}
            onChange={onServiceChange}
          />
          <SimpleGrid cols={2} spacing="sm">
            <Select
              label={t('calendar.form.location')}
              data={locationOptions}
              withAsterisk
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('locationId')}
              onChange={onLocationChange}
            />
            <Select
              label={t('calendar.form.room')}
              placeholder={t('calendar.form.noRoom')}
              data={roomOptions}
              clearable
              disabled={!values.locationId || roomOptions.length === 0}
              comboboxProps={{ withinPortal: true }}
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
              onChange={(text) => {
                setPriceFromService(false);
                form.setFieldValue('price', text);
              }}
            />
            {currencies.length > 1 ? (
              <Select
                label={t('calendar.form.currency')}
                data={currencies}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('currency')}
                onChange={onCurrencyChange}
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
          {logsNoShow(values) && !mayPrice ? (
            <PracticeNoShowFee currency={values.currency} defaultMinor={noShowFees[values.currency] ?? 0} />
          ) : null}
          {logsNoShow(values) && mayPrice ? (
            <NoShowFeeFields
              size="sm"
              currency={values.currency}
              defaultMinor={noShowFees[values.currency] ?? 0}
              value={values.noShowFee}
              onChange={(fee) => {
                form.setFieldValue('noShowFee', fee);
                form.clearFieldError('noShowFee.amount');
                form.clearFieldError('noShowFee.reason');
              }}
              error={
                form.errors['noShowFee.amount'] ? 'amount' : form.errors['noShowFee.reason'] ? 'reason' : null
              }
            />
          ) : null}
          {/* Below "record as", so choosing how a past session went does not move that control away. */}
          {loggingOutcome ? null : <Reminders form={form} />}
        </>
      ) : null}

      {values.kind === 'collateral_contact' ? (
        <SimpleGrid cols={2} spacing="sm">
          <Select
            label={t('calendar.form.contactWith')}
            data={CONTACT_WITH.map((value) => ({ value, label: t(`calendar.contactWith.${value}`) }))}
            withAsterisk
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('contactWith')}
          />
          <TextInput size="sm" label={t('calendar.form.contactName')} {...form.getInputProps('contactName')} />
        </SimpleGrid>
      ) : null}
      {values.kind === 'client_contact' || values.kind === 'collateral_contact' ? (
        <>
          <Select
            label={t('calendar.form.medium')}
            data={CONTACT_MEDIUMS.map((value) => ({ value, label: t(`calendar.mediums.${value}`) }))}
            withAsterisk={values.kind === 'client_contact'}
            comboboxProps={{ withinPortal: true }}
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

      {editing || loggingOutcome ? null : <Repetition form={form} locale={locale} />}

      <ClashDialog
        clashes={clashes}
        action={editing ? 'move' : 'book'}
        timeZone={timeZone}
        locale={locale}
        describe={describeClash}
        loading={saving}
        onClose={() => setClashes(null)}
        onOverride={() => void save(form.getValues(), true)}
      />
    </FormModal>
  );
}

/** A calendar date's weekday and day of the month, named in `locale` (the date is a day, not an instant). */
function dayNames(date: string | null, locale: string): { weekday: string; day: string } | null {
  const match = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (!match) return null;
  const instant = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return { weekday: new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(instant), day: String(Number(match[3])) };
}

/** Whether a new booking repeats (on the start date's weekday or day of the month), and how the series ends. */
function Repetition({ form, locale }: { form: UseFormReturnType<AppointmentFormValues>; locale: string }) {
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
        <Select
          label={t('calendar.form.repeats')}
          data={repeatOptions}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('repeats')}
          onChange={(value) => form.setFieldValue('repeats', (value ?? 'none') as Repeats)}
        />
        {repeating ? (
          <Select
            label={t('calendar.form.repeatEnd')}
            data={endOptions}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
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

/** Up to two reminders: the channel and how many days before. */
function Reminders({ form }: { form: UseFormReturnType<AppointmentFormValues> }) {
  const { t } = useTranslation();
  const words = useClientWords();
  const reminders = form.getValues().reminders;
  return (
    <Input.Wrapper label={t('calendar.form.reminders')} description={t('calendar.form.remindersHint', words)}>
      <Stack gap="xs" mt={4}>
        {reminders.map((_, index) => (
          <Group key={index} gap="sm" align="flex-end" wrap="nowrap">
            <Select
              label={t('calendar.form.channel', { number: index + 1 })}
              data={REMINDER_CHANNELS.map((value) => ({ value, label: t(`calendar.channels.${value}`) }))}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps(`reminders.${index}.channel`)}
              onChange={(value) => form.setFieldValue(`reminders.${index}.channel`, value as ReminderChannel)}
            />
            <Select
              label={t('calendar.form.daysBefore')}
              data={DAYS_BEFORE.map((value) => ({ value, label: t('calendar.form.daysBeforeOption', { count: Number(value) }) }))}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
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
