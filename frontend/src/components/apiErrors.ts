/**
 * Where a failed save's error goes, for every form: field messages next to their fields, 409s to the conflict
 * dialog (or to the caller, who may offer the next step), the rest above the form.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problem';
import { problemText } from '../i18n/problemText';

export interface FieldPlacement {
  /** Form path → message, for the inputs on screen. */
  fieldErrors: Record<string, string>;
  /** Messages about fields the form does not show, for above the form. */
  unplaced: string[];
}

/** Puts the API's field errors (path → message) on the form's inputs. */
export type PlaceFieldErrors = (apiErrors: Record<string, string>) => FieldPlacement;

/** Places each error on the form field it names, or under (`default_prices.PEN` goes to `default_prices.PEN`). */
export function onFields(fields: readonly string[]): PlaceFieldErrors {
  return (apiErrors) => {
    const entries = Object.entries(apiErrors);
    const isPlaced = (field: string) => fields.some((known) => field === known || field.startsWith(`${known}.`));
    return {
      fieldErrors: Object.fromEntries(entries.filter(([field]) => isPlaced(field))),
      unplaced: entries.filter(([field]) => !isPlaced(field)).map(([, message]) => message),
    };
  };
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

export interface ApiErrorFeedbackOptions {
  /** Takes 409s instead of the built-in conflict dialog, e.g. to offer "Edit the existing relationship". */
  onConflict?: (error: ApiError) => void;
  /** Said above the form when some errors were placed next to their fields, e.g. "Fix the marked fields." */
  placedSummary?: string;
}

export function useApiErrorFeedback({ onConflict, placedSummary }: ApiErrorFeedbackOptions = {}) {
  const { t } = useTranslation();
  const [messages, setMessages] = useState<string[]>([]);
  const [conflict, setConflict] = useState<ApiError | null>(null);

  /** Routes `error`; `fields` are the form's field names (or how to place errors), `setFieldErrors` shows them. */
  function handle(
    error: unknown,
    fields: readonly string[] | PlaceFieldErrors = [],
    setFieldErrors?: (errors: Record<string, string>) => void,
  ): void {
    if (!(error instanceof ApiError)) {
      setMessages([t('errors.network')]);
      return;
    }
    if (error.status === 409) {
      setMessages([]);
      if (onConflict) onConflict(error);
      else setConflict(error);
      return;
    }
    const place = typeof fields === 'function' ? fields : onFields(fields);
    const text = problemText(error, t);
    const { fieldErrors, unplaced } = place(text.fieldErrors);
    setFieldErrors?.(fieldErrors);
    const placed = Object.keys(fieldErrors).length > 0;
    setMessages([
      ...(placed && placedSummary ? [placedSummary] : []),
      ...unplaced,
      ...(!placed && unplaced.length === 0 ? [text.message] : []),
    ]);
  }

  return {
    /** What to say above the form, one message per problem. */
    messages,
    /** The same, as one text (e.g. an input's error). */
    general: messages.length > 0 ? messages.join(' ') : null,
    conflict,
    handle,
    closeConflict: () => setConflict(null),
    reset: () => {
      setMessages([]);
      setConflict(null);
    },
  };
}

export type ApiErrorFeedback = ReturnType<typeof useApiErrorFeedback>;
