import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from 'i18next';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionNote } from '../../api/queries/notes';
import type { CalendarEntry } from '../../api/types';
import { createQueryClient } from '../../queryClient';
import { fakeApi, json, signInAs } from '../../test/fakeApi';
import {
  calendarEntryFixture,
  clientFixture,
  locationFixture,
  practiceFixture,
  practitionerFixture,
  schedulingReferenceFixture,
  serviceFixture,
} from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { theme } from '../../theme';
import { blocksOf } from '../calendar/calendarBlocks';
import { EventPopover } from '../calendar/EventPopover';

const SLOW = { timeout: 8_000 };
const zoila = clientFixture();
const entry = calendarEntryFixture({ starts_at: new Date(Date.now() - 2 * 3_600_000).toISOString() });
const NOTE_PATH = `/api/v1/appointments/${entry.id}/note`;

const metadata = (extra: Partial<SessionNote> = {}): SessionNote => ({
  appointment_id: entry.id,
  exists: true,
  signed: true,
  signed_at: '2026-12-16T21:50:00Z',
  signed_by_user_id: 'u-carmen',
  signed_by_name: 'Dra. Carmen Quispe',
  updated_at: '2026-12-16T21:50:00Z',
  amendment_count: 0,
  content_visible: false,
  text: null,
  amendments: [],
  history: [],
  may_write: false,
  may_unlock: false,
  ...extra,
});

function renderPopover(locale = 'en-PE') {
  const [block] = blocksOf([entry], new Date());
  const reference = { ...schedulingReferenceFixture(), locale };
  const router = createMemoryRouter([
    {
      path: '/',
      element: <EventPopover block={block!} anchor={new DOMRect(0, 0, 100, 40)} reference={reference} onClose={() => {}} onEdit={() => {}} />,
    },
  ]);
  render(
    <MantineProvider theme={theme}>
      <QueryClientProvider client={createQueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

const routes = (note: SessionNote) => ({
  'GET /api/v1/practice': () => json(200, practiceFixture),
  [`GET /api/v1/clients/${zoila.id}`]: () => json(200, zoila),
  [`GET ${NOTE_PATH}`]: () => json(200, note),
});

beforeEach(() => {
  // jsdom lays nothing out: the popover's focus trap finds nothing to focus and says so, which is not about notes.
  const warn = console.warn.bind(console);
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes('use-focus-trap')) warn(...args);
  });
});
afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe("the note's line in the event popover", { timeout: 30_000 }, () => {
  it('tells the front desk the note is signed, by whom and when, with no way into it', async () => {
    signInAs('front_desk');
    fakeApi(routes(metadata({ amendment_count: 1 })));
    renderPopover();
    const popover = await screen.findByTestId('event-popover', undefined, SLOW);
    const line = await within(popover).findByTestId('note-summary', undefined, SLOW);
    expect(line).toHaveTextContent('Note signed by Dra. Carmen Quispe · Dec 16, 2026 4:50 PM · 1 amendment');
    expect(within(line).queryByRole('button', { hidden: true })).not.toBeInTheDocument();
  });

  it('in Spanish: the treating clinician writes the note from there, and closing it brings the popover back', async () => {
    await i18n.changeLanguage('es');
    signInAs('clinician');
    fakeApi(routes(metadata({ exists: false, signed: false, signed_at: null, signed_by_name: null, signed_by_user_id: null, content_visible: true, text: '', may_write: true })));
    renderPopover('es-PE');
    const popover = await screen.findByTestId('event-popover', undefined, SLOW);
    const line = await within(popover).findByTestId('note-summary', undefined, SLOW);
    expect(line).toHaveTextContent('Sin nota todavía');
    const user = userEvent.setup();
    await user.click(within(line).getByRole('button', { name: 'Escribir la nota', hidden: true }));

    const note = await screen.findByRole('dialog', { name: 'Nota de la sesión' }, SLOW);
    expect(note).toHaveTextContent('Zoila Muñoz');
    expect(await within(note).findByRole('textbox', { name: 'Nota (borrador)' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('event-popover')).not.toBeInTheDocument());

    await user.click(within(note).getByRole('button', { name: 'Cerrar' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Nota de la sesión' })).not.toBeInTheDocument());
    expect(await screen.findByTestId('event-popover', undefined, SLOW)).toBeInTheDocument();
  });
});

describe("a client's appointments", { timeout: 30_000 }, () => {
  it("open each session's note from its row; the front desk sees its status only", async () => {
    signInAs('front_desk');
    const past: CalendarEntry = { ...entry, status: 'attended' };
    const calls = fakeApi({
      ...routes(metadata({ exists: true, signed: false, signed_at: null, signed_by_name: null, signed_by_user_id: null })),
      'GET /api/v1/practitioners': () => json(200, { items: [practitionerFixture], next_cursor: null }),
      'GET /api/v1/services': () => json(200, { items: [serviceFixture()], next_cursor: null }),
      'GET /api/v1/locations': () => json(200, { items: [locationFixture()], next_cursor: null }),
      'GET /api/v1/rooms': () => json(200, { items: [], next_cursor: null }),
      'GET /api/v1/appointments': () => json(200, [past]),
    });
    renderApp(`/clients/${zoila.id}/appointments`);
    const rows = await screen.findByTestId('past-appointments', undefined, SLOW);
    expect(calls.some((call) => call.path === NOTE_PATH)).toBe(false);

    const user = userEvent.setup();
    await user.click(within(rows).getByRole('button', { name: /^Session note: / }));
    const note = await screen.findByRole('dialog', { name: 'Session note' }, SLOW);
    expect(await within(note).findByTestId('note-status', undefined, SLOW)).toHaveTextContent(/^Note: draft$/);
    expect(within(note).queryByRole('textbox')).not.toBeInTheDocument();
  });
});
