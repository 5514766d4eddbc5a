import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Enrollment } from '../../api/types';
import { renderApp } from '../../test/renderApp';
import { fakeApi, json, signInAs } from '../../test/fakeApi';
import { clientFixture, customFieldFixture, guardianFixture, practiceFixture, practitionerFixture } from '../../test/fixtures';

const SLOW = { timeout: 8_000 };
const zoila = clientFixture({ custom_fields: { intake_source: 'Web' } });
const base = `/api/v1/clients/${zoila.id}`;

const guardian = guardianFixture();

const enrollment: Enrollment = {
  id: 'e1',
  program: { id: 'g1', name: 'Family therapy' },
  start_date: '2026-01-10',
  end_date: null,
};

const routes = {
  'GET /api/v1/practice': () => json(200, practiceFixture),
  'GET /api/v1/custom-fields': () => json(200, [customFieldFixture({ required: false })]),
  'GET /api/v1/practitioners': () => json(200, { items: [practitionerFixture], next_cursor: null }),
  'GET /api/v1/programs': () => json(200, { items: [], next_cursor: null }),
  [`GET ${base}`]: () => json(200, zoila),
  [`GET ${base}/relationships`]: () => json(200, [guardian]),
  [`GET ${base}/enrollments`]: () => json(200, [enrollment]),
};

const overlap = {
  status: 409,
  title: 'Conflict',
  detail: 'The client is already in this program from 2026-02-01 to now (still open).',
  next_step: 'End the existing enrollment first, or choose dates that do not overlap it.',
};

/** Opens the Programs tab and ends the enrollment, which the API refuses with a 409 carrying `body`. */
async function endEnrollmentRefused(body: object, buttons: { open: string; title: string; confirm: string }) {
  fakeApi({ ...routes, [`PATCH ${base}/enrollments/e1`]: () => json(409, body) });
  renderApp(`/clients/${zoila.id}/programs`);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: buttons.open }, SLOW));
  const dialog = await screen.findByRole('dialog', { name: buttons.title });
  await user.click(within(dialog).getByRole('button', { name: buttons.confirm }));
}

beforeEach(() => signInAs('front_desk'));

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('client detail', { timeout: 20_000 }, () => {
  it("says the client was not found when the API answers 404 (e.g. not a clinician's client)", async () => {
    fakeApi({});
    renderApp(`/clients/${zoila.id}`);

    expect(await screen.findByRole('heading', { name: 'Client not found' }, SLOW)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Back to clients/ })).toHaveAttribute('href', '/clients');
  });

  it('shows the profile with custom field values, and saves only the changed fields', async () => {
    const calls = fakeApi({ ...routes, [`PATCH ${base}`]: () => json(200, { ...zoila, phone: '+51 1' }) });
    renderApp(`/clients/${zoila.id}`);
    const user = userEvent.setup();

    expect(await screen.findByRole('heading', { name: 'Zoila Muñoz' }, SLOW)).toBeInTheDocument();
    expect(await screen.findByText('Intake source')).toBeInTheDocument();
    expect(screen.getByText('Web')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Edit profile' }));
    const phone = await screen.findByRole('textbox', { name: 'Phone' }, SLOW);
    await user.clear(phone);
    await user.click(phone);
    await user.paste('+51 1');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(calls.find((call) => call.method === 'PATCH')?.body).toEqual({ phone: '+51 1' }));
    expect(await screen.findByRole('button', { name: 'Edit profile' })).toBeInTheDocument();
  });

  it('lists relationships with their type and flags, and removes one after confirming', async () => {
    let relationships = [guardian];
    const calls = fakeApi({
      ...routes,
      [`GET ${base}/relationships`]: () => json(200, relationships),
      [`DELETE ${base}/relationships/r1`]: () => {
        relationships = [];
        return json(204, null);
      },
    });
    renderApp(`/clients/${zoila.id}/relationships`);
    const user = userEvent.setup();

    const row = (await screen.findByRole('link', { name: 'Rosa Muñoz' }, SLOW)).closest('tr')!;
    expect(within(row).getByText('Parent / guardian')).toBeInTheDocument();
    expect(within(row).getByText('Legal guardian')).toBeInTheDocument();
    expect(within(row).getByText('Emergency contact')).toBeInTheDocument();
    expect(within(row).queryByText('Responsible for billing')).not.toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: 'Remove the relationship with Rosa Muñoz' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove this relationship?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove relationship' }));

    expect(await screen.findByText(/No relationships yet/, undefined, SLOW)).toBeInTheDocument();
    expect(calls.filter((call) => call.method === 'DELETE').map((call) => call.path)).toEqual([`${base}/relationships/r1`]);
  });

  it('shows a 409 from ending an enrollment in the conflict dialog with its next step', async () => {
    await endEnrollmentRefused(overlap, {
      open: 'End enrollment in Family therapy',
      title: 'End the enrollment in Family therapy',
      confirm: 'End enrollment',
    });

    expect(await screen.findByTestId('conflict-next-step')).toHaveTextContent(
      'End the existing enrollment first, or choose dates that do not overlap it.',
    );
  });

  it("says a coded 409 in the UI's language (Spanish), with the Spanish next step, not the server's English", async () => {
    await i18n.changeLanguage('es');
    await endEnrollmentRefused(
      { ...overlap, type: 'about:blank', code: 'conflict.enrollment_overlap', request_id: 'req-1' },
      {
        open: 'Terminar inscripción en Family therapy',
        title: 'Terminar la inscripción en Family therapy',
        confirm: 'Terminar inscripción',
      },
    );

    const conflict = await screen.findByRole('dialog', { name: 'Todavía no se puede' });
    expect(conflict).toHaveTextContent('El cliente ya está inscrito en este programa en parte de esas fechas.');
    expect(within(conflict).getByTestId('conflict-next-step')).toHaveTextContent(
      'Qué hacer: Primero finalice la inscripción existente o elija fechas que no se superpongan con ella.',
    );
    expect(conflict).not.toHaveTextContent(overlap.detail);
    expect(conflict).not.toHaveTextContent(overlap.next_step);
  });

  it('keeps a place for the parts that arrive later', async () => {
    fakeApi(routes);
    renderApp(`/clients/${zoila.id}/surveys`);

    expect(await screen.findByText('Arrives with surveys', undefined, SLOW)).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Surveys' })).toHaveAttribute('aria-selected', 'true');
  });
});
