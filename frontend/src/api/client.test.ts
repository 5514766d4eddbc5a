import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from './client';
import { createSessionStore } from './session';
import type { TokenResponse } from './types';
import { userFixture } from '../test/fixtures';

const BASE = 'http://tend.test';

function tokenResponse(accessToken: string): TokenResponse {
  return {
    access_token: accessToken,
    token_type: 'bearer',
    expires_in: 900,
    user: userFixture(),
  };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const problem = (status: number) =>
  new Response(JSON.stringify({ type: 'about:blank', title: 'Not authenticated', status, detail: 'No.' }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });

/** A fake backend: `me` accepts only the `valid` token; refresh hands it out (after `refreshDelay` ms). */
function fakeBackend({ refreshOk = true, refreshDelay = 0 } = {}) {
  const calls: { path: string; authorization: string | null; body: string }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const request = input as Request;
    const path = new URL(request.url).pathname;
    calls.push({ path, authorization: request.headers.get('Authorization'), body: await request.text() });
    if (path === '/api/v1/auth/refresh') {
      await new Promise((resolve) => setTimeout(resolve, refreshDelay));
      return refreshOk ? json(200, tokenResponse('valid')) : problem(401);
    }
    if (path === '/api/v1/auth/login') return problem(401);
    return request.headers.get('Authorization') === 'Bearer valid' ? json(200, tokenResponse('valid').user) : problem(401);
  });
  return { fetch, calls };
}

function signedInWith(token: string) {
  const session = createSessionStore();
  session.signIn(tokenResponse(token));
  return session;
}

describe('api client', () => {
  it('sends the access token as a bearer header', async () => {
    const { fetch, calls } = fakeBackend();
    const { client } = createApiClient({ session: signedInWith('valid'), baseUrl: BASE, fetch });

    const { data } = await client.GET('/api/v1/auth/me');

    expect(data?.name).toBe('Demo Admin');
    expect(calls).toEqual([{ path: '/api/v1/auth/me', authorization: 'Bearer valid', body: '' }]);
  });

  it('refreshes once for concurrent 401s and retries each request with the new token', async () => {
    const { fetch, calls } = fakeBackend({ refreshDelay: 20 });
    const session = signedInWith('stale');
    const { client } = createApiClient({ session, baseUrl: BASE, fetch });

    const results = await Promise.all([client.GET('/api/v1/auth/me'), client.GET('/api/v1/auth/me')]);

    expect(results.map((result) => result.response.status)).toEqual([200, 200]);
    expect(calls.filter((call) => call.path === '/api/v1/auth/refresh')).toHaveLength(1);
    expect(calls.slice(-2).map((call) => call.authorization)).toEqual(['Bearer valid', 'Bearer valid']);
    expect(session.accessToken()).toBe('valid');
  });

  it('signs out as expired when the refresh is refused, returning the original 401', async () => {
    const { fetch, calls } = fakeBackend({ refreshOk: false });
    const session = signedInWith('stale');
    const { client } = createApiClient({ session, baseUrl: BASE, fetch });

    const { response, error } = await client.GET('/api/v1/auth/me');

    expect(response.status).toBe(401);
    expect(error).toMatchObject({ detail: 'No.' });
    expect(session.get()).toEqual({ status: 'signed_out', reason: 'expired' });
    expect(calls.map((call) => call.path)).toEqual(['/api/v1/auth/me', '/api/v1/auth/refresh']);
  });

  it('keeps a signed-in session when the refresh cannot reach the server', async () => {
    const session = signedInWith('stale');
    const fetch = vi.fn(async (input: RequestInfo | URL) => {
      if (new URL((input as Request).url).pathname === '/api/v1/auth/refresh') throw new TypeError('Failed to fetch');
      return problem(401);
    });
    const { client } = createApiClient({ session, baseUrl: BASE, fetch });

    const { response } = await client.GET('/api/v1/auth/me');

    expect(response.status).toBe(401);
    expect(session.get().status).toBe('signed_in');
  });

  it('does not refresh on a 401 from login (wrong password is not an expired token)', async () => {
    const { fetch, calls } = fakeBackend();
    const session = createSessionStore({ status: 'signed_out', reason: 'initial' });
    const { client } = createApiClient({ session, baseUrl: BASE, fetch });

    const { response } = await client.POST('/api/v1/auth/login', {
      body: { email: 'admin@tend.example', password: 'wrong' },
    });

    expect(response.status).toBe(401);
    expect(calls.map((call) => call.path)).toEqual(['/api/v1/auth/login']);
  });

  it('restores a session from the refresh cookie, or reports signed out', async () => {
    const ok = createApiClient({ session: createSessionStore(), baseUrl: BASE, fetch: fakeBackend().fetch });
    const refused = createApiClient({
      session: createSessionStore(),
      baseUrl: BASE,
      fetch: fakeBackend({ refreshOk: false }).fetch,
    });

    expect(await ok.refreshSession()).toBe(true);
    expect(await refused.refreshSession()).toBe(false);
  });
});
