/**
 * The client form (new client and profile edit): the fixed fields, practitioners and the practice's custom
 * fields. Each field is checked when it is left and all of them on save (client-side first, then the API's
 * 422s, in the UI language); leaving with unsaved changes asks first; a new client is checked for duplicates.
 */
import { Button, Checkbox, Fieldset, Group, Input, MultiSelect, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorFeedback } from '../../components/apiErrors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ConflictDialog } from '../../components/ConflictDialog';
import { useDateCheck } from '../../components/DateField';
import { FormProblems } from '../../components/FormActions';
import { DateFormField, SelectField, TextField } from '../../components/FormFields';
import { ignoreAccents } from '../../components/ignoreAccents';
import { useUnsavedChanges } from '../../components/useUnsavedChanges';
import {
  CLIENT_STATUSES,
  LOCALES,
  type Client,
  type CustomFieldDefinition,
  type PossibleDuplicate,
  type PractitionerRecord,
} from '../../api/types';
import { useSession } from '../auth/useSession';
import { clientFormValues, placeFieldErrors, validateClientForm, type ClientFormValues } from './clientForm';
import { CustomFieldInput } from './CustomFieldInput';
import { DuplicateWarning } from './DuplicateWarning';
import { clientDisplayName } from './format';
import { useDuplicateCheck } from './duplicates';
import { useToday } from './useToday';

const REMINDERS = ['reminder_consent_email', 'reminder_consent_sms', 'reminder_consent_voice'] as const;
const GRID = { base: 1, sm: 2, lg: 3 };
/** Leaving one of these may reveal a duplicate (name + date of birth, phone, e-mail, document). */
const MATCHING_FIELDS = new Set(['first_name', 'last_name', 'date_of_birth', 'phone', 'email', 'id_number']);

export interface ClientSaveContext {
  /** Existing clients that may be the same person, when the user chose to register anyway. */
  duplicates: PossibleDuplicate[];
}

interface ClientFormProps {
  /** The client being edited, or null for a new one. */
  client: Client | null;
  customFields: CustomFieldDefinition[];
  practitioners: PractitionerRecord[];
  submitLabel: string;
  /** Saves; a rejected ApiError's field errors are shown next to their inputs and the typed data is kept. */
  onSubmit: (values: ClientFormValues, initial: ClientFormValues, context: ClientSaveContext) => Promise<unknown>;
  onCancel: () => void;
}

function FieldGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <Fieldset legend={legend}>
      <SimpleGrid cols={GRID} spacing="md" verticalSpacing="sm">
        {children}
      </SimpleGrid>
    </Fieldset>
  );
}

export function ClientForm({ client, customFields, practitioners, submitLabel, onSubmit, onCancel }: ClientFormProps) {
  const { t } = useTranslation();
  const session = useSession();
  const today = useToday();
  const checkDate = useDateCheck();
  const formRef = useRef<HTMLFormElement>(null);
  // A clinician's clients are hers: she may not assign them to colleagues (the API refuses it too).
  const ownPractitioner = session.status === 'signed_in' && session.user.role === 'clinician' ? session.user.practitioner_id : null;
  const [initial] = useState(() => {
    const values = clientFormValues(client, customFields);
    return client === null && ownPractitioner ? { ...values, practitioner_ids: [ownPractitioner] } : values;
  });
  const feedback = useApiErrorFeedback({ placedSummary: t('clients.form.fixErrors') });
  const [saving, setSaving] = useState(false);
  const duplicates = useDuplicateCheck(client?.id);
  const [confirming, setConfirming] = useState<{ values: ClientFormValues; matches: PossibleDuplicate[] } | null>(null);

  const form = useForm<ClientFormValues>({
    mode: 'uncontrolled',
    initialValues: initial,
    validateInputOnBlur: true,
    validate: (values) =>
      validateClientForm(values, customFields, {
        firstNameRequired: t('clients.form.firstNameRequired'),
        lastNameRequired: t('clients.form.lastNameRequired'),
        email: t('checks.email'),
        required: (label) => t('clients.form.fieldRequired', { label }),
        notANumber: t('clients.form.notANumber'),
        date: (value) => checkDate(value),
        birthDate: (value) => checkDate(value, { kind: 'birth', max: today }),
      }),
  });
  const guard = useUnsavedChanges(() => form.isDirty());

  function focusFirstError() {
    requestAnimationFrame(() => {
      const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      if (!invalid) return;
      invalid.focus({ preventScroll: true });
      // Centred, so the sticky action bar never covers the field and its message.
      invalid.scrollIntoView?.({ block: 'center' });
    });
  }

  async function save(values: ClientFormValues, matches: PossibleDuplicate[]) {
    feedback.reset();
    setSaving(true);
    guard.release();
    try {
      await onSubmit(values, initial, { duplicates: matches });
    } catch (error) {
      guard.arm();
      feedback.handle(error, (apiErrors) => placeFieldErrors(apiErrors, values), form.setErrors);
      focusFirstError();
    } finally {
      setSaving(false);
    }
  }

  // Built when the form is submitted (not while rendering): the handlers reach the form's element.
  const handleSubmit = (event: React.FormEvent<HTMLFormElement>) =>
    form.onSubmit(
      async (values) => {
        // A new client is checked once more with exactly what is being saved; matches are confirmed first.
        const matches = client === null ? await duplicates.checkNow(values) : [];
        if (matches.length > 0) setConfirming({ values, matches });
        else await save(values, []);
      },
      () => focusFirstError(),
    )(event);

  // Fields that may reveal a duplicate are checked (debounced) when they are left.
  const onBlurCapture = (event: React.FocusEvent<HTMLFormElement>) => {
    if (client !== null) return;
    const name = event.target.closest<HTMLElement>('[data-path]')?.dataset.path;
    if (name && MATCHING_FIELDS.has(name)) duplicates.onFieldBlur(form.getValues());
  };

  // A client may still be assigned to a practitioner who has since been deactivated: keep them selectable.
  const practitionerOptions = [
    ...practitioners
      .filter((practitioner) => ownPractitioner === null || practitioner.id === ownPractitioner)
      .map((practitioner) => ({ value: practitioner.id, label: practitioner.name })),
    ...(client?.practitioners ?? [])
      .filter((assigned) => !practitioners.some((practitioner) => practitioner.id === assigned.id))
      .map((assigned) => ({ value: assigned.id, label: assigned.name })),
  ];
  const label = (name: Exclude<keyof ClientFormValues, 'custom_fields'>) => t(`clients.fields.${name}`);

  return (
    <form ref={formRef} onSubmit={handleSubmit} onBlurCapture={onBlurCapture} noValidate aria-label={submitLabel}>
      <Stack gap="md">
        <FormProblems messages={feedback.messages} />

        <FieldGroup legend={t('clients.form.personal')}>
          <TextField form={form} path="first_name" data-path="first_name" label={label('first_name')} withAsterisk first autoComplete="off" />
          <TextField form={form} path="last_name" data-path="last_name" label={label('last_name')} withAsterisk autoComplete="off" />
          <TextField
            form={form}
            path="preferred_name"
            label={label('preferred_name')}
            placeholder={t('clients.fields.preferred_name_hint')}
            autoComplete="off"
          />
          <DateFormField
            form={form}
            path="date_of_birth"
            data-path="date_of_birth"
            label={label('date_of_birth')}
            pickerLevel="decade"
            maxDate={today}
          />
          <TextField form={form} path="id_number" data-path="id_number" label={label('id_number')} autoComplete="off" />
          <SelectField
            form={form}
            path="preferred_language"
            label={label('preferred_language')}
            placeholder={t('clients.form.languageDefault')}
            data={LOCALES.map((locale) => ({ value: locale, label: t(`clients.languages.${locale}`) }))}
            clearable
          />
        </FieldGroup>

        <Fieldset legend={t('clients.form.contact')}>
          <SimpleGrid cols={GRID} spacing="md" verticalSpacing="sm">
            <TextField
              form={form}
              path="phone"
              data-path="phone"
              type="tel"
              label={label('phone')}
              description={t('clients.form.phoneHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              autoComplete="off"
            />
            <TextField form={form} path="email" data-path="email" type="email" label={label('email')} autoComplete="off" />
            <Textarea size="sm" label={label('address')} rows={1} key={form.key('address')} {...form.getInputProps('address')} />
          </SimpleGrid>
          <Input.Wrapper label={t('clients.fields.reminders')} mt="sm">
            <Group gap="lg" mt={6}>
              {REMINDERS.map((name) => (
                <Checkbox key={form.key(name)} size="sm" label={label(name)} {...form.getInputProps(name, { type: 'checkbox' })} />
              ))}
            </Group>
          </Input.Wrapper>
        </Fieldset>

        {client === null ? <DuplicateWarning matches={duplicates.matches} /> : null}

        <FieldGroup legend={t('clients.form.care')}>
          <SelectField
            form={form}
            path="status"
            label={label('status')}
            data={CLIENT_STATUSES.map((status) => ({ value: status, label: t(`clients.status.${status}`) }))}
            allowDeselect={false}
          />
          <DateFormField
            form={form}
            path="registered_on"
            label={label('registered_on')}
            placeholder={client ? undefined : t('clients.form.registeredOnDefault')}
          />
          <MultiSelect
            size="sm"
            label={label('practitioner_ids')}
            placeholder={t('clients.form.practitionersPlaceholder')}
            nothingFoundMessage={t('clients.form.noPractitioners')}
            data={practitionerOptions}
            searchable
            filter={ignoreAccents}
            hidePickedOptions
            key={form.key('practitioner_ids')}
            {...form.getInputProps('practitioner_ids')}
          />
        </FieldGroup>

        {customFields.length > 0 ? (
          <FieldGroup legend={t('clients.form.custom')}>
            {customFields.map((field) => (
              <CustomFieldInput key={field.id} field={field} form={form} />
            ))}
          </FieldGroup>
        ) : null}

        {/* The actions stay in view at the bottom of a long form. */}
        <Group
          justify="flex-end"
          gap="sm"
          pos="sticky"
          bottom={0}
          py="sm"
          bg="var(--mantine-color-body)"
          style={{ zIndex: 2, borderTop: '1px solid var(--mantine-color-default-border)' }}
        >
          <Button variant="default" onClick={() => guard.leave(onCancel)} disabled={saving}>
            {t('clients.form.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
      {feedback.conflict ? <ConflictDialog error={feedback.conflict} onClose={feedback.closeConflict} /> : null}
      {guard.dialog}
      <ConfirmDialog
        request={
          confirming
            ? {
                title: t('clients.duplicates.confirmTitle'),
                message: t('clients.duplicates.confirmBody', {
                  name: clientDisplayName(confirming.values),
                  count: confirming.matches.length,
                }),
                confirmLabel: t('clients.duplicates.registerAnyway'),
                focusCancel: true,
                onConfirm: () => {
                  const { values, matches } = confirming;
                  setConfirming(null);
                  void save(values, matches);
                },
              }
            : null
        }
        cancelLabel={t('clients.duplicates.goBack')}
        onClose={() => setConfirming(null)}
      >
        {confirming ? <DuplicateWarning matches={confirming.matches} /> : null}
      </ConfirmDialog>
    </form>
  );
}
