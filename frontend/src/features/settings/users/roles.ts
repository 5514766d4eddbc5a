import type { Role } from '../../../api/types';

export const ROLES: readonly Role[] = ['admin', 'front_desk', 'clinician'];

/** The API's minimum for a staff password. */
export const MIN_PASSWORD_LENGTH = 10;
