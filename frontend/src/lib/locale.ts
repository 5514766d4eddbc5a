/**
 * The locale money is written in: the UI language in the practice's country ("es-PE", "en-PE"), so amounts read
 * the way people there write them. The practice has no country field; its time zone names one, and Intl knows
 * which zones each region uses.
 */

const regionByZone = new Map<string, string | null>();

type LocaleWithZones = Intl.Locale & { getTimeZones?: () => string[]; timeZones?: string[] };

function zonesOf(region: string): readonly string[] {
  const locale = new Intl.Locale('und', { region }) as LocaleWithZones;
  return locale.getTimeZones?.() ?? locale.timeZones ?? [];
}

/** "America/Lima" → "PE"; null where the browser cannot tell (no Intl locale info, or an unknown zone). */
export function regionOfTimeZone(zone: string): string | null {
  const known = regionByZone.get(zone);
  if (known !== undefined) return known;
  let found: string | null = null;
  // Every two-letter region code; the ones that are not regions have no zones.
  search: for (let first = 65; first <= 90; first++) {
    for (let second = 65; second <= 90; second++) {
      const region = String.fromCharCode(first, second);
      if (zonesOf(region).includes(zone)) {
        found = region;
        break search;
      }
    }
  }
  regionByZone.set(zone, found);
  return found;
}

/** The UI language in the practice's region, e.g. ("en", "America/Lima") → "en-PE"; just the language otherwise. */
export function practiceLocale(language: string, timeZone: string | undefined): string {
  const region = timeZone ? regionOfTimeZone(timeZone) : null;
  return region ? `${language}-${region}` : language;
}
