/** Where the API's field errors go on the booking form. */
import type { PlaceFieldErrors } from '../../../components/apiErrors';

const API_FIELDS: Record<string, string> = {
  practitioner_id: 'practitionerId',
  client_id: 'clientId',
  new_client: 'newClient',
  service_id: 'serviceId',
  location_id: 'locationId',
  room_id: 'roomId',
  price_minor: 'price',
  currency: 'currency',
  starts_at: 'start',
  ends_at: 'end',
  time_zone: 'start',
  medium: 'medium',
  contact_with: 'contactWith',
  contact_name: 'contactName',
  summary: 'summary',
  title: 'title',
  availability: 'availability',
  reminders: 'reminders',
  fee_minor: 'noShowFee.amount',
  waive_fee_reason: 'noShowFee.reason',
  // A series: its first day, wall time, length and rule.
  start_date: 'date',
  local_time: 'start',
  duration_minutes: 'end',
  rule: 'repeats',
  'rule.until': 'repeatUntil',
  'rule.count': 'repeatCount',
};

export const placeErrors: PlaceFieldErrors = (apiErrors) => {
  const fieldErrors: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const [path, message] of Object.entries(apiErrors)) {
    const [head = '', ...rest] = path.split('.');
    const exact = API_FIELDS[path];
    const field = exact ?? API_FIELDS[head];
    if (field === undefined) unplaced.push(message);
    else if (exact !== undefined || head === 'rule') fieldErrors[field] = message;
    else fieldErrors[[field, ...rest].join('.')] = message;
  }
  return { fieldErrors, unplaced };
};
