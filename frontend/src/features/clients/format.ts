/** How clients, plain dates and ages read on screen. */
import { regional } from '../../lib/locale';


interface NamedClient {
  first_name: string;
  last_name: string;
  preferred_name: string | null;
}

/** The name staff call the client by: preferred name (when set) and last name. */
export function clientDisplayName(client: NamedClient): string {
  const given = client.preferred_name?.trim() || client.first_name;
  return `${given} ${client.last_name}`.trim();
}

/** The legal name, shown beside the display name when a preferred name replaces the first name. */
export function clientLegalName(client: NamedClient): string | null {
  const preferred = client.preferred_name?.trim();
  return preferred && preferred !== client.first_name ? `${client.first_name} ${client.last_name}` : null;
}

function parsePlainDate(isoDate: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return null;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** "2024-03-05" → "Mar 5, 2024" / "5 mar 2024". A plain calendar date: no time zone is applied. */
export function formatPlainDate(isoDate: string | null | undefined, locale: string): string {
  if (!isoDate) return '';
  const parts = parsePlainDate(isoDate);
  if (!parts) return isoDate;
  const utc = Date.UTC(parts.year, parts.month - 1, parts.day);
  return new Intl.DateTimeFormat(regional(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(utc);
}

/** Today's date (YYYY-MM-DD) in an IANA time zone, e.g. the practice's. */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): string {
  try {
    // en-CA formats dates as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  }
}

/** Whole years between a date of birth and `today` (both YYYY-MM-DD), or null when either is unreadable. */
export function ageOn(dateOfBirth: string | null, today: string): number | null {
  const birth = dateOfBirth ? parsePlainDate(dateOfBirth) : null;
  const on = parsePlainDate(today);
  if (!birth || !on) return null;
  const beforeBirthday = on.month < birth.month || (on.month === birth.month && on.day < birth.day);
  return on.year - birth.year - (beforeBirthday ? 1 : 0);
}
