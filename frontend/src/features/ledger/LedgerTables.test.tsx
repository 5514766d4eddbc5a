/** The practice's ledger tables: aging sorted by any column (mouse or keyboard), narrowed, totalled per currency
 * and exported with the filters and order shown; entries and unpaid bills filtered and exported the same way. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json, signInAs, type ApiCall } from '../../test/fakeApi';
import { practiceFixture } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { billFixture, lineFixture } from './fixtures';

const SLOW = { timeout: 8_000 };
const plain = (text: string | null | undefined) => (text ?? '').replace(/\s/g, ' ');

const aging = [
  { client_id: 'c1', first_name: 'Zoila', last_name: 'Muñoz', currency: 'PEN', balance_minor: 17500, buckets: [2500, 15000, 0, 0] },
  { client_id: 'c3', first_name: 'Ana', last_name: 'Ríos', currency: 'PEN', balance_minor: 4000, buckets: [0, 0, 0, 4000] },
  { client_id: 'c2', first_name: 'Pedro', last_name: 'Quispe', currency: 'USD', balance_minor: 5000, buckets: [0, 0, 0, 5000] },
];

const csv = () => new Response('client\n', { status: 200, headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="aging.csv"' } });

function routes() {
  return {
    'GET /api/v1/practice': () => json(200, practiceFixture),
    'GET /api/v1/ledger/aging': () => json(200, aging),
    'GET /api/v1/ledger/aging.csv': csv,
    'GET /api/v1/ledger/entries.csv': csv,
    'GET /api/v1/ledger/unpaid-bills.csv': csv,
    'GET /api/v1/ledger/entries': () =>
      json(200, {
        items: [
          { ...lineFixture({ id: 'e1', client_id: 'c1', kind: 'charge' }), client_first_name: 'Zoila', client_last_name: 'Muñoz' },
          {
            ...lineFixture({ id: 'e2', client_id: 'c2', kind: 'payment', payment_method: 'card', currency: 'USD', delta_minor: -4000, amount_minor: 4000, charge_type: null }),
            client_first_name: 'Pedro',
            client_last_name: 'Quispe',
          },
        ],
        next_cursor: 'more',
      }),
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

/** The client names in the aging table's body, top to bottom. */
function agingNames(): string[] {
  const body = screen.getByTestId('aging').querySelector('tbody') as HTMLElement;
  return within(body)
    .getAllByRole('link')
    .map((link) => link.textContent ?? '');
}

function lastCall(calls: ApiCall[], path: string): ApiCall | undefined {
  return calls.filter((call) => call.path === path).at(-1);
}

beforeEach(() => {
  // jsdom has neither object URLs nor downloads: the file handed to the browser is not what is tested here.
  Object.defineProperty(URL, 'createObjectURL', { value: vi.fn(() => 'blob:csv'), configurable: true });
  Object.defineProperty(URL, 'revokeObjectURL', { value: vi.fn(), configurable: true });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('ledger tables', { timeout: 30_000 }, () => {
  it('sorts the aging by a column from its header, with aria-sort, by mouse and by keyboard', async () => {
    signInAs('front_desk');
    fakeApi(routes());
    renderApp('/ledger?section=aging');
    const user = userEvent.setup();

    await screen.findByTestId('aging', undefined, SLOW);
    expect(agingNames()).toEqual(['Zoila Muñoz', 'Ana Ríos', 'Pedro Quispe']); // the report's order
    const balance = screen.getByRole('columnheader', { name: /Owes/ });
    expect(balance).not.toHaveAttribute('aria-sort');

    await user.click(within(balance).getByRole('button'));
    expect(balance).toHaveAttribute('aria-sort', 'descending');
    // Largest first within each currency; soles and dollars are never compared.
    expect(agingNames()).toEqual(['Zoila Muñoz', 'Ana Ríos', 'Pedro Quispe']);

    within(balance).getByRole('button').focus();
    await user.keyboard('{Enter}');
    expect(balance).toHaveAttribute('aria-sort', 'ascending');
    expect(agingNames()).toEqual(['Ana Ríos', 'Zoila Muñoz', 'Pedro Quispe']);

    const client = screen.getByRole('columnheader', { name: /Client/ });
    await user.click(within(client).getByRole('button'));
    expect(client).toHaveAttribute('aria-sort', 'ascending');
    expect(balance).not.toHaveAttribute('aria-sort');
    expect(agingNames()).toEqual(['Ana Ríos', 'Pedro Quispe', 'Zoila Muñoz']);
    expect(screen.getByRole('link', { name: 'Ana Ríos' })).toHaveAttribute('href', '/clients/c3/ledger');
  });

  it('narrows the aging by name, currency and age, with a total per currency of what is shown', async () => {
    signInAs('admin');
    fakeApi(routes());
    renderApp('/ledger?section=aging');
    const user = userEvent.setup();

    await screen.findByTestId('aging', undefined, SLOW);
    expect(plain(screen.getByTestId('aging-total-PEN').textContent)).toBe('Total PENPENS/ 215.00S/ 25.00S/ 150.00S/ 0.00S/ 40.00');
    expect(plain(screen.getByTestId('aging-total-USD').textContent)).toContain('US$ 50.00');
    expect(screen.getByTestId('rows-shown')).toHaveTextContent('Showing 3 of 3.');

    await user.type(screen.getByRole('searchbox', { name: 'Find a client by name' }), 'rios');
    expect(agingNames()).toEqual(['Ana Ríos']);
    expect(screen.getByTestId('rows-shown')).toHaveTextContent('Showing 1 of 3.');
    expect(plain(screen.getByTestId('aging-total-PEN').textContent)).toContain('S/ 40.00');
    expect(screen.queryByTestId('aging-total-USD')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await user.click(screen.getByRole('combobox', { name: 'Owed for' }));
    await user.click(await screen.findByRole('option', { name: 'Over 90 days' }));
    expect(agingNames()).toEqual(['Ana Ríos', 'Pedro Quispe']);
    await user.click(screen.getByRole('combobox', { name: 'Currency' }));
    await user.click(await screen.findByRole('option', { name: 'USD' }));
    expect(agingNames()).toEqual(['Pedro Quispe']);
    expect(screen.queryByTestId('aging-total-PEN')).not.toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Find a client by name' }), 'nadie');
    expect(screen.getByTestId('no-match')).toHaveTextContent('Nothing matches these filters.');
  });

  it('exports the aging with the filters and the order shown', async () => {
    signInAs('front_desk');
    const calls = fakeApi(routes());
    renderApp('/ledger?section=aging');
    const user = userEvent.setup();

    await screen.findByTestId('aging', undefined, SLOW);
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(lastCall(calls, '/api/v1/ledger/aging.csv')).toBeDefined());
    expect([...lastCall(calls, '/api/v1/ledger/aging.csv')!.search.keys()]).toEqual([]); // no filter: everything

    await user.type(screen.getByRole('searchbox', { name: 'Find a client by name' }), 'Zoila ');
    await user.click(screen.getByRole('combobox', { name: 'Owed for' }));
    await user.click(await screen.findByRole('option', { name: 'Over 30 days' }));
    await user.click(within(screen.getByRole('columnheader', { name: /31–60 days/ })).getByRole('button'));
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(calls.filter((call) => call.path === '/api/v1/ledger/aging.csv')).toHaveLength(2));
    expect(Object.fromEntries(lastCall(calls, '/api/v1/ledger/aging.csv')!.search)).toEqual({
      q: 'Zoila',
      over_days: '30',
      sort: 'days31',
      order: 'desc',
    });
  });

  it('filters the loaded entries, says the rest is not loaded, and exports with the filters', async () => {
    signInAs('front_desk');
    const calls = fakeApi(routes());
    renderApp('/ledger?section=entries');
    const user = userEvent.setup();

    const table = await screen.findByTestId('ledger-entries', undefined, SLOW);
    expect(screen.getByTestId('loaded-only')).toHaveTextContent('Sorting and filters apply to the 2 rows loaded so far');
    await user.click(screen.getByRole('combobox', { name: 'Kind' }));
    await user.click(await screen.findByRole('option', { name: 'Payment' }));
    await waitFor(() => expect(within(table).queryByRole('link', { name: 'Zoila Muñoz' })).not.toBeInTheDocument());
    expect(within(table).getByRole('link', { name: 'Pedro Quispe' })).toBeInTheDocument();
    await user.click(screen.getByRole('combobox', { name: 'Payment method' }));
    await user.click(await screen.findByRole('option', { name: 'Card' }));

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(lastCall(calls, '/api/v1/ledger/entries.csv')).toBeDefined());
    const search = lastCall(calls, '/api/v1/ledger/entries.csv')!.search;
    expect([search.get('kind'), search.get('payment_method'), search.get('currency'), search.get('q')]).toEqual(['payment', 'card', null, null]);
    expect(search.get('from')).toMatch(/^\d{4}-\d{2}-01$/);
  });

  it('filters unpaid bills by currency and exports the same choice', async () => {
    signInAs('admin');
    const calls = fakeApi(routes());
    renderApp('/ledger?section=unpaid');
    const user = userEvent.setup();

    const table = await screen.findByTestId('unpaid-bills', undefined, SLOW);
    expect(await within(table).findByRole('link', { name: 'Ana Ríos' }, SLOW)).toHaveAttribute('href', '/clients/c3/bills');
    expect(screen.queryByTestId('loaded-only')).not.toBeInTheDocument(); // every page is here
    await user.click(screen.getByRole('combobox', { name: 'Currency' }));
    await user.click(await screen.findByRole('option', { name: 'PEN' }));
    expect(within(table).queryByRole('link', { name: 'Ana Ríos' })).not.toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'Zoila Muñoz' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(lastCall(calls, '/api/v1/ledger/unpaid-bills.csv')).toBeDefined());
    expect(Object.fromEntries(lastCall(calls, '/api/v1/ledger/unpaid-bills.csv')!.search)).toEqual({ currency: 'PEN' });
  });
});
