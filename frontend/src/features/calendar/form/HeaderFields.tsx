/** The booking form's first lines: what is booked (or, editing, what it is and for whom) and whose calendar. */
import { Group, Input, SegmentedControl, Text, type ComboboxItem } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { APPOINTMENT_KINDS, type AppointmentKind } from '../../../api/types';
import { useSession } from '../../auth/useSession';
import { PractitionerSwatch } from '../PractitionerSwatch';
import { FormSelect } from './FormSelect';
import type { AppointmentFormMode, AppointmentFormState, FormReference } from './useAppointmentForm';

interface HeaderFieldsProps {
  state: AppointmentFormState;
  mode: AppointmentFormMode;
  reference: FormReference;
}

export function HeaderFields({ state, mode, reference }: HeaderFieldsProps) {
  const { t } = useTranslation();
  const session = useSession();
  const { form, editing } = state;
  const values = form.getValues();
  const fixedClient = mode.type === 'create' ? (mode.client ?? null) : null;
  const ownPractitioner =
    session.status === 'signed_in' && session.user.role === 'clinician' ? session.user.practitioner_id : null;
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

  return (
    <>
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
      <FormSelect
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
        // Focused as the form opens, but its list opens only when asked (a click, a key, typing): open by itself it
        // covered the date and times.
        openOnFocus={false}
        data-autofocus={!values.practitionerId || undefined}
        {...form.getInputProps('practitionerId')}
      />
    </>
  );
}
