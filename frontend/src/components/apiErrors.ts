/** Where a failed save's error goes: field messages next to their fields, 409s to the conflict dialog, the rest above the form. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/problem';

/** Does an API field path (`default_prices.PEN`) belong to one of the form's fields (`default_prices`)? */
function isPlaced(field: string, fields: readonly string[]): boolean {
  return fields.some((known) => field === known || field.startsWith(`${known}.`));
}

/** The messages under `prefix`, keyed by the rest of the path: `default_prices.PEN` -> `{PEN: ...}`. */
export function errorsUnder(errors: Record<string, unknown>, prefix: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    if (field.startsWith(`${prefix}.`) && typeof message === 'string') found[field.slice(prefix.length + 1)] = message;
  }
  return found;
}

/** The first message at `prefix` or under it (e.g. `currencies.1` for the currencies input). */
export function firstErrorAt(errors: Record<string, unknown>, prefix: string): string | undefined {
  const own = errors[prefix];
  if (typeof own === 'string') return own;
  return Object.values(errorsUnder(errors, prefix))[0];
}

export function useApiErrorFeedback() {
  const { t } = useTranslation();
  const [general, setGeneral] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ApiError | null>(null);

  /** Routes `error`; `fields` are the form's field names, `setFieldErrors` shows messages next to them. */
  function handle(
    error: unknown,
    fields: readonly string[] = [],
    setFieldErrors?: (errors: Record<string, string>) => void,
  ): void {
    if (!(error instanceof ApiError)) {
      setGeneral(t('errors.network'));
      return;
    }
    if (error.status === 409) {
      setConflict(error);
      setGeneral(null);
      return;
    }
    const placed = Object.entries(error.problem.formErrors).filter(([field]) => isPlaced(field, fields));
    const unplaced = Object.entries(error.problem.formErrors).filter(([field]) => !isPlaced(field, fields));
    setFieldErrors?.(Object.fromEntries(placed));
    if (unplaced.length > 0) setGeneral(unplaced.map(([, message]) => message).join(' '));
    else if (placed.length > 0) setGeneral(null);
    else setGeneral(error.problem.detail ?? t('errors.generic'));
  }

  return {
    general,
    conflict,
    handle,
    closeConflict: () => setConflict(null),
    reset: () => {
      setGeneral(null);
      setConflict(null);
    },
  };
}
