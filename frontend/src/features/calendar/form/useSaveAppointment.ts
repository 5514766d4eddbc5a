/**
 * Saving the booking form: a booking (or a past session logged as it went), a series, or an edit of only what
 * changed. An edit of a series' occurrence that changes its times, service, place or price first asks which ones
 * change (`seriesEdit`: the scope dialog, with the server's preview). A clash opens the clash dialog (`clashes`),
 * which can save anyway; other problems go next to their fields.
 */
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../../api/queries/ledger';
import {
  isSchedulingClash,
  useCreateAppointment,
  useCreateSeries,
  useUpdateAppointments,
  type Clash,
} from '../../../api/queries/appointments';
import type { Appointment } from '../../../api/types';
import { useApiErrorFeedback } from '../../../components/apiErrors';
import { instantsOf, isEmptyUpdate, toCreateBody, toSeriesBody, toUpdateBody, type AppointmentFormValues } from '../appointmentForm';
import { formatRangeIn } from '../zonedTime';
import { placeErrors } from './placeErrors';
import type { PendingSeriesEdit } from './SeriesScopeDialog';
import { hasChanges, splitSeriesEdit } from './seriesEdit';
import type { AppointmentFormState, FormReference } from './useAppointmentForm';

interface SaveOptions {
  state: AppointmentFormState;
  reference: FormReference;
  onClose: () => void;
  onSaved?: (appointment: Appointment) => void;
}

export function useSaveAppointment({ state, reference, onClose, onSaved }: SaveOptions) {
  const { t } = useTranslation();
  const { form, editing, logsPast, noShowFees } = state;
  const { timeZone, locale } = reference;
  const [clashes, setClashes] = useState<Clash[] | null>(null);
  const [seriesEdit, setSeriesEdit] = useState<PendingSeriesEdit | null>(null);
  const create = useCreateAppointment();
  const createSeries = useCreateSeries();
  const update = useUpdateAppointments();
  const feedback = useApiErrorFeedback({ placedSummary: t('calendar.form.fixErrors') });
  // One key for the form while open: a retry of a logged past session (with its fee) logs it once.
  const [idempotencyKey] = useState(newIdempotencyKey);

  async function saveEdit(current: AppointmentFormValues, appointment: Appointment, allowConflicts: boolean) {
    const body = toUpdateBody(current, appointment, timeZone, allowConflicts);
    if (isEmptyUpdate(body)) {
      onClose();
      return;
    }
    if (appointment.series_id) {
      const instants = instantsOf(current, timeZone)!;
      const split = splitSeriesEdit(body, appointment.currency, { starts_at: instants.startsAt, ends_at: instants.endsAt });
      if (hasChanges(split.changes)) {
        setSeriesEdit({ appointmentId: appointment.id, ...split });
        return;
      }
    }
    const [updated] = await update.mutateAsync([{ appointmentId: appointment.id, body }]);
    notifications.show({ color: 'tend', message: t('calendar.saved') });
    finish(updated!);
  }

  async function saveSeries(current: AppointmentFormValues, allowConflicts: boolean) {
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
  }

  async function saveOne(current: AppointmentFormValues, allowConflicts: boolean) {
    const booking = logsPast(current) ? current : { ...current, recordAs: 'scheduled' as const };
    const saved = await create.mutateAsync({ body: toCreateBody(booking, timeZone, allowConflicts, noShowFees), idempotencyKey });
    const time = formatRangeIn(saved.starts_at, saved.ends_at, timeZone, locale);
    notifications.show({
      color: 'tend',
      message:
        saved.status === 'attended' || saved.status === 'no_show'
          ? t('calendar.logged', { status: t(`calendar.statuses.${saved.status}`), time })
          : t('calendar.booked', { time }),
    });
    finish(saved);
  }

  function finish(saved: Appointment) {
    setClashes(null);
    onSaved?.(saved);
    onClose();
  }

  async function save(current: AppointmentFormValues, allowConflicts: boolean) {
    feedback.reset();
    try {
      if (editing) await saveEdit(current, editing, allowConflicts);
      else if (current.repeats !== 'none') await saveSeries(current, allowConflicts);
      else await saveOne(current, allowConflicts);
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
  return {
    submit,
    saveAnyway: () => void save(form.getValues(), true),
    saving: create.isPending || createSeries.isPending || update.isPending,
    feedback,
    clashes,
    closeClashes: () => setClashes(null),
    seriesEdit,
    closeSeriesEdit: () => setSeriesEdit(null),
  };
}
