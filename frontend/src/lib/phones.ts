/**
 * Phones on screen. The API stores them in E.164 ("+51987654321", the practice's country as default when
 * someone typed a local number); people read them grouped the way their country writes them
 * ("+51 987 654 321"). What people type is sent as typed: the API normalises it and says when it cannot.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** "+51987654321" → "+51 987 654 321"; anything that is not a readable E.164 number is shown as stored. */
export function formatPhone(stored: string | null | undefined): string {
  if (!stored) return '';
  const trimmed = stored.trim();
  if (!trimmed.startsWith('+')) return trimmed;
  const parsed = parsePhoneNumberFromString(trimmed);
  return parsed ? parsed.formatInternational() : trimmed;
}
