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
