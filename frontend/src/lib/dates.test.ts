import { describe, expect, it } from 'vitest';
import { checkDateValue, dateOrderFor, datePatternFor, formatDateInput, isIsoDate, parseDate } from './dates';

const es = dateOrderFor('es');
const en = dateOrderFor('en');

describe('parseDate', () => {
  it('reads Spanish dates day first', () => {
    expect(es).toBe('DMY');
    expect(parseDate('25/05/2014', es)).toEqual({ ok: true, iso: '2014-05-25' });
    // The day-first date dayjs used to read month first.
    expect(parseDate('10/05/2014', es)).toEqual({ ok: true, iso: '2014-05-10' });
    expect(parseDate('5/3/2014', es)).toEqual({ ok: true, iso: '2014-03-05' });
    expect(parseDate('25-05-2014', es)).toEqual({ ok: true, iso: '2014-05-25' });
    expect(parseDate('25.05.2014', es)).toEqual({ ok: true, iso: '2014-05-25' });
  });

  it('reads English dates month first', () => {
    expect(en).toBe('MDY');
    expect(dateOrderFor('en-PE')).toBe('MDY');
    expect(parseDate('05/25/2014', en)).toEqual({ ok: true, iso: '2014-05-25' });
    expect(parseDate('10/05/2014', en)).toEqual({ ok: true, iso: '2014-10-05' });
    // No month 25: refused, never swapped.
    expect(parseDate('25/05/2014', en)).toEqual({ ok: false, error: 'impossible' });
  });

  it('reads ISO dates in either language', () => {
    for (const order of [es, en]) {
      expect(parseDate('2014-05-25', order)).toEqual({ ok: true, iso: '2014-05-25' });
      expect(parseDate('2014/5/25', order)).toEqual({ ok: true, iso: '2014-05-25' });
    }
  });

  it('refuses impossible dates instead of rolling them over', () => {
    expect(parseDate('31/02/2014', es)).toEqual({ ok: false, error: 'impossible' });
    expect(parseDate('2014-13-45', es)).toEqual({ ok: false, error: 'impossible' });
    expect(parseDate('2014-02-29', es)).toEqual({ ok: false, error: 'impossible' });
    expect(parseDate('29/02/2016', es)).toEqual({ ok: true, iso: '2016-02-29' });
    expect(parseDate('00/05/2014', es)).toEqual({ ok: false, error: 'impossible' });
    expect(parseDate('31/04/2014', es)).toEqual({ ok: false, error: 'impossible' });
    expect(parseDate('02/31/2014', en)).toEqual({ ok: false, error: 'impossible' });
  });

  it('refuses two-digit years rather than guessing the century', () => {
    expect(parseDate('25/05/14', es)).toEqual({ ok: false, error: 'two_digit_year' });
    expect(parseDate('05/25/14', en)).toEqual({ ok: false, error: 'two_digit_year' });
    expect(parseDate('1/1/5', es)).toEqual({ ok: false, error: 'two_digit_year' });
    expect(parseDate('25/05/014', es)).toEqual({ ok: false, error: 'format' });
  });

  it('ignores surrounding whitespace and spaces around separators, nothing else', () => {
    expect(parseDate('  25/05/2014 ', es)).toEqual({ ok: true, iso: '2014-05-25' });
    expect(parseDate('\t2014-05-25\n', en)).toEqual({ ok: true, iso: '2014-05-25' });
    expect(parseDate('25 / 05 / 2014', es)).toEqual({ ok: true, iso: '2014-05-25' });
    expect(parseDate('25 05 2014', es)).toEqual({ ok: false, error: 'format' });
    expect(parseDate('25052014', es)).toEqual({ ok: false, error: 'format' });
    expect(parseDate('', es)).toEqual({ ok: false, error: 'format' });
    expect(parseDate('mayo 25 2014', es)).toEqual({ ok: false, error: 'format' });
    expect(parseDate('25/05/2014x', es)).toEqual({ ok: false, error: 'format' });
  });

  it('keeps dates within limits: no date of birth in the future', () => {
    const today = '2026-03-10';
    expect(parseDate('10/03/2026', es, { max: today })).toEqual({ ok: true, iso: '2026-03-10' });
    expect(parseDate('11/03/2026', es, { max: today })).toEqual({ ok: false, error: 'too_late' });
    expect(parseDate('2026-01-31', es, { min: '2026-02-01' })).toEqual({ ok: false, error: 'too_early' });
    expect(parseDate('01/01/1799', es)).toEqual({ ok: false, error: 'too_early' });
  });
});

describe('date helpers', () => {
  it('shows the pattern in the language of the UI', () => {
    expect(datePatternFor('es')).toBe('DD/MM/AAAA');
    expect(datePatternFor('en')).toBe('MM/DD/YYYY');
  });

  it('writes an ISO date back in the typing order', () => {
    expect(formatDateInput('2014-05-25', es)).toBe('25/05/2014');
    expect(formatDateInput('2014-05-25', en)).toBe('05/25/2014');
    expect(formatDateInput('31/02/2014', es)).toBe('31/02/2014');
  });

  it('tells real ISO dates apart', () => {
    expect(isIsoDate('2014-05-25')).toBe(true);
    expect(isIsoDate('2014-02-30')).toBe(false);
    expect(isIsoDate('25/05/2014')).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });

  it("says what is wrong with a field's value, nothing when empty", () => {
    expect(checkDateValue(null, es)).toBeNull();
    expect(checkDateValue('  ', es)).toBeNull();
    expect(checkDateValue('2014-05-25', es)).toBeNull();
    expect(checkDateValue('31/02/2014', es)).toBe('impossible');
    expect(checkDateValue('2030-01-01', es, { max: '2026-01-01' })).toBe('too_late');
  });
});
