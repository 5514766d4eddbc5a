import { a11yEn } from './en/a11y';
import { calendarEn } from './en/calendar';
import { clientsEn } from './en/clients';
import { commonEn } from './en/common';
import { errorsEn } from './en/errors';
import { ledgerEn } from './en/ledger';
import { notesEn } from './en/notes';
import { settingsEn } from './en/settings';

/** English catalogue: the reference for keys; every other language must have exactly these. */
export const en = {
  app: {
    name: 'Tend',
    tagline: 'Front office for your practice',
    loading: 'Loading…',
  },
  language: {
    label: 'Language',
    en: 'English',
    es: 'Español',
  },
  roles: {
    admin: 'Administrator',
    front_desk: 'Front desk',
    clinician: 'Clinician',
  },
  nav: {
    label: 'Main navigation',
    toggle: 'Toggle navigation',
    calendar: 'Calendar',
    clients: 'Clients',
    ledger: 'Ledger',
    reports: 'Reports',
    settings: 'Settings',
  },
  auth: {
    signIn: 'Sign in',
    signInTitle: 'Sign in to Tend',
    signOut: 'Sign out',
    email: 'Email',
    password: 'Password',
    emailRequired: 'Enter your email address',
    emailInvalid: 'Enter a valid email address',
    passwordRequired: 'Enter your password',
    badCredentials: 'The email or password is not correct.',
    tooManyAttempts_one: 'Too many attempts. Try again in {{count}} minute.',
    tooManyAttempts_other: 'Too many attempts. Try again in {{count}} minutes.',
    tooManyAttemptsLater: 'Too many attempts. Try again later.',
    sessionExpired: 'Your session has expired. Please sign in again.',
    signedOut: 'You have signed out.',
  },
  errors: {
    generic: 'Something went wrong. Please try again.',
    network: 'Cannot reach the server. Check your connection and try again.',
    notFoundTitle: 'Page not found',
    notFoundBody: 'The page you are looking for does not exist or has moved.',
    forbiddenTitle: 'No access',
    forbiddenBody: 'Your role does not give you access to this page.',
    backHome: 'Back to the calendar',
    ...errorsEn,
  },
  conflict: {
    title: 'Cannot do that yet',
    nextStep: 'What to do',
    close: 'Close',
  },
  placeholder: {
    comingSoon: 'Coming soon',
    body: 'This part of Tend is being built.',
  },
  calendar: calendarEn,
  clients: clientsEn,
  ledger: ledgerEn,
  notes: notesEn,
  settings: settingsEn,
  ...commonEn,
  ...a11yEn,
};

export type Catalogue = typeof en;
