/** Above the calendar: today, previous / next, the shown range (a date picker to jump), the view, and booking. */
import 'dayjs/locale/es';
import { ActionIcon, Button, Group, Popover, SegmentedControl } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PrintCalendarButton } from './PrintCalendarButton';

export const VIEWS = ['day', 'week', 'month', 'team'] as const;
export type CalendarViewName = (typeof VIEWS)[number];

interface CalendarToolbarProps {
  view: CalendarViewName;
  /** The view's title ("Mar 2 – 8, 2026"), from the calendar. */
  title: string;
  /** 0 Sunday … 6 Saturday, as the calendar's weeks start. */
  firstDayOfWeek: number;
  /** The date shown (YYYY-MM-DD, the practice's calendar day). */
  date: string;
  onToday: () => void;
  onPrevious: () => void;
  onNext: () => void;
  onDate: (date: string) => void;
  onView: (view: CalendarViewName) => void;
  onNew: () => void;
}

function Chevron({ direction }: { direction: 'left' | 'right' }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.2" aria-hidden="true">
      <path d={direction === 'left' ? 'M15 18l-6-6 6-6' : 'M9 6l6 6-6 6'} />
    </svg>
  );
}

export function CalendarToolbar({ view, firstDayOfWeek, title, date, onToday, onPrevious, onNext, onDate, onView, onNew }: CalendarToolbarProps) {
  const { t, i18n } = useTranslation();
  const [picking, setPicking] = useState(false);
  return (
    <Group justify="space-between" gap="sm" wrap="wrap" role="toolbar" aria-label={t('calendar.toolbar.label')}>
      <Group gap="xs" wrap="nowrap">
        <Button variant="default" onClick={onToday}>
          {t('calendar.toolbar.today')}
        </Button>
        <ActionIcon variant="default" size={36} onClick={onPrevious} aria-label={t(`calendar.toolbar.previous.${view}`)}>
          <Chevron direction="left" />
        </ActionIcon>
        <ActionIcon variant="default" size={36} onClick={onNext} aria-label={t(`calendar.toolbar.next.${view}`)}>
          <Chevron direction="right" />
        </ActionIcon>
        <Popover opened={picking} onChange={setPicking} position="bottom-start" shadow="md" trapFocus returnFocus>
          <Popover.Target>
            <Button
              variant="subtle"
              color="gray"
              c="dark.9"
              size="md"
              fw={700}
              onClick={() => setPicking((open) => !open)}
              aria-label={t('calendar.toolbar.jumpTo', { range: title })}
              aria-haspopup="dialog"
              aria-expanded={picking}
              data-testid="calendar-title"
            >
              {title}
            </Button>
          </Popover.Target>
          <Popover.Dropdown>
            <DatePicker
              locale={i18n.resolvedLanguage ?? 'en'}
              firstDayOfWeek={firstDayOfWeek as 0 | 1 | 2 | 3 | 4 | 5 | 6}
              defaultDate={date}
              value={date}
              onChange={(picked) => {
                if (picked) onDate(picked);
                setPicking(false);
              }}
            />
          </Popover.Dropdown>
        </Popover>
      </Group>
      <Group gap="sm" wrap="nowrap">
        <SegmentedControl
          value={view}
          onChange={(value) => onView(value as CalendarViewName)}
          data={VIEWS.map((name) => ({ value: name, label: t(`calendar.toolbar.views.${name}`) }))}
          aria-label={t('calendar.toolbar.view')}
        />
        <PrintCalendarButton title={title} />
        <Button onClick={onNew}>{t('calendar.toolbar.newAppointment')}</Button>
      </Group>
    </Group>
  );
}
