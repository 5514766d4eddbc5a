import { useSyncExternalStore } from 'react';
import { sessionStore, type Session } from '../../api/session';

/** The current session; re-renders when it changes (sign-in, refresh, expiry, sign-out). */
export function useSession(): Session {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}
