import { useTranslation } from 'react-i18next';
import type { PercentError } from '../commission';

/** Why a typed commission is refused, in the UI language. */
export function usePercentErrorMessage(): (error: PercentError) => string {
  const { t } = useTranslation();
  return (error) =>
    error === 'precision'
      ? t('settings.practitioners.commissionPrecision')
      : error === 'range'
        ? t('settings.practitioners.commissionRange')
        : t('settings.practitioners.commissionFormat');
}
