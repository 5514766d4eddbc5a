/**
 * Commission rates: people type a percentage with up to 2 decimals ("12.5"), the API keeps basis points
 * (1250). Converted on the digits, never through floating point.
 */

export type PercentError = 'format' | 'precision' | 'range';
export type ParsedPercent = { ok: true; bp: number } | { ok: false; error: PercentError };

const MAX_BP = 10_000;

/** "40" -> 4000, "12.5" / "12,5" / "12.5 %" -> 1250; more than 2 decimals or above 100 is refused. */
export function percentToBp(text: string): ParsedPercent {
  const cleaned = text.trim().replace(/\s*%$/, '');
  const match = /^(\d*)(?:[.,](\d*))?$/.exec(cleaned);
  const whole = match?.[1] ?? '';
  const fraction = match?.[2] ?? '';
  if (!match || (whole === '' && fraction === '')) return { ok: false, error: 'format' };
  if (fraction.length > 2) return { ok: false, error: 'precision' };
  const wholeDigits = whole.replace(/^0+(?=\d)/, '');
  if (wholeDigits.length > 3) return { ok: false, error: 'range' };
  const bp = Number.parseInt(wholeDigits || '0', 10) * 100 + Number.parseInt(fraction.padEnd(2, '0'), 10);
  return bp > MAX_BP ? { ok: false, error: 'range' } : { ok: true, bp };
}

/** 1250 -> "12.5", 4000 -> "40", 5 -> "0.05": what the input shows for a stored rate. */
export function bpToPercentText(bp: number, decimalSeparator = '.'): string {
  const whole = Math.trunc(bp / 100);
  const fraction = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
  return fraction ? `${whole}${decimalSeparator}${fraction}` : `${whole}`;
}

/** 1250 -> "12.5 %" (or "12,5 %" in Spanish). */
export function formatPercent(bp: number, locale: string): string {
  const separator =
    new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
  return `${bpToPercentText(bp, separator)} %`;
}
