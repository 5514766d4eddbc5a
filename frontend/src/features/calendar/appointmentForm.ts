/**
 * The booking form's values and what they become: the body of a booking (only what its kind uses), of a
 * recurring series (the same fields, its first day, wall time, length and rule), or of an edit (only what
 * changed). Times are wall-clock times in the practice's zone, any minute; money is the typed text, converted
 * exactly.
 */
import type {
  Appointment,
  AppointmentCreate,
  AppointmentKind,
  AppointmentUpdate,
  Availability,
  ContactMedium,
  ContactWith,
  RecurrenceRule,
  ReminderChannel,
  SeriesCreate,
  Service,
  WeekdayCode,
} from '../../api/types';

export type { RecurrenceRule, WeekdayCode };
import { minorToInput, parseMoney } from '../../lib/money';
import { noShowFee, type NoShowFeeValue } from './noShowFee';
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
  /** The fee of a past session logged as a no-show (set to the practice's when that is chosen). */
  noShowFee: NoShowFeeValue;
  /** Booked once, or the first of a series. */
  repeats: Repeats;
  /** How a series ends (when it repeats). */
  repeatEnd: RepeatEnd;
  /** The last day a series may occur (YYYY-MM-DD, inclusive), when it ends on a date. */
  repeatUntil: string | null;
  /** How many appointments a series has, when it ends after a number of them. */
  repeatCount: number | string;
}

/** The repeat presets the form offers: weekly and fortnightly on the start's weekday, monthly on its day. */
export const REPEATS = ['none', 'weekly', 'fortnightly', 'monthly'] as const;
export type Repeats = (typeof REPEATS)[number];
export const REPEAT_ENDS = ['never', 'until', 'count'] as const;
export type RepeatEnd = (typeof REPEAT_ENDS)[number];
/** The API's limits on `count` (one more is a series of one, which is no series). */
export const MIN_REPEAT_COUNT = 2;
export const MAX_REPEAT_COUNT = 730;
export const DEFAULT_REPEAT_COUNT = 10;

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
    noShowFee: { charge: false, amount: '', reason: '' },
    repeats: 'none',
    repeatEnd: 'never',
    repeatUntil: null,
    repeatCount: DEFAULT_REPEAT_COUNT,
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
    noShowFee: { charge: false, amount: '', reason: '' },
    repeats: 'none',
    repeatEnd: 'never',
    repeatUntil: null,
    repeatCount: DEFAULT_REPEAT_COUNT,
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

/**
 * The end that keeps the appointment's length when its start moves to `start` (so moving a 45-minute session from
 * 10:00 to 11:30 ends it at 12:15). Null when there is no length to keep (a time missing, or the end not after the
 * start), when `start` is not a time yet, or when the end would fall past midnight (the form ends on its own day):
 * then the end stays as typed.
 */
export function endKeepingDuration(
  values: Pick<AppointmentFormValues, 'date' | 'start' | 'end'>,
  start: string,
  timeZone: string,
): string | null {
  const minutes = durationOf(values, timeZone);
  if (minutes === null || minutes <= 0 || !values.date || !isWallTime(start)) return null;
  const end = addMinutes({ date: values.date, time: start }, minutes, timeZone);
  if (!end) return null;
  if (end.date === values.date) return end.time;
  return end.date === nextDate(values.date) && end.time === MIDNIGHT ? MIDNIGHT : null;
}

/**
 * Whether the form logs a session that already happened (attended or no-show) rather than booking one: such a
 * session has no reminders to send and does not repeat.
 */
export function logsOutcome(values: Pick<AppointmentFormValues, 'kind' | 'recordAs'>): boolean {
  return values.kind === 'client_session' && values.recordAs !== 'scheduled';
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

/**
 * What is booked: the fields of the form's kind, nothing of the others. A past session logged as a no-show takes
 * its fee along (`noShowFees`: the practice's fee per currency, which is sent as nothing extra).
 */
export function toCreateBody(
  values: AppointmentFormValues,
  timeZone: string,
  allowConflicts = false,
  noShowFees: Partial<Record<string, number>> = {},
): AppointmentCreate {
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
      // A session logged as it went is over: nothing to remind anyone of.
      body.reminders = logsOutcome(values)
        ? []
        : values.reminders.map((reminder) => ({ channel: reminder.channel, days_before: Number(reminder.daysBefore) }));
      body.status = values.recordAs;
      if (values.recordAs === 'no_show') {
        const fee = noShowFee(values.noShowFee, values.currency, noShowFees[values.currency] ?? 0);
        if (fee.ok) Object.assign(body, fee.fields);
      }
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

const WEEKDAYS_FROM_SUNDAY: readonly WeekdayCode[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

function dateParts(date: string): [number, number, number] | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

/** The weekday of a calendar date (YYYY-MM-DD), whatever zone the browser is in. */
export function weekdayOf(date: string): WeekdayCode | null {
  const parts = dateParts(date);
  if (!parts) return null;
  return WEEKDAYS_FROM_SUNDAY[new Date(Date.UTC(parts[0], parts[1] - 1, parts[2])).getUTCDay()]!;
}

/** The count typed, as a whole number in the API's range, or null. */
export function repeatCountOf(value: number | string): number | null {
  const count = typeof value === 'number' ? value : value.trim() === '' ? NaN : Number(value);
  return Number.isInteger(count) && count >= MIN_REPEAT_COUNT && count <= MAX_REPEAT_COUNT ? count : null;
}

/**
 * The rule the form's repeat choice makes from the start date: every (other) week on its weekday, or every month
 * on its day of the month; ending on a date (inclusive), after a number of appointments, or never. Null when the
 * form does not repeat, or the date or the end does not read.
 */
export function recurrenceRule(
  values: Pick<AppointmentFormValues, 'date' | 'repeats' | 'repeatEnd' | 'repeatUntil' | 'repeatCount'>,
): RecurrenceRule | null {
  if (values.repeats === 'none' || !values.date) return null;
  const parts = dateParts(values.date);
  const weekday = weekdayOf(values.date);
  if (!parts || !weekday) return null;
  const rule: RecurrenceRule =
    values.repeats === 'monthly'
      ? { freq: 'monthly', interval: 1, by_month_day: [parts[2]] }
      : { freq: 'weekly', interval: values.repeats === 'fortnightly' ? 2 : 1, by_weekday: [weekday] };
  if (values.repeatEnd === 'until') {
    if (!values.repeatUntil || !dateParts(values.repeatUntil) || values.repeatUntil < values.date) return null;
    rule.until = values.repeatUntil;
  } else if (values.repeatEnd === 'count') {
    const count = repeatCountOf(values.repeatCount);
    if (count === null) return null;
    rule.count = count;
  }
  return rule;
}

/**
 * A repeating booking as a series: the booking's own fields (those of its kind), with the first day, the wall
 * time and the length in the practice's zone instead of two instants, and the rule.
 */
export function toSeriesBody(values: AppointmentFormValues, timeZone: string, allowConflicts = false): SeriesCreate {
  const rule = recurrenceRule(values);
  const minutes = durationOf(values, timeZone);
  if (!rule || minutes === null || minutes <= 0 || !values.date) {
    throw new Error('toSeriesBody needs a repeating form with valid times: validate the form first');
  }
  // The series has no "record as" and books registered clients only (the form says so before it gets here).
  const { starts_at: _start, ends_at: _end, status: _status, new_client: _new, ...fields } = toCreateBody(
    { ...values, recordAs: 'scheduled', newClient: null },
    timeZone,
    allowConflicts,
  );
  return {
    ...fields,
    start_date: values.date,
    local_time: values.start,
    duration_minutes: minutes,
    time_zone: timeZone,
    rule: { ...rule },
  };
}
