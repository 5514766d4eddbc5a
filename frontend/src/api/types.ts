/** Names for the generated OpenAPI schemas the app uses; the shapes themselves come from schema.d.ts. */
import type { components } from './schema';

export type User = components['schemas']['UserOut'];
export type Role = User['role'];
export type TokenResponse = components['schemas']['TokenOut'];
export type LoginRequest = components['schemas']['LoginIn'];
