import { useSyncExternalStore } from 'react';
import { sessionStore, type Session } from '../../api/session';

/** The current session; re-renders when it changes (sign-in, refresh, expiry, sign-out). */
export function useSession(): Session {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}

/**
 * True when the staff signed in may move money and set prices and fees: admins and the front desk. A clinician
 * reads her clients' money and records how sessions went (the API refuses her the rest).
 */
export function useMayMoveMoney(): boolean {
  const session = useSession();
  return session.status === 'signed_in' && session.user.role !== 'clinician';
}
