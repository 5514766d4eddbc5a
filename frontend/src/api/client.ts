/**
 * The typed API client (openapi-fetch over the generated schema) and the session refresh it relies on:
 * adds the bearer token, and on a 401 refreshes once (shared by concurrent requests) and retries.
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { sessionStore, type SessionStore } from './session';

export type ApiClient = Client<paths>;

// A 401 from these means "wrong credentials" or "no valid cookie", never "access token expired".
const AUTH_PATHS = new Set<string>(['/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/auth/logout']);

const REFRESH_LOCK = 'tend.auth.refresh';

export interface ApiClientOptions {
  session: SessionStore;
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
}

export interface ApiClientBundle {
  client: ApiClient;
  /** Trades the refresh cookie for a new access token; concurrent callers share one request. */
  refreshSession: () => Promise<boolean>;
}

export function createApiClient({ session, baseUrl = '', fetch }: ApiClientOptions): ApiClientBundle {
  // Looked up per call so tests (and anything else) that replace globalThis.fetch are honoured.
  const doFetch: typeof globalThis.fetch = (input, init) => (fetch ?? globalThis.fetch)(input, init);
  const client = createClient<paths>({ baseUrl, credentials: 'same-origin', fetch: doFetch });

  let refreshing: Promise<boolean> | null = null;

  async function refreshOnce(): Promise<boolean> {
    try {
      const { data, response } = await client.POST('/api/v1/auth/refresh');
      if (response.ok && data) {
        session.signIn(data);
        return true;
      }
      // Refused (4xx): the session is over. A server error says nothing about the cookie, so keep what we have.
      if (response.status < 500) return signOut();
    } catch {
      // Server unreachable: likewise, the cookie may still be good.
    }
    // A signed-in user stays signed in and the next 401 tries again; with no session yet there is nothing to keep.
    if (session.get().status !== 'signed_in') session.signOut('initial');
    return false;
  }

  function signOut(): false {
    session.signOut(session.get().status === 'signed_in' ? 'expired' : 'initial');
    return false;
  }

  function refreshSession(): Promise<boolean> {
    // Tabs share the cookie, and the server ends the session if a rotated cookie is presented twice, so tabs
    // take turns (Web Locks); a tab that waited sends the cookie the other tab's refresh just set.
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    refreshing ??= (locks ? underLock(locks, refreshOnce) : refreshOnce()).finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  // Requests keep an unread copy so a 401 can be retried with the new token (the original body is consumed).
  const retryCopies = new WeakMap<Request, Request>();

  const auth: Middleware = {
    onRequest({ request, schemaPath }) {
      const token = session.accessToken();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      if (!AUTH_PATHS.has(schemaPath)) retryCopies.set(request, request.clone());
      return request;
    },
    async onResponse({ request, response }) {
      const copy = retryCopies.get(request);
      retryCopies.delete(request);
      if (response.status !== 401 || !copy) return response;

      // Another request may have refreshed while this one was in flight; then just retry with the new token.
      const current = bearer(session);
      const refreshed =
        current !== null && current !== request.headers.get('Authorization') ? true : await refreshSession();
      if (!refreshed) return response;

      const token = session.accessToken();
      if (token) copy.headers.set('Authorization', `Bearer ${token}`);
      return doFetch(copy);
    },
  };
  client.use(auth);

  return { client, refreshSession };
}

/** Runs `task` holding a Web Lock shared by all tabs of this origin; the lock is released when it settles. */
function underLock<T>(locks: LockManager, task: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    locks.request(REFRESH_LOCK, () => task().then(resolve, reject)).catch(reject);
  });
}

function bearer(session: SessionStore): string | null {
  const token = session.accessToken();
  return token ? `Bearer ${token}` : null;
}

// Same origin as the page; an absolute base keeps Request() happy outside a browser (unit tests).
const { client, refreshSession } = createApiClient({
  session: sessionStore,
  baseUrl: typeof window === 'undefined' ? '' : window.location.origin,
});

export const api = client;
export { refreshSession };
