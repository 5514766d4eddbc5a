/** English words of the booking form's questions: which occurrences of a series change, discarding changes. */
export const calendarFormEn = {
  seriesTitle: 'Change a recurring appointment',
  seriesIntro: 'This appointment repeats. Check what would change before saving.',
  seriesScope: 'Which appointments change?',
  scopeHints: {
    this: 'The others stay as they are.',
    following: 'The earlier ones stay as they are.',
    all: 'Except those that already happened or were changed on their own.',
  },
  onlyThisHint: 'Not with these changes: a practitioner, currency, reminders or contact details change one appointment at a time.',
  backToForm: 'Back to the form',
  saveSeries: 'Save changes',
  saveAnyway: 'Save anyway',
  seriesSaved_one: 'Saved: {{count}} appointment changed.',
  seriesSaved_other: 'Saved: {{count}} appointments changed.',
  discardTitle: 'Discard the changes?',
  discardBody: 'What you typed in this form is lost if you close it.',
  discard: 'Discard',
  keepEditing: 'Keep editing',
};
