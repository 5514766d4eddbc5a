import { describe, expect, it } from 'vitest';
import { defaultNoShowFee, noShowFee } from './noShowFee';

const fee = (charge: boolean, amount: string, reason: string) => ({ charge, amount, reason });

describe('the no-show fee', () => {
  it('opens with the practice fee ticked, or unticked when the practice charges none in that currency', () => {
    expect(defaultNoShowFee(2500, 'PEN')).toEqual({ charge: true, amount: '25.00', reason: '' });
    expect(defaultNoShowFee(0, 'USD')).toEqual({ charge: false, amount: '', reason: '' });
  });
  it('sends nothing extra when the practice fee is kept, so the practice default applies', () => {
    expect(noShowFee(fee(true, '25.00', ''), 'PEN', 2500)).toEqual({ ok: true, fields: {} });
  });
  it('sends a changed amount exactly in minor units', () => {
    expect(noShowFee(fee(true, '40,5', ''), 'PEN', 2500)).toEqual({ ok: true, fields: { fee_minor: 4050 } });
  });
  it('needs a reason to charge nothing, and keeps it', () => {
    expect(noShowFee(fee(false, '25.00', '  '), 'PEN', 2500)).toEqual({ ok: false, error: 'reason' });
    expect(noShowFee(fee(false, '', 'Emergencia'), 'PEN', 2500)).toEqual({
      ok: true,
      fields: { waive_fee_reason: 'Emergencia' },
    });
  });
  it('refuses an empty, zero or unreadable amount', () => {
    for (const typed of ['', '0', 'abc', '1.234.5']) {
      expect(noShowFee(fee(true, typed, ''), 'PEN', 2500)).toEqual({ ok: false, error: 'amount' });
    }
  });
});
