/** The client list as a clinician sees it: only her clients, and saying so. */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { sessionStore } from '../../api/session';
import { renderApp } from '../../test/renderApp';
import { fakeApi, json } from '../../test/fakeApi';
import { clientFixture, practiceFixture, practitionerFixture, userFixture } from '../../test/fixtures';

const SLOW = { timeout: 8_000 };
const colleague = { ...practitionerFixture, id: 'p2', name: 'Lic. José Ñahui' };

beforeEach(() => {
  sessionStore.signIn({
    access_token: 'a',
    token_type: 'bearer',
    expires_in: 900,
    user: userFixture({ id: 'u3', name: 'Dra. Ana Ríos', role: 'clinician', practitioner_id: practitionerFixture.id, locale: null }),
  });
});

describe('client list for a clinician', { timeout: 20_000 }, () => {
  it('says only her clients are shown, and a search that finds nobody may be a colleague’s client', async () => {
    fakeApi({
      'GET /api/v1/practice': () => json(200, { ...practiceFixture, client_label: 'paciente', client_labels: { es: 'paciente', en: 'patient' }, default_locale: 'es' }),
      'GET /api/v1/practitioners': () => json(200, { items: [practitionerFixture, colleague], next_cursor: null }),
      'GET /api/v1/programs': () => json(200, { items: [], next_cursor: null }),
      'GET /api/v1/clients': ({ search }) => json(200, { items: search.get('q') ? [] : [clientFixture()], next_cursor: null }),
    });
    renderApp('/clients');
    const user = userEvent.setup();

    // The practice's own word for its clients, in headings.
    expect(await screen.findByRole('heading', { name: 'Patients' }, SLOW)).toBeInTheDocument();
    expect(await screen.findByTestId('own-clients-notice', undefined, SLOW)).toHaveTextContent('Showing your patients only');

    const search = screen.getByRole('searchbox', { name: 'Search patients' });
    await user.click(search);
    await user.paste('Quispe');
    const empty = await screen.findByTestId('clients-empty', undefined, SLOW);
    expect(empty).toHaveTextContent('They may be assigned to another practitioner');
    expect(within(empty).queryByRole('link', { name: /Register/ })).not.toBeInTheDocument();
  });

  it('offers only herself in the practitioner filter', async () => {
    fakeApi({
      'GET /api/v1/practice': () => json(200, practiceFixture),
      'GET /api/v1/practitioners': () => json(200, { items: [practitionerFixture, colleague], next_cursor: null }),
      'GET /api/v1/programs': () => json(200, { items: [], next_cursor: null }),
      'GET /api/v1/clients': () => json(200, { items: [clientFixture()], next_cursor: null }),
    });
    renderApp('/clients');
    const user = userEvent.setup();

    const filter = await screen.findByRole('combobox', { name: 'Practitioner' }, SLOW);
    await user.click(filter);
    const offered = await screen.findAllByRole('option', { hidden: true });
    expect(offered.map((option) => option.textContent)).toContain('Dra. Ana Ríos');
    expect(offered.map((option) => option.textContent)).not.toContain('Lic. José Ñahui');
  });
});
