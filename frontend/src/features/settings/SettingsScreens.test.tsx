import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PracticeSettings, PractitionerRecord } from '../../api/types';
import { fakeApi, json, signInAs, type ApiCall } from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';


const practice: PracticeSettings = {
  name: 'Centro',
  time_zone: 'America/Lima',
  country: 'PE',
  currencies: ['PEN', 'USD'],
  default_currency: 'PEN',
  no_show_fees: { PEN: 2500 },
  late_cancel_fees: { PEN: 2500 },
  late_cancel_window_hours: 24,
  fees_count_toward_commission: false,
  reminder_send_hour: 9,
  monthly_survey_enabled: true,
  monthly_survey_day: 1,
  default_locale: 'es',
  client_label: 'paciente',
  client_labels: { es: 'paciente' },
  slot_minutes: 15,
  week_starts_on: 'monday',
  rating_anonymity_floor: 3,
  updated_at: '2026-01-01T00:00:00Z',
};

const rosa: PractitionerRecord = {
  id: '10000000-0000-0000-0000-000000000001',
  active: true,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  name: 'Rosa Quispe',
  credentials: 'Psicóloga',
  email: null,
  phone: null,
  color: '#1e88e5',
  commission_rate_bp: 4000,
  default_prices: { PEN: 15000, USD: 4000 },
};

function defaultHandler({ method, path }: ApiCall): Response {
  if (path === '/api/v1/practice') return json(200, practice);
  if (method === 'GET' && path === '/api/v1/practitioners') return json(200, { items: [rosa], next_cursor: null });
  return json(500, {});
}

beforeEach(() => {
  signInAs('admin');
});

async function openNewForm() {
  const user = userEvent.setup({ delay: null });
  await user.click(await screen.findByRole('button', { name: 'New practitioner' }));
  const dialog = await screen.findByRole('dialog', { name: 'New practitioner' });
  return { user, dialog };
}

describe('settings: practitioners', { timeout: 20_000 }, () => {
  it('opens the settings area on the practice section, with the sub-navigation', async () => {
    fakeApi({}, defaultHandler);
    const { router } = renderApp('/settings');

    await waitFor(() => expect(router.state.location.pathname).toBe('/settings/practice'));
    const nav = screen.getByRole('navigation', { name: 'Settings sections' });
    expect(within(nav).getByRole('link', { name: 'Practitioners' })).toHaveAttribute('href', '/settings/practitioners');
    expect(await screen.findByRole('heading', { name: 'Practice' })).toBeInTheDocument();
  });

  it('lists practitioners with commission as a percentage and prices with the currency symbol', async () => {
    fakeApi({}, defaultHandler);
    renderApp('/settings/practitioners');

    const row = (await screen.findByText('Rosa Quispe')).closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('40 %');
    const text = row.textContent?.replace(/\s/g, ' ');
    expect(text).toContain('S/ 150.00');
    // Dollars in a Peruvian practice read "US$ 40.00", never a bare "$" that reads as soles or pesos.
    expect(text?.replace(/\s/g, ' ')).toContain('US$ 40.00');
  });

  it('creates a practitioner with exact minor units and basis points', async () => {
    const calls = fakeApi({}, (call) =>
      call.method === 'POST' ? json(201, { ...rosa, id: 'new', name: 'Ana Torres' }) : defaultHandler(call),
    );
    renderApp('/settings/practitioners');
    const { user, dialog } = await openNewForm();

    await user.type(within(dialog).getByLabelText(/^Name/), 'Ana Torres');
    await user.type(within(dialog).getByLabelText(/^Commission/), '12.5');
    await user.type(within(dialog).getByLabelText('PEN'), '150.50');
    await user.click(within(dialog).getByRole('button', { name: 'Create practitioner' }));

    await waitFor(() => expect(calls.some((call) => call.method === 'POST')).toBe(true));
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({
      name: 'Ana Torres',
      credentials: null,
      email: null,
      phone: null,
      color: '#1e88e5',
      commission_rate_bp: 1250,
      default_prices: { PEN: 15050 },
    });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New practitioner' })).not.toBeInTheDocument());
  });

  it('refuses a commission above 100 % next to the field without calling the API', async () => {
    const calls = fakeApi({}, defaultHandler);
    renderApp('/settings/practitioners');
    const { user, dialog } = await openNewForm();

    await user.type(within(dialog).getByLabelText(/^Name/), 'Ana Torres');
    await user.type(within(dialog).getByLabelText(/^Commission/), '100.5');
    await user.click(within(dialog).getByRole('button', { name: 'Create practitioner' }));

    expect(await within(dialog).findByText('Enter a percentage from 0 to 100.')).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/^Commission/)).toHaveAttribute('aria-invalid', 'true');
    expect(calls.filter((call) => call.method === 'POST')).toEqual([]);
  });

  it("shows the API's field errors next to the price they are about", async () => {
    fakeApi({}, (call) =>
      call.method === 'POST'
        ? json(422, {
            status: 422,
            title: 'Validation failed',
            errors: [{ field: 'default_prices.USD', message: 'USD is not enabled for this practice.' }],
          })
        : defaultHandler(call),
    );
    renderApp('/settings/practitioners');
    const { user, dialog } = await openNewForm();

    await user.type(within(dialog).getByLabelText(/^Name/), 'Ana Torres');
    await user.type(within(dialog).getByLabelText(/^Commission/), '40');
    await user.type(within(dialog).getByLabelText('USD'), '40');
    await user.click(within(dialog).getByRole('button', { name: 'Create practitioner' }));

    expect(await within(dialog).findByText('USD is not enabled for this practice.')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('USD')).toHaveAttribute('aria-invalid', 'true');
  });

  it('offers to deactivate when the API refuses to delete a practitioner in use', async () => {
    const calls = fakeApi({}, (call) => {
      if (call.method === 'DELETE') {
        return json(409, {
          status: 409,
          title: 'Conflict',
          detail: 'This practitioner is in use and cannot be deleted.',
          next_step: 'Deactivate the practitioner instead (active: false); past records keep it.',
        });
      }
      if (call.method === 'PATCH') return json(200, { ...rosa, active: false });
      return defaultHandler(call);
    });
    renderApp('/settings/practitioners');
    const user = userEvent.setup({ delay: null });

    await user.click(await screen.findByRole('button', { name: 'More actions for Rosa Quispe' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete Rosa Quispe?' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));

    const conflict = await screen.findByRole('dialog', { name: 'Cannot do that yet' });
    expect(within(conflict).getByTestId('conflict-next-step')).toHaveTextContent('Deactivate the practitioner instead');
    await user.click(within(conflict).getByRole('button', { name: 'Deactivate instead' }));

    await waitFor(() => expect(calls.find((call) => call.method === 'PATCH')?.body).toEqual({ active: false }));
    expect(calls.find((call) => call.method === 'PATCH')?.path).toBe(`/api/v1/practitioners/${rosa.id}`);
  });
});

describe('settings: practice', { timeout: 20_000 }, () => {
  it('saves only what changed, with fees in exact minor units', async () => {
    const calls = fakeApi({}, (call) =>
      call.method === 'PATCH'
        ? json(200, { ...practice, no_show_fees: { PEN: 3050 }, updated_at: '2026-01-02T00:00:00Z' })
        : defaultHandler(call),
    );
    renderApp('/settings/practice');
    const user = userEvent.setup({ delay: null });
    const fee = within(await screen.findByRole('group', { name: 'No-show fee' })).getByLabelText('PEN');

    expect(fee).toHaveValue('25.00');
    await user.clear(fee);
    await user.type(fee, '30.50');
    await user.click(screen.getAllByRole('button', { name: 'Save changes' })[0] as HTMLElement);

    await waitFor(() => expect(calls.find((call) => call.method === 'PATCH')?.body).toEqual({ no_show_fees: { PEN: 3050 } }));
  });

  it("lets the admin set the practice's country, named in the UI language and found without accents", async () => {
    const calls = fakeApi({}, (call) =>
      call.method === 'PATCH' ? json(200, { ...practice, country: 'RE', updated_at: '2026-01-02T00:00:00Z' }) : defaultHandler(call),
    );
    renderApp('/settings/practice');
    const user = userEvent.setup({ delay: null });
    const country = await screen.findByRole('combobox', { name: 'Country' });

    expect(country).toHaveValue('Peru');
    await user.clear(country);
    await user.type(country, 'reunion');
    // The only match, though typed without its accent.
    await user.keyboard('{ArrowDown}{Enter}');
    expect(country).toHaveValue('Réunion');
    await user.click(screen.getAllByRole('button', { name: 'Save changes' })[0] as HTMLElement);

    await waitFor(() => expect(calls.find((call) => call.method === 'PATCH')?.body).toEqual({ country: 'RE' }));
  });

  it("sets the client word per language, the slot length and the week's first day; shows the zone as a city", async () => {
    const calls = fakeApi({}, (call) =>
      call.method === 'PATCH' ? json(200, { ...practice, updated_at: '2026-01-02T00:00:00Z' }) : defaultHandler(call),
    );
    renderApp('/settings/practice');
    const user = userEvent.setup({ delay: null });
    const english = await screen.findByRole('textbox', { name: 'Word for "client" in English' }, { timeout: 10_000 });
    expect(screen.getByRole('textbox', { name: 'Word for "client" in Spanish' })).toHaveValue('paciente');
    expect(english).toHaveValue('');
    expect(screen.getByRole('combobox', { name: 'Time zone' })).toHaveValue('Lima (UTC\u22125)');

    await user.click(english);
    await user.paste('patient');
    await user.click(screen.getByRole('combobox', { name: 'Slot length' }));
    await user.click(await screen.findByRole('option', { name: '30 minutes' }));
    await user.click(screen.getByRole('combobox', { name: 'Week starts on' }));
    await user.click(await screen.findByRole('option', { name: 'Sunday' }));
    await user.click(screen.getAllByRole('button', { name: 'Save changes' })[0] as HTMLElement);

    await waitFor(() =>
      expect(calls.find((call) => call.method === 'PATCH')?.body).toEqual({
        client_labels: { es: 'paciente', en: 'patient' },
        slot_minutes: 30,
        week_starts_on: 'sunday',
      }),
    );
  });

  it('refuses a fee with too many decimals before calling the API', async () => {
    const calls = fakeApi({}, defaultHandler);
    renderApp('/settings/practice');
    const user = userEvent.setup({ delay: null });
    const fee = within(await screen.findByRole('group', { name: 'Late-cancellation fee' })).getByLabelText('USD');

    await user.type(fee, '10.9999');
    await user.click(screen.getAllByRole('button', { name: 'Save changes' })[0] as HTMLElement);

    expect(await screen.findByText('USD amounts have at most 2 decimals.')).toBeInTheDocument();
    expect(calls.filter((call) => call.method === 'PATCH')).toEqual([]);
  });
});
