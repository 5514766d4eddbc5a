import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from 'i18next';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Client } from '../../api/types';
import { createQueryClient } from '../../queryClient';
import { fakeApi, json, signInAs, type ApiCall } from '../../test/fakeApi';
import { clientFixture, locationFixture, practiceFixture, practitionerFixture, schedulingReferenceFixture, serviceFixture } from '../../test/fixtures';
import { theme } from '../../theme';
import { AppointmentForm } from '../calendar/AppointmentForm';
import { shiftDays, wallTimeOf } from '../calendar/zonedTime';
import { ClientPicker } from './ClientPicker';

const SLOW = { timeout: 8_000 };

const ana = clientFixture({ id: 'a0000000-0000-4000-8000-000000000001', first_name: 'Ana', last_name: 'Ríos', email: null, phone: null });
const sofiaAlvarez = clientFixture({
  id: 'a0000000-0000-4000-8000-000000000002',
  first_name: 'Sofía',
  last_name: 'Córdova Álvarez',
  status: 'inactive',
  email: null,
  phone: null,
});
const sofiaDiaz = clientFixture({ id: 'a0000000-0000-4000-8000-000000000003', first_name: 'Sofía', last_name: 'Córdova Díaz', email: null, phone: null });
const hugo = clientFixture({ id: 'a0000000-0000-4000-8000-000000000004', first_name: 'Hugo', last_name: 'Rojas', status: 'discharged', email: null, phone: null });

/** A search the test answers when it chooses (`answer`), so it can be "still on its way". */
interface PendingSearch {
  answer: (clients: Client[]) => void;
}

/**
 * The client search answers at once for the queries in `now`; any other query waits until the test answers it
 * (the searches made so far are in `pending`, by query).
 */
function searchApi(now: Record<string, Client[]>) {
  const pending = new Map<string, PendingSearch>();
  const calls = fakeApi({
    'GET /api/v1/practice': () => json(200, practiceFixture),
    'GET /api/v1/clients': ({ search }: ApiCall) => {
      const q = search.get('q') ?? '';
      const page = (clients: Client[]) => json(200, { items: clients, next_cursor: null });
      if (q in now) return page(now[q]!);
      return new Promise<Response>((resolve) => pending.set(q, { answer: (clients) => resolve(page(clients)) }));
    },
  });
  const searched = (q: string) => calls.some((call) => call.path === '/api/v1/clients' && (call.search.get('q') ?? '') === q);
  return { pending, searched };
}

function renderPicker() {
  const onChange = vi.fn();
  const onSubmit = vi.fn((event: React.FormEvent) => event.preventDefault());
  render(
    <MantineProvider theme={theme}>
      <QueryClientProvider client={createQueryClient()}>
        <form onSubmit={onSubmit}>
          <ClientPicker label="Client" value={null} onChange={onChange} excludeIds={[]} />
        </form>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { onChange, onSubmit, input: screen.getByRole('combobox', { name: 'Client' }) };
}

const optionNames = () => screen.queryAllByRole('option', { hidden: true }).map((option) => option.textContent);

beforeEach(() => signInAs('front_desk'));
afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('the client picker', { timeout: 30_000 }, () => {
  it('picks nobody with arrow-down and Enter while the search for what is typed is still on its way', async () => {
    const api = searchApi({ '': [ana, sofiaAlvarez] });
    const { onChange, onSubmit, input } = renderPicker();
    const user = userEvent.setup();
    await user.click(input);
    await screen.findByRole('option', { name: /Ana Ríos/, hidden: true }, SLOW);

    // The earlier list (everyone) must not be choosable while "sofia cordova d" is being searched.
    await user.type(input, 'sofia cordova d');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onChange).not.toHaveBeenCalled();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(optionNames()).toEqual([]);
    expect(screen.getByText('Searching…')).toBeInTheDocument();

    await waitFor(() => expect(api.pending.has('sofia cordova d')).toBe(true), SLOW);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onChange).not.toHaveBeenCalled();

    // Once the answer for exactly what is typed is in, Enter picks its only match.
    api.pending.get('sofia cordova d')!.answer([sofiaDiaz]);
    await screen.findByRole('option', { name: /Sofía Córdova Díaz/, hidden: true }, SLOW);
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenCalledExactlyOnceWith(sofiaDiaz.id);
    expect(input).toHaveValue('Sofía Córdova Díaz');
  });

  it('never offers the answer to an earlier search that arrives after more was typed', async () => {
    const api = searchApi({ '': [ana] });
    const { onChange, input } = renderPicker();
    const user = userEvent.setup();
    await user.click(input);
    await screen.findByRole('option', { name: /Ana Ríos/, hidden: true }, SLOW);

    await user.type(input, 'sofia');
    await waitFor(() => expect(api.pending.has('sofia')).toBe(true), SLOW);
    await user.type(input, ' cordova d');
    // The answer for "sofia" (both Sofías) arrives while "sofia cordova d" is being searched.
    api.pending.get('sofia')!.answer([sofiaAlvarez, sofiaDiaz]);
    await waitFor(() => expect(api.searched('sofia cordova d')).toBe(true), SLOW);
    expect(optionNames()).toEqual([]);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onChange).not.toHaveBeenCalled();

    api.pending.get('sofia cordova d')!.answer([sofiaDiaz]);
    await screen.findByRole('option', { name: /Sofía Córdova Díaz/, hidden: true }, SLOW);
    expect(optionNames()).toEqual([expect.stringMatching(/^Sofía Córdova Díaz/)]);
  });

  it('forgets a row highlighted while searching once the answer replaces the list', async () => {
    const api = searchApi({ '': [ana] });
    const { onChange, onSubmit, input } = renderPicker();
    const user = userEvent.setup();
    await user.click(input);
    await screen.findByRole('option', { name: /Ana Ríos/, hidden: true }, SLOW);
    await user.type(input, 'sofia');
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(api.pending.has('sofia')).toBe(true), SLOW);
    api.pending.get('sofia')!.answer([sofiaAlvarez, sofiaDiaz]);
    await screen.findByRole('option', { name: /Sofía Córdova Díaz/, hidden: true }, SLOW);

    // Two matches and none highlighted: Enter waits for the arrows (and does not submit the form).
    await user.keyboard('{Enter}');
    expect(onChange).not.toHaveBeenCalled();
    expect(onSubmit).not.toHaveBeenCalled();
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(onChange).toHaveBeenCalledExactlyOnceWith(sofiaDiaz.id);
  });

  it('marks inactive and discharged clients in the list', async () => {
    searchApi({ '': [ana, sofiaAlvarez, hugo] });
    const { input } = renderPicker();
    await userEvent.setup().click(input);
    const inactive = await screen.findByRole('option', { name: /Sofía Córdova Álvarez/, hidden: true }, SLOW);
    expect(within(inactive).getByText('Inactive')).toBeInTheDocument();
    expect(within(screen.getByRole('option', { name: /Hugo Rojas/, hidden: true })).getByText('Discharged')).toBeInTheDocument();
    expect(within(screen.getByRole('option', { name: /Ana Ríos/, hidden: true })).queryByText('Active')).not.toBeInTheDocument();
  });

  it('in Spanish: searching, and the inactive client marked', async () => {
    await i18n.changeLanguage('es');
    const api = searchApi({ '': [sofiaAlvarez] });
    const { input } = renderPicker();
    const user = userEvent.setup();
    await user.click(input);
    const inactive = await screen.findByRole('option', { name: /Sofía Córdova Álvarez/, hidden: true }, SLOW);
    expect(within(inactive).getByText('Inactivo')).toBeInTheDocument();
    await user.type(input, 'hugo');
    expect(screen.getByText('Buscando…')).toBeInTheDocument();
    await waitFor(() => expect(api.pending.has('hugo')).toBe(true), SLOW);
    api.pending.get('hugo')!.answer([hugo]);
    const discharged = await screen.findByRole('option', { name: /Hugo Rojas/, hidden: true }, SLOW);
    expect(within(discharged).getByText('De alta')).toBeInTheDocument();
  });
});

const LIMA = 'America/Lima';
const reference = schedulingReferenceFixture({ services: [serviceFixture()], locations: [locationFixture()] });

function renderBookingForm() {
  const date = shiftDays(wallTimeOf(new Date(), LIMA).date, 3);
  render(
    <MantineProvider theme={theme}>
      <QueryClientProvider client={createQueryClient()}>
        <MemoryRouter>
          <AppointmentForm
            mode={{
              type: 'create',
              from: { start: { date, time: '10:00' }, end: { date, time: '10:45' }, practitionerId: practitionerFixture.id, locationId: 'l1' },
            }}
            reference={reference}
            onClose={vi.fn()}
          />
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

describe('booking an inactive or discharged client', { timeout: 30_000 }, () => {
  function bookingApi() {
    return fakeApi({
      'GET /api/v1/practice': () => json(200, practiceFixture),
      'GET /api/v1/locations/l1/rooms': () => json(200, []),
      'GET /api/v1/clients': ({ search }) =>
        json(200, { items: search.get('q') === 'sofia' ? [sofiaAlvarez, sofiaDiaz] : [ana, sofiaAlvarez], next_cursor: null }),
      'POST /api/v1/appointments': ({ body }) => json(201, { ...(body as object), id: 'new', status: 'scheduled' }),
    });
  }

  async function choose(dialog: HTMLElement, name: RegExp, label: RegExp) {
    const user = userEvent.setup();
    const picker = within(dialog).getByRole('combobox', { name: label });
    await user.clear(picker);
    await user.type(picker, 'sofia');
    await user.click(await screen.findByRole('option', { name, hidden: true }, SLOW));
  }

  it('warns before booking, and still books (someone coming back)', async () => {
    const calls = bookingApi();
    renderBookingForm();
    const dialog = await screen.findByRole('dialog', { name: 'New appointment' }, SLOW);
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();

    await choose(dialog, /Sofía Córdova Álvarez/, /Client/);
    const warning = await within(dialog).findByRole('alert');
    expect(warning).toHaveTextContent('Sofía Córdova Álvarez is marked inactive');
    expect(warning).toHaveTextContent('Check that this is the right client before booking');

    // Choosing an active client instead takes the warning away.
    await choose(dialog, /Sofía Córdova Díaz/, /Client/);
    await waitFor(() => expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument());
    await choose(dialog, /Sofía Córdova Álvarez/, /Client/);
    await within(dialog).findByRole('alert');

    const user = userEvent.setup();
    await user.click(within(dialog).getByRole('combobox', { name: /Service/ }));
    await user.click(await screen.findByRole('option', { name: /90834/, hidden: true }, SLOW));
    await user.click(within(dialog).getByRole('button', { name: 'Book' }));
    await waitFor(() => expect(calls.some((call) => call.method === 'POST')).toBe(true), SLOW);
    expect(calls.find((call) => call.method === 'POST')!.body).toMatchObject({ client_id: sofiaAlvarez.id });
  });

  it('in Spanish: the warning names the record as inactive', async () => {
    await i18n.changeLanguage('es');
    bookingApi();
    renderBookingForm();
    const dialog = await screen.findByRole('dialog', { name: 'Nueva cita' }, SLOW);
    await choose(dialog, /Sofía Córdova Álvarez/, /Cliente|Paciente/);
    const warning = await within(dialog).findByRole('alert');
    expect(warning).toHaveTextContent('La ficha de Sofía Córdova Álvarez está inactiva');
    expect(warning).toHaveTextContent('Compruebe que sea la ficha correcta antes de agendar');
  });
});
