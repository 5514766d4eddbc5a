import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { formatMoney } from '../../lib/money';
import { renderApp } from '../../test/renderApp';
import { fakeApi, json, signInAs } from '../../test/fakeApi';
import { clientFixture, practiceFixture, practitionerFixture } from '../../test/fixtures';

const SLOW = { timeout: 8_000 };
// Amounts are written as in the practice's country (Lima: en-PE in the English UI). Testing Library normalises the
// DOM's no-break spaces (which Intl puts in amounts) to plain spaces.
const money = (minor: number, currency: string) => formatMoney(minor, currency, 'en-PE').replace(/\s/g, ' ');

const zoila = clientFixture({
  balances: [
    { currency: 'PEN', amount_minor: 15010 },
    { currency: 'USD', amount_minor: -2000 },
  ],
});
const rosa = clientFixture({
  id: '22222222-2222-4222-8222-222222222222',
  first_name: 'Rosa',
  preferred_name: 'Rosita',
  practitioners: [],
  current_programs: [],
  sessions_attended: 0,
});

const referenceRoutes = {
  'GET /api/v1/practice': () => json(200, practiceFixture),
  'GET /api/v1/practitioners': () => json(200, { items: [practitionerFixture], next_cursor: null }),
  'GET /api/v1/programs': () => json(200, { items: [], next_cursor: null }),
};

beforeEach(() => signInAs('front_desk'));

describe('client list', { timeout: 20_000 }, () => {
  it('shows each client with practitioners, programs, sessions and one balance chip per currency', async () => {
    fakeApi({ ...referenceRoutes, 'GET /api/v1/clients': () => json(200, { items: [zoila, rosa], next_cursor: null }) });
    renderApp('/clients');

    const row = (await screen.findByRole('link', { name: 'Zoila Muñoz' }, SLOW)).closest('tr')!;
    expect(within(row).getByText('Dra. Ana Ríos')).toBeInTheDocument();
    expect(within(row).getByText('Family therapy')).toBeInTheDocument();
    expect(within(row).getByText('3')).toBeInTheDocument();
    expect(await within(row).findByText(money(15010, 'PEN'))).toBeInTheDocument();
    expect(money(15010, 'PEN')).toBe('S/ 150.10');
    expect(within(row).getByText(`Credit ${money(2000, 'USD')}`)).toBeInTheDocument();
    // The preferred name is what staff see; the legal name stays beside it.
    const rosaRow = screen.getByRole('link', { name: 'Rosita Muñoz' }).closest('tr')!;
    expect(within(rosaRow).getByText('Rosa Muñoz')).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search clients' })).toHaveFocus();
  });

  it('searches on the server as you type and says what to do when nothing matches', async () => {
    const calls = fakeApi({
      ...referenceRoutes,
      'GET /api/v1/clients': ({ search }) => json(200, { items: search.get('q') ? [] : [zoila], next_cursor: null }),
    });
    renderApp('/clients');
    const user = userEvent.setup();
    const search = await screen.findByRole('searchbox', { name: 'Search clients' }, SLOW);
    await screen.findByRole('link', { name: 'Zoila Muñoz' }, SLOW);

    await user.click(search);
    await user.paste('nobody here');

    expect(await screen.findByText('No clients match “nobody here”', undefined, SLOW)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Register a new client' })).toHaveAttribute('href', '/clients/new');
    const searched = calls.filter((call) => call.path === '/api/v1/clients').map((call) => call.search.get('q'));
    expect(searched).toEqual([null, 'nobody here']);
  });

  it('focuses the search with "/" from anywhere on the page', async () => {
    fakeApi({ ...referenceRoutes, 'GET /api/v1/clients': () => json(200, { items: [zoila], next_cursor: null }) });
    renderApp('/clients');
    const search = await screen.findByRole('searchbox', { name: 'Search clients' }, SLOW);
    const link = await screen.findByRole('link', { name: 'Zoila Muñoz' }, SLOW);

    link.focus();
    fireEvent.keyDown(link, { key: '/' });

    expect(search).toHaveFocus();
  });

  it('loads the next page with the cursor', async () => {
    const calls = fakeApi({
      ...referenceRoutes,
      'GET /api/v1/clients': ({ search }) =>
        search.get('cursor') === 'page-2'
          ? json(200, { items: [rosa], next_cursor: null })
          : json(200, { items: [zoila], next_cursor: 'page-2' }),
    });
    renderApp('/clients');
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Load more' }, SLOW));

    expect(await screen.findByRole('link', { name: 'Rosita Muñoz' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Zoila Muñoz' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(calls.filter((call) => call.path === '/api/v1/clients').map((call) => call.search.get('cursor'))).toEqual([
      null,
      'page-2',
    ]);
    await waitFor(() => expect(screen.getByText('2 clients shown')).toBeInTheDocument());
  });
});
