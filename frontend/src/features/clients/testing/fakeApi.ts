/** Test helpers for the client screens: a fake API routed by method and path that records each call. */
import { sessionStore } from '../../../api/session';
import type { User } from '../../../api/types';

export interface ApiCall {
  method: string;
  path: string;
  search: URLSearchParams;
  body: unknown;
}

type Handler = (call: ApiCall) => Response | Promise<Response>;

export const json = (status: number, body: unknown) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });

/** Replaces fetch; `routes` maps "GET /api/v1/clients" to a handler. Unrouted calls answer 404. */
export function fakeApi(routes: Record<string, Handler>): ApiCall[] {
  const calls: ApiCall[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL) => {
    const request = input as Request;
    const url = new URL(request.url);
    const text = request.method === 'GET' ? '' : await request.clone().text();
    const call = { method: request.method, path: url.pathname, search: url.searchParams, body: text ? JSON.parse(text) : null };
    calls.push(call);
    const handler = routes[`${call.method} ${call.path}`];
    return handler ? handler(call) : json(404, { status: 404, title: 'Not found', detail: 'No such thing.' });
  }) as typeof globalThis.fetch;
  return calls;
}

export function signInAs(role: User['role'] = 'front_desk') {
  const user: User = {
    id: '00000000-0000-0000-0000-000000000002',
    email: 'frontdesk@tend.example',
    name: 'Front Desk',
    role,
    active: true,
    practitioner_id: null,
    locale: null,
  };
  sessionStore.signIn({ access_token: 'a', token_type: 'bearer', expires_in: 900, user });
}
