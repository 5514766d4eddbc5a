import { describe, expect, it } from 'vitest';
import type { CustomFieldDefinition, CustomFieldType } from '../../api/types';
import {
  customFieldInputKind,
  customValueError,
  customValueToApi,
  customValueToForm,
  emptyCustomValue,
  selectOptions,
} from './customFields';

function field(field_type: CustomFieldType, extra: Partial<CustomFieldDefinition> = {}): CustomFieldDefinition {
  return {
    id: `id-${field_type}`,
    key: `k_${field_type}`,
    label: `L ${field_type}`,
    field_type,
    options: field_type === 'select' ? ['Web', 'Referral'] : [],
    required: false,
    position: 0,
    active: true,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    ...extra,
  };
}

const messages = {
  required: (label: string) => `${label} is required.`,
  notANumber: 'Enter a number.',
  date: (value: string) => (value === '2014-05-25' ? null : 'No such date.'),
};

describe('custom field inputs', () => {
  it('gives each field type its own kind of input', () => {
    expect((['text', 'number', 'date', 'select', 'checkbox'] as const).map((type) => customFieldInputKind(field(type)))).toEqual([
      'text',
      'number',
      'date',
      'select',
      'checkbox',
    ]);
  });

  it('starts text and number inputs empty, pickers unset and checkboxes unticked', () => {
    expect(emptyCustomValue(field('text'))).toBe('');
    expect(emptyCustomValue(field('number'))).toBe('');
    expect(emptyCustomValue(field('date'))).toBeNull();
    expect(emptyCustomValue(field('select'))).toBeNull();
    expect(emptyCustomValue(field('checkbox'))).toBe(false);
  });

  it('reads stored values into inputs, tolerating values of another type', () => {
    expect(customValueToForm(field('text'), 'hello')).toBe('hello');
    expect(customValueToForm(field('text'), 42)).toBe('42');
    expect(customValueToForm(field('number'), 3.5)).toBe(3.5);
    expect(customValueToForm(field('number'), '7')).toBe(7);
    expect(customValueToForm(field('number'), 'seven')).toBe('');
    expect(customValueToForm(field('date'), '2024-02-29')).toBe('2024-02-29');
    expect(customValueToForm(field('select'), 'Web')).toBe('Web');
    expect(customValueToForm(field('checkbox'), true)).toBe(true);
    expect(customValueToForm(field('checkbox'), 'yes')).toBe(false);
    expect(customValueToForm(field('date'), undefined)).toBeNull();
  });

  it('sends blanks as null, numbers as numbers and text trimmed', () => {
    expect(customValueToApi(field('text'), '  hi ')).toBe('hi');
    expect(customValueToApi(field('text'), '   ')).toBeNull();
    expect(customValueToApi(field('number'), 12)).toBe(12);
    expect(customValueToApi(field('number'), '12.5')).toBe(12.5);
    expect(customValueToApi(field('number'), '')).toBeNull();
    expect(customValueToApi(field('select'), null)).toBeNull();
    expect(customValueToApi(field('checkbox'), false)).toBe(false);
  });

  it('requires a value for required fields, and a number for number fields', () => {
    expect(customValueError(field('select', { required: true, label: 'Intake source' }), null, messages)).toBe(
      'Intake source is required.',
    );
    expect(customValueError(field('select'), null, messages)).toBeNull();
    expect(customValueError(field('number'), '1.2.3', messages)).toBe('Enter a number.');
    expect(customValueError(field('date'), '31/02/2014', messages)).toBe('No such date.');
    expect(customValueError(field('date'), '2014-05-25', messages)).toBeNull();
    // An unticked checkbox is an answer ("no"), as the API sees it.
    expect(customValueError(field('checkbox', { required: true }), false, messages)).toBeNull();
  });

  it('keeps a stored choice that is no longer an option', () => {
    expect(selectOptions(field('select'), 'Walk-in')).toEqual(['Web', 'Referral', 'Walk-in']);
    expect(selectOptions(field('select'), 'Web')).toEqual(['Web', 'Referral']);
  });
});
