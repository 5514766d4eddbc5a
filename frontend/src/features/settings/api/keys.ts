/** Query keys of the settings screens. Mutations also mark the plain resource key stale (other screens). */
export const settingsKeys = {
  practice: ['settings', 'practice'] as const,
  users: ['settings', 'users'] as const,
  practitioners: ['settings', 'practitioners'] as const,
  services: ['settings', 'services'] as const,
  locations: ['settings', 'locations'] as const,
  rooms: ['settings', 'rooms'] as const,
  programs: ['settings', 'programs'] as const,
  customFields: ['settings', 'custom-fields'] as const,
  apiKeys: ['settings', 'api-keys'] as const,
};
