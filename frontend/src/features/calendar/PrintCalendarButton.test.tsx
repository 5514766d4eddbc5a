/** Printing the calendar: the button prints, and the heading only paper shows says the range and whose calendar. */
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { CalendarApi } from '@fullcalendar/react';
import { createQueryClient } from '../../queryClient';
import { fakeApi, json, signInAs } from '../../test/fakeApi';
import { practiceFixture, practitionerFixture } from '../../test/fixtures';
import { theme } from '../../theme';
import { sessionHours } from './followPrinting';
import { PrintCalendarButton } from './PrintCalendarButton';

function renderButton(url: string) {
  signInAs('front_desk');
  fakeApi(
    {
      'GET /api/v1/practice': () => json(200, practiceFixture),
      'GET /api/v1/practitioners': () => json(200, { items: [practitionerFixture, { ...practitionerFixture, id: 'p2', name: 'Lic. Tomás Ríos' }], next_cursor: null }),
    },
    () => json(200, { items: [], next_cursor: null }),
  );
  render(
    <MantineProvider theme={theme} env="test">
      <QueryClientProvider client={createQueryClient()}>
        <MemoryRouter initialEntries={[url]}>
          <PrintCalendarButton title="Mar 2 – 8, 2026" />
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

describe('printing the calendar', () => {
  it('heads the paper with the range and the practitioners chosen, and prints', async () => {
    renderButton('/calendar?p=p2,p1');
    const heading = screen.getByTestId('calendar-print-heading');
    expect(heading).toHaveTextContent('Calendar · Mar 2 – 8, 2026');
    expect(await screen.findByText('Practitioners: Lic. Tomás Ríos, Dra. Ana Ríos')).toBeInTheDocument();
    const print = vi.fn();
    vi.stubGlobal('print', print);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('says everyone when no practitioner is chosen', () => {
    renderButton('/calendar');
    expect(screen.getByTestId('calendar-print-heading')).toHaveTextContent('Calendar · Mar 2 – 8, 2026All practitioners');
  });
});

describe('the hours a printed grid runs through', () => {
  // A week in Lima (UTC−5): Monday 2 March to Monday 9 March 2026.
  const view = { activeStart: new Date('2026-03-02T05:00:00Z'), activeEnd: new Date('2026-03-09T05:00:00Z') };
  const calendarWith = (events: Array<{ start: string; end: string; allDay?: boolean }>) =>
    ({
      view,
      getOption: () => 'America/Lima',
      getEvents: () => events.map((event) => ({ start: new Date(event.start), end: new Date(event.end), allDay: event.allDay ?? false, display: 'auto' })),
    }) as unknown as CalendarApi;

  it('runs from the hour of the first session to the hour after the last ends', () => {
    const hours = sessionHours(
      calendarWith([
        { start: '2026-03-03T13:15:00Z', end: '2026-03-03T14:00:00Z' }, // Tue 08:15–09:00
        { start: '2026-03-05T00:00:00Z', end: '2026-03-05T01:30:00Z' }, // Wed 19:00–20:30
        { start: '2026-03-10T08:00:00Z', end: '2026-03-10T09:00:00Z' }, // next week: not shown
      ]),
    );
    expect(hours).toEqual({ min: '08:00:00', max: '21:00:00' });
  });

  it('keeps the screen hours when nothing is booked in the range', () => {
    expect(sessionHours(calendarWith([{ start: '2026-03-10T13:00:00Z', end: '2026-03-10T14:00:00Z' }]))).toBeNull();
  });
});
