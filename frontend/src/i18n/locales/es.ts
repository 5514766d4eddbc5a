import type { Catalogue } from './en';
import { a11yEs } from './es/a11y';
import { calendarEs } from './es/calendar';
import { clientsEs } from './es/clients';
import { commonEs } from './es/common';
import { errorsEs } from './es/errors';
import { ledgerEs } from './es/ledger';
import { notesEs } from './es/notes';
import { settingsEs } from './es/settings';

/** Catálogo en español: mismas claves que el inglés (lo comprueba el compilador). */
export const es: Catalogue = {
  app: {
    name: 'Tend',
    tagline: 'La recepción de su consulta',
    loading: 'Cargando…',
  },
  language: {
    label: 'Idioma',
    en: 'English',
    es: 'Español',
  },
  roles: {
    admin: 'Administración',
    front_desk: 'Recepción',
    clinician: 'Profesional clínico',
  },
  nav: {
    label: 'Navegación principal',
    toggle: 'Mostrar u ocultar la navegación',
    calendar: 'Agenda',
    clients: 'Clientes',
    ledger: 'Cuentas',
    reports: 'Informes',
    settings: 'Configuración',
  },
  auth: {
    signIn: 'Entrar',
    signInTitle: 'Entrar en Tend',
    signOut: 'Salir',
    email: 'Correo electrónico',
    password: 'Contraseña',
    emailRequired: 'Escriba su correo electrónico',
    emailInvalid: 'Escriba un correo electrónico válido',
    passwordRequired: 'Escriba su contraseña',
    badCredentials: 'El correo electrónico o la contraseña no son correctos.',
    tooManyAttempts_one: 'Demasiados intentos. Vuelva a intentarlo dentro de {{count}} minuto.',
    tooManyAttempts_other: 'Demasiados intentos. Vuelva a intentarlo dentro de {{count}} minutos.',
    tooManyAttemptsLater: 'Demasiados intentos. Vuelva a intentarlo más tarde.',
    sessionExpired: 'Su sesión ha caducado. Vuelva a entrar.',
    signedOut: 'Ha salido de Tend.',
  },
  errors: {
    generic: 'Algo ha fallado. Vuelva a intentarlo.',
    network: 'No se puede conectar con el servidor. Compruebe la conexión y vuelva a intentarlo.',
    notFoundTitle: 'Página no encontrada',
    notFoundBody: 'La página que busca no existe o se ha movido.',
    forbiddenTitle: 'Sin acceso',
    forbiddenBody: 'Su rol no da acceso a esta página.',
    backHome: 'Volver a la agenda',
    ...errorsEs,
  },
  conflict: {
    title: 'Todavía no se puede',
    nextStep: 'Qué hacer',
    close: 'Cerrar',
  },
  placeholder: {
    comingSoon: 'Próximamente',
    body: 'Esta parte de Tend está en construcción.',
  },
  calendar: calendarEs,
  clients: clientsEs,
  ledger: ledgerEs,
  notes: notesEs,
  settings: settingsEs,
  ...commonEs,
  ...a11yEs,
};
