/**
 * What to tell the user about a failed call, in the UI language: the text for the problem's `code` (and each
 * field error's), the translated next step of a conflict; the server's English words only for a code the SPA
 * does not know (or none).
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isConflictCode, isErrorCode } from '../api/errorCodes';
import { ApiError } from '../api/problem';

export interface ProblemText {
  /** What went wrong as a whole. */
  message: string;
  /** What to do about it (conflicts), or null. */
  nextStep: string | null;
  /** Field path → what is wrong with that field. */
  fieldErrors: Record<string, string>;
}

export function problemText(error: unknown, t: TFunction): ProblemText {
  if (!(error instanceof ApiError)) return { message: t('errors.network'), nextStep: null, fieldErrors: {} };
  const { code, detail, nextStep, formErrors, fieldCodes } = error.problem;
  const fieldErrors = Object.fromEntries(
    Object.entries(formErrors).map(([field, message]) => {
      const fieldCode = fieldCodes[field];
      return [field, isErrorCode(fieldCode) ? t(`errors.codes.${fieldCode}`) : message];
    }),
  );
  if (!isErrorCode(code)) return { message: detail ?? t('errors.generic'), nextStep, fieldErrors };
  return {
    message: t(`errors.codes.${code}`),
    nextStep: isConflictCode(code) ? t(`errors.nextSteps.${code}`) : nextStep,
    fieldErrors,
  };
}

/** problemText in the current UI language (re-rendered when it changes). */
export function useProblemText(): (error: unknown) => ProblemText {
  const { t } = useTranslation();
  return (error) => problemText(error, t);
}
