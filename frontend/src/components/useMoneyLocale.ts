import { useTranslation } from 'react-i18next';
import { usePractice } from '../api/queries/practice';
import { practiceLocale } from '../lib/locale';

/** The locale amounts are written in: the UI language in the practice's country setting ("es-PE", "en-PE"). */
export function useMoneyLocale(): string {
  const { i18n } = useTranslation();
  const practice = usePractice();
  return practiceLocale(i18n.resolvedLanguage ?? 'en', practice.data?.country);
}
