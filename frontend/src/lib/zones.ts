/**
 * Time zones as people read them: the city and its offset now ("Lima (UTC−5)"), not the IANA id
 * ("America/Lima"), which stays the stored value and is still searchable in pickers.
 */

/** "America/Argentina/Buenos_Aires" → "Buenos Aires"; "UTC" stays "UTC". */
export function zoneCity(zone: string): string {
  const last = zone.split('/').pop() ?? zone;
  return last.replace(/_/g, ' ');
}

/**
 * The zone's offset from UTC at `at` (DST-aware), written "UTC−5", "UTC+5:30", "UTC" — with a true minus sign.
 * An unknown zone gives an empty string.
 */
export function zoneOffset(zone: string, at: Date = new Date()): string {
  let name: string | undefined;
  try {
    name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((part) => part.type === 'timeZoneName')?.value;
  } catch {
    return '';
  }
  // "GMT-05:00", "GMT+05:30", "GMT"
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name ?? '');
  if (!match) return '';
  if (!match[1]) return 'UTC';
  const hours = Number(match[2]);
  const minutes = match[3] === '00' ? '' : `:${match[3]}`;
  return `UTC${match[1] === '-' ? '\u2212' : '+'}${hours}${minutes}`;
}

/** "Lima (UTC−5)"; "UTC" alone for UTC itself. */
export function zoneLabel(zone: string, at: Date = new Date()): string {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 'UTC';
  const offset = zoneOffset(zone, at);
  return offset ? `${zoneCity(zone)} (${offset})` : zoneCity(zone);
}
