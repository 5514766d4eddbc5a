/** The client form (new client and profile edit): the fixed fields, practitioners and the practice's custom fields. */
import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  Input,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorFeedback } from '../../components/apiErrors';
import { ConflictDialog } from '../../components/ConflictDialog';
import { FormProblems } from '../../components/FormActions';
import { CLIENT_STATUSES, LOCALES, type Client, type CustomFieldDefinition, type PractitionerRecord } from '../../api/types';
import { clientFormValues, placeFieldErrors, validateClientForm, type ClientFormValues } from './clientForm';
import { CustomFieldInput } from './CustomFieldInput';
import { PlainDateInput } from './PlainDateInput';

const REMINDERS = ['reminder_consent_email', 'reminder_consent_sms', 'reminder_consent_voice'] as const;
const GRID = { base: 1, sm: 2, lg: 3 };

interface ClientFormProps {
  /** The client being edited, or null for a new one. */
  client: Client | null;
  customFields: CustomFieldDefinition[];
  practitioners: PractitionerRecord[];
  submitLabel: string;
  /** Saves; a rejected ApiError's field errors are shown next to their inputs and the typed data is kept. */
  onSubmit: (values: ClientFormValues, initial: ClientFormValues) => Promise<unknown>;
  onCancel: () => void;
}

export function ClientForm({ client, customFields, practitioners, submitLabel, onSubmit, onCancel }: ClientFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [initial] = useState(() => clientFormValues(client, customFields));
  const feedback = useApiErrorFeedback({ placedSummary: t('clients.form.fixErrors') });
  const [saving, setSaving] = useState(false);
  const form = useForm<ClientFormValues>({
    mode: 'uncontrolled',
    initialValues: initial,
    validate: (values) =>
      validateClientForm(values, customFields, {
        firstNameRequired: t('clients.form.firstNameRequired'),
        lastNameRequired: t('clients.form.lastNameRequired'),
        required: (label) => t('clients.form.fieldRequired', { label }),
        notANumber: t('clients.form.notANumber'),
      }),
  });

  function focusFirstError() {
    requestAnimationFrame(() => {
      const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      if (!invalid) return;
      invalid.focus({ preventScroll: true });
      // Centred, so the sticky action bar never covers the field and its message.
      invalid.scrollIntoView?.({ block: 'center' });
    });
  }

  const handleSubmit = form.onSubmit(
    async (values) => {
      feedback.reset();
      setSaving(true);
      try {
        await onSubmit(values, initial);
      } catch (error) {
        feedback.handle(error, (apiErrors) => placeFieldErrors(apiErrors, values), form.setErrors);
        focusFirstError();
      } finally {
        setSaving(false);
      }
    },
    () => focusFirstError(),
  );

  // A client may still be assigned to a practitioner who has since been deactivated: keep them selectable.
  const practitionerOptions = [
    ...practitioners.map((practitioner) => ({ value: practitioner.id, label: practitioner.name })),
    ...(client?.practitioners ?? [])
      .filter((assigned) => !practitioners.some((practitioner) => practitioner.id === assigned.id))
      .map((assigned) => ({ value: assigned.id, label: assigned.name })),
  ];

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate aria-label={submitLabel}>
      <Stack gap="md">
        <FormProblems messages={feedback.messages} />

        <Fieldset legend={t('clients.form.personal')}>
          <SimpleGrid cols={GRID} spacing="md" verticalSpacing="sm">
            <TextInput
              size="sm"
              label={t('clients.fields.first_name')}
              withAsterisk
              autoFocus
              data-autofocus
              autoComplete="off"
              key={form.key('first_name')}
              {...form.getInputProps('first_name')}
            />
            <TextInput
              size="sm"
              label={t('clients.fields.last_name')}
              withAsterisk
              autoComplete="off"
              key={form.key('last_name')}
              {...form.getInputProps('last_name')}
            />
            <TextInput
              size="sm"
              label={t('clients.fields.preferred_name')}
              placeholder={t('clients.fields.preferred_name_hint')}
              autoComplete="off"
              key={form.key('preferred_name')}
              {...form.getInputProps('preferred_name')}
            />
            <PlainDateInput
              size="sm"
              label={t('clients.fields.date_of_birth')}
              key={form.key('date_of_birth')}
              {...form.getInputProps('date_of_birth')}
            />
            <TextInput
              size="sm"
              label={t('clients.fields.id_number')}
              autoComplete="off"
              key={form.key('id_number')}
              {...form.getInputProps('id_number')}
            />
            <Select
              size="sm"
              label={t('clients.fields.preferred_language')}
              placeholder={t('clients.form.languageDefault')}
              data={LOCALES.map((locale) => ({ value: locale, label: t(`clients.languages.${locale}`) }))}
              clearable
              key={form.key('preferred_language')}
              {...form.getInputProps('preferred_language')}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('clients.form.contact')}>
          <SimpleGrid cols={GRID} spacing="md" verticalSpacing="sm">
            <TextInput
              size="sm"
              type="tel"
              label={t('clients.fields.phone')}
              autoComplete="off"
              key={form.key('phone')}
              {...form.getInputProps('phone')}
            />
            <TextInput
              size="sm"
              type="email"
              label={t('clients.fields.email')}
              autoComplete="off"
              key={form.key('email')}
              {...form.getInputProps('email')}
            />
            <Textarea
              size="sm"
              label={t('clients.fields.address')}
              rows={1}
              key={form.key('address')}
              {...form.getInputProps('address')}
            />
          </SimpleGrid>
          <Input.Wrapper label={t('clients.fields.reminders')} mt="sm">
            <Group gap="lg" mt={6}>
              {REMINDERS.map((name) => (
                <Checkbox
                  key={form.key(name)}
                  size="sm"
                  label={t(`clients.fields.${name}`)}
                  {...form.getInputProps(name, { type: 'checkbox' })}
                />
              ))}
            </Group>
          </Input.Wrapper>
        </Fieldset>

        <Fieldset legend={t('clients.form.care')}>
          <SimpleGrid cols={GRID} spacing="md" verticalSpacing="sm">
            <Select
              size="sm"
              label={t('clients.fields.status')}
              data={CLIENT_STATUSES.map((status) => ({ value: status, label: t(`clients.status.${status}`) }))}
              allowDeselect={false}
              key={form.key('status')}
              {...form.getInputProps('status')}
            />
            <PlainDateInput
              size="sm"
              label={t('clients.fields.registered_on')}
              placeholder={client ? undefined : t('clients.form.registeredOnDefault')}
              clearable={!client}
              key={form.key('registered_on')}
              {...form.getInputProps('registered_on')}
            />
            <MultiSelect
              size="sm"
              label={t('clients.fields.practitioner_ids')}
              placeholder={t('clients.form.practitionersPlaceholder')}
              nothingFoundMessage={t('clients.form.noPractitioners')}
              data={practitionerOptions}
              searchable
              hidePickedOptions
              key={form.key('practitioner_ids')}
              {...form.getInputProps('practitioner_ids')}
            />
          </SimpleGrid>
        </Fieldset>

        {customFields.length > 0 ? (
          <Fieldset legend={t('clients.form.custom')}>
            <SimpleGrid cols={GRID} spacing="md" verticalSpacing="sm">
              {customFields.map((field) => (
                <CustomFieldInput key={field.id} field={field} form={form} />
              ))}
            </SimpleGrid>
          </Fieldset>
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
          <Button variant="default" onClick={onCancel} disabled={saving}>
            {t('clients.form.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
      {feedback.conflict ? <ConflictDialog error={feedback.conflict} onClose={feedback.closeConflict} /> : null}
    </form>
  );
}
