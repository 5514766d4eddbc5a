/** Comparing and checking what people type. */

/** Text as search compares it: no accents or case ("Ñahui" → "nahui", "Muñoz" → "munoz"). */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

/** True when `query` (accents and case ignored) is found in `text`. */
export function looselyIncludes(text: string, query: string): boolean {
  return foldForSearch(text).includes(foldForSearch(query.trim()));
}

/** An e-mail address's shape: something@domain.tld, no spaces. The API checks it fully on save. */
export function looksLikeEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(text.trim());
}
