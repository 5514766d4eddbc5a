/**
 * Booking (or changing) one appointment, the fields of its kind: a session's client (or a new one by name),
 * service (its duration sets the end, its price the price), place, price and reminders; a contact's medium; a
 * collateral contact's person; an event's title and availability. Times are typed at any minute in the practice's
 * zone; moving the start moves the end along, keeping the length. A past session may be logged as it went
 * (attended, no-show): it then has no reminders and does not repeat. A new booking may repeat (every week, every
 * other week, every month) until a date, a number of times or without end: it is then booked as a series. Changing
 * an occurrence of a series asks which ones change, with the server's preview. A clash opens the clash dialog,
 * which can book anyway. Closing a form with unsaved changes asks first.
 *
 * The pieces are in ./form: the state and schema (useAppointmentForm), saving (useSaveAppointment), the sections.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { CLIENT_KINDS, logsOutcome } from './appointmentForm';
import { ClashDialog } from './ClashDialog';
import { ClientFields } from './form/ClientFields';
import { DiscardDialog } from './form/DiscardDialog';
import { HeaderFields } from './form/HeaderFields';
import { OtherKindFields } from './form/OtherKindFields';
import { Repetition } from './form/Repetition';
import { SeriesScopeDialog } from './form/SeriesScopeDialog';
import { SessionFields } from './form/SessionFields';
import { useAppointmentForm, type AppointmentFormMode, type FormReference } from './form/useAppointmentForm';
import { useSaveAppointment } from './form/useSaveAppointment';
import { WhenFields } from './form/WhenFields';

export type { AppointmentFormMode } from './form/useAppointmentForm';

interface AppointmentFormProps {
  mode: AppointmentFormMode;
  reference: FormReference;
  onClose: () => void;
  /** After saving: the appointment as the server has it now. */
  onSaved?: (appointment: Appointment) => void;
  /** What a clashing appointment is, when the screen knows (shown in the clash dialog). */
  describeClash?: (appointmentId: string) => string | null;
}

export function AppointmentForm({ mode, reference, onClose, onSaved, describeClash }: AppointmentFormProps) {
  const { t } = useTranslation();
  const state = useAppointmentForm(mode, reference);
  const saving = useSaveAppointment({ state, reference, onClose, onSaved });
  const [askingDiscard, setAskingDiscard] = useState(false);
  const { form, editing, logsPast } = state;
  const { timeZone, locale } = reference;
  const values = form.getValues();
  const fixedClient = mode.type === 'create' ? (mode.client ?? null) : null;
  // A past session logged as attended or no-show is over: no reminders to send, nothing to repeat.
  const loggingOutcome = logsPast(values) && logsOutcome(values);
  /** Esc, the close button, a click outside or Cancel: an untouched form closes, a changed one asks first. */
  const requestClose = () => (form.isDirty() ? setAskingDiscard(true) : onClose());

  return (
    <FormModal
      title={editing ? t('calendar.form.editTitle') : t('calendar.form.newTitle')}
      size="lg"
      onClose={requestClose}
      onSubmit={saving.submit}
      feedback={saving.feedback}
      loading={saving.saving}
      submitLabel={editing ? t('calendar.form.saveChanges') : t('calendar.form.book')}
    >
      <HeaderFields state={state} mode={mode} reference={reference} />
      <WhenFields state={state} reference={reference} />
      {CLIENT_KINDS.includes(values.kind) && !editing ? <ClientFields state={state} fixedClient={fixedClient} /> : null}
      {values.kind === 'client_session' ? <SessionFields state={state} reference={reference} /> : null}
      <OtherKindFields state={state} />
      {editing || loggingOutcome ? null : <Repetition form={form} locale={locale} />}

      <ClashDialog
        clashes={saving.clashes}
        action={editing ? 'move' : 'book'}
        timeZone={timeZone}
        locale={locale}
        describe={describeClash}
        loading={saving.saving}
        onClose={saving.closeClashes}
        onOverride={saving.saveAnyway}
      />
      {saving.seriesEdit ? (
        <SeriesScopeDialog
          edit={saving.seriesEdit}
          timeZone={timeZone}
          locale={locale}
          describe={describeClash ?? (() => null)}
          onCancel={saving.closeSeriesEdit}
          onDone={() => {
            saving.closeSeriesEdit();
            onClose();
          }}
        />
      ) : null}
      <DiscardDialog
        opened={askingDiscard}
        onKeep={() => setAskingDiscard(false)}
        onDiscard={() => {
          setAskingDiscard(false);
          onClose();
        }}
      />
    </FormModal>
  );
}
