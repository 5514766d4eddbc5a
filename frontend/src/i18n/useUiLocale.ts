import { useTranslation } from 'react-i18next';

/** The UI language as a BCP 47 tag for Intl formatting; re-renders when it changes. */
export function useUiLocale(): string {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage ?? 'en';
}
