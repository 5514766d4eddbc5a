/**
 * Appointments: the calendar window (what overlaps a range, by practitioner, room, client), one appointment,
 * booking, moving or editing (a clash is a 409 listing each clash, which the caller may override), booking a
 * recurring series and changing its occurrences with a scope (previewed first), and recording
 * how a session ended. Anything that changes an appointment refreshes every window and the clients (balances,
 * sessions attended, and the client booked from just a name).
 */
import { keepPreviousData, useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { api } from '../client';
import { ApiError } from '../problem';
import { $api } from '../query';
import type {
  AppointmentCreate,
  AppointmentStatus,
  AppointmentUpdate,
  CalendarEntry,
  SeriesChange,
  SeriesCreate,
  SeriesPlan,
} from '../types';
import { invalidateResource } from './cache';
import { CLIENTS } from './clients';

const APPOINTMENTS = '/api/v1/appointments';
const APPOINTMENT = '/api/v1/appointments/{appointment_id}';
const STATUS = '/api/v1/appointments/{appointment_id}/status';
const SERIES = '/api/v1/series';
const SERIES_CHANGE = '/api/v1/appointments/{appointment_id}/series-change';
/** The longest window the API answers at once. */
export const MAX_WINDOW_DAYS = 62;
const DAY_MS = 86_400_000;

export interface CalendarWindow {
  /** ISO 8601 instants with an offset; the window is [start, end). */
  start: string;
  end: string;
  /** Only these practitioners' appointments; all when empty. */
  practitionerIds: readonly string[];
  roomId: string | null;
  /** Only these statuses; all when empty. */
  statuses: readonly AppointmentStatus[];
  /**
   * False: no cancelled or late-cancelled appointments. Unlike a status filter, it keeps a clinician's view of her
   * colleagues' busy blocks (the API drops busy blocks under a status filter, so as not to tell who missed).
   */
  includeCancelled: boolean;
}

function windowQuery(window: CalendarWindow) {
  return {
    start: window.start,
    end: window.end,
    practitioner_id: window.practitionerIds.length > 0 ? [...window.practitionerIds] : undefined,
    room_id: window.roomId ?? undefined,
    status: window.statuses.length > 0 ? [...window.statuses] : undefined,
    include_cancelled: window.includeCancelled ? undefined : false,
  };
}

/**
 * What the calendar shows for one visible range and its filters (each its own cached query). While the next
 * range loads, the previous entries stay up, so paging weeks does not flash an empty grid.
 */
export function useCalendarWindow(window: CalendarWindow | null) {
  return $api.useQuery(
    'get',
    APPOINTMENTS,
    { params: { query: window ? windowQuery(window) : { start: '', end: '' } } },
    { enabled: window !== null, placeholderData: keepPreviousData },
  );
}

/** [start, end) cut into windows the API accepts (at most MAX_WINDOW_DAYS each), in order. */
export function splitWindow(start: string, end: string, days = MAX_WINDOW_DAYS): Array<[string, string]> {
  const parts: Array<[string, string]> = [];
  const last = Date.parse(end);
  for (let from = Date.parse(start); from < last; from += days * DAY_MS) {
    parts.push([new Date(from).toISOString(), new Date(Math.min(from + days * DAY_MS, last)).toISOString()]);
  }
  return parts;
}

/** One client's appointments over a long range (asked a window at a time), each once, ordered by start. */
export function useClientAppointments(clientId: string, start: string, end: string) {
  const results = useQueries({
    queries: splitWindow(start, end).map(([from, to]) =>
      $api.queryOptions('get', APPOINTMENTS, { params: { query: { start: from, end: to, client_id: clientId } } }),
    ),
  });
  const byId = new Map<string, CalendarEntry>();
  for (const result of results) for (const entry of result.data ?? []) byId.set(entry.id, entry);
  return {
    entries: [...byId.values()].sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at)),
    isPending: results.some((result) => result.isPending),
    isError: results.some((result) => result.isError),
    refetch: () => Promise.all(results.map((result) => result.refetch())),
  };
}

/** One appointment in full (reminders, instructions, contact details), for editing it. */
export function useAppointment(appointmentId: string | null) {
  return $api.useQuery(
    'get',
    APPOINTMENT,
    { params: { path: { appointment_id: appointmentId ?? '' } } },
    { enabled: appointmentId !== null },
  );
}

/** What one clash is about: the same practitioner, room or client, or the practitioner's busy time. */
export type ClashResource = 'practitioner' | 'room' | 'client' | 'busy_time';

export interface Clash {
  appointmentId: string;
  resources: ClashResource[];
  startsAt: string;
  endsAt: string;
}

const CLASH_RESOURCES: readonly string[] = ['practitioner', 'room', 'client', 'busy_time'];

function readClashes(body: unknown): Clash[] {
  const list = typeof body === 'object' && body !== null ? (body as { clashes?: unknown }).clashes : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { appointment_id: id, resources, starts_at: startsAt, ends_at: endsAt } = item as Record<string, unknown>;
    if (typeof id !== 'string' || typeof startsAt !== 'string' || typeof endsAt !== 'string') return [];
    const known = Array.isArray(resources)
      ? resources.filter((resource): resource is ClashResource => CLASH_RESOURCES.includes(String(resource)))
      : [];
    return [{ appointmentId: id, resources: known, startsAt, endsAt }];
  });
}

/** A booking or move refused because the time clashes (409 `conflict.scheduling_clash`), with each clash. */
export class SchedulingClashError extends ApiError {
  readonly clashes: Clash[];

  constructor(response: Response, body: unknown) {
    super(response, body);
    this.name = 'SchedulingClashError';
    this.clashes = readClashes(body);
  }
}

export function isSchedulingClash(error: unknown): error is SchedulingClashError {
  return error instanceof SchedulingClashError;
}

/** The data of a booking call, or its error thrown: a clash as SchedulingClashError (it carries the clashes). */
function unwrapBooking<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  const code = (result.error as { code?: unknown } | undefined)?.code;
  if (result.response.status === 409 && code === 'conflict.scheduling_clash') {
    throw new SchedulingClashError(result.response, result.error);
  }
  throw new ApiError(result.response, result.error);
}

function useRefreshAppointments() {
  const queryClient = useQueryClient();
  return () => invalidateResource(queryClient, APPOINTMENTS, CLIENTS);
}

export interface Booking {
  body: AppointmentCreate;
  /** One per opened form: a retry of a logged past session (and its fee) books it once. */
  idempotencyKey?: string;
}

/** Refreshes now and again after the ledger's background job has had a moment to post a charge or fee. */
function refreshAfterLedger(refresh: () => unknown): void {
  void refresh();
  for (const delay of [1500, 4000]) setTimeout(() => void refresh(), delay);
}

/** Books an appointment (with `allow_conflicts` to book over clashes), or logs a past session as it went. */
export function useCreateAppointment() {
  const refresh = useRefreshAppointments();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: Booking) =>
      unwrapBooking(
        await api.POST(APPOINTMENTS, {
          body,
          params: { header: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {} },
        }),
      ),
    // A logged past session's charge or fee is posted by the ledger's job a moment later.
    onSuccess: (_data, { body }) => (body.status === 'scheduled' ? void refresh() : refreshAfterLedger(refresh)),
  });
}

export interface AppointmentChange {
  appointmentId: string;
  body: AppointmentUpdate;
}

/** Moves or edits appointments, one after the other (moving one member of a group session moves the group). */
export function useUpdateAppointments() {
  const refresh = useRefreshAppointments();
  return useMutation({
    mutationFn: async (changes: readonly AppointmentChange[]) => {
      const updated = [];
      for (const { appointmentId, body } of changes) {
        updated.push(
          unwrapBooking(await api.PATCH(APPOINTMENT, { params: { path: { appointment_id: appointmentId } }, body })),
        );
      }
      return updated;
    },
    // Show what the server has, whether it moved or refused.
    onSettled: refresh,
  });
}

/** Books a recurring series: its occurrences are ordinary appointments (`allow_conflicts` books over clashes). */
export function useCreateSeries() {
  const refresh = useRefreshAppointments();
  return useMutation({
    mutationFn: async (body: SeriesCreate) => unwrapBooking(await api.POST(SERIES, { body })),
    onSuccess: refresh,
  });
}

export interface SeriesChangeRequest {
  /** The occurrence changed (dragged, or chosen): the scope counts from it. */
  appointmentId: string;
  body: SeriesChange;
  /**
   * Called with the plan carried out (not a preview), before the calendar refetches: the place to put back a
   * dragged block the server did not leave where it was dropped, so the refetched window is all that shows.
   */
  onApplied?: (plan: SeriesPlan) => void;
}

/**
 * Changes (or deletes) an occurrence of a series with a scope. With `dry_run` it only answers the plan and
 * nothing is refreshed; without it the plan is carried out, and every window refetches.
 */
export function useSeriesChange() {
  const refresh = useRefreshAppointments();
  return useMutation({
    mutationFn: async ({ appointmentId, body }: SeriesChangeRequest) =>
      unwrapBooking(await api.POST(SERIES_CHANGE, { params: { path: { appointment_id: appointmentId } }, body })),
    onSuccess: (plan, { body, onApplied }) => {
      if (!body.dry_run) onApplied?.(plan);
    },
    // Every window refetches (awaited: the caller's next step sees the server's calendar), even after a
    // failure, since part of a series may have changed meanwhile.
    onSettled: (_data, _error, { body }) => (body.dry_run ? undefined : refresh()),
  });
}

/** Records how a session ended (attended, no-show, cancelled) or corrects it back to scheduled. */
export function useChangeAppointmentStatus() {
  const refresh = useRefreshAppointments();
  return $api.useMutation('post', STATUS, {
    // The ledger posts the session's charge or fee in a background job a moment later.
    onSuccess: () => refreshAfterLedger(refresh),
  });
}
