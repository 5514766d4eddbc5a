import type { TFunction } from 'i18next';
import { ApiError } from '../../api/problem';
import { problemText } from '../../i18n/problemText';

/** The message shown above the login form for a failed attempt, or null when field errors say it all. */
export function loginErrorMessage(error: unknown, t: TFunction): string | null {
  if (!error) return null;
  if (!(error instanceof ApiError)) return t('errors.network');
  switch (error.status) {
    case 401:
      // A coded 401 from the login says only "not authenticated": say it as a login form would.
      return error.problem.code === null ? (error.problem.detail ?? t('auth.badCredentials')) : t('auth.badCredentials');
    case 429:
      return error.retryAfterSeconds === null
        ? t('auth.tooManyAttemptsLater')
        : t('auth.tooManyAttempts', { count: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) });
    case 422:
      return Object.keys(error.problem.formErrors).length > 0 ? null : problemText(error, t).message;
    default:
      return problemText(error, t).message;
  }
}
