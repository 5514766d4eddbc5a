/**
 * An edit of one occurrence of a series, as the series-change API reads it: the times, service, place, room and
 * price can change for this one, this and the following ones, or all (`changes`); anything else the form changed
 * (the practitioner, the currency, reminders, a contact's fields) the API changes one appointment at a time
 * (`rest`), so only "this one" can carry it.
 */
import type { AppointmentUpdate, SeriesChange } from '../../../api/types';

export type SeriesChanges = NonNullable<SeriesChange['changes']>;

const SERIES_FIELDS = ['starts_at', 'ends_at', 'service_id', 'location_id', 'room_id', 'price_minor'] as const;

export interface SplitEdit {
  changes: SeriesChanges;
  /** What only a change of this one appointment can carry (empty: every scope may carry the edit). */
  rest: AppointmentUpdate;
}

/**
 * `times`: the occurrence's start and end as the form has them; a new start or end sends both, so the API reads the
 * new length whichever one moved.
 */
export function splitSeriesEdit(
  body: AppointmentUpdate,
  currency: string | null,
  times: { starts_at: string; ends_at: string },
): SplitEdit {
  const changes: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(body)) {
    if (field === 'allow_conflicts') continue;
    if ((SERIES_FIELDS as readonly string[]).includes(field)) changes[field] = value;
    // A price in the appointment's own currency is a series field; a new currency is not.
    else if (field === 'currency' && value === currency) continue;
    else rest[field] = value;
  }
  if ('starts_at' in changes || 'ends_at' in changes) Object.assign(changes, times);
  return { changes: changes as SeriesChanges, rest: rest as AppointmentUpdate };
}

export function hasChanges(changes: object): boolean {
  return Object.keys(changes).length > 0;
}
