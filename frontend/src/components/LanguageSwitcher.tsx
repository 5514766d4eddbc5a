import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, chooseLanguage, currentLanguage, type Language } from '../i18n';

/** en/es toggle; the choice is remembered in this browser. */
export function LanguageSwitcher() {
  const { t } = useTranslation();

  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={currentLanguage()}
      onChange={(value) => void chooseLanguage(value as Language)}
      data={LANGUAGES.map((language) => ({ value: language, label: t(`language.${language}`) }))}
    />
  );
}
