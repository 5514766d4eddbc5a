/**
 * The API's stable problem codes: every problem+json carries one in `code`, and so does every `errors[]` item.
 * The SPA chooses its own words by them (the `errors.codes` and `errors.nextSteps` catalogues); the server's
 * English `detail`, `message` and `next_step` are the fallback for a code it does not know.
 */
import { errorCodeValues, type components } from './schema';

// Generated from the OpenAPI schema (npm run gen:api): a new code fails to compile until both catalogues
// (i18n/locales/{en,es}/errors.ts) have words for it.
export const ERROR_CODES = errorCodeValues;
export type ErrorCode = components['schemas']['ErrorCode'];
export type ConflictCode = Extract<ErrorCode, `conflict.${string}`>;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

export function isConflictCode(code: ErrorCode): code is ConflictCode {
  return code.startsWith('conflict.');
}
