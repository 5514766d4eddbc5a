import { describe, expect, it } from 'vitest';
import type { Client, CustomFieldDefinition } from '../../api/types';
import { customFieldFixture } from '../../test/fixtures';
import { clientFormValues, placeFieldErrors, toClientCreate, toClientUpdate, validateClientForm } from './clientForm';

const intake: CustomFieldDefinition = customFieldFixture({ position: 0 });
const sessions: CustomFieldDefinition = { ...intake, id: 'f2', key: 'sessions_paid', label: 'Sessions paid', field_type: 'number', options: [], required: false };
const fields = [intake, sessions];

const client: Client = {
  id: 'c1',
  first_name: 'Zoila',
  last_name: 'Muñoz',
  preferred_name: null,
  date_of_birth: '2010-05-01',
  phone: '+51 999',
  email: null,
  id_number: null,
  address: null,
  status: 'active',
  preferred_language: 'es',
  reminder_consent_email: false,
  reminder_consent_sms: true,
  reminder_consent_voice: false,
  registered_on: '2026-01-10',
  custom_fields: { intake_source: 'Web', sessions_paid: 4, retired_key: 'x' },
  created_at: '2026-01-10T00:00:00Z',
  updated_at: '2026-01-10T00:00:00Z',
  practitioners: [{ id: 'p1', name: 'Dr. A', color: '#f00' }],
  current_programs: [],
  sessions_attended: 0,
  balances: [],
};

const messages = {
  firstNameRequired: 'first?',
  lastNameRequired: 'last?',
  email: 'e-mail?',
  required: (label: string) => `${label} is required.`,
  notANumber: 'number?',
  // The real checks come from lib/dates (see DateField's useDateCheck); here: ISO or bust, nothing after 2026-03-10.
  date: (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? null : `date ${value}?`),
  birthDate: (value: string) => (!/^\d{4}-\d{2}-\d{2}$/.test(value) ? `date ${value}?` : value > '2026-03-10' ? 'future?' : null),
};

describe('client form ↔ API', () => {
  it('builds a create body without blank optional fields', () => {
    const values = { ...clientFormValues(null, fields), first_name: ' Zoila ', last_name: 'Muñoz', phone: '  ' };
    values.custom_fields.intake_source = 'Referral';
    expect(toClientCreate(values, fields)).toEqual({
      first_name: 'Zoila',
      last_name: 'Muñoz',
      status: 'active',
      reminder_consent_email: false,
      reminder_consent_sms: false,
      reminder_consent_voice: false,
      practitioner_ids: [],
      custom_fields: { intake_source: 'Referral' },
    });
  });

  it('patches only what changed, clearing a custom field with null', () => {
    const initial = clientFormValues(client, fields);
    const values = structuredClone(initial);
    values.phone = '+51 999 ';
    values.email = 'zoila@example.com';
    values.reminder_consent_sms = false;
    values.practitioner_ids = ['p1'];
    values.custom_fields.sessions_paid = '';
    expect(toClientUpdate(initial, values, fields)).toEqual({
      email: 'zoila@example.com',
      reminder_consent_sms: false,
      custom_fields: { sessions_paid: null },
    });
  });

  it('sends nothing when nothing changed', () => {
    const initial = clientFormValues(client, fields);
    expect(toClientUpdate(initial, structuredClone(initial), fields)).toEqual({});
  });

  it('checks names and required custom fields before calling the API', () => {
    const values = clientFormValues(null, fields);
    expect(validateClientForm(values, fields, messages)).toEqual({
      first_name: 'first?',
      last_name: 'last?',
      'custom_fields.intake_source': 'Intake source is required.',
    });
  });

  it('checks the e-mail, the dates and the custom fields all at once', () => {
    const birthday: CustomFieldDefinition = { ...intake, id: 'f3', key: 'intake_date', label: 'Intake date', field_type: 'date', options: [], required: false };
    const withDate = [...fields, birthday];
    const values = {
      ...clientFormValues(null, withDate),
      email: 'zoila@',
      date_of_birth: '31/02/2014',
      registered_on: '2014-13-45x',
    };
    values.custom_fields.intake_date = '45/45/2020';
    expect(validateClientForm(values, withDate, messages)).toEqual({
      first_name: 'first?',
      last_name: 'last?',
      email: 'e-mail?',
      date_of_birth: 'date 31/02/2014?',
      registered_on: 'date 2014-13-45x?',
      'custom_fields.intake_source': 'Intake source is required.',
      'custom_fields.intake_date': 'date 45/45/2020?',
    });
    expect(validateClientForm({ ...values, date_of_birth: '2030-01-01' }, withDate, messages).date_of_birth).toBe('future?');
  });

  it("puts the API's field errors on their inputs, custom fields included", () => {
    const values = clientFormValues(client, fields);
    expect(
      placeFieldErrors(
        {
          email: 'Not an e-mail address.',
          'practitioner_ids.0': 'No such practitioner.',
          'custom_fields.intake_source': 'Choose one of: Web, Referral.',
          'custom_fields.retired_key': 'There is no custom field with this key.',
          related_client_id: 'Unrelated.',
        },
        values,
      ),
    ).toEqual({
      fieldErrors: {
        email: 'Not an e-mail address.',
        practitioner_ids: 'No such practitioner.',
        'custom_fields.intake_source': 'Choose one of: Web, Referral.',
      },
      unplaced: ['There is no custom field with this key.', 'Unrelated.'],
    });
  });
});
