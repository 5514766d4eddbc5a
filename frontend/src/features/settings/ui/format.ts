/** Display helpers for the settings tables. */
import { regional } from '../../../lib/locale';
import { formatMoney } from '../../../lib/money';

/** ["S/ 150.50", "$40.00"]: each price in the practice's currency order (others after), written as in `locale`. */
export function formatPriceList(prices: Record<string, number>, currencies: readonly string[], locale: string): string[] {
  const order = [...currencies, ...Object.keys(prices).filter((code) => !currencies.includes(code))];
  return order
    .filter((code) => prices[code] !== undefined)
    .map((code) => formatMoney(prices[code] ?? 0, code, locale));
}

/** A timestamp in the practice's zone, e.g. "Mar 4, 2026, 9:30 AM" / "4 mar. 2026, 09:30" (24-hour in Spanish). */
export function formatDateTime(iso: string, timeZone: string | undefined, locale: string): string {
  const options: Intl.DateTimeFormatOptions = {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(locale.toLowerCase().startsWith('es') ? { hourCycle: 'h23' } : {}),
  };
  try {
    return new Intl.DateTimeFormat(regional(locale), { ...options, timeZone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(regional(locale), options).format(new Date(iso));
  }
}
