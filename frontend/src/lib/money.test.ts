import { describe, expect, it } from 'vitest';
import { practiceLocale } from './locale';
import { currencySymbol, formatMoney, minorToInput, parseMoney } from './money';

describe('parseMoney', () => {
  it.each([
    ['150', 'PEN', 15000],
    ['150.1', 'PEN', 15010],
    ['150.10', 'USD', 15010],
    ['0.07', 'USD', 7],
    ['1,234.56', 'USD', 123456],
    ['1.234,56', 'PEN', 123456],
    ['S/ 25', 'PEN', 2500],
    ['1.234', 'PEN', 123400],
    ['500', 'JPY', 500],
    ['1.500', 'KWD', 1500],
    ['0.1', 'USD', 10],
  ])('%s %s -> %i', (text, currency, expected) => {
    expect(parseMoney(text, currency)).toEqual({ ok: true, amountMinor: expected });
  });

  it('never goes through floating point', () => {
    // 0.1 + 0.2 style traps: 1.15 * 100 is 114.99999999999999 in floats.
    expect(parseMoney('1.15', 'USD')).toEqual({ ok: true, amountMinor: 115 });
    expect(parseMoney('4.35', 'USD')).toEqual({ ok: true, amountMinor: 435 });
  });

  it.each([
    ['150', 15000],
    ['150.5', 15050],
    ['150.50', 15050],
    ['0.01', 1],
    ['1,234.56', 123456],
    ['1.234,56', 123456],
    ['150,5', 15050],
    ['  25 ', 2500],
  ])('reads what the front desk types for a payment: %s PEN -> %i', (text, expected) => {
    expect(parseMoney(text, 'PEN')).toEqual({ ok: true, amountMinor: expected });
  });

  it('reads "1.234" in a 2-decimal currency as a grouping dot (the input then says "Read as S/ 1,234.00")', () => {
    // Not a third decimal: a 2-decimal currency never has one. The money input shows the reading under itself.
    expect(parseMoney('1.234', 'PEN')).toEqual({ ok: true, amountMinor: 123400 });
    expect(parseMoney('1.2345', 'PEN')).toEqual({ ok: false, error: 'precision' });
  });

  it.each([['', 'format'], ['   ', 'format'], ['abc', 'format'], ['-5', 'format'], ['-0.01', 'format'], ['1.234.5', 'format'], ['1.2345', 'precision']])(
    'refuses %s',
    (text, error) => {
      expect(parseMoney(text, 'USD')).toEqual({ ok: false, error });
    },
  );
});

describe('formatMoney', () => {
  it('formats exact minor units with the currency symbol', () => {
    expect(formatMoney(15000, 'USD', 'en')).toBe('$150.00');
    expect(formatMoney(123456789, 'USD', 'en')).toBe('$1,234,567.89');
    expect(formatMoney(-2500, 'USD', 'en')).toBe('-$25.00');
    expect(formatMoney(500, 'JPY', 'en')).toBe('¥500');
    expect(formatMoney(15000, 'PEN', 'es')).toMatch(/150,00/);
  });

  it('round-trips through the input form', () => {
    expect(minorToInput(15010, 'PEN')).toBe('150.10');
    expect(minorToInput(7, 'USD')).toBe('0.07');
    expect(minorToInput(500, 'JPY')).toBe('500');
  });
});

describe('money in the practice\'s locale', () => {
  // Intl separates the sign with a no-break space; compare with plain spaces.
  const plain = (text: string) => text.replace(/\s/g, ' ');

  it('writes soles the Peruvian way, "S/ 220.00", in Spanish and in English', () => {
    expect(plain(formatMoney(22000, 'PEN', 'es-PE'))).toBe('S/ 220.00');
    expect(plain(formatMoney(22000, 'PEN', 'en-PE'))).toBe('S/ 220.00');
    expect(plain(formatMoney(15050, 'PEN', 'en-PE'))).toBe('S/ 150.50');
  });

  it('writes dollars "US$ 40.00" in Peru, in Spanish and in English, and "$40.00" where the dollar is home', () => {
    expect(plain(formatMoney(4000, 'USD', 'es-PE'))).toBe('US$ 40.00');
    expect(plain(formatMoney(4000, 'USD', 'en-PE'))).toBe('US$ 40.00');
    expect(plain(formatMoney(-4000, 'USD', 'en-PE'))).toBe('-US$ 40.00');
    expect(formatMoney(4000, 'USD', 'en-US')).toBe('$40.00');
    expect(formatMoney(4000, 'USD', 'en')).toBe('$40.00');
  });

  it('uses the symbol people recognise, and a bare $ only for dollars', () => {
    expect(currencySymbol('PEN', 'es-PE')).toBe('S/');
    expect(currencySymbol('PEN', 'en-PE')).toBe('S/');
    expect(currencySymbol('USD', 'en-PE')).toBe('US$');
    expect(currencySymbol('USD', 'es-PE')).toBe('US$');
    expect(currencySymbol('USD', 'es-EC')).toBe('$');
    expect(currencySymbol('EUR', 'en-PE')).toBe('€');
    expect(currencySymbol('MXN', 'en-PE')).toBe('MX$');
    expect(currencySymbol('COP', 'en-PE')).not.toBe('$');
  });

  it("writes money in the practice's country, as set (never guessed)", () => {
    expect(practiceLocale('en', 'PE')).toBe('en-PE');
    expect(practiceLocale('es', 'pe')).toBe('es-PE');
    expect(practiceLocale('es', null)).toBe('es');
    expect(practiceLocale('es', undefined)).toBe('es');
    expect(practiceLocale('en', 'Peru')).toBe('en');
  });
});
