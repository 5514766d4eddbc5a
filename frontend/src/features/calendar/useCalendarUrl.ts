/** The calendar's place in the URL (view, date, practitioners, room, cancelled shown), so back and reload return
 * to it; written with `replace`, one history entry per screen rather than per click. */
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { VIEWS, type CalendarViewName } from './CalendarToolbar';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function readView(value: string | null): CalendarViewName {
  return VIEWS.find((view) => view === value) ?? 'week';
}

export function useCalendarUrl() {
  const [params, setParams] = useSearchParams();
  const practitionerIds = useMemo(() => (params.get('p') ?? '').split(',').filter(Boolean), [params]);

  function setParam(changes: Record<string, string | null>) {
    if (Object.entries(changes).every(([name, value]) => params.get(name) === (value || null))) return;
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [name, value] of Object.entries(changes)) {
          if (value) next.set(name, value);
          else next.delete(name);
        }
        return next;
      },
      { replace: true },
    );
  }

  return {
    view: readView(params.get('view')),
    date: ISO_DATE.test(params.get('date') ?? '') ? params.get('date')! : undefined,
    practitionerIds,
    roomId: params.get('room'),
    showCancelled: params.get('cancelled') === '1',
    setParam,
  };
}
