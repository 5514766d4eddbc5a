import type { CalendarBoardCatalogue } from '../en/calendarBoard';

/** La agenda alrededor de la cuadrícula: leyenda, marcas en las citas, la pregunta al estirar, las columnas por
 * profesional, la carga y los choques con nombre. */
export const calendarBoardEs: CalendarBoardCatalogue = {
  legend: 'De quién es cada color',
  doubleBooked: 'Cita superpuesta',
  doubleBookedShort: 'Doble',
  noShowMark: 'No asistió',
  lateCancelledMark: 'Cancelación tardía',
  loading: 'Cargando citas…',
  grid: 'Cuadrícula de la agenda',
  longResize: {
    title: '¿Tan larga?',
    body: 'La cita duraría {{duration}} ({{range}}): pasa el fin del día en que empieza, o más de 12 horas.',
    hours_one: '{{count}} hora',
    hours_other: '{{count}} horas',
    minutes: '{{hours}} h {{minutes}} min',
    keep: 'Dejarla así de larga',
    revert: 'Dejarla como estaba',
  },
  columns: {
    label: 'Día por profesional',
    none: 'No hay profesionales que mostrar: elija algunos en el filtro.',
  },
  clash: {
    named: '{{who}}, {{what}} {{time}} ({{practitioner}})',
    namedNoPractitioner: '{{who}}, {{what}} {{time}}',
  },
};
