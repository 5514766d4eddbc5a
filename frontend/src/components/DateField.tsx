/**
 * The one calendar-date input of the app (dates of birth, registration, enrollments, custom date fields).
 * Typed in the UI language's order or as ISO and read strictly (lib/dates.ts): nothing is guessed, and what
 * cannot be read stays in the box with the reason under it. The calendar button opens a picker; for dates of
 * birth it opens on the decade, so a year is two clicks away.
 *
 * Its value is an ISO date (YYYY-MM-DD) once the text reads as one, the typed text while it does not (so a form
 * can tell "empty" from "wrong", see `useDateCheck`), or null when empty.
 */
import '@mantine/dates/styles.css';
import { ActionIcon, Popover, TextInput, type TextInputProps } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { dayjsLocale } from '../lib/dayjsLocale';
import { regional } from '../lib/locale';
import {
  checkDateValue,
  dateOrderFor,
  datePatternFor,
  formatDateInput,
  isIsoDate,
  parseDate,
  type DateLimits,
  type DateProblem,
} from '../lib/dates';

export interface DateFieldProps extends Omit<TextInputProps, 'value' | 'defaultValue' | 'onChange'> {
  value?: string | null;
  /** For uncontrolled forms (Mantine's `mode: 'uncontrolled'` passes defaultValue). */
  defaultValue?: string | null;
  onChange?: (value: string | null) => void;
  /** Earliest and latest date the picker offers, YYYY-MM-DD (the form's check says so for typed dates). */
  minDate?: string | null;
  maxDate?: string | null;
  /** Where the picker opens: 'decade' for dates of birth. */
  pickerLevel?: 'month' | 'year' | 'decade';
}

function CalendarIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4" />
    </svg>
  );
}

/** What the box shows for a value: the date in the language's order, or what was typed if it is not one. */
function shownText(value: string | null | undefined, order: ReturnType<typeof dateOrderFor>): string {
  return value == null ? '' : isIsoDate(value) ? formatDateInput(value, order) : value;
}

function readBack(iso: string, language: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(regional(language), { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day));
}

export function DateField({
  value,
  defaultValue,
  onChange,
  onBlur,
  onFocus,
  minDate,
  maxDate,
  pickerLevel = 'month',
  description,
  error,
  disabled,
  ...props
}: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const order = dateOrderFor(language);
  const controlled = value !== undefined;
  const [own, setOwn] = useState<string | null>(defaultValue ?? null);
  const current = controlled ? value : own;
  const shown = (next: string | null | undefined) => shownText(next, order);
  const [text, setText] = useState(() => shown(current));
  const [opened, setOpened] = useState(false);
  const typing = useRef(false);

  // A value set from outside (picker, reset) or a change of language rewrites the box, but never while typing.
  useEffect(() => {
    if (!typing.current) setText(shownText(current, order));
  }, [current, order]);

  function commit(next: string | null) {
    if (!controlled) setOwn(next);
    onChange?.(next);
  }

  function handleText(raw: string) {
    setText(raw);
    if (raw.trim() === '') return commit(null);
    const parsed = parseDate(raw, order);
    commit(parsed.ok ? parsed.iso : raw.trim());
  }

  const valid = isIsoDate(current);
  const hint = valid && !error ? t('dates.readAs', { date: readBack(current, language) }) : null;

  return (
    // withRoles off: the popover's aria-haspopup/aria-expanded would land on the text box, where ARIA does not
    // allow aria-expanded (axe: aria-allowed-attr); the calendar button carries them, the dropdown is a dialog.
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-start"
      trapFocus
      returnFocus
      withinPortal
      shadow="md"
      withRoles={false}
    >
      <Popover.Target>
        <TextInput
          {...props}
          disabled={disabled}
          value={text}
          error={error}
          placeholder={props.placeholder ?? datePatternFor(language)}
          description={[description, hint].filter(Boolean).length > 0 ? (
            <>
              {description}
              {description && hint ? ' · ' : null}
              {hint}
            </>
          ) : undefined}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          inputMode="numeric"
          autoComplete="off"
          onChange={(event) => handleText(event.currentTarget.value)}
          onFocus={(event: FocusEvent<HTMLInputElement>) => {
            typing.current = true;
            onFocus?.(event);
          }}
          onBlur={(event: FocusEvent<HTMLInputElement>) => {
            typing.current = false;
            setText(shown(current));
            onBlur?.(event);
          }}
          onKeyDown={(event) => {
            // Alt+↓ opens the calendar, as in native date inputs.
            if (event.altKey && event.key === 'ArrowDown') {
              event.preventDefault();
              setOpened(true);
            }
            props.onKeyDown?.(event);
          }}
          rightSection={
            <ActionIcon
              variant="subtle"
              color="gray"
              disabled={disabled}
              aria-label={t('dates.openCalendar', { field: typeof props.label === 'string' ? props.label : '' })}
              aria-haspopup="dialog"
              aria-expanded={opened}
              onClick={() => setOpened((open) => !open)}
            >
              <CalendarIcon />
            </ActionIcon>
          }
        />
      </Popover.Target>
      <Popover.Dropdown role="dialog" aria-label={typeof props.label === 'string' ? props.label : undefined}>
        <DatePicker
          locale={dayjsLocale(regional(language))}
          defaultLevel={valid ? 'month' : pickerLevel}
          defaultDate={valid ? current : (maxDate ?? undefined)}
          value={valid ? current : null}
          minDate={minDate ?? undefined}
          maxDate={maxDate ?? undefined}
          onChange={(picked) => {
            const next = typeof picked === 'string' ? picked : null;
            commit(next);
            setText(shown(next));
            setOpened(false);
          }}
        />
      </Popover.Dropdown>
    </Popover>
  );
}

export type DateKind = 'plain' | 'birth';

/** What to say about a date field's value, in the UI language, or null when it is fine (or empty). */
export function dateProblemText(
  t: TFunction,
  language: string,
  problem: DateProblem,
  { kind = 'plain', min, max }: DateLimits & { kind?: DateKind } = {},
): string {
  const order = dateOrderFor(language);
  const pattern = datePatternFor(language);
  switch (problem) {
    case 'format':
      return t('dates.format', { pattern });
    case 'two_digit_year':
      return t('dates.twoDigitYear', { pattern });
    case 'impossible':
      return t('dates.impossible', { pattern });
    case 'too_early':
      return min ? t('dates.tooEarly', { date: formatDateInput(min, order) }) : t('dates.checkYear');
    case 'too_late':
      if (kind === 'birth') return t('dates.futureBirth');
      return max ? t('dates.tooLate', { date: formatDateInput(max, order) }) : t('dates.checkYear');
  }
}

/** A checker for date fields in forms: `(value, limits) → message | null`, in the current UI language. */
export function useDateCheck() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return (value: string | null | undefined, limits: DateLimits & { kind?: DateKind } = {}): string | null => {
    const problem = checkDateValue(value, dateOrderFor(language), limits);
    return problem ? dateProblemText(t, language, problem, limits) : null;
  };
}
