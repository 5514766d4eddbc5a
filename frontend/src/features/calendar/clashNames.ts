/**
 * Clashes named: who and why ("María Pérez, Individual therapy Tue, Mar 3, 16:00 – 16:45 (Dra. Carmen Quispe)"),
 * read from the calendar window around the clashes (the API's clash says only which appointment and when; the
 * window has the client, the service and the practitioner, or "Busy" for a colleague's time a clinician may not see).
 */
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_WINDOW_DAYS, useCalendarWindow, type Clash } from '../../api/queries/appointments';
import type { CalendarEntry } from '../../api/types';
import { useClientWords, type ClientWords } from '../clients/clientWords';
import { clientNameOf } from './EventContent';
import { useSchedulingReference, type SchedulingReference } from './useSchedulingReference';
import { formatRangeIn } from './zonedTime';

const DAY_MS = 86_400_000;

interface Naming {
  t: TFunction;
  words: ClientWords;
  reference: Pick<SchedulingReference, 'practitioners' | 'services'>;
  timeZone: string;
  locale: string;
}

/** One appointment as a clash list names it. */
export function nameEntry(entry: CalendarEntry, { t, words, reference, timeZone, locale }: Naming): string {
  const who = entry.busy_only
    ? t('calendar.busy')
    : (clientNameOf(entry) ?? entry.title ?? (entry.kind ? t(`calendar.kinds.${entry.kind}`, words) : t('calendar.busy')));
  const service = entry.service_id ? reference.services.get(entry.service_id)?.name : undefined;
  const what = entry.busy_only ? '' : (service ?? (entry.kind ? t(`calendar.kinds.${entry.kind}`, words) : ''));
  const time = formatRangeIn(entry.starts_at, entry.ends_at, timeZone, locale);
  const practitioner = entry.practitioner_id ? reference.practitioners.get(entry.practitioner_id)?.name : undefined;
  const values = { who, what, time };
  const text = practitioner
    ? t('calendar.board.clash.named', { ...values, practitioner })
    : t('calendar.board.clash.namedNoPractitioner', values);
  // A busy block has no "what": no doubled space where it would be.
  return text.replace(/ {2,}/g, ' ').replace(' ,', ',');
}

/** The window [first clash's start, last clash's end), at most what the API answers at once. */
export function clashSpan(clashes: readonly Clash[]): { start: string; end: string } | null {
  if (clashes.length === 0) return null;
  const start = Math.min(...clashes.map((clash) => Date.parse(clash.startsAt)));
  const end = Math.max(...clashes.map((clash) => Date.parse(clash.endsAt)));
  return { start: new Date(start).toISOString(), end: new Date(Math.min(end, start + MAX_WINDOW_DAYS * DAY_MS)).toISOString() };
}

/** Names each clash's appointment once the window around them has loaded; null until then (or if not found). */
export function useClashNames(clashes: readonly Clash[] | null): (appointmentId: string) => string | null {
  const { t } = useTranslation();
  const words = useClientWords();
  const reference = useSchedulingReference();
  const span = useMemo(() => (clashes ? clashSpan(clashes) : null), [clashes]);
  const window = useCalendarWindow(
    span ? { ...span, practitionerIds: [], roomId: null, statuses: [], includeCancelled: true } : null,
  );
  const { timeZone, locale } = reference;
  return useMemo(() => {
    const byId = new Map((span ? (window.data ?? []) : []).map((entry) => [entry.id, entry]));
    return (appointmentId: string) => {
      const entry = byId.get(appointmentId);
      return entry && timeZone ? nameEntry(entry, { t, words, reference, timeZone, locale }) : null;
    };
  }, [span, window.data, t, words, reference, timeZone, locale]);
}
