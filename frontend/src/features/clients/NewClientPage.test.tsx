import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describedText, fill } from '../../test/dom';
import { renderApp } from '../../test/renderApp';
import { fakeApi, json, signInAs } from '../../test/fakeApi';
import { clientFixture, customFieldFixture, practiceFixture, practitionerFixture } from '../../test/fixtures';

/** The message an input points at with aria-describedby (where Mantine renders the field's error). */
const referenceRoutes = (fields = [customFieldFixture()]) => ({
  'GET /api/v1/custom-fields': () => json(200, fields),
  'GET /api/v1/practitioners': () => json(200, { items: [practitionerFixture], next_cursor: null }),
  'GET /api/v1/practice': () => json(200, practiceFixture),
  'POST /api/v1/clients/possible-duplicates': () => json(200, { items: [] }),
});

// Lazy screens load on first use, which jsdom makes slow.
const SLOW = { timeout: 8_000 };

beforeEach(() => signInAs('front_desk'));

afterEach(async () => {
  await i18n.changeLanguage('en');
});

/** Types Zoila Muñoz's names and `phone` into the new-client form once it has loaded. */
async function fillNameAndPhone(user: ReturnType<typeof userEvent.setup>, phone: string) {
  await fill(user, await screen.findByRole('textbox', { name: /First name/ }, SLOW), 'Zoila');
  await fill(user, screen.getByRole('textbox', { name: /Last name/ }), 'Muñoz');
  await fill(user, screen.getByRole('textbox', { name: 'Phone' }), phone);
}

describe('new client form', { timeout: 20_000 }, () => {
  it("renders the practice's custom fields by type and marks the required ones", async () => {
    fakeApi(
      referenceRoutes([
        customFieldFixture(),
        customFieldFixture({ id: 'f2', key: 'school', label: 'School', field_type: 'text', options: [], required: false }),
        customFieldFixture({ id: 'f3', key: 'siblings', label: 'Siblings', field_type: 'number', options: [], required: false }),
        customFieldFixture({ id: 'f4', key: 'consent', label: 'Signed consent', field_type: 'checkbox', options: [], required: false }),
      ]),
    );
    renderApp('/clients/new');

    const intake = await screen.findByLabelText(/Intake source/, { selector: 'input' }, SLOW);
    expect(intake.closest('.mantine-InputWrapper-root')).toHaveTextContent('*');
    expect(screen.getByRole('textbox', { name: 'School' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Siblings' })).toHaveAttribute('inputmode', 'decimal');
    expect(screen.getByRole('checkbox', { name: 'Signed consent' })).not.toBeChecked();
  });

  it('shows a required custom field as missing without calling the API', async () => {
    const calls = fakeApi(referenceRoutes());
    renderApp('/clients/new');
    const user = userEvent.setup();

    await fill(user, await screen.findByRole('textbox', { name: /First name/ }, SLOW), 'Zoila');
    await fill(user, screen.getByRole('textbox', { name: /Last name/ }), 'Muñoz');
    await user.click(screen.getByRole('button', { name: 'Register client' }));

    const intake = screen.getByLabelText(/Intake source/, { selector: 'input' });
    await waitFor(() => expect(intake).toHaveAttribute('aria-invalid', 'true'));
    expect(describedText(intake)).toContain('Intake source is required.');
    expect(calls.filter((call) => call.method === 'POST')).toEqual([]);
  });

  it("puts the API's 422 errors next to their fields (custom fields too) and keeps what was typed", async () => {
    fakeApi({
      ...referenceRoutes([customFieldFixture({ required: false })]),
      'POST /api/v1/clients': () =>
        json(422, {
          status: 422,
          title: 'Validation failed',
          detail: 'Some custom fields are not valid.',
          errors: [
            { field: 'email', loc: ['body', 'email'], message: 'Not a valid e-mail address.', type: 'value_error' },
            {
              field: 'custom_fields.intake_source',
              loc: ['body', 'custom_fields', 'intake_source'],
              message: 'Choose one of: Web, Referral.',
              type: 'invalid',
            },
          ],
        }),
    });
    renderApp('/clients/new');
    const user = userEvent.setup();

    await fill(user, await screen.findByRole('textbox', { name: /First name/ }, SLOW), 'Zoila');
    await fill(user, screen.getByRole('textbox', { name: /Last name/ }), 'Muñoz');
    // Shaped like an address (the form's own check passes), refused by the API.
    await fill(user, screen.getByRole('textbox', { name: 'E-mail' }), 'zoila@mail.example');
    await user.click(screen.getByRole('button', { name: 'Register client' }));

    const email = screen.getByRole('textbox', { name: 'E-mail' });
    await waitFor(() => expect(describedText(email)).toContain('Not a valid e-mail address.'));
    expect(describedText(screen.getByLabelText(/Intake source/, { selector: 'input' }))).toContain('Choose one of: Web, Referral.');
    expect(screen.getByRole('alert')).toHaveTextContent('Some fields need attention');
    expect(email).toHaveValue('zoila@mail.example');
    expect(screen.getByRole('textbox', { name: /First name/ })).toHaveValue('Zoila');
  });

  it("shows a field error coded validation.required in the UI's language (Spanish) next to the field", async () => {
    await i18n.changeLanguage('es');
    fakeApi({
      ...referenceRoutes([customFieldFixture({ required: false })]),
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

  it("sends the form and opens the new client's page", async () => {
    const created = clientFixture({ date_of_birth: '1990-05-01', custom_fields: { intake_source: 'Web' } });
    const calls = fakeApi({
      ...referenceRoutes([customFieldFixture({ required: false })]),
      'POST /api/v1/clients': () => json(201, created),
      [`GET /api/v1/clients/${created.id}`]: () => json(200, created),
    });
    const { router } = renderApp('/clients/new');
    const user = userEvent.setup();

    await fillNameAndPhone(user, '+51 999 111 222');
    await user.click(screen.getByRole('button', { name: 'Register client' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/clients/${created.id}`), SLOW);
    expect(await screen.findByRole('heading', { name: 'Zoila Muñoz' }, SLOW)).toBeInTheDocument();
    expect(calls.find((call) => call.method === 'POST' && call.path === '/api/v1/clients')?.body).toEqual({
      first_name: 'Zoila',
      last_name: 'Muñoz',
      phone: '+51 999 111 222',
      status: 'active',
      reminder_consent_email: false,
      reminder_consent_sms: false,
      reminder_consent_voice: false,
      practitioner_ids: [],
    });
  });
});

describe('new client form: checks, duplicates and what comes next', { timeout: 30_000 }, () => {
  it('checks a field when it is left, and shows every problem at once on save, without calling the API', async () => {
    const calls = fakeApi(referenceRoutes([]));
    renderApp('/clients/new');
    const user = userEvent.setup();

    const email = await screen.findByRole('textbox', { name: 'E-mail' }, SLOW);
    await fill(user, email, 'zoila@');
    await user.tab();
    await waitFor(() => expect(describedText(email)).toContain('like name@example.com'));

    // English dates are month first: there is no month 31.
    const birth = screen.getByRole('textbox', { name: 'Date of birth' });
    await fill(user, birth, '31/02/2014');
    await user.click(screen.getByRole('button', { name: 'Register client' }));

    await waitFor(() => expect(birth).toHaveAttribute('aria-invalid', 'true'));
    expect(birth).toHaveValue('31/02/2014');
    expect(describedText(birth)).toContain('There is no such date');
    expect(describedText(screen.getByRole('textbox', { name: /First name/ }))).toContain('Enter the first name.');
    expect(describedText(screen.getByRole('textbox', { name: /Last name/ }))).toContain('Enter the last name.');
    expect(describedText(screen.getByRole('textbox', { name: 'E-mail' }))).toContain('like name@example.com');
    expect(calls.filter((call) => call.path === '/api/v1/clients' && call.method === 'POST')).toEqual([]);
  });

  it('reads a Spanish date day first and stores it as ISO; refuses a birth date in the future', async () => {
    await i18n.changeLanguage('es');
    const created = clientFixture({ date_of_birth: '2014-05-25' });
    const calls = fakeApi({
      ...referenceRoutes([]),
      'POST /api/v1/clients': () => json(201, created),
      [`GET /api/v1/clients/${created.id}`]: () => json(200, created),
      [`GET /api/v1/clients/${created.id}/relationships`]: () => json(200, []),
    });
    renderApp('/clients/new');
    const user = userEvent.setup();

    await fill(user, await screen.findByRole('textbox', { name: /Nombres/ }, SLOW), 'Zoila');
    await fill(user, screen.getByRole('textbox', { name: /Apellidos/ }), 'Muñoz');
    const birth = screen.getByRole('textbox', { name: 'Fecha de nacimiento' });
    await fill(user, birth, '01/01/2999');
    await user.tab();
    await waitFor(() => expect(describedText(birth)).toContain('La fecha de nacimiento no puede ser futura.'));

    await user.clear(birth);
    await fill(user, birth, '25/05/2014');
    await user.tab();
    await waitFor(() => expect(birth).toHaveValue('25/05/2014'));
    expect(describedText(birth)).toContain('25 de mayo de 2014');
    await user.click(screen.getByRole('button', { name: 'Registrar cliente' }));

    await waitFor(() => expect(calls.some((call) => call.method === 'POST' && call.path === '/api/v1/clients')).toBe(true), SLOW);
    expect(calls.find((call) => call.method === 'POST' && call.path === '/api/v1/clients')?.body).toMatchObject({
      date_of_birth: '2014-05-25',
    });
    // A minor: the page opens on the relationships, offering to add the guardian.
    expect(await screen.findByTestId('guardian-prompt', undefined, SLOW)).toHaveTextContent('Zoila Muñoz es menor de edad');
  });

  it('warns about possible duplicates as fields are left, and asks before registering anyway', async () => {
    const existing = clientFixture({ id: '33333333-3333-4333-8333-333333333333', first_name: 'Zoila', date_of_birth: '1980-01-01' });
    const created = clientFixture({ date_of_birth: '1990-05-01' });
    const calls = fakeApi({
      ...referenceRoutes([]),
      'POST /api/v1/clients/possible-duplicates': ({ body }) =>
        json(200, { items: (body as { phone?: string }).phone ? [{ client: existing, reasons: ['phone'] }] : [] }),
      'POST /api/v1/clients': () => json(201, created),
      [`GET /api/v1/clients/${created.id}`]: () => json(200, created),
    });
    const { router } = renderApp('/clients/new');
    const user = userEvent.setup();

    await fillNameAndPhone(user, '999 111 222');
    await user.tab();

    const warning = await screen.findByTestId('duplicate-warning', undefined, SLOW);
    expect(warning).toHaveTextContent('This person may already be registered');
    expect(warning).toHaveTextContent('Same phone');
    const link = screen.getByRole('link', { name: 'Zoila Muñoz' });
    expect(link).toHaveAttribute('href', `/clients/${existing.id}`);
    expect(link).toHaveAttribute('target', '_blank');
    const probe = calls.find((call) => call.path === '/api/v1/clients/possible-duplicates' && (call.body as { phone?: string }).phone);
    expect(probe?.body).toEqual({ phone: '999 111 222' });
    expect(probe?.search.toString()).toBe('');

    await user.click(screen.getByRole('button', { name: 'Register client' }));
    const dialog = await screen.findByRole('dialog', { name: 'Register anyway?' });
    expect(calls.filter((call) => call.method === 'POST' && call.path === '/api/v1/clients')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Register anyway' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/clients/${created.id}`), SLOW);
    const notice = await screen.findByTestId('possible-duplicate-notice', undefined, SLOW);
    expect(within(notice).getByRole('button', { name: 'Merge with Zoila Muñoz' })).toBeInTheDocument();
  });

  it('asks before leaving a filled form, and stays when asked to', async () => {
    fakeApi(referenceRoutes([]));
    const { router } = renderApp('/clients/new');
    const user = userEvent.setup();

    await fill(user, await screen.findByRole('textbox', { name: /First name/ }, SLOW), 'Zoila');
    await user.click(screen.getByRole('link', { name: /Back to clients/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    expect(router.state.location.pathname).toBe('/clients/new');
    expect(screen.getByRole('textbox', { name: /First name/ })).toHaveValue('Zoila');

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Leave without saving?' })).getByRole('button', { name: 'Leave without saving' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/clients'));
  });
});
