/**
 * Registering someone from inside another flow (the relative being linked as parent, partner…): the few fields
 * that identify and reach them, plus the practice's required fields; the rest waits for their own page.
 * The name typed in the search comes along (or the phone or e-mail, when that is what was typed).
 */
import { SimpleGrid } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Client, ClientCreate, CustomFieldDefinition } from '../../api/types';
import { useCreateClient } from '../../api/queries/clients';
import { useApiErrorFeedback } from '../../components/apiErrors';
import { useDateCheck } from '../../components/DateField';
import { TextField } from '../../components/FormFields';
import { looksLikeEmail } from '../../lib/text';
import { CustomFieldInput } from './CustomFieldInput';
import { customValueError, customValueToApi, emptyCustomValue, type CustomFieldFormValue } from './customFields';
import { DuplicateWarning } from './DuplicateWarning';
import { useDuplicateCheck } from './duplicates';

export interface QuickClientValues {
  first_name: string;
  last_name: string;
  phone: string;
  email: string;
  custom_fields: Record<string, CustomFieldFormValue>;
}

const FIELDS = ['first_name', 'last_name', 'phone', 'email'] as const;

/** What a search box held, as the start of a registration: "Rosa Muñoz Quispe" → Rosa / Muñoz Quispe. */
export function quickClientStart(typed: string): Pick<QuickClientValues, 'first_name' | 'last_name' | 'phone' | 'email'> {
  const text = typed.trim().replace(/\s+/g, ' ');
  const blank = { first_name: '', last_name: '', phone: '', email: '' };
  if (text.includes('@')) return { ...blank, email: text };
  if (/^[+\d][\d\s().-]*$/.test(text)) return { ...blank, phone: text };
  const [first = '', ...rest] = text.split(' ');
  return { ...blank, first_name: first, last_name: rest.join(' ') };
}

/** The form, its duplicate check and its save; `onCreated` gets the new client. */
export function useQuickClient(customFields: readonly CustomFieldDefinition[], onCreated: (client: Client) => void) {
  const { t } = useTranslation();
  const checkDate = useDateCheck();
  const create = useCreateClient();
  const feedback = useApiErrorFeedback({ placedSummary: t('clients.form.fixErrors') });
  const duplicates = useDuplicateCheck();
  const required = customFields.filter((field) => field.required);
  const form = useForm<QuickClientValues>({
    initialValues: {
      first_name: '',
      last_name: '',
      phone: '',
      email: '',
      custom_fields: Object.fromEntries(required.map((field) => [field.key, emptyCustomValue(field)])),
    },
    validateInputOnBlur: true,
    validate: (values) => {
      const errors: Record<string, string> = {};
      if (values.first_name.trim() === '') errors.first_name = t('clients.form.firstNameRequired');
      if (values.last_name.trim() === '') errors.last_name = t('clients.form.lastNameRequired');
      if (values.email.trim() !== '' && !looksLikeEmail(values.email)) errors.email = t('checks.email');
      for (const field of required) {
        const error = customValueError(field, values.custom_fields[field.key] ?? null, {
          required: (label) => t('clients.form.fieldRequired', { label }),
          notANumber: t('clients.form.notANumber'),
          date: (value) => checkDate(value),
        });
        if (error) errors[`custom_fields.${field.key}`] = error;
      }
      return errors;
    },
  });

  function start(typed: string) {
    feedback.reset();
    form.setValues(quickClientStart(typed));
    form.resetDirty();
    duplicates.onFieldBlur(form.getValues());
  }

  const submit = form.onSubmit(async (values) => {
    feedback.reset();
    const body: ClientCreate = {
      first_name: values.first_name.trim(),
      last_name: values.last_name.trim(),
      status: 'active',
      reminder_consent_email: false,
      reminder_consent_sms: false,
      reminder_consent_voice: false,
    };
    if (values.phone.trim()) body.phone = values.phone.trim();
    if (values.email.trim()) body.email = values.email.trim();
    const custom = required
      .map((field) => [field.key, customValueToApi(field, values.custom_fields[field.key] ?? null)] as const)
      .filter(([, value]) => value !== null);
    if (custom.length > 0) body.custom_fields = Object.fromEntries(custom);
    try {
      onCreated(await create.mutateAsync({ body }));
    } catch (error) {
      feedback.handle(error, [...FIELDS, 'custom_fields'], form.setErrors);
    }
  });

  return { form, start, submit, feedback, saving: create.isPending, duplicates, required };
}

export function QuickClientFields({
  form,
  required,
  matches,
  onMatchingBlur,
}: {
  form: UseFormReturnType<QuickClientValues>;
  required: readonly CustomFieldDefinition[];
  matches: ReturnType<typeof useDuplicateCheck>['matches'];
  onMatchingBlur: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <SimpleGrid cols={2} spacing="md" verticalSpacing="sm" onBlurCapture={onMatchingBlur}>
        <TextField form={form} path="first_name" label={t('clients.fields.first_name')} withAsterisk first autoComplete="off" />
        <TextField form={form} path="last_name" label={t('clients.fields.last_name')} withAsterisk autoComplete="off" />
        <TextField form={form} path="phone" type="tel" label={t('clients.fields.phone')} autoComplete="off" />
        <TextField form={form} path="email" type="email" label={t('clients.fields.email')} autoComplete="off" />
        {required.map((field) => (
          <CustomFieldInput key={field.id} field={field} form={form} />
        ))}
      </SimpleGrid>
      <DuplicateWarning matches={matches} />
    </>
  );
}
