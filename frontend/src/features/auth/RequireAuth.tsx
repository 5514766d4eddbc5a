import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { PageSkeleton } from '../../components/PageSkeleton';
import { useSession } from './useSession';

export interface LoginLocationState {
  from?: string;
}

/** Renders its children only for a signed-in user; otherwise sends them to /login and back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();

  if (session.status === 'restoring') return <PageSkeleton />;
  if (session.status === 'signed_out') {
    // After an explicit sign-out the next person starts at home, not on the previous user's page.
    const state: LoginLocationState =
      session.reason === 'logged_out' ? {} : { from: location.pathname + location.search + location.hash };
    return <Navigate to="/login" replace state={state} />;
  }
  return children;
}
