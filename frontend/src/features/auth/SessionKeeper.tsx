/** Keeps the session alive: restores it from the refresh cookie on load and refreshes before the token expires. */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { refreshSession } from '../../api/client';
import { sessionStore } from '../../api/session';
import { applyUserLanguage } from '../../i18n';
import { useSession } from './useSession';

/** Refresh a little before expiry: a minute early, or a fifth of the lifetime for short-lived tokens. */
export function refreshDelayMs(remainingMs: number): number {
  return Math.max(1_000, remainingMs - Math.min(60_000, remainingMs * 0.2));
}

export function SessionKeeper() {
  const session = useSession();
  const queryClient = useQueryClient();
  // Who the language was last applied for, and whether they had just signed in (not a restored session).
  const previous = useRef(session.status);
  const languageFor = useRef<string | null>(null);

  useEffect(() => {
    if (sessionStore.get().status === 'restoring') void refreshSession();
  }, []);

  useEffect(() => {
    const before = previous.current;
    previous.current = session.status;
    if (session.status === 'signed_out') {
      languageFor.current = null;
      queryClient.clear(); // nothing of one user's data may linger for the next
      return;
    }
    if (session.status !== 'signed_in') return;
    // Once per sign-in, not at every token refresh (a switch made in the app stays).
    if (languageFor.current !== session.user.id) {
      languageFor.current = session.user.id;
      void applyUserLanguage(session.user.locale, { signedIn: before === 'signed_out' });
    }
    const timer = window.setTimeout(() => void refreshSession(), refreshDelayMs(session.expiresAt - Date.now()));
    return () => window.clearTimeout(timer);
  }, [session, queryClient]);

  return null;
}
