import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CalendarEntry } from '../../api/types';
import { fakeApi, json, signInAs, type ApiCall } from '../../test/fakeApi';
import { calendarEntryFixture, clientFixture, locationFixture, practiceFixture, practitionerFixture, serviceFixture } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

const SLOW = { timeout: 8_000 };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const zoila = clientFixture();

const service = serviceFixture({ prices: { PEN: 15000, USD: 5000 } });
const office = locationFixture();

function entry(id: string, startsInMs: number, extra: Partial<CalendarEntry> = {}): CalendarEntry {
  return calendarEntryFixture({ id, starts_at: new Date(Date.now() + startsInMs).toISOString(), ...extra });
}

const entries = [
  entry('past-no-show', -20 * DAY, { status: 'no_show' }),
  entry('past-unrecorded', -2 * DAY),
  entry('next', 3 * DAY),
  entry('later', 30 * DAY, { kind: 'client_contact', service_id: null }),
];

const clash = {
  type: 'about:blank',
  title: 'Conflict',
  status: 409,
  code: 'conflict.scheduling_clash',
  detail: 'This time clashes with 1 other appointment(s).',
  next_step: 'Choose another time, practitioner or room, or book anyway (allow_conflicts: true).',
  clashes: [{ appointment_id: 'other', resources: ['practitioner'], starts_at: new Date(Date.now() + 2 * HOUR).toISOString(), ends_at: new Date(Date.now() + 3 * HOUR).toISOString() }],
};

function routes() {
  return {
    'GET /api/v1/practice': () => json(200, practiceFixture),
    'GET /api/v1/practitioners': () => json(200, { items: [practitionerFixture], next_cursor: null }),
    'GET /api/v1/services': () => json(200, { items: [service], next_cursor: null }),
    'GET /api/v1/locations': () => json(200, { items: [office], next_cursor: null }),
    'GET /api/v1/rooms': () => json(200, { items: [], next_cursor: null }),
    'GET /api/v1/locations/l1/rooms': () => json(200, []),
    [`GET /api/v1/clients/${zoila.id}`]: () => json(200, zoila),
    'GET /api/v1/appointments': () => json(200, entries),
    'POST /api/v1/appointments': ({ body }: ApiCall) =>
      (body as { allow_conflicts: boolean }).allow_conflicts ? json(201, { ...entries[2], ...(body as object), id: 'new' }) : json(409, clash),
  };
}

beforeEach(() => signInAs('front_desk'));

describe("a client's appointments", { timeout: 30_000 }, () => {
  it('lists six months back to three ahead, a window at a time, upcoming first, with how each ended', async () => {
    const calls = fakeApi(routes());
    renderApp(`/clients/${zoila.id}/appointments`);

    const upcoming = await screen.findByTestId('upcoming-appointments', undefined, SLOW);
    const past = screen.getByTestId('past-appointments');
    expect(upcoming.compareDocumentPosition(past) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const upcomingRows = within(upcoming).getAllByRole('row').slice(1);
    expect(upcomingRows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('90834 · Psychotherapy'),
      expect.stringContaining('Contact'),
    ]);
    const pastRows = within(past).getAllByRole('row').slice(1);
    expect(pastRows[0]).toHaveTextContent('Needs attendance');
    expect(pastRows[1]).toHaveTextContent('No-show');

    const windows = calls.filter((call) => call.method === 'GET' && call.path === '/api/v1/appointments');
    expect(windows.length).toBeGreaterThanOrEqual(4);
    for (const call of windows) {
      expect(call.search.get('client_id')).toBe(zoila.id);
      const days = (Date.parse(call.search.get('end')!) - Date.parse(call.search.get('start')!)) / DAY;
      expect(days).toBeLessThanOrEqual(62);
    }
    const first = Math.min(...windows.map((call) => Date.parse(call.search.get('start')!)));
    const last = Math.max(...windows.map((call) => Date.parse(call.search.get('end')!)));
    expect((Date.now() - first) / DAY).toBeGreaterThan(180);
    expect((last - Date.now()) / DAY).toBeGreaterThan(88);
  });

  it('books a session for the client; a clash asks first and can book anyway', async () => {
    const calls = fakeApi(routes());
    renderApp(`/clients/${zoila.id}/appointments`);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Book a session' }, SLOW));
    const dialog = await screen.findByRole('dialog', { name: 'New appointment' }, SLOW);
    expect(within(dialog).getByDisplayValue('Zoila Muñoz')).toHaveAttribute('readonly');
    // The client's one practitioner is taken; the service sets the end and the price.
    await waitFor(() => expect(within(dialog).getByRole('combobox', { name: /Practitioner/ })).toHaveValue('Dra. Ana Ríos'), SLOW);
    await user.click(within(dialog).getByRole('combobox', { name: /Service/ }));
    await screen.findByRole('option', { name: /90834/, hidden: true }, SLOW);
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(within(dialog).getByRole('textbox', { name: /Price/ })).toHaveValue('150.00'));
    expect(within(dialog).getByText(/45 minutes/)).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Book' }));
    const clashDialog = await screen.findByRole('dialog', { name: 'This time clashes' }, SLOW);
    expect(clashDialog).toHaveTextContent('same practitioner');
    await user.click(within(clashDialog).getByRole('button', { name: 'Book anyway' }));

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New appointment' })).not.toBeInTheDocument(), SLOW);
    const posts = calls.filter((call) => call.method === 'POST' && call.path === '/api/v1/appointments');
    expect(posts.map((call) => (call.body as { allow_conflicts: boolean }).allow_conflicts)).toEqual([false, true]);
    expect(posts[1]!.body).toMatchObject({
      kind: 'client_session',
      client_id: zoila.id,
      practitioner_id: 'p1',
      service_id: 's1',
      location_id: 'l1',
      price_minor: 15000,
      currency: 'PEN',
    });
    expect((posts[1]!.body as { starts_at: string }).starts_at).toMatch(/-05:00$/);
  });

  it('lets a clinician book at the service price: no price or currency to type, none sent', async () => {
    signInAs('clinician');
    const calls = fakeApi({
      ...routes(),
      'POST /api/v1/appointments': ({ body }: ApiCall) => json(201, { ...entries[2], ...(body as object), id: 'new' }),
    });
    renderApp(`/clients/${zoila.id}/appointments`);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Book a session' }, SLOW));
    const dialog = await screen.findByRole('dialog', { name: 'New appointment' }, SLOW);
    await user.click(within(dialog).getByRole('combobox', { name: /Service/ }));
    await screen.findByRole('option', { name: /90834/, hidden: true }, SLOW);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(within(dialog).queryByRole('textbox', { name: /Price/ })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Book' }));
    await waitFor(() => expect(calls.some((call) => call.method === 'POST' && call.path === '/api/v1/appointments')).toBe(true), SLOW);
    const [post] = calls.filter((call) => call.method === 'POST' && call.path === '/api/v1/appointments');
    expect(post!.body).toMatchObject({ kind: 'client_session', service_id: 's1' });
    expect(post!.body).not.toHaveProperty('price_minor');
    expect(post!.body).not.toHaveProperty('currency');
  });

  it('picks the first location once the locations arrive, when the form was opened before they had', async () => {
    let release: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (release = resolve));
    const calls = fakeApi({
      ...routes(),
      'GET /api/v1/locations': async () => {
        await arrived;
        return json(200, { items: [office], next_cursor: null });
      },
      'POST /api/v1/appointments': ({ body }: ApiCall) => json(201, { ...entries[2], ...(body as object), id: 'new' }),
    });
    renderApp(`/clients/${zoila.id}/appointments`);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Book a session' }, SLOW));
    const dialog = await screen.findByRole('dialog', { name: 'New appointment' }, SLOW);
    expect(within(dialog).getByRole('combobox', { name: /Location/ })).toHaveValue('');
    release();
    await waitFor(() => expect(within(dialog).getByRole('combobox', { name: /Location/ })).toHaveValue('Office'), SLOW);
    await user.click(within(dialog).getByRole('combobox', { name: /Service/ }));
    await screen.findByRole('option', { name: /90834/, hidden: true }, SLOW);
    await user.keyboard('{ArrowDown}{Enter}');
    await user.click(within(dialog).getByRole('button', { name: 'Book' }));
    await waitFor(() => expect(calls.some((call) => call.method === 'POST')).toBe(true), SLOW);
    expect(calls.find((call) => call.method === 'POST')!.body).toMatchObject({ location_id: 'l1' });
  });
});
