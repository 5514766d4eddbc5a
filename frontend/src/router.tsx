/** The route table. Screens are lazy so heavy ones (calendar, charts) load only when opened. */
import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { LoginPage } from './features/auth/LoginPage';
import { RequireAuth } from './features/auth/RequireAuth';
import { RequireRole } from './features/auth/RequireRole';
import { AppFrame } from './features/shell/AppFrame';
import { HomePage } from './features/shell/HomePage';
import { NotFoundPage } from './features/shell/NotFoundPage';
import { settingsRoutes } from './features/settings/routes';

const CalendarPage = lazy(() => import('./features/calendar/CalendarPage'));
const ClientsPage = lazy(() => import('./features/clients/ClientsPage'));
const NewClientPage = lazy(() => import('./features/clients/NewClientPage'));
const ClientDetailPage = lazy(() => import('./features/clients/ClientDetailPage'));
const LedgerPage = lazy(() => import('./features/ledger/LedgerPage'));
const ReportsPage = lazy(() => import('./features/reports/ReportsPage'));
const SettingsPage = lazy(() => import('./features/settings/SettingsPage'));

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppFrame />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'calendar', element: <CalendarPage /> },
      { path: 'clients', element: <ClientsPage /> },
      { path: 'clients/new', element: <NewClientPage /> },
      { path: 'clients/:clientId/:tab?', element: <ClientDetailPage /> },
      { path: 'ledger', element: <LedgerPage /> },
      { path: 'reports', element: <ReportsPage /> },
      {
        path: 'settings',
        element: (
          <RequireRole roles={['admin']}>
            <SettingsPage />
          </RequireRole>
        ),
        children: settingsRoutes,
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
