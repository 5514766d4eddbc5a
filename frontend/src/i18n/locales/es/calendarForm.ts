/** Palabras del formulario de citas en español (es-PE): qué citas de una serie cambian, descartar cambios. */
export const calendarFormEs = {
  seriesTitle: 'Cambiar una cita que se repite',
  seriesIntro: 'Esta cita se repite. Revise qué cambiaría antes de guardar.',
  seriesScope: '¿Qué citas cambian?',
  scopeHints: {
    this: 'Las demás quedan como están.',
    following: 'Las anteriores quedan como están.',
    all: 'Salvo las que ya pasaron o se cambiaron por separado.',
  },
  onlyThisHint: 'No con estos cambios: el profesional, la moneda, los recordatorios o los datos de contacto se cambian cita por cita.',
  backToForm: 'Volver al formulario',
  saveSeries: 'Guardar cambios',
  saveAnyway: 'Guardar de todos modos',
  seriesSaved_one: 'Guardado: cambió {{count}} cita.',
  seriesSaved_other: 'Guardado: cambiaron {{count}} citas.',
  discardTitle: '¿Descartar los cambios?',
  discardBody: 'Lo que escribió en este formulario se pierde si lo cierra.',
  discard: 'Descartar',
  keepEditing: 'Seguir editando',
};
