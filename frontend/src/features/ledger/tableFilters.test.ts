import { describe, expect, it } from 'vitest';
import type { AgingRow } from '../../api/types';
import { agingCsvQuery, agingTotals, entriesCsvQuery, filterAging, nameMatches, NO_AGING_FILTERS, NO_ENTRY_FILTERS, unpaidBillsCsvQuery } from './tableFilters';

const row = (extra: Partial<AgingRow>): AgingRow => ({
  client_id: 'c',
  first_name: 'Ana',
  last_name: 'Ríos',
  currency: 'PEN',
  balance_minor: 1000,
  buckets: [1000, 0, 0, 0],
  ...extra,
});

describe('ledger table filters', () => {
  it('finds a name by every word, accents and case ignored', () => {
    expect(nameMatches('rios ANA', 'Ana', 'Ríos')).toBe(true);
    expect(nameMatches('  ', 'Ana', 'Ríos')).toBe(true);
    expect(nameMatches('ñahui', 'Rosa', 'Ñahui Quispe')).toBe(true);
    expect(nameMatches('ana luis', 'Ana', 'Ríos')).toBe(false);
  });

  it('keeps aging rows owing something older than the chosen age', () => {
    const young = row({ client_id: 'young', buckets: [1000, 0, 0, 0] });
    const old = row({ client_id: 'old', buckets: [0, 0, 500, 500] });
    const dollars = row({ client_id: 'usd', currency: 'USD', buckets: [0, 0, 0, 1000] });
    const ids = (filters: Partial<typeof NO_AGING_FILTERS>) => filterAging([young, old, dollars], { ...NO_AGING_FILTERS, ...filters }).map((r) => r.client_id);
    expect(ids({})).toEqual(['young', 'old', 'usd']);
    expect(ids({ overDays: '30' })).toEqual(['old', 'usd']);
    expect(ids({ overDays: '90' })).toEqual(['old', 'usd']);
    expect(ids({ overDays: '90', currency: 'PEN' })).toEqual(['old']);
  });

  it('totals aging per currency, never across, the practice currencies first', () => {
    const totals = agingTotals(
      [
        row({ currency: 'USD', balance_minor: 500, buckets: [0, 0, 0, 500] }),
        row({ balance_minor: 1000, buckets: [1000, 0, 0, 0] }),
        row({ balance_minor: 250, buckets: [0, 250, 0, 0] }),
      ],
      ['PEN', 'USD'],
    );
    expect(totals).toEqual([
      { currency: 'PEN', clients: 2, balanceMinor: 1250, buckets: [1000, 250, 0, 0] },
      { currency: 'USD', clients: 1, balanceMinor: 500, buckets: [0, 0, 0, 500] },
    ]);
  });

  it('puts the filters and the order in the download query, leaving out what is not set', () => {
    expect(agingCsvQuery(NO_AGING_FILTERS, [])).toEqual({});
    expect(agingCsvQuery({ q: ' ana ', currency: 'USD', overDays: '60' }, [{ id: 'balance', desc: true }])).toEqual({
      q: 'ana',
      currency: 'USD',
      over_days: '60',
      sort: 'balance',
      order: 'desc',
    });
    expect(agingCsvQuery(NO_AGING_FILTERS, [{ id: 'days0', desc: false }])).toEqual({ sort: 'days0', order: 'asc' });
    expect(entriesCsvQuery('2026-03-01', '2026-03-10', { ...NO_ENTRY_FILTERS, kind: 'refund', method: 'cash' })).toEqual({
      from: '2026-03-01',
      to: '2026-03-10',
      kind: 'refund',
      payment_method: 'cash',
    });
    expect(unpaidBillsCsvQuery({ q: '', currency: 'PEN' })).toEqual({ currency: 'PEN' });
  });
});
