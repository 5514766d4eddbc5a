/**
 * The client form's values and their round trip to the API: building them from a client, turning them
 * into a create body or a PATCH of only what changed, checking them, and placing the API's field errors.
 */
import type {
  Client,
  ClientCreate,
  ClientStatus,
  ClientUpdate,
  CustomFieldDefinition,
  Locale,
} from '../../api/types';
import { looksLikeEmail } from '../../lib/text';
import {
  customValueError,
  customValueToApi,
  customValueToForm,
  type CustomFieldFormValue,
  type CustomFieldMessages,
} from './customFields';

export interface ClientFormValues {
  first_name: string;
  last_name: string;
  preferred_name: string;
  date_of_birth: string | null;
  phone: string;
  email: string;
  id_number: string;
  address: string;
  status: ClientStatus;
  preferred_language: Locale | null;
  reminder_consent_email: boolean;
  reminder_consent_sms: boolean;
  reminder_consent_voice: boolean;
  registered_on: string | null;
  practitioner_ids: string[];
  custom_fields: Record<string, CustomFieldFormValue>;
}

const TEXT_FIELDS = ['first_name', 'last_name', 'preferred_name', 'phone', 'email', 'id_number', 'address'] as const;
const PLAIN_FIELDS = [
  'date_of_birth',
  'status',
  'preferred_language',
  'reminder_consent_email',
  'reminder_consent_sms',
  'reminder_consent_voice',
  'registered_on',
] as const;

/** The form's starting values: the client's, or a blank new client. */
export function clientFormValues(client: Client | null, fields: CustomFieldDefinition[]): ClientFormValues {
  const stored = client?.custom_fields ?? {};
  return {
    first_name: client?.first_name ?? '',
    last_name: client?.last_name ?? '',
    preferred_name: client?.preferred_name ?? '',
    date_of_birth: client?.date_of_birth ?? null,
    phone: client?.phone ?? '',
    email: client?.email ?? '',
    id_number: client?.id_number ?? '',
    address: client?.address ?? '',
    status: client?.status ?? 'active',
    preferred_language: client?.preferred_language ?? null,
    reminder_consent_email: client?.reminder_consent_email ?? false,
    reminder_consent_sms: client?.reminder_consent_sms ?? false,
    reminder_consent_voice: client?.reminder_consent_voice ?? false,
    registered_on: client?.registered_on ?? null,
    practitioner_ids: client?.practitioners.map((practitioner) => practitioner.id) ?? [],
    custom_fields: Object.fromEntries(fields.map((field) => [field.key, customValueToForm(field, stored[field.key])])),
  };
}

function text(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function customValues(values: ClientFormValues, fields: CustomFieldDefinition[]): Record<string, CustomFieldFormValue> {
  return Object.fromEntries(
    fields.map((field) => [field.key, customValueToApi(field, values.custom_fields[field.key] ?? null)]),
  );
}

/** The POST body; blank optional fields are left out so the API applies its defaults (e.g. registered today). */
export function toClientCreate(values: ClientFormValues, fields: CustomFieldDefinition[]): ClientCreate {
  const body: ClientCreate = {
    first_name: values.first_name.trim(),
    last_name: values.last_name.trim(),
    status: values.status,
    reminder_consent_email: values.reminder_consent_email,
    reminder_consent_sms: values.reminder_consent_sms,
    reminder_consent_voice: values.reminder_consent_voice,
    practitioner_ids: values.practitioner_ids,
  };
  for (const key of TEXT_FIELDS) {
    const value = text(values[key]);
    if (value !== null && key !== 'first_name' && key !== 'last_name') body[key] = value;
  }
  if (values.date_of_birth) body.date_of_birth = values.date_of_birth;
  if (values.registered_on) body.registered_on = values.registered_on;
  if (values.preferred_language) body.preferred_language = values.preferred_language;
  const custom = Object.entries(customValues(values, fields)).filter(([, value]) => value !== null);
  if (custom.length > 0) body.custom_fields = Object.fromEntries(custom);
  return body;
}

function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

/** The PATCH body: only fields whose value (as the API sees it) changed; a cleared custom field is sent as null. */
export function toClientUpdate(
  initial: ClientFormValues,
  values: ClientFormValues,
  fields: CustomFieldDefinition[],
): ClientUpdate {
  const body: ClientUpdate = {};
  for (const key of TEXT_FIELDS) {
    const value = text(values[key]);
    if (value === text(initial[key])) continue;
    // Names cannot be cleared (the form requires them); the other texts are cleared with null.
    if (key === 'first_name' || key === 'last_name') {
      if (value !== null) body[key] = value;
    } else {
      body[key] = value;
    }
  }
  for (const key of PLAIN_FIELDS) {
    if (values[key] !== initial[key]) Object.assign(body, { [key]: values[key] });
  }
  if (!sameIds(values.practitioner_ids, initial.practitioner_ids)) body.practitioner_ids = values.practitioner_ids;
  const before = customValues(initial, fields);
  const after = customValues(values, fields);
  const changed = Object.entries(after).filter(([key, value]) => value !== before[key]);
  if (changed.length > 0) body.custom_fields = Object.fromEntries(changed);
  return body;
}

export interface ClientFormMessages extends CustomFieldMessages {
  firstNameRequired: string;
  lastNameRequired: string;
  email: string;
  /** What is wrong with the date of birth (unreadable, impossible, in the future), or null. */
  birthDate: (value: string) => string | null;
}

/**
 * Checks made before calling the API, all at once: required names and custom fields, the e-mail's shape, dates
 * that cannot be read or are impossible, a date of birth in the future. The API checks the rest (its 422s are
 * placed on the same fields).
 */
export function validateClientForm(
  values: ClientFormValues,
  fields: CustomFieldDefinition[],
  messages: ClientFormMessages,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (values.first_name.trim() === '') errors.first_name = messages.firstNameRequired;
  if (values.last_name.trim() === '') errors.last_name = messages.lastNameRequired;
  if (values.email.trim() !== '' && !looksLikeEmail(values.email)) errors.email = messages.email;
  const birth = values.date_of_birth ? messages.birthDate(values.date_of_birth) : null;
  if (birth) errors.date_of_birth = birth;
  const registered = values.registered_on ? messages.date(values.registered_on) : null;
  if (registered) errors.registered_on = registered;
  for (const field of fields) {
    const error = customValueError(field, values.custom_fields[field.key] ?? null, messages);
    if (error) errors[`custom_fields.${field.key}`] = error;
  }
  return errors;
}

const FORM_FIELDS = new Set<string>([...TEXT_FIELDS, ...PLAIN_FIELDS, 'practitioner_ids']);

export interface PlacedErrors {
  /** Form path → message, for the inputs on screen. */
  fieldErrors: Record<string, string>;
  /** Messages about fields the form does not show (e.g. a custom field made inactive meanwhile). */
  unplaced: string[];
}

/**
 * Puts the API's field errors (`email`, `practitioner_ids.0`, `custom_fields.<key>`) on the form's inputs;
 * what has no input on screen is returned separately so it can be shown above the form.
 */
export function placeFieldErrors(apiErrors: Record<string, string>, values: ClientFormValues): PlacedErrors {
  const fieldErrors: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const [field, message] of Object.entries(apiErrors)) {
    const [head, second] = field.split('.');
    let path: string | null = null;
    if (head === 'custom_fields' && second !== undefined && second in values.custom_fields) path = `custom_fields.${second}`;
    else if (head !== undefined && head !== 'custom_fields' && FORM_FIELDS.has(head)) path = head;
    if (path === null) unplaced.push(message);
    else fieldErrors[path] ??= message;
  }
  return { fieldErrors, unplaced };
}
