/** The fake API of component tests: fetch answered by route ("GET /api/v1/clients"), recording every call. */
import { vi } from 'vitest';
import { sessionStore } from '../api/session';
import type { User } from '../api/types';
import { userFixture } from './fixtures';

export interface ApiCall {
  method: string;
  path: string;
  search: URLSearchParams;
  /** The JSON body sent, or null. */
  body: unknown;
  /** The request's headers (e.g. `Idempotency-Key`). */
  headers: Headers;
}

export type Handler = (call: ApiCall) => Response | Promise<Response>;

/** A JSON response; errors are problem+json, a 204 has no body. */
export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });

const notFound: Handler = () => json(404, { status: 404, title: 'Not found', detail: 'No such thing.' });

/**
 * Stubs the global fetch for this test (undone after it, see setup.ts): `routes` maps "METHOD /path" to a
 * handler; other calls go to `fallback` (a 404 by default). Returns the calls made, in order.
 */
export function fakeApi(routes: Record<string, Handler>, fallback: Handler = notFound): ApiCall[] {
  const calls: ApiCall[] = [];
  const fetch = async (input: RequestInfo | URL): Promise<Response> => {
    const request = input as Request;
    const url = new URL(request.url);
    const text = request.method === 'GET' ? '' : await request.clone().text();
    const call = {
      method: request.method,
      path: url.pathname,
      search: url.searchParams,
      body: text ? JSON.parse(text) : null,
      headers: new Headers(request.headers),
    };
    calls.push(call);
    return (routes[`${call.method} ${call.path}`] ?? fallback)(call);
  };
  vi.stubGlobal('fetch', vi.fn(fetch));
  return calls;
}

/** Signs a staff user with `role` in, as if they had logged in. */
export function signInAs(role: User['role'] = 'front_desk') {
  const user =
    role === 'admin'
      ? userFixture()
      : userFixture({ id: '00000000-0000-0000-0000-000000000002', email: 'frontdesk@tend.example', name: 'Front Desk', role });
  sessionStore.signIn({ access_token: 'a', token_type: 'bearer', expires_in: 900, user });
}
