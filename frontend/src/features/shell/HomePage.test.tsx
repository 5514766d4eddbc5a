import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, signInAs } from '../../test/fakeApi';
import { practiceFixture } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

const SLOW = { timeout: 8_000 };

describe('home', { timeout: 20_000 }, () => {
  it('lands the front desk on the client list while the calendar is not built; the calendar keeps its route', async () => {
    fakeApi(
      { 'GET /api/v1/practice': () => json(200, practiceFixture) },
      ({ path }) => (path.startsWith('/api/v1/') ? json(200, { items: [], next_cursor: null }) : json(404, {})),
    );
    signInAs('front_desk');
    const { router } = renderApp('/');

    await waitFor(() => expect(router.state.location.pathname).toBe('/clients'), SLOW);
    expect(await screen.findByRole('heading', { name: 'Clients' }, SLOW)).toBeInTheDocument();
    const calendar = screen.getByRole('link', { name: 'Calendar' });
    expect(calendar).toHaveAttribute('href', '/calendar');
  });

  it('keeps the calendar as home for the other roles', async () => {
    fakeApi({}, () => json(500, {}));
    signInAs('admin');
    const { router } = renderApp('/');

    expect(await screen.findByRole('heading', { name: 'Calendar' }, SLOW)).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(screen.getByRole('link', { name: 'Calendar' })).toHaveAttribute('href', '/');
  });
});
