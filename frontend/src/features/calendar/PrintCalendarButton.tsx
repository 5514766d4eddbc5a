/**
 * Printing the calendar: a button that prints, and a heading only paper shows (the range, whose calendar and the
 * room, as chosen on screen). calendarPrint.module.css leaves the app's frame and the screen's controls off the
 * paper, keeps the blocks' colours and lets the grid run to its full height instead of a scrolled box's hours.
 */
import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import classes from './calendarPrint.module.css';
import { shownPractitioners } from './CalendarLegend';
import { useCalendarUrl } from './useCalendarUrl';
import { useSchedulingReference } from './useSchedulingReference';

export function PrintCalendarButton({ title }: { title: string }) {
  const { t } = useTranslation();
  const reference = useSchedulingReference();
  const { practitionerIds, roomId } = useCalendarUrl();
  const names = shownPractitioners(reference, practitionerIds).map((practitioner) => practitioner.name);
  const whose = practitionerIds.length === 0 ? t('calendar.print.allPractitioners') : t('calendar.print.practitioners', { names: names.join(', ') });
  const room = roomId ? reference.rooms.get(roomId)?.name : undefined;
  return (
    <>
      <Button variant="default" className={classes.button} onClick={() => window.print()}>
        {t('calendar.print.button')}
      </Button>
      <div className={classes.heading} data-testid="calendar-print-heading">
        <Text fw={700} size="lg">
          {t('calendar.print.heading', { range: title })}
        </Text>
        <Text size="sm">{room ? `${whose} · ${t('calendar.print.room', { room })}` : whose}</Text>
      </div>
    </>
  );
}
