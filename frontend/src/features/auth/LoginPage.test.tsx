import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../api/session';
import type { TokenResponse, User } from '../../api/types';
import i18n from 'i18next';
import { fakeApi, json } from '../../test/fakeApi';
import { userFixture } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

const admin: User = userFixture();

const token = (user: User): TokenResponse => ({ access_token: 'a', token_type: 'bearer', expires_in: 900, user });

async function submit(email: string, password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByRole('textbox', { name: /email/i }), email);
  await user.type(screen.getByLabelText(/^password/i, { selector: 'input' }), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

beforeEach(() => {
  sessionStore.signOut('initial');
  vi.stubGlobal('fetch', vi.fn());
});

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('LoginPage', () => {
  it("shows the API's detail when the credentials are refused", async () => {
    fakeApi({}, () => json(401, { status: 401, title: 'Not authenticated', detail: 'Wrong email or password.' }));
    renderApp('/login');

    await submit('admin@tend.example', 'nope');

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password.');
  });

  it('says how many minutes to wait when throttled, from Retry-After', async () => {
    fakeApi({}, () => json(429, { status: 429, title: 'Too many attempts' }, { 'Retry-After': '90' }));
    renderApp('/login');

    await submit('admin@tend.example', 'nope');

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts. Try again in 2 minutes.');
  });

  it('shows validation errors from the API next to their fields', async () => {
    fakeApi({}, () =>
      json(422, {
        status: 422,
        title: 'Validation failed',
        detail: 'Invalid request',
        errors: [{ field: 'email', loc: ['body', 'email'], message: 'Not a deliverable address', type: 'value_error' }],
      }),
    );
    renderApp('/login');

    await submit('admin@tend.invalid', 'secret');

    expect(await screen.findByText('Not a deliverable address')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /email/i })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('checks for empty fields before calling the API', async () => {
    const calls = fakeApi({}, () => json(500, {}));
    renderApp('/login');

    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign in' }));

    expect(screen.getByText('Enter your email address')).toBeInTheDocument();
    expect(screen.getByText('Enter your password')).toBeInTheDocument();
    expect(calls).toEqual([]);
  });

  it('signs in and shows the frame with the user, role and the calendar', async () => {
    const calls = fakeApi({}, () => json(200, token(admin)));
    const { router } = renderApp('/login');

    await submit('admin@tend.example', 'tend-demo-admin');

    // The calendar and client screens are lazy chunks: give them time on a slow, busy machine.
    expect(await screen.findByRole('heading', { name: 'Calendar' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByText('Demo Admin')).toBeInTheDocument();
    expect(screen.getByText('Administrator')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Settings' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    // Signing in is one call; then the screens read what they show: the practice settings (the navigation says the
    // practice's own word for its clients) and the calendar's practitioners, services, places and appointments.
    const requests = calls.map((call) => `${call.method} ${call.path}`);
    expect(requests[0]).toBe('POST /api/v1/auth/login');
    expect(requests.filter((request) => request.includes('/api/v1/auth/'))).toEqual(['POST /api/v1/auth/login']);
    expect(requests).toContain('GET /api/v1/practice');
  }, 20_000);

  it('switches the language and remembers it', async () => {
    fakeApi({}, () => json(500, {}));
    renderApp('/login');

    await userEvent.setup().click(screen.getByRole('radio', { name: 'Español' }));

    expect(await screen.findByRole('button', { name: 'Entrar' })).toBeInTheDocument();
    expect(window.localStorage.getItem('tend.language')).toBe('es');
  });
});

describe('app frame', () => {
  it('hides Settings from non-admins and refuses the page', async () => {
    fakeApi({}, () => json(500, {}));
    sessionStore.signIn(token({ ...admin, name: 'Front Desk', role: 'front_desk' }));
    renderApp('/settings');

    expect(await screen.findByRole('heading', { name: 'No access' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Settings' })).not.toBeInTheDocument();
    expect(screen.getByText('Front desk')).toBeInTheDocument();
  });

  it('sends a signed-out visitor to the login page and back after signing in', async () => {
    fakeApi({}, () => json(200, token(admin)));
    const { router } = renderApp('/clients');

    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    await submit('admin@tend.example', 'tend-demo-admin');

    await waitFor(() => expect(router.state.location.pathname).toBe('/clients'));
    expect(await screen.findByRole('heading', { name: 'Clients' }, { timeout: 10_000 })).toBeInTheDocument();
  }, 20_000);

  it('shows a not-found page for unknown paths', async () => {
    fakeApi({}, () => json(500, {}));
    sessionStore.signIn(token(admin));
    renderApp('/no-such-page');

    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });
});
