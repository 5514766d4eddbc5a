import { describe, expect, it } from 'vitest';
import type { Appointment, Service } from '../../api/types';
import {
  durationOf,
  emptyValues,
  endForService,
  endKeepingDuration,
  instantsOf,
  isEmptyUpdate,
  recurrenceRule,
  repeatCountOf,
  servicePrice,
  toCreateBody,
  toSeriesBody,
  toUpdateBody,
  valuesOf,
  weekdayOf,
  type AppointmentFormValues,
} from './appointmentForm';

const LIMA = 'America/Lima';

const service: Service = {
  id: 's1',
  code: '90834',
  name: 'Psychotherapy, 45 min',
  default_duration_minutes: 45,
  prices: { PEN: 15000, USD: 5000 },
  active: true,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};

function session(extra: Partial<AppointmentFormValues> = {}): AppointmentFormValues {
  return {
    ...emptyValues({ start: { date: '2026-03-03', time: '10:07' }, end: { date: '2026-03-03', time: '10:52' } }, 'PEN'),
    practitionerId: 'p1',
    clientId: 'c1',
    serviceId: 's1',
    locationId: 'l1',
    price: '150.00',
    ...extra,
  };
}

const appointment: Appointment = {
  id: 'a1',
  kind: 'client_session',
  status: 'scheduled',
  starts_at: '2026-03-03T15:07:00Z',
  ends_at: '2026-03-03T15:52:00Z',
  time_zone: LIMA,
  practitioner_id: 'p1',
  client_id: 'c1',
  service_id: 's1',
  location_id: 'l1',
  room_id: null,
  price_minor: 15000,
  currency: 'PEN',
  reminders: [{ channel: 'email', days_before: 1 }],
  modifiers: [],
  telehealth_url: null,
  instructions: null,
  medium: null,
  contact_with: null,
  contact_name: null,
  summary: null,
  title: null,
  availability: null,
  group_id: null,
  series_id: null,
  series_exception: false,
  time_adjusted: null,
  feedback_request: false,
  status_changed_at: null,
  status_reason: null,
  created_at: '2026-03-01T00:00:00Z',
  updated_at: '2026-03-01T00:00:00Z',
};

describe('the booking form', () => {
  it('books a session at any minute, in the practice zone, with the price typed in major units', () => {
    const body = toCreateBody(session({ reminders: [{ channel: 'sms', daysBefore: '2' }] }), LIMA);
    expect(body).toMatchObject({
      kind: 'client_session',
      starts_at: '2026-03-03T10:07:00-05:00',
      ends_at: '2026-03-03T10:52:00-05:00',
      practitioner_id: 'p1',
      client_id: 'c1',
      service_id: 's1',
      location_id: 'l1',
      room_id: null,
      price_minor: 15000,
      currency: 'PEN',
      reminders: [{ channel: 'sms', days_before: 2 }],
      status: 'scheduled',
      allow_conflicts: false,
    });
    expect(body).not.toHaveProperty('title');
    expect(body).not.toHaveProperty('medium');
  });

  it('books someone new by name, and logs a past session as it went', () => {
    const body = toCreateBody(
      session({ clientId: null, newClient: { first_name: ' Zoila ', last_name: 'Muñoz ' }, recordAs: 'no_show' }),
      LIMA,
      true,
    );
    expect(body.new_client).toEqual({ first_name: 'Zoila', last_name: 'Muñoz' });
    expect(body).not.toHaveProperty('client_id');
    expect(body.status).toBe('no_show');
    expect(body.allow_conflicts).toBe(true);
  });

  it('logs a past no-show with its fee: the practice fee as nothing extra, another amount, or waived for a reason', () => {
    const fees = { PEN: 2500 };
    const noShow = (charge: boolean, amount: string, reason: string) =>
      toCreateBody(session({ recordAs: 'no_show', noShowFee: { charge, amount, reason } }), LIMA, false, fees);
    const kept = noShow(true, '25.00', '');
    expect(kept.status).toBe('no_show');
    expect(kept).not.toHaveProperty('fee_minor');
    expect(kept).not.toHaveProperty('waive_fee_reason');
    expect(noShow(true, '40,50', '')).toMatchObject({ fee_minor: 4050 });
    expect(noShow(false, '', ' Duelo ')).toMatchObject({ waive_fee_reason: 'Duelo' });
    const attended = toCreateBody(
      session({ recordAs: 'attended', noShowFee: { charge: true, amount: '40', reason: '' } }),
      LIMA,
      false,
      fees,
    );
    expect(attended).not.toHaveProperty('fee_minor');
  });

  it('sends no reminders for a past session logged as attended or no-show, and keeps them for one still to record', () => {
    const reminders = [{ channel: 'sms' as const, daysBefore: '2' }];
    expect(toCreateBody(session({ reminders, recordAs: 'attended' }), LIMA).reminders).toEqual([]);
    expect(toCreateBody(session({ reminders, recordAs: 'no_show' }), LIMA).reminders).toEqual([]);
    expect(toCreateBody(session({ reminders, recordAs: 'scheduled' }), LIMA).reminders).toEqual([{ channel: 'sms', days_before: 2 }]);
  });

  it('moves the end with the start, keeping the length, when the length reads', () => {
    const times = (start: string, end: string) => ({ date: '2026-03-03', start, end });
    // 45 minutes, at any minute
    expect(endKeepingDuration(times('10:07', '10:52'), '11:30', LIMA)).toBe('12:15');
    expect(endKeepingDuration(times('10:07', '10:52'), '08:00', LIMA)).toBe('08:45');
    // up to the midnight that ends the day, not past it
    expect(endKeepingDuration(times('10:00', '11:00'), '23:00', LIMA)).toBe('00:00');
    expect(endKeepingDuration(times('10:00', '11:00'), '23:30', LIMA)).toBeNull();
    // an end at midnight keeps its length too
    expect(endKeepingDuration(times('23:00', '00:00'), '21:00', LIMA)).toBe('22:00');
    // no length to keep: the end stays as typed
    expect(endKeepingDuration(times('10:00', '09:00'), '11:00', LIMA)).toBeNull();
    expect(endKeepingDuration(times('10:00', '10:00'), '11:00', LIMA)).toBeNull();
    expect(endKeepingDuration(times('', '11:00'), '11:00', LIMA)).toBeNull();
    expect(endKeepingDuration({ date: null, start: '10:00', end: '11:00' }, '11:00', LIMA)).toBeNull();
    // a start not typed in full yet moves nothing
    expect(endKeepingDuration(times('10:00', '11:00'), '', LIMA)).toBeNull();
    expect(endKeepingDuration(times('10:00', '11:00'), '1:3', LIMA)).toBeNull();
  });

  it("sends only each kind's own fields", () => {
    const contact = toCreateBody(session({ kind: 'client_contact', medium: 'phone', summary: '  Called back  ' }), LIMA);
    expect(contact).toMatchObject({ kind: 'client_contact', medium: 'phone', summary: 'Called back', client_id: 'c1' });
    expect(contact).not.toHaveProperty('service_id');
    expect(contact).not.toHaveProperty('price_minor');

    const collateral = toCreateBody(session({ kind: 'collateral_contact', contactWith: 'teacher', contactName: 'Ms. Rojas' }), LIMA);
    expect(collateral).toMatchObject({ contact_with: 'teacher', contact_name: 'Ms. Rojas' });

    const event = toCreateBody(session({ kind: 'other_event', title: 'Supervision', availability: 'free', practitionerId: null }), LIMA);
    expect(event).toMatchObject({ kind: 'other_event', title: 'Supervision', availability: 'free', practitioner_id: null });
    expect(event).not.toHaveProperty('client_id');
  });

  it('leaves the price to the API when none is typed', () => {
    const body = toCreateBody(session({ price: '' }), LIMA);
    expect(body).not.toHaveProperty('price_minor');
    expect(body).not.toHaveProperty('currency');
  });

  it("takes the end and the price from the service, in the form's currency", () => {
    expect(endForService({ date: '2026-03-03', start: '10:07' }, service, LIMA)).toBe('10:52');
    expect(servicePrice(service, 'USD')).toBe('50.00');
    expect(servicePrice(service, 'EUR')).toBe('');
  });

  it('reads an end at 00:00 as the midnight ending the day, and a negative duration as such', () => {
    expect(instantsOf({ date: '2026-03-03', start: '23:15', end: '00:00' }, LIMA)?.endsAt).toBe('2026-03-04T00:00:00-05:00');
    expect(durationOf({ date: '2026-03-03', start: '23:15', end: '00:00' }, LIMA)).toBe(45);
    expect(durationOf({ date: '2026-03-03', start: '10:00', end: '09:00' }, LIMA)).toBe(-60);
    expect(durationOf({ date: null, start: '10:00', end: '11:00' }, LIMA)).toBeNull();
  });

  it('edits only what changed', () => {
    const values = valuesOf(appointment, LIMA, 'PEN');
    expect(values).toMatchObject({ date: '2026-03-03', start: '10:07', end: '10:52', price: '150.00' });
    expect(isEmptyUpdate(toUpdateBody(values, appointment, LIMA))).toBe(true);

    const moved = toUpdateBody({ ...values, start: '11:00', end: '11:45', roomId: 'r2' }, appointment, LIMA);
    expect(moved).toEqual({
      allow_conflicts: false,
      starts_at: '2026-03-03T11:00:00-05:00',
      ends_at: '2026-03-03T11:45:00-05:00',
      room_id: 'r2',
    });

    const repriced = toUpdateBody({ ...values, price: '120', reminders: [] }, appointment, LIMA, true);
    expect(repriced).toEqual({ allow_conflicts: true, price_minor: 12000, currency: 'PEN', reminders: [] });
  });
});

describe('a repeating booking', () => {
  // 3 March 2026 is a Tuesday.
  const repeating = (extra: Partial<AppointmentFormValues>) => session({ repeats: 'weekly', ...extra });

  it('does not repeat unless asked', () => {
    expect(session().repeats).toBe('none');
    expect(recurrenceRule(session())).toBeNull();
  });

  it("repeats every week on the start date's weekday, open-ended", () => {
    expect(recurrenceRule(repeating({}))).toEqual({ freq: 'weekly', interval: 1, by_weekday: ['TU'] });
    expect(weekdayOf('2026-03-08')).toBe('SU');
    expect(weekdayOf('2026-02-28')).toBe('SA');
    expect(weekdayOf('3/3/2026')).toBeNull();
  });

  it('repeats every other week', () => {
    expect(recurrenceRule(repeating({ repeats: 'fortnightly', date: '2026-03-06' }))).toEqual({
      freq: 'weekly',
      interval: 2,
      by_weekday: ['FR'],
    });
  });

  it('repeats every month on the same day of the month', () => {
    expect(recurrenceRule(repeating({ repeats: 'monthly', date: '2026-01-31' }))).toEqual({
      freq: 'monthly',
      interval: 1,
      by_month_day: [31],
    });
  });

  it('ends on a date (inclusive), never before the start', () => {
    expect(recurrenceRule(repeating({ repeatEnd: 'until', repeatUntil: '2026-06-30' }))).toEqual({
      freq: 'weekly',
      interval: 1,
      by_weekday: ['TU'],
      until: '2026-06-30',
    });
    expect(recurrenceRule(repeating({ repeatEnd: 'until', repeatUntil: '2026-03-03' }))?.until).toBe('2026-03-03');
    expect(recurrenceRule(repeating({ repeatEnd: 'until', repeatUntil: '2026-03-02' }))).toBeNull();
    expect(recurrenceRule(repeating({ repeatEnd: 'until', repeatUntil: null }))).toBeNull();
  });

  it('ends after a number of appointments, a whole number from 2 to 730', () => {
    expect(recurrenceRule(repeating({ repeats: 'monthly', repeatEnd: 'count', repeatCount: 6 }))).toEqual({
      freq: 'monthly',
      interval: 1,
      by_month_day: [3],
      count: 6,
    });
    expect(repeatCountOf('12')).toBe(12);
    expect(repeatCountOf(1)).toBeNull();
    expect(repeatCountOf(731)).toBeNull();
    expect(repeatCountOf(2.5)).toBeNull();
    expect(repeatCountOf('')).toBeNull();
    expect(recurrenceRule(repeating({ repeatEnd: 'count', repeatCount: '' }))).toBeNull();
  });

  it('books a series from the first day, at the wall time, for the length typed, with the fields of its kind', () => {
    const body = toSeriesBody(
      repeating({ repeatEnd: 'count', repeatCount: 8, reminders: [{ channel: 'email', daysBefore: '1' }], recordAs: 'attended' }),
      LIMA,
      true,
    );
    expect(body).toEqual({
      kind: 'client_session',
      practitioner_id: 'p1',
      client_id: 'c1',
      service_id: 's1',
      location_id: 'l1',
      room_id: null,
      price_minor: 15000,
      currency: 'PEN',
      reminders: [{ channel: 'email', days_before: 1 }],
      feedback_request: false,
      allow_conflicts: true,
      start_date: '2026-03-03',
      local_time: '10:07',
      duration_minutes: 45,
      time_zone: LIMA,
      rule: { freq: 'weekly', interval: 1, by_weekday: ['TU'], count: 8 },
    });

    const event = toSeriesBody(repeating({ kind: 'other_event', title: 'Supervision', practitionerId: null, end: '12:07' }), LIMA);
    expect(event).toMatchObject({ kind: 'other_event', title: 'Supervision', availability: 'busy', duration_minutes: 120 });
    expect(event).not.toHaveProperty('client_id');
    expect(() => toSeriesBody(session(), LIMA)).toThrow();
  });
});
