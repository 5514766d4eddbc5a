import { useTranslation } from 'react-i18next';
import { isKnownPosCode } from './posCodes';

/** "Office" for 11, "Telehealth in the client's home" for 10; unknown codes read "Other". */
export function usePosLabel(): (code: string) => string {
  const { t } = useTranslation();
  return (code) => (isKnownPosCode(code) ? t(`settings.locations.posCodes.c${code}`) : t('settings.locations.posOther'));
}
