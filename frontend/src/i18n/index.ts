/** i18next set-up: en/es catalogues, the chosen language remembered in localStorage. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, type Catalogue } from './locales/en';
import { es } from './locales/es';
import { LOCALES, type Locale } from '../api/types';

// The UI speaks the API's locales: a locale without a catalogue below fails to compile.
export const LANGUAGES = LOCALES;
export type Language = Locale;

const STORAGE_KEY = 'tend.language';

const CATALOGUES: Record<Language, { translation: Catalogue }> = { en: { translation: en }, es: { translation: es } };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalogue };
  }
}

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null; // storage blocked (privacy mode): fall back to the browser's language
  }
}

function browserLanguage(): Language {
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language];
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
}

/** Switches language for this browser and remembers the choice. */
export async function chooseLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // not remembered, but still switched
  }
  await i18n.changeLanguage(language);
}

/**
 * The language once a user is signed in. The choice made on the login page is remembered in this browser
 * (`chooseLanguage`) and carries into the app; a user's own saved language wins when they sign in (`signedIn`),
 * and is remembered in its place. A restored session (a reload) keeps what this browser remembers, so a switch
 * made in the app lasts; with nothing remembered, the user's language applies.
 */
export async function applyUserLanguage(language: string | null | undefined, { signedIn = false } = {}): Promise<void> {
  if (!isLanguage(language)) return;
  if (signedIn) {
    await chooseLanguage(language);
  } else if (storedLanguage() === null && language !== currentLanguage()) {
    await i18n.changeLanguage(language);
  }
}

export function initI18n(language: Language = storedLanguage() ?? browserLanguage()) {
  if (i18n.isInitialized) return i18n;
  i18n.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
    document.title = i18n.t('app.name');
  });
  void i18n.use(initReactI18next).init({
    resources: CATALOGUES,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: LANGUAGES,
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
  });
  return i18n;
}
