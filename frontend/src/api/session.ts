/** The signed-in session: access token and user, held in memory only (the refresh token is an httpOnly cookie). */
import type { TokenResponse, User } from './types';

export type SignedOutReason = 'initial' | 'expired' | 'logged_out';

export type Session =
  | { status: 'restoring' }
  | { status: 'signed_out'; reason: SignedOutReason }
  | { status: 'signed_in'; user: User; accessToken: string; expiresAt: number };

export interface SessionStore {
  get(): Session;
  subscribe(listener: () => void): () => void;
  accessToken(): string | null;
  signIn(token: TokenResponse, now?: number): void;
  signOut(reason: SignedOutReason): void;
  /** Back to how a page load starts: restoring (unit tests share one module between files). */
  reset(): void;
}

export function createSessionStore(initial: Session = { status: 'restoring' }): SessionStore {
  let session = initial;
  const listeners = new Set<() => void>();

  const set = (next: Session) => {
    session = next;
    for (const listener of listeners) listener();
  };

  return {
    get: () => session,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    accessToken: () => (session.status === 'signed_in' ? session.accessToken : null),
    signIn(token, now = Date.now()) {
      set({
        status: 'signed_in',
        user: token.user,
        accessToken: token.access_token,
        expiresAt: now + token.expires_in * 1000,
      });
    },
    signOut(reason) {
      set({ status: 'signed_out', reason });
    },
    reset() {
      set(initial);
    },
  };
}

export const sessionStore = createSessionStore();
