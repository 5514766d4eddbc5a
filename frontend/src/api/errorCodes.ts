/**
 * The API's stable problem codes: every problem+json carries one in `code`, and so does every `errors[]` item.
 * The SPA chooses its own words by them (the `errors.codes` and `errors.nextSteps` catalogues); the server's
 * English `detail`, `message` and `next_step` are the fallback for a code it does not know.
 */
import type { components } from './schema';

export const ERROR_CODES = [
  // The request as a whole.
  'validation.failed',
  'bad_request',
  'not_found',
  'unauthenticated',
  'forbidden',
  'too_many_attempts',
  'method_not_allowed',
  'payload_too_large',
  'internal_error',
  // 409s: the request was fine, the state of things refuses it.
  'conflict.relationship_exists',
  'conflict.enrollment_overlap',
  'conflict.in_use',
  'conflict.duplicate',
  'conflict.email_taken',
  'conflict.last_admin',
  'conflict.practitioner_linked',
  'conflict.custom_field_key_taken',
  'conflict.job_not_dead',
  // 403s with a reason the user can act on.
  'forbidden.own_password',
  'forbidden.reassign_clients',
  'forbidden.role_may_not_delete',
  // One field.
  'validation.required',
  'validation.unknown_field',
  'validation.invalid_json',
  'validation.too_short',
  'validation.too_long',
  'validation.out_of_range',
  'validation.wrong_type',
  'validation.choice',
  'validation.email',
  'validation.date',
  'validation.future_date',
  'validation.unknown_reference',
  'validation.inactive_reference',
  'validation.currency',
  'validation.currency_not_enabled',
  'validation.format',
  'validation.duplicate_value',
  'validation.characters',
  'validation.too_large',
  'validation.password_too_short',
  'validation.wrong_password',
  'validation.cursor',
  'validation.invalid',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
export type ConflictCode = Extract<ErrorCode, `conflict.${string}`>;

/**
 * Fails to compile when the generated schema (npm run gen:api) names a code missing above: add it here and to
 * both catalogues. (Once the schema names every code, ErrorCode can simply be the generated type.)
 */
export const EVERY_GENERATED_CODE_IS_KNOWN: Exclude<components['schemas']['ErrorCode'], ErrorCode> extends never
  ? true
  : never = true;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

export function isConflictCode(code: ErrorCode): code is ConflictCode {
  return code.startsWith('conflict.');
}
