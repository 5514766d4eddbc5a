import type { a11yEn } from '../en/a11y';

/** Nombres en español de las ayudas de teclado y lector de pantalla: salto al contenido, botones de icono, listas. */
export const a11yEs: typeof a11yEn = {
  a11y: {
    skipToContent: 'Saltar al contenido',
    close: 'Cerrar',
    clear: 'Borrar',
    showPassword: 'Mostrar u ocultar la contraseña',
    pickColor: 'Tomar un color de la pantalla',
    previous: 'Anterior',
    next: 'Siguiente',
    searchKeys: 'Pulse / para buscar desde cualquier sitio; ↓ baja a los resultados y Enter abre el primero.',
    listLabel: 'Resultados',
  },
};
