/** Sample API data for component tests. */
import type {
  CalendarEntry,
  Client,
  CustomFieldDefinition,
  LocationRecord,
  PractitionerRecord,
  Relationship,
  Service,
  User,
} from '../api/types';
import type { SchedulingReference } from '../features/calendar/useSchedulingReference';

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
  client_labels: {},
  slot_minutes: 15,
  week_starts_on: 'monday',
  rating_anonymity_floor: 5,
  updated_at: '2026-01-01T00:00:00Z',
};

const CREATED = { created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' };

/** A 45-minute individual session (90834) priced in soles (override any field). */
export function serviceFixture(extra: Partial<Service> = {}): Service {
  return { id: 's1', code: '90834', name: 'Psychotherapy', default_duration_minutes: 45, prices: { PEN: 15000 }, active: true, ...CREATED, ...extra };
}

/** The practice's office (place of service 11). */
export function locationFixture(extra: Partial<LocationRecord> = {}): LocationRecord {
  return { id: 'l1', name: 'Office', address: null, pos_code: '11', virtual: false, active: true, ...CREATED, ...extra };
}

/** A scheduled session of Zoila's with the first practitioner in Lima, 45 minutes from `starts_at`. */
export function calendarEntryFixture(extra: Partial<CalendarEntry> = {}): CalendarEntry {
  const client = clientFixture();
  const startsAt = extra.starts_at ?? '2026-03-03T15:00:00Z';
  return {
    id: 'a1',
    busy_only: false,
    kind: 'client_session',
    status: 'scheduled',
    practitioner_id: 'p1',
    room_id: null,
    location_id: 'l1',
    starts_at: startsAt,
    ends_at: new Date(Date.parse(startsAt) + 45 * 60_000).toISOString(),
    time_zone: 'America/Lima',
    group_id: null,
    client: { id: client.id, first_name: client.first_name, last_name: client.last_name },
    service_id: 's1',
    title: null,
    availability: null,
    price_minor: 15000,
    currency: 'PEN',
    series_id: null,
    series_exception: false,
    time_adjusted: null,
    ...extra,
  };
}

/** What the scheduling screens look things up in, for a practice in Lima with these records (all active). */
export function schedulingReferenceFixture(
  records: { services?: Service[]; locations?: LocationRecord[]; currencies?: string[] } = {},
): SchedulingReference & { timeZone: string } {
  const services = records.services ?? [];
  const locations = records.locations ?? [];
  return {
    timeZone: 'America/Lima',
    currencies: records.currencies ?? ['PEN'],
    defaultCurrency: 'PEN',
    locale: 'en-PE',
    practitioners: new Map([[practitionerFixture.id, practitionerFixture]]),
    services: new Map(services.map((service) => [service.id, service])),
    locations: new Map(locations.map((location) => [location.id, location])),
    rooms: new Map(),
    activePractitioners: [practitionerFixture],
    activeServices: services,
    activeLocations: locations,
    activeRooms: [],
  };
}
