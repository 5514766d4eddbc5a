/**
 * The booking form's values and what they become: the body of a booking (only what its kind uses) or of an edit
 * (only what changed). Times are wall-clock times in the practice's zone, any minute; money is the typed text,
 * converted exactly.
 */
import type {
  Appointment,
  AppointmentCreate,
  AppointmentKind,
  AppointmentUpdate,
  Availability,
  ContactMedium,
  ContactWith,
  ReminderChannel,
  Service,
} from '../../api/types';
import { minorToInput, parseMoney } from '../../lib/money';
import { addMinutes, isWallTime, minutesBetween, nextDate, wallTimeOf, zonedIso, type WallTime } from './zonedTime';

/** How a session in the past is recorded when it is booked: still to be recorded, or logged as it went. */
export type RecordAs = 'scheduled' | 'attended' | 'no_show';

export interface ReminderValue {
  channel: ReminderChannel;
  /** 1 to 5, as the select holds it. */
  daysBefore: string;
}

export interface NewClientValue {
  first_name: string;
  last_name: string;
}

export interface AppointmentFormValues {
  kind: AppointmentKind;
  practitionerId: string | null;
  date: string | null;
  start: string;
  end: string;
  clientId: string | null;
  /** Someone not registered yet, booked by name (then `clientId` is null). */
  newClient: NewClientValue | null;
  serviceId: string | null;
  locationId: string | null;
  roomId: string | null;
  price: string;
  currency: string;
  reminders: ReminderValue[];
  medium: ContactMedium | null;
  contactWith: ContactWith | null;
  contactName: string;
  summary: string;
  title: string;
  availability: Availability;
  recordAs: RecordAs;
}

export const MAX_REMINDERS = 2;
export const CLIENT_KINDS: readonly AppointmentKind[] = ['client_session', 'client_contact', 'collateral_contact'];
/** How long a booking lasts before a service says otherwise. */
export const DEFAULT_MINUTES = 60;

export interface FormStart {
  start: WallTime;
  end: WallTime;
  practitionerId?: string | null;
  roomId?: string | null;
  locationId?: string | null;
  clientId?: string | null;
  kind?: AppointmentKind;
}

export function emptyValues(from: FormStart, currency: string): AppointmentFormValues {
  return {
    kind: from.kind ?? 'client_session',
    practitionerId: from.practitionerId ?? null,
    date: from.start.date,
    start: from.start.time,
    end: from.end.time,
    clientId: from.clientId ?? null,
    newClient: null,
    serviceId: null,
    locationId: from.locationId ?? null,
    roomId: from.roomId ?? null,
    price: '',
    currency,
    reminders: [],
    medium: null,
    contactWith: null,
    contactName: '',
    summary: '',
    title: '',
    availability: 'busy',
    recordAs: 'scheduled',
  };
}

/** The form for editing `appointment`, its times read in `timeZone`. */
export function valuesOf(appointment: Appointment, timeZone: string, defaultCurrency: string): AppointmentFormValues {
  const start = wallTimeOf(appointment.starts_at, timeZone);
  const end = wallTimeOf(appointment.ends_at, timeZone);
  const currency = appointment.currency ?? defaultCurrency;
  return {
    kind: appointment.kind,
    practitionerId: appointment.practitioner_id,
    date: start.date,
    start: start.time,
    end: end.time,
    clientId: appointment.client_id,
    newClient: null,
    serviceId: appointment.service_id,
    locationId: appointment.location_id,
    roomId: appointment.room_id,
    price: appointment.price_minor === null ? '' : minorToInput(appointment.price_minor, currency),
    currency,
    reminders: appointment.reminders.map((reminder) => ({ channel: reminder.channel, daysBefore: String(reminder.days_before) })),
    medium: appointment.medium,
    contactWith: appointment.contact_with,
    contactName: appointment.contact_name ?? '',
    summary: appointment.summary ?? '',
    title: appointment.title ?? '',
    availability: appointment.availability ?? 'busy',
    recordAs: 'scheduled',
  };
}

const MIDNIGHT = '00:00';

/**
 * The instants the form's times name: both on the form's date, except an end at 00:00, which is the midnight that
 * ends that day. Null when the date or a time is missing or unreadable (an end before the start is not: its
 * duration is negative, and the form says so).
 */
export function instantsOf(values: Pick<AppointmentFormValues, 'date' | 'start' | 'end'>, timeZone: string) {
  if (!values.date || !isWallTime(values.start) || !isWallTime(values.end)) return null;
  const startsAt = zonedIso({ date: values.date, time: values.start }, timeZone);
  const endWall =
    values.end === MIDNIGHT && values.start !== MIDNIGHT
      ? { date: nextDate(values.date), time: MIDNIGHT }
      : { date: values.date, time: values.end };
  const endsAt = zonedIso(endWall, timeZone);
  if (startsAt === null || endsAt === null) return null;
  return { startsAt, endsAt };
}

/** How long the form's times last, in minutes, or null when they do not read. */
export function durationOf(values: Pick<AppointmentFormValues, 'date' | 'start' | 'end'>, timeZone: string): number | null {
  const instants = instantsOf(values, timeZone);
  return instants ? minutesBetween(instants.startsAt, instants.endsAt) : null;
}

/** The end a service's default duration gives, from the form's start. */
export function endForService(values: Pick<AppointmentFormValues, 'date' | 'start'>, service: Service, timeZone: string): string | null {
  if (!values.date || !isWallTime(values.start)) return null;
  return addMinutes({ date: values.date, time: values.start }, service.default_duration_minutes, timeZone)?.time ?? null;
}

/** The price a service asks in `currency`, as typed text ('' when it has none in that currency). */
export function servicePrice(service: Service | undefined, currency: string): string {
  const amount = service?.prices[currency];
  return amount === undefined ? '' : minorToInput(amount, currency);
}

function text(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function priceMinor(values: AppointmentFormValues): number | null {
  if (values.price.trim() === '') return null;
  const parsed = parseMoney(values.price, values.currency);
  return parsed.ok ? parsed.amountMinor : null;
}

/** What is booked: the fields of the form's kind, nothing of the others. */
export function toCreateBody(values: AppointmentFormValues, timeZone: string, allowConflicts = false): AppointmentCreate {
  const instants = instantsOf(values, timeZone);
  if (!instants) throw new Error('toCreateBody needs valid times: validate the form first');
  const body: AppointmentCreate = {
    kind: values.kind,
    starts_at: instants.startsAt,
    ends_at: instants.endsAt,
    practitioner_id: values.practitionerId,
    allow_conflicts: allowConflicts,
    feedback_request: false,
    status: 'scheduled',
  };
  if (CLIENT_KINDS.includes(values.kind)) {
    if (values.newClient) {
      body.new_client = { first_name: values.newClient.first_name.trim(), last_name: values.newClient.last_name.trim() };
    } else {
      body.client_id = values.clientId;
    }
  }
  switch (values.kind) {
    case 'client_session': {
      body.service_id = values.serviceId;
      body.location_id = values.locationId;
      body.room_id = values.roomId;
      const price = priceMinor(values);
      if (price !== null) {
        body.price_minor = price;
        body.currency = values.currency;
      }
      body.reminders = values.reminders.map((reminder) => ({ channel: reminder.channel, days_before: Number(reminder.daysBefore) }));
      body.status = values.recordAs;
      break;
    }
    case 'client_contact':
      body.medium = values.medium;
      body.summary = text(values.summary);
      break;
    case 'collateral_contact':
      body.contact_with = values.contactWith;
      body.contact_name = text(values.contactName);
      body.medium = values.medium;
      body.summary = text(values.summary);
      break;
    case 'other_event':
      body.title = text(values.title);
      body.availability = values.availability;
      break;
  }
  return body;
}

/** What changed in an edit of `appointment`: only those fields, so an untouched field is never rewritten. */
export function toUpdateBody(
  values: AppointmentFormValues,
  appointment: Appointment,
  timeZone: string,
  allowConflicts = false,
): AppointmentUpdate {
  const full = toCreateBody({ ...values, kind: appointment.kind, recordAs: 'scheduled' }, timeZone);
  const body: AppointmentUpdate = { allow_conflicts: allowConflicts };
  const same = (a: string, b: string) => Date.parse(a) === Date.parse(b);
  if (!same(full.starts_at, appointment.starts_at)) body.starts_at = full.starts_at;
  if (!same(full.ends_at, appointment.ends_at)) body.ends_at = full.ends_at;
  if (full.practitioner_id !== appointment.practitioner_id) body.practitioner_id = full.practitioner_id;
  const fields = [
    'service_id',
    'location_id',
    'room_id',
    'medium',
    'contact_with',
    'contact_name',
    'summary',
    'title',
    'availability',
  ] as const;
  for (const field of fields) {
    if (field in full && (full[field] ?? null) !== (appointment[field] ?? null)) {
      (body as Record<string, unknown>)[field] = full[field] ?? null;
    }
  }
  if (appointment.kind === 'client_session') {
    const price = full.price_minor ?? null;
    if (price !== appointment.price_minor || (price !== null && full.currency !== appointment.currency)) {
      body.price_minor = price;
      body.currency = price === null ? appointment.currency : full.currency;
    }
    const reminders = full.reminders ?? [];
    const key = (list: ReadonlyArray<{ channel: string; days_before: number }>) =>
      list.map((reminder) => `${reminder.channel}:${reminder.days_before}`).join(',');
    if (key(reminders) !== key(appointment.reminders)) body.reminders = reminders;
  }
  return body;
}

/** True when the update changes nothing (only its `allow_conflicts` flag is set). */
export function isEmptyUpdate(body: AppointmentUpdate): boolean {
  return Object.keys(body).every((key) => key === 'allow_conflicts');
}
