/** English names of the app's keyboard and screen-reader helpers: skip link, icon-only buttons, list keys. */
export const a11yEn = {
  a11y: {
    skipToContent: 'Skip to content',
    close: 'Close',
    clear: 'Clear',
    showPassword: 'Show or hide the password',
    pickColor: 'Pick a colour from the screen',
    previous: 'Previous',
    next: 'Next',
    searchKeys: 'Press / to search from anywhere; ↓ moves into the results and Enter opens the first one.',
    listLabel: 'Results',
  },
};
