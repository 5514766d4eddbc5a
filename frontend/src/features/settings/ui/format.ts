/** Display helpers for the settings tables. */
import { formatMoney } from '../../../lib/money';

/** ["S/ 150.50", "$40.00"]: each price in the practice's currency order (others after), written as in `locale`. */
export function formatPriceList(prices: Record<string, number>, currencies: readonly string[], locale: string): string[] {
  const order = [...currencies, ...Object.keys(prices).filter((code) => !currencies.includes(code))];
  return order
    .filter((code) => prices[code] !== undefined)
    .map((code) => formatMoney(prices[code] ?? 0, code, locale));
}

/** A timestamp in the practice's zone, e.g. "Mar 4, 2026, 9:30 AM". */
export function formatDateTime(iso: string, timeZone: string | undefined, locale: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }
}
