/** Keeps the session alive: restores it from the refresh cookie on load and refreshes before the token expires. */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
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

  useEffect(() => {
    if (sessionStore.get().status === 'restoring') void refreshSession();
  }, []);

  useEffect(() => {
    if (session.status === 'signed_out') {
      queryClient.clear(); // nothing of one user's data may linger for the next
      return;
    }
    if (session.status !== 'signed_in') return;
    void applyUserLanguage(session.user.locale);
    const timer = window.setTimeout(() => void refreshSession(), refreshDelayMs(session.expiresAt - Date.now()));
    return () => window.clearTimeout(timer);
  }, [session, queryClient]);

  return null;
}
