/** The settings screens, in the order the sub-navigation lists them. */
export const SETTINGS_SECTIONS = [
  { path: 'practice', label: 'settings.nav.practice' },
  { path: 'users', label: 'settings.nav.users' },
  { path: 'practitioners', label: 'settings.nav.practitioners' },
  { path: 'services', label: 'settings.nav.services' },
  { path: 'locations', label: 'settings.nav.locations' },
  { path: 'programs', label: 'settings.nav.programs' },
  { path: 'custom-fields', label: 'settings.nav.customFields' },
  { path: 'api-keys', label: 'settings.nav.apiKeys' },
] as const;
