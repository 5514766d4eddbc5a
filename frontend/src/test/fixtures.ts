/** Sample API data for component tests. */
import type { Client, CustomFieldDefinition, PractitionerRecord, Relationship, User } from '../api/types';

/** The demo practice's administrator (override any field). */
export function userFixture(extra: Partial<User> = {}): User {
  return {
    id: '00000000-0000-0000-0000-000000000001',
    email: 'admin@tend.example',
    name: 'Demo Admin',
    role: 'admin',
    active: true,
    practitioner_id: null,
    locale: null,
    ...extra,
  };
}

export function clientFixture(extra: Partial<Client> = {}): Client {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    first_name: 'Zoila',
    last_name: 'Muñoz',
    preferred_name: null,
    date_of_birth: '2012-05-01',
    phone: '+51 999 111 222',
    email: 'zoila@example.com',
    id_number: '12345678',
    address: null,
    status: 'active',
    preferred_language: 'es',
    reminder_consent_email: true,
    reminder_consent_sms: false,
    reminder_consent_voice: false,
    registered_on: '2026-01-10',
    custom_fields: {},
    created_at: '2026-01-10T00:00:00Z',
    updated_at: '2026-01-10T00:00:00Z',
    practitioners: [{ id: 'p1', name: 'Dra. Ana Ríos', color: '#e53935' }],
    current_programs: [{ id: 'g1', name: 'Family therapy' }],
    sessions_attended: 3,
    balances: [],
    ...extra,
  };
}

/** Rosa Muñoz as the parent, legal guardian and emergency contact of the client whose page it is on. */
export function guardianFixture(extra: Partial<Relationship> = {}): Relationship {
  return {
    id: 'r1',
    related_client: {
      id: '22222222-2222-4222-8222-222222222222',
      first_name: 'Rosa',
      last_name: 'Muñoz',
      preferred_name: null,
      email: 'rosa@example.com',
      phone: null,
      readable: true,
    },
    relationship_type: 'parent_guardian',
    legal_guardian: true,
    responsible_for_billing: false,
    emergency_contact: true,
    created_at: '2026-01-10T00:00:00Z',
    ...extra,
  };
}

export function customFieldFixture(extra: Partial<CustomFieldDefinition> = {}): CustomFieldDefinition {
  return {
    id: 'f1',
    key: 'intake_source',
    label: 'Intake source',
    field_type: 'select',
    options: ['Web', 'Referral'],
    required: true,
    position: 1,
    active: true,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    ...extra,
  };
}

export const practitionerFixture: PractitionerRecord = {
  id: 'p1',
  active: true,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  name: 'Dra. Ana Ríos',
  credentials: null,
  email: null,
  phone: null,
  color: '#e53935',
  commission_rate_bp: 5000,
  default_prices: {},
};

export const practiceFixture = {
  name: 'Demo',
  time_zone: 'America/Lima',
  country: 'PE',
  currencies: ['PEN', 'USD'],
  default_currency: 'PEN',
  no_show_fees: {},
  late_cancel_fees: {},
  late_cancel_window_hours: 24,
  fees_count_toward_commission: false,
  reminder_send_hour: 9,
  monthly_survey_enabled: false,
  monthly_survey_day: 1,
  default_locale: 'es',
  client_label: 'client',
  rating_anonymity_floor: 5,
  updated_at: '2026-01-01T00:00:00Z',
};
