/**
 * Typed calendar dates, read strictly. Nothing is guessed: a text is read in the UI language's own order or as
 * ISO, and anything else is refused with the reason, so "25/05/2014" can never become another day.
 *
 * - Spanish (`es`): DD/MM/AAAA. English (`en`): MM/DD/YYYY, the order English-language software and forms use
 *   by default; the field shows the order as its placeholder and reads the date back in words under the input,
 *   so a day-first habit is caught before saving.
 * - Both: ISO YYYY-MM-DD (and any date whose first part has four digits is read year-month-day).
 * - Separators: "/", "-" or "."; spaces around the text or the separators are ignored; day and month may have
 *   one or two digits.
 * - The year has four digits. A two-digit year is refused, not widened: "14" could be 1914 or 2014, and a
 *   date of birth is exactly where that goes wrong.
 * - Impossible dates (31/02/2014, 2014-13-45, 29/02/2015) are refused; so are years before 1800.
 */

/** Where the day, month and year stand in a typed date. */
export type DateOrder = 'DMY' | 'MDY';

export type DateProblem = 'format' | 'two_digit_year' | 'impossible' | 'too_early' | 'too_late';

export type ParsedDate = { ok: true; iso: string } | { ok: false; error: DateProblem };

export interface DateLimits {
  /** The earliest allowed date, YYYY-MM-DD (inclusive). */
  min?: string | null;
  /** The latest allowed date, YYYY-MM-DD (inclusive), e.g. today for a date of birth. */
  max?: string | null;
}

const MIN_YEAR = 1800;
const MAX_YEAR = 9999;

/** The order dates are typed in for a UI language ("es", "en", "es-PE"). */
export function dateOrderFor(language: string): DateOrder {
  return language.toLowerCase().startsWith('en') ? 'MDY' : 'DMY';
}

/** The pattern shown to people, in their language's letters: "DD/MM/AAAA", "MM/DD/YYYY". */
export function datePatternFor(language: string): string {
  const spanish = language.toLowerCase().startsWith('es');
  const year = spanish ? 'AAAA' : 'YYYY';
  return dateOrderFor(language) === 'MDY' ? `MM/DD/${year}` : `DD/MM/${year}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a real calendar date written YYYY-MM-DD (what the API sends and takes). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const PARTS = /^(\d{1,4})\s*[/.-]\s*(\d{1,4})\s*[/.-]\s*(\d{1,4})$/;

/** Reads a typed date in `order` (or ISO), refusing anything ambiguous, impossible or outside `limits`. */
export function parseDate(text: string, order: DateOrder, limits: DateLimits = {}): ParsedDate {
  const match = PARTS.exec(text.trim());
  if (!match) return { ok: false, error: 'format' };
  const parts = [match[1], match[2], match[3]] as [string, string, string];
  let yearText: string;
  let monthText: string;
  let dayText: string;
  if (parts[0].length > 2) {
    // Year first: ISO (YYYY-MM-DD), whatever the language.
    [yearText, monthText, dayText] = parts;
  } else if (order === 'DMY') {
    [dayText, monthText, yearText] = parts;
  } else {
    [monthText, dayText, yearText] = parts;
  }
  if (monthText.length > 2 || dayText.length > 2) return { ok: false, error: 'format' };
  if (yearText.length <= 2) return { ok: false, error: 'two_digit_year' };
  if (yearText.length !== 4) return { ok: false, error: 'format' };
  const [year, month, day] = [Number(yearText), Number(monthText), Number(dayText)];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false, error: 'impossible' };
  if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, error: year < MIN_YEAR ? 'too_early' : 'too_late' };
  const iso = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  // ISO dates compare correctly as strings.
  if (limits.min && iso < limits.min) return { ok: false, error: 'too_early' };
  if (limits.max && iso > limits.max) return { ok: false, error: 'too_late' };
  return { ok: true, iso };
}

/** An ISO date as typed in `order`: "2014-05-25" → "25/05/2014" (DMY) or "05/25/2014" (MDY). */
export function formatDateInput(iso: string, order: DateOrder): string {
  if (!isIsoDate(iso)) return iso;
  const [year, month, day] = iso.split('-') as [string, string, string];
  return order === 'DMY' ? `${day}/${month}/${year}` : `${month}/${day}/${year}`;
}

/**
 * What a date field's value says, for checking a form: a field holds an ISO date once what was typed reads as
 * one, the typed text while it does not (so the form knows there is something wrong, and what), or null.
 */
export function checkDateValue(value: string | null | undefined, order: DateOrder, limits: DateLimits = {}): DateProblem | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const parsed = parseDate(value, order, limits);
  return parsed.ok ? null : parsed.error;
}
