/**
 * Clock times as a person types them in the booking form: "16:00", "1600", "16", "4pm", "4:30 p. m.", "9.15". The
 * form keeps "HH:mm" (24-hour); the box shows the locale's way (clockOptions: Spanish always 24-hour).
 */
import { clockOptions } from '../zonedTime';

const PM = /^(p|pm|p\.m\.?|p\. m\.?)$/;
const AM = /^(a|am|a\.m\.?|a\. m\.?)$/;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The 24-hour "HH:mm" a typed time names, or null when it names none. */
export function parseTimeText(text: string): string | null {
  const typed = text.trim().toLowerCase();
  const match = /^(\d{1,2})(?:[:.h]?(\d{2}))?\s*([ap][\s.m]*)?$/.exec(typed);
  if (!match) return null;
  let hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  const suffix = match[3]?.replace(/\s+$/, '');
  if (minutes > 59) return null;
  if (suffix !== undefined) {
    const pm = PM.test(suffix);
    if (!pm && !AM.test(suffix)) return null;
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (pm ? 12 : 0);
  } else if (hours > 23) {
    return null;
  }
  return `${pad(hours)}:${pad(minutes)}`;
}

/** Whether the text is a whole time already (so the form may take it while typing), not a start like "1" or "16". */
export function isCompleteTimeText(text: string): boolean {
  const typed = text.trim();
  return parseTimeText(typed) !== null && (/\d{3,4}/.test(typed.replace(/\D/g, '')) || /[ap]/i.test(typed));
}

/** "HH:mm" written the locale's way ("16:00" in Spanish, "4:00 PM" in English); other text as it is. */
export function formatWallClock(time: string, locale: string): string {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return time;
  const instant = Date.UTC(2000, 0, 1, Number(match[1]), Number(match[2]));
  return new Intl.DateTimeFormat(locale, { ...clockOptions(locale), timeZone: 'UTC' }).format(instant);
}
