/**
 * The locale money is written in: the UI language in the practice's country ("es-PE", "en-PE"), so amounts read
 * the way people there write them. The country is the practice's own setting (ISO 3166 alpha-2); a practice
 * that has not set it gets the UI language's defaults, nothing guessed.
 */

/** ("en", "PE") → "en-PE"; just the language when the country is not set or not a two-letter code. */
export function practiceLocale(language: string, country: string | null | undefined): string {
  const region = country?.trim().toUpperCase();
  return region && /^[A-Z]{2}$/.test(region) ? `${language}-${region}` : language;
}

/**
 * Dates, like money, are written as in the practice's country: one style everywhere ("5 set. 2026" in a Peruvian
 * practice, never "sept" on one screen and "set." on another). The signed-in frame sets the country once the
 * practice's settings are read; formatters pass their UI language through `regional`.
 */
let practiceRegion: string | null = null;

export function setPracticeRegion(country: string | null | undefined): void {
  const region = country?.trim().toUpperCase();
  practiceRegion = region && /^[A-Z]{2}$/.test(region) ? region : null;
}

/** "es" → "es-PE" in a Peruvian practice; a tag that names its region already, or no practice country: as given. */
export function regional(locale: string): string {
  if (!practiceRegion || locale.includes('-')) return locale;
  return `${locale}-${practiceRegion}`;
}
