import { describe, expect, it } from 'vitest';
import {
  allocateInOrder,
  groupByCurrency,
  isReversible,
  openBillsIn,
  owedOf,
  paymentRemainder,
  sumOf,
  totalsByCurrency,
} from './ledgerMath';
import { billFixture, lineFixture } from './fixtures';

describe('open bills', () => {
  // As the API lists them: newest first.
  const bills = [
    billFixture({ id: 'b4', issued_on: '2026-03-01', currency: 'USD', total_minor: 5000 }),
    billFixture({ id: 'b3', issued_on: '2026-02-10', total_minor: 15000, paid_minor: 15000, status: 'paid' }),
    billFixture({ id: 'b2', issued_on: '2026-02-01', total_minor: 15000, paid_minor: 5000, status: 'partially_paid' }),
    billFixture({ id: 'b5', issued_on: '2026-01-20', total_minor: 2500, status: 'cancelled' }),
    billFixture({ id: 'b1', issued_on: '2026-01-15', total_minor: 2500 }),
  ];

  it('are the ones of the currency that still owe, oldest first', () => {
    expect(openBillsIn(bills, 'PEN').map((bill) => bill.id)).toEqual(['b1', 'b2']);
    expect(openBillsIn(bills, 'USD').map((bill) => bill.id)).toEqual(['b4']);
    expect(openBillsIn(bills, 'EUR')).toEqual([]);
  });

  it('owe their total less what was paid; a cancelled one owes nothing', () => {
    expect(owedOf(bills[2]!)).toBe(10000);
    expect(owedOf(bills[3]!)).toBe(0);
  });

  it('take a payment oldest first, each up to what it owes', () => {
    const open = openBillsIn(bills, 'PEN');
    expect(allocateInOrder(5000, open)).toEqual({ b1: 2500, b2: 2500 });
    expect(allocateInOrder(2000, open)).toEqual({ b1: 2000 });
    expect(allocateInOrder(50000, open)).toEqual({ b1: 2500, b2: 10000 });
    expect(allocateInOrder(0, open)).toEqual({});
    expect(sumOf(allocateInOrder(50000, open))).toBe(12500);
  });
});

describe('what is left of a payment', () => {
  const payment = lineFixture({ id: 'p1', kind: 'payment', payment_method: 'cash', amount_minor: 10000, delta_minor: -10000 });

  it('is its amount less its live refunds and what is applied to bills', () => {
    const lines = [
      payment,
      lineFixture({ id: 'r1', kind: 'refund', refund_of_id: 'p1', amount_minor: 1000, delta_minor: 1000 }),
      lineFixture({ id: 'r2', kind: 'refund', refund_of_id: 'p1', amount_minor: 500, delta_minor: 500, reversed: true }),
      lineFixture({ id: 'r3', kind: 'refund', refund_of_id: 'other', amount_minor: 700, delta_minor: 700 }),
    ];
    const bills = [
      billFixture({
        id: 'b1',
        paid_minor: 2500,
        allocations: [{ id: 'a1', payment_id: 'p1', bill_id: 'b1', amount_minor: 2500, created_at: '2026-01-01T00:00:00Z' }],
      }),
      billFixture({
        id: 'b2',
        allocations: [{ id: 'a2', payment_id: 'other', bill_id: 'b2', amount_minor: 900, created_at: '2026-01-01T00:00:00Z' }],
      }),
    ];
    expect(paymentRemainder(payment, lines, bills)).toBe(6500);
    expect(paymentRemainder(payment, [payment], [])).toBe(10000);
  });
});

describe('reversing', () => {
  it('is offered for live entries that are not reversals', () => {
    expect(isReversible({ kind: 'charge', reversed: false })).toBe(true);
    expect(isReversible({ kind: 'payment', reversed: true })).toBe(false);
    expect(isReversible({ kind: 'reversal', reversed: false })).toBe(false);
  });
});

describe('currencies', () => {
  it('group rows without mixing currencies, the practice’s order first', () => {
    const rows = [
      { currency: 'USD', n: 1 },
      { currency: 'EUR', n: 2 },
      { currency: 'PEN', n: 3 },
      { currency: 'USD', n: 4 },
    ];
    expect(groupByCurrency(rows, ['PEN', 'USD'])).toEqual([
      { currency: 'PEN', rows: [{ currency: 'PEN', n: 3 }] },
      { currency: 'USD', rows: [{ currency: 'USD', n: 1 }, { currency: 'USD', n: 4 }] },
      { currency: 'EUR', rows: [{ currency: 'EUR', n: 2 }] },
    ]);
  });

  it('add up the daily close per currency', () => {
    const totals = totalsByCurrency(
      [
        { payment_method: 'cash', currency: 'PEN', count: 2, total_minor: 5000 },
        { payment_method: 'card', currency: 'USD', count: 1, total_minor: 4000 },
        { payment_method: 'card', currency: 'PEN', count: 1, total_minor: 15000 },
      ],
      ['PEN', 'USD'],
    );
    expect(totals).toEqual([
      { currency: 'PEN', count: 3, totalMinor: 20000 },
      { currency: 'USD', count: 1, totalMinor: 4000 },
    ]);
  });
});
