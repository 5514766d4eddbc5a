import { describe, expect, it } from 'vitest';
import { noShowFee } from './NoShowStep';

describe('the no-show fee step', () => {
  it('sends nothing extra when the practice fee is kept, so the practice default applies', () => {
    expect(noShowFee(true, '25.00', '', 'PEN', 2500)).toEqual({ ok: true, fields: {} });
  });
  it('sends a changed amount exactly in minor units', () => {
    expect(noShowFee(true, '40,5', '', 'PEN', 2500)).toEqual({ ok: true, fields: { fee_minor: 4050 } });
  });
  it('needs a reason to charge nothing, and keeps it', () => {
    expect(noShowFee(false, '25.00', '  ', 'PEN', 2500)).toEqual({ ok: false, error: 'reason' });
    expect(noShowFee(false, '', 'Emergencia', 'PEN', 2500)).toEqual({
      ok: true,
      fields: { waive_fee_reason: 'Emergencia' },
    });
  });
  it('refuses an empty, zero or unreadable amount', () => {
    for (const typed of ['', '0', 'abc', '1.234.5']) {
      expect(noShowFee(true, typed, '', 'PEN', 2500)).toEqual({ ok: false, error: 'amount' });
    }
  });
});
