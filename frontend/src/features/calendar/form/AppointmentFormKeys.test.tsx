import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Appointment, SeriesPlan } from '../../../api/types';
import i18n from 'i18next';
import { createQueryClient } from '../../../queryClient';
import { fakeApi, json, signInAs, type ApiCall } from '../../../test/fakeApi';
import { clientFixture, locationFixture, practiceFixture, practitionerFixture, schedulingReferenceFixture, serviceFixture } from '../../../test/fixtures';
import { theme } from '../../../theme';
import { AppointmentForm, type AppointmentFormMode } from '../AppointmentForm';
import { shiftDays, wallTimeOf } from '../zonedTime';

const SLOW = { timeout: 8_000 };
const LIMA = 'America/Lima';
const service = serviceFixture();
const office = locationFixture();
const jorge = { ...practitionerFixture, id: 'p2', name: 'Jorge Salas', color: '#1e88e5' };
const english = schedulingReferenceFixture({ services: [service], locations: [office] });
english.practitioners.set(jorge.id, jorge);
english.activePractitioners = [practitionerFixture, jorge];

/** Ten days from today (in Lima), 16:00–16:45 in Lima (21:00Z). */
const day = shiftDays(wallTimeOf(new Date(), LIMA).date, 10);
const startsAt = new Date(`${day}T21:00:00Z`).toISOString();
const endsAt = new Date(`${day}T21:45:00Z`).toISOString();

function appointment(extra: Partial<Appointment> = {}): Appointment {
  return {
    id: 'a2', kind: 'client_session', status: 'scheduled', practitioner_id: 'p1', client_id: clientFixture().id,
    service_id: 's1', location_id: 'l1', room_id: null, starts_at: startsAt, ends_at: endsAt, price_minor: 15000,
    currency: 'PEN', reminders: [], series_id: 'series-1', series_exception: false, modifiers: [], medium: null,
    contact_with: null, contact_name: null, summary: null, title: null, availability: null, ...extra,
  } as Appointment;
}

const create: AppointmentFormMode = {
  type: 'create',
  from: { start: { date: day, time: '16:00' }, end: { date: day, time: '16:45' }, locationId: office.id },
  client: { id: clientFixture().id, name: 'Zoila Muñoz' },
};

function plan(dryRun: boolean): SeriesPlan {
  const week = 7 * 86_400_000;
  const at = (index: number, minutes: number) => new Date(Date.parse(startsAt) + index * week + minutes * 60_000).toISOString();
  return {
    scope: 'following', dry_run: dryRun, series_id: 'series-2', creates: [], deletes: [], kept: [], clashes: [],
    moves: [0, 1, 2].map((index) => ({
      appointment_id: index === 0 ? 'a2' : `a${index + 2}`, starts_at: at(index, 0), ends_at: at(index, 45),
      to_starts_at: at(index, 60), to_ends_at: at(index, 105),
    })),
  };
}

function routes() {
  return {
    'GET /api/v1/practice': () => json(200, practiceFixture),
    'GET /api/v1/locations/l1/rooms': () => json(200, []),
    'PATCH /api/v1/appointments/a2': () => json(200, appointment()),
    'POST /api/v1/appointments/a2/series-change': ({ body }: ApiCall) => json(200, plan((body as { dry_run: boolean }).dry_run)),
  };
}

function renderForm(mode: AppointmentFormMode, reference = english) {
  const onClose = vi.fn();
  render(
    <MantineProvider theme={theme}>
      <QueryClientProvider client={createQueryClient()}>
        <MemoryRouter>
          <AppointmentForm mode={mode} reference={reference} onClose={onClose} />
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { onClose };
}

beforeEach(() => signInAs('front_desk'));
afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('the booking form from the keyboard', { timeout: 30_000 }, () => {
  it('closes at once when untouched, and asks before throwing away changes (keep editing focused)', async () => {
    fakeApi(routes());
    const user = userEvent.setup();
    const untouched = renderForm(create);
    await screen.findByRole('dialog', { name: 'New appointment' }, SLOW);
    await user.keyboard('{Escape}');
    expect(untouched.onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog', { name: 'Discard the changes?' })).not.toBeInTheDocument();
  });

  it('asks "Discard the changes?" on Esc once something was typed', async () => {
    fakeApi(routes());
    const user = userEvent.setup();
    const { onClose } = renderForm(create);
    const dialog = await screen.findByRole('dialog', { name: 'New appointment' }, SLOW);
    await user.click(within(dialog).getByRole('button', { name: 'Add a reminder' }));
    await user.keyboard('{Escape}');
    const ask = await screen.findByRole('dialog', { name: 'Discard the changes?' });
    await waitFor(() => expect(within(ask).getByRole('button', { name: 'Keep editing' })).toHaveFocus());
    expect(onClose).not.toHaveBeenCalled();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Discard the changes?' })).not.toBeInTheDocument());
    expect(onClose).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(await screen.findByRole('button', { name: 'Discard' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('picks the first match with Enter after typing in a searchable select', async () => {
    fakeApi(routes());
    const user = userEvent.setup();
    renderForm({ ...create, from: { ...create.from, practitionerId: null } });
    const dialog = await screen.findByRole('dialog', { name: 'New appointment' }, SLOW);
    const practitioner = within(dialog).getByRole('combobox', { name: /Practitioner/ });
    await user.click(practitioner);
    await user.keyboard('Jorge{Enter}');
    await waitFor(() => expect(practitioner).toHaveValue('Jorge Salas'));
    const serviceBox = within(dialog).getByRole('combobox', { name: /Service/ });
    await user.click(serviceBox);
    await user.keyboard('psycho{Enter}');
    await waitFor(() => expect(serviceBox).toHaveValue('90834 · Psychotherapy'));
    expect(within(dialog).queryByText('Choose the practitioner.')).not.toBeInTheDocument();
  });

  it('writes and reads times on the 24-hour clock in Spanish, one box each', async () => {
    await i18n.changeLanguage('es');
    fakeApi(routes());
    const user = userEvent.setup();
    renderForm(create, { ...english, locale: 'es-PE' });
    const dialog = await screen.findByRole('dialog', { name: 'Nueva cita' }, SLOW);
    const start = within(dialog).getByRole('textbox', { name: /^Inicio/ });
    const end = within(dialog).getByRole('textbox', { name: /^Fin/ });
    expect(start).toHaveValue('16:00');
    expect(end).toHaveValue('16:45');
    await user.clear(start);
    await user.type(start, '1730');
    await user.tab();
    expect(start).toHaveValue('17:30');
    // One Tab from the start is the end (the native field took three).
    expect(end).toHaveFocus();
    expect(end).toHaveValue('18:15');
  });

  it('names each field the schema finds wrong, in the UI language', async () => {
    fakeApi(routes());
    const user = userEvent.setup();
    renderForm({ ...create, client: null, from: { ...create.from, practitionerId: null } });
    const dialog = await screen.findByRole('dialog', { name: 'New appointment' }, SLOW);
    const end = within(dialog).getByRole('textbox', { name: /^End/ });
    await user.clear(end);
    await user.type(end, '3pm');
    await user.click(within(dialog).getByRole('button', { name: 'Book' }));
    expect(await within(dialog).findByText('Choose the practitioner.')).toBeInTheDocument();
    expect(within(dialog).getByText('Choose the service.')).toBeInTheDocument();
    expect(within(dialog).getByText('The end must be after the start.')).toBeInTheDocument();
  });

  it('asks which occurrences of a series change, shows the preview, then applies exactly it', async () => {
    const calls = fakeApi(routes());
    const user = userEvent.setup();
    const { onClose } = renderForm({ type: 'edit', appointment: appointment(), clientName: 'Zoila Muñoz' });
    const dialog = await screen.findByRole('dialog', { name: 'Change appointment' }, SLOW);
    const start = within(dialog).getByRole('textbox', { name: /^Start/ });
    await user.clear(start);
    await user.type(start, '1700{Enter}');
    const ask = await screen.findByRole('dialog', { name: 'Change a recurring appointment' });
    expect(calls.some((call) => call.method === 'PATCH')).toBe(false);
    await user.click(within(ask).getByRole('radio', { name: 'This and the following ones' }));
    expect(await within(ask).findByText('3 appointments move:')).toBeInTheDocument();
    const [preview] = calls.filter((call) => call.path.endsWith('/series-change'));
    const sent = preview!.body as { scope: string; dry_run: boolean; changes: { starts_at: string; ends_at: string } };
    expect(sent).toMatchObject({ scope: 'following', dry_run: true });
    // The occurrence's new 17:00–17:45, as the drag's dialog sends it.
    expect(Date.parse(sent.changes.starts_at)).toBe(Date.parse(startsAt) + 3_600_000);
    expect(Date.parse(sent.changes.ends_at)).toBe(Date.parse(endsAt) + 3_600_000);
    await user.click(within(ask).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const applied = calls.filter((call) => call.path.endsWith('/series-change')).at(-1)!;
    expect(applied.body).toMatchObject({ scope: 'following', dry_run: false, allow_conflicts: false });
  });

  it('saves a lone appointment without asking about a series', async () => {
    const calls = fakeApi(routes());
    const user = userEvent.setup();
    const { onClose } = renderForm({ type: 'edit', appointment: appointment({ series_id: null }), clientName: 'Zoila Muñoz' });
    const dialog = await screen.findByRole('dialog', { name: 'Change appointment' }, SLOW);
    const start = within(dialog).getByRole('textbox', { name: /^Start/ });
    await user.clear(start);
    await user.type(start, '1700{Enter}');
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(screen.queryByRole('dialog', { name: 'Change a recurring appointment' })).not.toBeInTheDocument();
    expect(calls.filter((call) => call.method === 'PATCH')).toHaveLength(1);
    expect(calls.some((call) => call.path.endsWith('/series-change'))).toBe(false);
  });
});
