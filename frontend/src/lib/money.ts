/**
 * Money in the SPA: the API speaks integer minor units + ISO 4217 code. People type and read major units.
 * Parsing works on the typed string (never via floating point), so "150.10" is exactly 15010.
 */

// Minor-unit exponents that differ from 2 (ISO 4217); kept in step with src/domain/money.py.
const EXPONENTS: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0,
  VUV: 0, XAF: 0, XOF: 0, XPF: 0, BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3, CLF: 4, UYW: 4,
};

export function currencyExponent(currency: string): number {
  return EXPONENTS[currency] ?? 2;
}

export type ParsedMoney = { ok: true; amountMinor: number } | { ok: false; error: 'format' | 'precision' | 'range' };

const MAX_MINOR = 10 ** 12;

/** "1,234.50", "1234,5" or "S/ 25" in `currency` -> minor units. Accepts one decimal separator ('.' or ','). */
export function parseMoney(text: string, currency: string): ParsedMoney {
  const exponent = currencyExponent(currency);
  const cleaned = text.replace(/[^\d.,-]/g, '');
  if (!cleaned || cleaned.includes('-')) return { ok: false, error: 'format' };
  // The last '.' or ',' followed by 1..exponent digits is the decimal separator; others group thousands.
  const match = /^(.*?)(?:[.,](\d*))?$/.exec(cleaned);
  if (!match) return { ok: false, error: 'format' };
  let whole = match[1] ?? '';
  let fraction = match[2] ?? '';
  const separator = match[2] === undefined ? undefined : cleaned[whole.length];
  // "1.234.5": the decimal separator may not also group thousands.
  if (separator && whole.includes(separator) && fraction.length !== 3) return { ok: false, error: 'format' };
  if (fraction.length > exponent && exponent > 0) {
    // "1.234" in a 2-decimal currency means one thousand two hundred thirty-four (a grouping dot).
    if (fraction.length === 3 && /^\d{1,3}([.,]\d{3})*$/.test(cleaned)) {
      whole = `${whole}${fraction}`;
      fraction = '';
    } else {
      return { ok: false, error: 'precision' };
    }
  }
  if (exponent === 0 && fraction.length > 0) {
    if (fraction.length === 3) {
      whole = `${whole}${fraction}`;
      fraction = '';
    } else {
      return { ok: false, error: 'precision' };
    }
  }
  const wholeDigits = whole.replace(/[.,]/g, '');
  if (!/^\d*$/.test(wholeDigits) || (wholeDigits === '' && fraction === '')) return { ok: false, error: 'format' };
  const minorText = `${wholeDigits || '0'}${fraction.padEnd(exponent, '0')}`;
  const amountMinor = Number.parseInt(minorText, 10);
  if (!Number.isSafeInteger(amountMinor) || amountMinor > MAX_MINOR) return { ok: false, error: 'range' };
  return { ok: true, amountMinor };
}

// Countries and territories whose own money is the US dollar: there "$" is plain.
const DOLLAR_HOMES = new Set(['US', 'EC', 'SV', 'PA', 'PR', 'TL', 'FM', 'MH', 'PW', 'ZW', 'VG', 'TC', 'BQ', 'AS', 'GU', 'MP', 'VI', 'UM', 'IO']);

function currencyParts(locale: string, currency: string, exponent: number, sign: number): Intl.NumberFormatPart[] {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  }).formatToParts(sign);
}

/**
 * The currency's sign as written in `locale`. Where Intl would write the bare code and the locale names a region
 * ("en-PE": "PEN"), the sign the region's own language uses ("es-PE": "S/"), so people there read their money.
 */
export function currencySymbol(currency: string, locale: string): string {
  const own = currencyParts(locale, currency, 0, 1).find((part) => part.type === 'currency')?.value ?? currency;
  const region = new Intl.Locale(locale).region;
  // Dollars where the dollar is not the country's money are "US$" (as Peruvians write them), never a bare "$"
  // that reads as the local peso or the code "USD" that Intl writes in es-PE.
  if (currency === 'USD' && region && !DOLLAR_HOMES.has(region)) return 'US$';
  if (own !== currency || !region) return own;
  // The region's likely language without its script ("es-PE", not "es-Latn-PE", which Intl formats as plain "es").
  const home = `${new Intl.Locale('und', { region }).maximize().language}-${region}`;
  return currencyParts(home, currency, 0, 1).find((part) => part.type === 'currency')?.value ?? own;
}

/**
 * Minor units -> "S/ 150.00" / "$25.00" in `locale` (e.g. the practice's, "es-PE"), built from integers (no float
 * rounding): Intl formats a representative value to learn the locale's pattern, the exact digits are spliced in.
 */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  const exponent = currencyExponent(currency);
  const negative = amountMinor < 0;
  const digits = Math.abs(amountMinor).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent) || '0';
  const fraction = exponent > 0 ? digits.slice(-exponent) : '';
  const group = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1000).find((p) => p.type === 'group');
  const groupedWhole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group?.value ?? ',');
  const symbol = currencySymbol(currency, locale);
  const parts = currencyParts(locale, currency, exponent, negative ? -1 : 1);
  return parts
    .map((part, index) => {
      if (part.type === 'integer') return groupedWhole;
      if (part.type === 'fraction') return fraction;
      if (part.type !== 'currency') return part.value;
      // A sign that starts with letters ("US$") is kept apart from the digits it precedes: "US$ 40.00".
      return /^[A-Za-z]/.test(symbol) && parts[index + 1]?.type === 'integer' ? `${symbol}\u00a0` : symbol;
    })
    .join('');
}

/** Minor units -> the plain major-unit string an input shows, e.g. 15010 -> "150.10". */
export function minorToInput(amountMinor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const digits = Math.abs(amountMinor).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  return exponent > 0 ? `${amountMinor < 0 ? '-' : ''}${whole}.${digits.slice(-exponent)}` : `${amountMinor}`;
}
