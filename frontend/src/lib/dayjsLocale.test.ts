import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { dayjsLocale } from './dayjsLocale';
import { regional, setPracticeRegion } from './locale';

describe('one way of writing months', () => {
  it('gives pickers the month names Intl uses for the practice country', () => {
    const name = dayjsLocale('es-PE');
    expect(name).toBe('es-pe');
    expect(dayjs('2026-09-05').locale(name).format('MMMM')).toBe('setiembre');
    expect(dayjs('2026-09-05').locale(name).format('MMM')).toBe(
      new Intl.DateTimeFormat('es-PE', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(2026, 8, 5)).split(' ')[1],
    );
    // Weekday names and the rest stay the language's.
    expect(dayjs('2026-09-05').locale(name).format('dddd')).toBe('sábado');
  });

  it("adds the practice's country to a bare UI language, and only then", () => {
    setPracticeRegion('pe');
    expect(regional('es')).toBe('es-PE');
    expect(regional('en-US')).toBe('en-US');
    setPracticeRegion(null);
    expect(regional('es')).toBe('es');
  });
});
