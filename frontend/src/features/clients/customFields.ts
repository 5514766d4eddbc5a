/**
 * The practice's custom client fields in forms: which input each type gets, the value that input holds,
 * and the value the API expects (blank → null, which the API treats as "no value" / "clear it").
 */
import type { CustomFieldDefinition, CustomFieldType } from '../../api/types';

/** What a custom field's input holds: text and number inputs hold '' when empty, pickers hold null. */
export type CustomFieldFormValue = string | number | boolean | null;

export type CustomFieldInputKind = 'text' | 'number' | 'date' | 'select' | 'checkbox';

const INPUT_KIND: Record<CustomFieldType, CustomFieldInputKind> = {
  text: 'text',
  number: 'number',
  date: 'date',
  select: 'select',
  checkbox: 'checkbox',
};

export function customFieldInputKind(field: Pick<CustomFieldDefinition, 'field_type'>): CustomFieldInputKind {
  return INPUT_KIND[field.field_type];
}

export function emptyCustomValue(field: Pick<CustomFieldDefinition, 'field_type'>): CustomFieldFormValue {
  switch (field.field_type) {
    case 'checkbox':
      return false;
    case 'text':
    case 'number':
      return '';
    default:
      return null;
  }
}

/** The input value for a stored value (which may be missing, or from before the field's type changed). */
export function customValueToForm(field: CustomFieldDefinition, stored: unknown): CustomFieldFormValue {
  if (stored === undefined || stored === null) return emptyCustomValue(field);
  switch (field.field_type) {
    case 'text':
      return typeof stored === 'string' ? stored : String(stored);
    case 'number':
      if (typeof stored === 'number') return stored;
      return typeof stored === 'string' && stored.trim() !== '' && Number.isFinite(Number(stored)) ? Number(stored) : '';
    case 'date':
    case 'select':
      return typeof stored === 'string' && stored !== '' ? stored : null;
    case 'checkbox':
      return stored === true;
  }
}

export function isBlankCustomValue(field: CustomFieldDefinition, value: CustomFieldFormValue): boolean {
  if (field.field_type === 'checkbox') return false;
  return value === null || (typeof value === 'string' && value.trim() === '');
}

/** The value to send: null for blank, a number for number fields (never a string), trimmed text. */
export function customValueToApi(field: CustomFieldDefinition, value: CustomFieldFormValue): CustomFieldFormValue {
  if (isBlankCustomValue(field, value)) return null;
  switch (field.field_type) {
    case 'text':
      return String(value).trim();
    case 'number':
      return typeof value === 'number' ? value : Number(String(value).trim());
    case 'checkbox':
      return value === true;
    default:
      return value;
  }
}

export interface CustomFieldMessages {
  required: (label: string) => string;
  notANumber: string;
  /** What is wrong with a typed date (components/DateField's `useDateCheck`), or null. */
  date: (value: string) => string | null;
}

/** The first problem with a custom field's input, or null; the API checks the same on save. */
export function customValueError(
  field: CustomFieldDefinition,
  value: CustomFieldFormValue,
  messages: CustomFieldMessages,
): string | null {
  if (isBlankCustomValue(field, value)) return field.required ? messages.required(field.label) : null;
  if (field.field_type === 'number' && !Number.isFinite(customValueToApi(field, value) as number)) return messages.notANumber;
  if (field.field_type === 'date') return messages.date(String(value));
  return null;
}

/** A select's choices, keeping a stored value that is no longer one of the options so it still shows. */
export function selectOptions(field: CustomFieldDefinition, value: CustomFieldFormValue): string[] {
  return typeof value === 'string' && value !== '' && !field.options.includes(value)
    ? [...field.options, value]
    : field.options;
}
