/**
 * Where signing in lands: the front desk starts on the client list, the screen its work happens on; the others on
 * the calendar (reachable by everyone at /calendar).
 */
import { lazy } from 'react';
import { Navigate } from 'react-router';
import { useSession } from '../auth/useSession';
import { homePathFor } from './navigation';

const CalendarPage = lazy(() => import('../calendar/CalendarPage'));

export function HomePage() {
  const session = useSession();
  const home = session.status === 'signed_in' ? homePathFor(session.user.role) : null;
  return home ? <Navigate to={home} replace /> : <CalendarPage />;
}
