import { describe, expect, it } from 'vitest';
import { formatWallClock, isCompleteTimeText, parseTimeText } from './timeText';

describe('typed clock times', () => {
  it('reads the ways a front desk types a time', () => {
    expect(parseTimeText('16:00')).toBe('16:00');
    expect(parseTimeText('1600')).toBe('16:00');
    expect(parseTimeText('930')).toBe('09:30');
    expect(parseTimeText('9.15')).toBe('09:15');
    expect(parseTimeText('16')).toBe('16:00');
    expect(parseTimeText('4pm')).toBe('16:00');
    expect(parseTimeText('4:30 p. m.')).toBe('16:30');
    expect(parseTimeText('12 am')).toBe('00:00');
    expect(parseTimeText('12:05 PM')).toBe('12:05');
  });

  it('reads nothing from what is no time', () => {
    for (const text of ['', '24:00', '16:60', '13pm', 'noon', '1:5', '16:00:00']) expect(parseTimeText(text)).toBeNull();
  });

  it('takes a time while typing only once it is whole', () => {
    expect(isCompleteTimeText('1')).toBe(false);
    expect(isCompleteTimeText('16')).toBe(false);
    expect(isCompleteTimeText('160')).toBe(false);
    expect(isCompleteTimeText('930')).toBe(true);
    expect(isCompleteTimeText('1600')).toBe(true);
    expect(isCompleteTimeText('4pm')).toBe(true);
  });

  it('writes 24-hour times in Spanish and 12-hour ones in English', () => {
    expect(formatWallClock('16:00', 'es-PE')).toBe('16:00');
    expect(formatWallClock('09:05', 'es-PE')).toBe('09:05');
    expect(formatWallClock('16:00', 'en-US')).toBe('4:00 PM');
    expect(formatWallClock('16:7', 'en-US')).toBe('16:7');
  });
});
