import { describe, expect, it } from 'vitest';
import { enrollmentState } from './enrollments';
import { ageOn, clientDisplayName, clientLegalName, formatPlainDate, todayIn } from './format';

describe('client display', () => {
  it('calls the client by their preferred name and keeps the legal name at hand', () => {
    const client = { first_name: 'María José', last_name: 'Muñoz', preferred_name: 'Majo' };
    expect(clientDisplayName(client)).toBe('Majo Muñoz');
    expect(clientLegalName(client)).toBe('María José Muñoz');
    expect(clientLegalName({ ...client, preferred_name: null })).toBeNull();
  });

  it('formats a plain date as the same calendar day whatever the browser zone', () => {
    expect(formatPlainDate('2024-03-01', 'en-US')).toBe('Mar 1, 2024');
    expect(formatPlainDate(null, 'en-US')).toBe('');
  });

  it('computes ages on birthdays exactly', () => {
    expect(ageOn('2010-05-01', '2026-04-30')).toBe(15);
    expect(ageOn('2010-05-01', '2026-05-01')).toBe(16);
    expect(ageOn(null, '2026-05-01')).toBeNull();
  });

  it("reads today's date in the practice's zone", () => {
    const instant = new Date('2026-01-01T03:00:00Z');
    expect(todayIn('America/Lima', instant)).toBe('2025-12-31');
    expect(todayIn('Asia/Tokyo', instant)).toBe('2026-01-01');
  });

  it('knows when an enrollment is current, upcoming or ended (the end date is still in the program)', () => {
    expect(enrollmentState({ start_date: '2026-01-01', end_date: null }, '2026-02-01')).toBe('current');
    expect(enrollmentState({ start_date: '2026-03-01', end_date: null }, '2026-02-01')).toBe('upcoming');
    expect(enrollmentState({ start_date: '2026-01-01', end_date: '2026-02-01' }, '2026-02-01')).toBe('current');
    expect(enrollmentState({ start_date: '2026-01-01', end_date: '2026-01-31' }, '2026-02-01')).toBe('ended');
  });
});
