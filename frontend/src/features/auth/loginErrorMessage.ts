import type { TFunction } from 'i18next';
import { ApiError } from '../../api/problem';

/** The message shown above the login form for a failed attempt, or null when field errors say it all. */
export function loginErrorMessage(error: unknown, t: TFunction): string | null {
  if (!error) return null;
  if (!(error instanceof ApiError)) return t('errors.network');
  switch (error.status) {
    case 401:
      return error.problem.detail ?? t('auth.badCredentials');
    case 429:
      return error.retryAfterSeconds === null
        ? t('auth.tooManyAttemptsLater')
        : t('auth.tooManyAttempts', { count: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) });
    case 422:
      return Object.keys(error.problem.formErrors).length > 0 ? null : (error.problem.detail ?? t('errors.generic'));
    default:
      return error.problem.detail ?? t('errors.generic');
  }
}
