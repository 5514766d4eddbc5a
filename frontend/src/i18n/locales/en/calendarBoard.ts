/** English words of the calendar board around the grid: legend, marks on blocks, the long-resize question, the
 * practitioner columns, the loading veil and clashes named. */
export const calendarBoardEn = {
  legend: 'Whose colour',
  doubleBooked: 'Double booked',
  doubleBookedShort: 'Double',
  noShowMark: 'No-show',
  lateCancelledMark: 'Late cancellation',
  loading: 'Loading appointments…',
  grid: 'Calendar grid',
  longResize: {
    title: 'Make it this long?',
    body: 'The appointment would last {{duration}} ({{range}}): past the end of the day it starts on, or more than 12 hours.',
    hours_one: '{{count}} hour',
    hours_other: '{{count}} hours',
    minutes: '{{hours}} h {{minutes}} min',
    keep: 'Make it this long',
    revert: 'Put it back',
  },
  columns: {
    label: 'Day by practitioner',
    none: 'No practitioners to show: choose some in the filter.',
  },
  clash: {
    named: '{{who}}, {{what}} {{time}} ({{practitioner}})',
    namedNoPractitioner: '{{who}}, {{what}} {{time}}',
  },
};

export type CalendarBoardCatalogue = typeof calendarBoardEn;
