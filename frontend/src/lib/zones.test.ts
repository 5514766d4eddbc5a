import { describe, expect, it } from 'vitest';
import { zoneCity, zoneLabel, zoneOffset } from './zones';

describe('time zones as people read them', () => {
  it('names the city and its offset with a true minus sign', () => {
    expect(zoneLabel('America/Lima')).toBe('Lima (UTC\u22125)');
    expect(zoneLabel('America/Argentina/Buenos_Aires')).toBe('Buenos Aires (UTC\u22123)');
    expect(zoneLabel('Asia/Kolkata')).toBe('Kolkata (UTC+5:30)');
    expect(zoneLabel('UTC')).toBe('UTC');
  });

  it('gives the offset in force on the day asked (summer time)', () => {
    expect(zoneOffset('America/New_York', new Date(Date.UTC(2026, 0, 15)))).toBe('UTC\u22125');
    expect(zoneOffset('America/New_York', new Date(Date.UTC(2026, 6, 15)))).toBe('UTC\u22124');
  });

  it('survives a zone this browser does not know', () => {
    expect(zoneOffset('Mars/Olympus_Mons')).toBe('');
    expect(zoneLabel('Mars/Olympus_Mons')).toBe('Olympus Mons');
    expect(zoneCity('Europe/Madrid')).toBe('Madrid');
  });
});
