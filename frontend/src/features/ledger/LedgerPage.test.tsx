/** The practice's Ledger page: the daily close per currency, aging, unpaid bills with names; not for clinicians. */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, signInAs } from '../../test/fakeApi';
import { practiceFixture } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { billFixture } from './fixtures';

const SLOW = { timeout: 8_000 };
const plain = (text: string | null | undefined) => (text ?? '').replace(/\s/g, ' ');

const close = {
  day: '2026-03-05',
  payments: [
    { payment_method: 'cash', currency: 'PEN', count: 2, total_minor: 5000 },
    { payment_method: 'card', currency: 'USD', count: 1, total_minor: 4000 },
    { payment_method: 'card', currency: 'PEN', count: 1, total_minor: 15000 },
  ],
  refunds: [{ payment_method: 'cash', currency: 'PEN', count: 1, total_minor: 1000 }],
  practice_name: 'Demo',
  entries: [],
  closed_at: null,
  closed_by_name: null,
  closed_payments: null,
  closed_refunds: null,
  changed_since_close: false,
};

const aging = [
  { client_id: 'c1', first_name: 'Zoila', last_name: 'Muñoz', currency: 'PEN', balance_minor: 17500, buckets: [2500, 15000, 0, 0] },
  { client_id: 'c2', first_name: 'Pedro', last_name: 'Quispe', currency: 'USD', balance_minor: 5000, buckets: [0, 0, 0, 5000] },
];

function routes() {
  return {
    'GET /api/v1/practice': () => json(200, practiceFixture),
    'GET /api/v1/ledger/daily-close': () => json(200, close),
    'GET /api/v1/ledger/aging': () => json(200, aging),
    'GET /api/v1/ledger/unpaid-bills': () =>
      json(200, {
        items: [
          { ...billFixture({ id: 'b1', client_id: 'c1' }), client_first_name: 'Zoila', client_last_name: 'Muñoz' },
          { ...billFixture({ id: 'b2', client_id: 'c3', currency: 'USD' }), client_first_name: 'Ana', client_last_name: 'Ríos' },
        ],
        next_cursor: null,
      }),
  };
}

describe('ledger page', { timeout: 30_000 }, () => {
  it('adds up the daily close per currency, never across currencies', async () => {
    signInAs('front_desk');
    fakeApi(routes());
    renderApp('/ledger');

    const report = await screen.findByTestId('daily-close', undefined, SLOW);
    expect(within(report).getByRole('heading', { name: 'Daily close of Thursday, March 5, 2026' })).toBeInTheDocument();
    expect(plain(screen.getByTestId('close-payments-total-PEN').textContent)).toBe('Total in PENPEN3S/ 200.00');
    expect(plain(screen.getByTestId('close-payments-total-USD').textContent)).toBe('Total in USDUSD1US$ 40.00');
    expect(plain(screen.getByTestId('close-net-PEN').textContent)).toBe('PEN: S/ 190.00');
    expect(plain(screen.getByTestId('close-net-USD').textContent)).toBe('USD: US$ 40.00');
    expect(screen.getByRole('button', { name: 'Print' })).toBeEnabled();
  });

  it('shows aging with a currency column and unpaid bills with the client names, linking to the client', async () => {
    signInAs('admin');
    fakeApi(routes());
    renderApp('/ledger?section=aging');
    const user = userEvent.setup();

    const table = await screen.findByTestId('aging', undefined, SLOW);
    const [zoila, pedro] = table.querySelectorAll('tbody tr');
    expect(plain(zoila?.textContent)).toBe('Zoila MuñozPENS/ 175.00S/ 25.00S/ 150.00——');
    expect(plain(pedro?.textContent)).toBe('Pedro QuispeUSDUS$ 50.00———US$ 50.00');

    await user.click(screen.getByRole('tab', { name: 'Unpaid bills' }));
    const bills = await screen.findByTestId('unpaid-bills', undefined, SLOW);
    expect(await within(bills).findByRole('link', { name: 'Ana Ríos' }, SLOW)).toHaveAttribute('href', '/clients/c3/bills');
    expect(within(bills).getByRole('link', { name: 'Zoila Muñoz' })).toHaveAttribute('href', '/clients/c1/bills');
  });

  it('is not for clinicians', async () => {
    signInAs('clinician');
    fakeApi(routes());
    renderApp('/ledger');

    expect(await screen.findByRole('heading', { name: 'No access' }, SLOW)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Ledger' })).not.toBeInTheDocument();
  });
});
