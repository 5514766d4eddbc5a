import { describe, expect, it } from 'vitest';
import { formatPhone } from './phones';

describe('formatPhone', () => {
  it('groups an E.164 number the way its country writes it', () => {
    expect(formatPhone('+51987654321')).toBe('+51 987 654 321');
    expect(formatPhone('+5114567890')).toBe('+51 1 4567890');
    expect(formatPhone('+12025550143')).toBe('+1 202 555 0143');
    expect(formatPhone('+34912345678')).toBe('+34 912 34 56 78');
  });

  it('shows what it cannot read as stored, and nothing for no phone', () => {
    expect(formatPhone('ext. 12')).toBe('ext. 12');
    expect(formatPhone('+0')).toBe('+0');
    expect(formatPhone(null)).toBe('');
    expect(formatPhone('')).toBe('');
  });
});
