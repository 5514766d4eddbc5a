/** Date pickers follow the practice's week: the first day of the week is a practice setting (Monday in Peru). */
import { DatesProvider } from '@mantine/dates';
import type { ReactNode } from 'react';
import { usePractice } from '../api/queries/practice';
import { setPracticeRegion } from '../lib/locale';

const FIRST_DAY = { sunday: 0, monday: 1, saturday: 6 } as const;

/** 0 (Sunday) … 6 (Saturday), as Mantine and FullCalendar count; Monday while the settings load. */
export function firstDayNumber(weekStartsOn: string | null | undefined): 0 | 1 | 6 {
  return FIRST_DAY[weekStartsOn as keyof typeof FIRST_DAY] ?? 1;
}

export function PracticeDates({ children }: { children: ReactNode }) {
  const practice = usePractice();
  // Set while rendering, before the screens below format a date: they write it as in the practice's country.
  setPracticeRegion(practice.data?.country);
  return <DatesProvider settings={{ firstDayOfWeek: firstDayNumber(practice.data?.week_starts_on) }}>{children}</DatesProvider>;
}
