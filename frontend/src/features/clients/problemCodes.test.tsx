import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Enrollment } from '../../api/types';
import { describedText, fill } from '../../test/dom';
import { fakeApi, json, signInAs } from '../../test/fakeApi';
import { clientFixture, customFieldFixture, practiceFixture, practitionerFixture } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

const SLOW = { timeout: 8_000 };
const zoila = clientFixture();
const base = `/api/v1/clients/${zoila.id}`;
const enrollment: Enrollment = { id: 'e1', program: { id: 'g1', name: 'Family therapy' }, start_date: '2026-01-10', end_date: null };

const routes = {
  'GET /api/v1/practice': () => json(200, practiceFixture),
  'GET /api/v1/custom-fields': () => json(200, [customFieldFixture({ required: false })]),
  'GET /api/v1/practitioners': () => json(200, { items: [practitionerFixture], next_cursor: null }),
  'GET /api/v1/programs': () => json(200, { items: [], next_cursor: null }),
  [`GET ${base}`]: () => json(200, zoila),
  [`GET ${base}/enrollments`]: () => json(200, [enrollment]),
};

beforeEach(async () => {
  signInAs('front_desk');
  await i18n.changeLanguage('es');
});

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('API problems by code, in the UI language', { timeout: 20_000 }, () => {
  it('shows a 409 enrollment overlap in Spanish, with the Spanish next step, not the English server text', async () => {
    fakeApi({
      ...routes,
      [`PATCH ${base}/enrollments/e1`]: () =>
        json(409, {
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          code: 'conflict.enrollment_overlap',
          detail: 'The client is already in this program from 2026-02-01 to now (still open).',
          request_id: 'req-1',
          next_step: 'End the existing enrollment first, or choose dates that do not overlap it.',
        }),
    });
    renderApp(`/clients/${zoila.id}/programs`);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Terminar la inscripción en Family therapy' }, SLOW));
    const dialog = await screen.findByRole('dialog', { name: 'Terminar la inscripción en Family therapy' });
    await user.click(within(dialog).getByRole('button', { name: 'Terminar inscripción' }));

    const conflict = await screen.findByRole('dialog', { name: 'Todavía no se puede' });
    expect(conflict).toHaveTextContent('El cliente ya está inscrito en este programa en parte de esas fechas.');
    expect(within(conflict).getByTestId('conflict-next-step')).toHaveTextContent(
      'Qué hacer: Primero finalice la inscripción existente o elija fechas que no se superpongan con ella.',
    );
    expect(conflict).not.toHaveTextContent('The client is already in this program');
    expect(conflict).not.toHaveTextContent('End the existing enrollment first');
  });

  it('shows a field error coded validation.required in Spanish next to the field', async () => {
    fakeApi({
      ...routes,
      'POST /api/v1/clients': () =>
        json(422, {
          type: 'about:blank',
          title: 'Validation failed',
          status: 422,
          code: 'validation.failed',
          detail: 'Some fields are not valid.',
          request_id: 'req-2',
          errors: [
            { field: 'phone', loc: ['body', 'phone'], message: 'Field required', type: 'missing', code: 'validation.required' },
          ],
        }),
    });
    renderApp('/clients/new');
    const user = userEvent.setup();

    await fill(user, await screen.findByRole('textbox', { name: /Nombres/ }, SLOW), 'Zoila');
    await fill(user, screen.getByRole('textbox', { name: /Apellidos/ }), 'Muñoz');
    await user.click(screen.getByRole('button', { name: 'Registrar cliente' }));

    const phone = screen.getByRole('textbox', { name: 'Teléfono' });
    await waitFor(() => expect(phone).toHaveAttribute('aria-invalid', 'true'));
    expect(describedText(phone)).toContain('Obligatorio.');
    expect(describedText(phone)).not.toContain('Field required');
  });
});
