/** The API's minimum for a staff password. */
export const MIN_PASSWORD_LENGTH = 10;
