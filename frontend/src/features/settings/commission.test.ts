import { describe, expect, it } from 'vitest';
import { bpToPercentText, formatPercent, percentToBp } from './commission';

describe('percentToBp', () => {
  it.each([
    ['40', 4000],
    ['12.5', 1250],
    ['12,5', 1250],
    ['12.34', 1234],
    ['0', 0],
    ['0.01', 1],
    ['100', 10000],
    ['100.00', 10000],
    [' 33.3 % ', 3330],
    ['.5', 50],
    ['007', 700],
  ])('%s -> %i basis points', (text, bp) => {
    expect(percentToBp(text)).toEqual({ ok: true, bp });
  });

  it('never goes through floating point', () => {
    // 0.29 * 100 is 28.999999999999996 and 0.57 * 100 is 56.99999999999999 in floats.
    expect(percentToBp('0.29')).toEqual({ ok: true, bp: 29 });
    expect(percentToBp('0.57')).toEqual({ ok: true, bp: 57 });
    expect(percentToBp('4.35')).toEqual({ ok: true, bp: 435 });
  });

  it.each([
    ['12.345', 'precision'],
    ['100.5', 'range'],
    ['100.01', 'range'],
    ['1000', 'range'],
    ['', 'format'],
    ['abc', 'format'],
    ['-5', 'format'],
    ['1.2.3', 'format'],
    ['1e2', 'format'],
  ])('refuses %s (%s)', (text, error) => {
    expect(percentToBp(text)).toEqual({ ok: false, error });
  });
});

describe('bpToPercentText', () => {
  it.each([
    [4000, '40'],
    [1250, '12.5'],
    [1234, '12.34'],
    [5, '0.05'],
    [0, '0'],
    [10000, '100'],
  ])('%i -> %s', (bp, text) => {
    expect(bpToPercentText(bp)).toBe(text);
  });

  it('round-trips every rate with two decimals', () => {
    for (let bp = 0; bp <= 10000; bp += 1) {
      expect(percentToBp(bpToPercentText(bp))).toEqual({ ok: true, bp });
    }
  });

  it('formats with the language decimal separator', () => {
    expect(formatPercent(4000, 'en')).toBe('40 %');
    expect(formatPercent(1250, 'en')).toBe('12.5 %');
    expect(formatPercent(1250, 'es')).toBe('12,5 %');
  });
});
