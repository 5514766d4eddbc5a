/**
 * What anyone who may see the appointment is told about its note, in one line: none yet, a draft, or signed by
 * whom and when (with how many amendments). It never says anything about the text, which the front desk cannot
 * read: the line reads the same for every role.
 */
import type { TFunction } from 'i18next';
import type { SessionNote } from '../../api/queries/notes';
import { formatDateIn, formatTimeIn } from '../calendar/zonedTime';

/** When something happened to a note, in the practice's zone ("16 dic 2026 16:50", "Dec 16, 2026 4:50 PM"). */
export function formatNoteTime(instant: string, timeZone: string, locale: string): string {
  return `${formatDateIn(instant, timeZone, locale)} ${formatTimeIn(instant, timeZone, locale)}`;
}

export function noteStatusText(note: SessionNote, t: TFunction, timeZone: string, locale: string): string {
  if (!note.exists) return t('notes.status.none');
  if (!note.signed || !note.signed_at) return t('notes.status.draft');
  const when = formatNoteTime(note.signed_at, timeZone, locale);
  const signed = note.signed_by_name
    ? t('notes.status.signed', { name: note.signed_by_name, when })
    : t('notes.status.signedNoName', { when });
  return note.amendment_count > 0
    ? `${signed} · ${t('notes.status.amendments', { count: note.amendment_count })}`
    : signed;
}
