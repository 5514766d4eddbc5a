/**
 * A noun the practice typed (its word for "client", e.g. "paciente"), turned into what headings need: a plural
 * and a capital. The plural follows the practice's own language (the label is typed in it), by the regular
 * rules; an irregular word reads as typed plus the regular ending, which is why the label is one noun.
 */

const SPANISH_PREPOSITIONS = new Set(['de', 'del', 'en', 'con', 'para', 'a', 'al', 'por', 'sin']);
const SPANISH_ACCENTLESS: Record<string, string> = { á: 'a', é: 'e', í: 'i', ó: 'o', ú: 'u' };

function pluralSpanishWord(word: string): string {
  const lower = word.toLocaleLowerCase('es');
  if (/[aeiouáéó]$/.test(lower)) return `${word}s`;
  if (/z$/.test(lower)) return `${word.slice(0, -1)}${word.endsWith('Z') ? 'CES' : 'ces'}`;
  // "análisis", "tórax": already plural in form.
  if (/[sx]$/.test(lower) && /[áéíóú]/.test(lower.slice(0, -2))) return word;
  // "acción" → "acciones": the written accent goes away with the extra syllable.
  const unaccented = word.replace(/([áéíóú])(n|s)$/i, (_, vowel: string, last: string) => `${SPANISH_ACCENTLESS[vowel.toLowerCase()] ?? vowel}${last}`);
  return `${unaccented}es`;
}

function pluralSpanish(phrase: string): string {
  const words = phrase.split(' ');
  let inComplement = false;
  return words
    .map((word, index) => {
      if (index > 0 && SPANISH_PREPOSITIONS.has(word.toLocaleLowerCase('es'))) inComplement = true;
      return inComplement || word === '' ? word : pluralSpanishWord(word);
    })
    .join(' ');
}

function pluralEnglish(phrase: string): string {
  const match = /^(.*?)(\S+)$/.exec(phrase);
  if (!match) return phrase;
  const [, head = '', word = ''] = match;
  const lower = word.toLowerCase();
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${head}${word}es`;
  if (/[^aeiou]y$/.test(lower)) return `${head}${word.slice(0, -1)}ies`;
  return `${head}${word}s`;
}

/** The plural of a noun typed in `language` ("paciente" → "pacientes", "customer" → "customers"). */
export function pluralize(noun: string, language: string): string {
  const trimmed = noun.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return trimmed;
  return language.toLowerCase().startsWith('es') ? pluralSpanish(trimmed) : pluralEnglish(trimmed);
}

/** The first letter in capitals, the rest as typed ("paciente" → "Paciente", "eBay user" stays as typed after the first letter). */
export function capitalize(text: string, language: string): string {
  return text.charAt(0).toLocaleUpperCase(language) + text.slice(1);
}
