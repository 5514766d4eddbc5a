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
// Set when a person picks a language in this tab (the login page's or the app's switcher): that choice is
// theirs for now and outranks the language saved on their user when they sign in.
const CHOSEN_KEY = 'tend.language.chosen';

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

function remember(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // not remembered, but still switched
  }
}

function chosenInThisTab(): boolean {
  try {
    return window.sessionStorage.getItem(CHOSEN_KEY) !== null;
  } catch {
    return false;
  }
}

/** Switches language for this browser and remembers the choice (a person's pick, e.g. on the login page). */
export async function chooseLanguage(language: Language): Promise<void> {
  remember(language);
  try {
    window.sessionStorage.setItem(CHOSEN_KEY, language);
  } catch {
    // the pick still applies; a sign-in may then bring the user's own language
  }
  await i18n.changeLanguage(language);
}

/**
 * The language once a user is signed in. A language picked in this tab (on the login page, `chooseLanguage`)
 * is kept through sign-in: the person just said which one they read. Otherwise the user's own saved language
 * applies when they sign in (`signedIn`) and is remembered. A restored session (a reload) keeps what this
 * browser remembers, so a switch made in the app lasts; with nothing remembered, the user's language applies.
 */
export async function applyUserLanguage(language: string | null | undefined, { signedIn = false } = {}): Promise<void> {
  if (!isLanguage(language)) return;
  if (signedIn) {
    if (chosenInThisTab()) return;
    remember(language);
    await i18n.changeLanguage(language);
  } else if (storedLanguage() === null && language !== currentLanguage()) {
    await i18n.changeLanguage(language);
  }
}

/** Forgets a pick made in this tab (tests; a sign-out keeps it, so the next person sees the same language). */
export function forgetChosenLanguage(): void {
  try {
    window.sessionStorage.removeItem(CHOSEN_KEY);
  } catch {
    // nothing to forget
  }
}

export function initI18n(language: Language = storedLanguage() ?? browserLanguage()) {
  if (i18n.isInitialized) return i18n;
  i18n.on('languageChanged', (lng) => {
    if (typeof document === 'undefined') return; // logic tests run in Node, without a page
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
