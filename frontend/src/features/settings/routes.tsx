/** The settings area's child routes; each screen loads when first opened. */
import { lazy } from 'react';
import { Navigate, type RouteObject } from 'react-router';

const PracticeScreen = lazy(() => import('./practice/PracticeScreen'));
const UsersScreen = lazy(() => import('./users/UsersScreen'));
const PractitionersScreen = lazy(() => import('./practitioners/PractitionersScreen'));
const ServicesScreen = lazy(() => import('./services/ServicesScreen'));
const LocationsScreen = lazy(() => import('./locations/LocationsScreen'));
const ProgramsScreen = lazy(() => import('./programs/ProgramsScreen'));
const CustomFieldsScreen = lazy(() => import('./customFields/CustomFieldsScreen'));
const ApiKeysScreen = lazy(() => import('./apiKeys/ApiKeysScreen'));

export const settingsRoutes: RouteObject[] = [
  { index: true, element: <Navigate to="practice" replace /> },
  { path: 'practice', element: <PracticeScreen /> },
  { path: 'users', element: <UsersScreen /> },
  { path: 'practitioners', element: <PractitionersScreen /> },
  { path: 'services', element: <ServicesScreen /> },
  { path: 'locations', element: <LocationsScreen /> },
  { path: 'programs', element: <ProgramsScreen /> },
  { path: 'custom-fields', element: <CustomFieldsScreen /> },
  { path: 'api-keys', element: <ApiKeysScreen /> },
];
