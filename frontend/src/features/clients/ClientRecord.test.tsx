/** A client's record as a whole: deleting one made by mistake, merging two of one person, adding a relative. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../test/renderApp';
import { fakeApi, json, signInAs } from '../../test/fakeApi';
import { clientFixture, customFieldFixture, guardianFixture, practiceFixture, practitionerFixture } from '../../test/fixtures';

const SLOW = { timeout: 8_000 };
const zoila = clientFixture({ custom_fields: { intake_source: 'Web' } });
const base = `/api/v1/clients/${zoila.id}`;

const guardian = guardianFixture();

const routes = {
  'GET /api/v1/practice': () => json(200, practiceFixture),
  'GET /api/v1/custom-fields': () => json(200, [customFieldFixture({ required: false })]),
  'GET /api/v1/practitioners': () => json(200, { items: [practitionerFixture], next_cursor: null }),
  'GET /api/v1/programs': () => json(200, { items: [], next_cursor: null }),
  [`GET ${base}`]: () => json(200, zoila),
  [`GET ${base}/relationships`]: () => json(200, [guardian]),
  [`GET ${base}/enrollments`]: () => json(200, []),
};

beforeEach(() => signInAs('front_desk'));

const hasRecords = {
  type: 'about:blank',
  title: 'Conflict',
  status: 409,
  code: 'conflict.client_has_records',
  detail: 'This client has sessions, relationships or enrollments.',
  next_step: 'Set the client inactive or discharged, or merge the record into the right one.',
};

const duplicateRecord = clientFixture({
  id: '44444444-4444-4444-8444-444444444444',
  first_name: 'Zoyla',
  phone: '+51999111222',
  email: null,
  date_of_birth: '2012-05-01',
});

const preview = (takePhone: boolean) => ({
  survivor: zoila,
  duplicate_id: duplicateRecord.id,
  dry_run: true,
  fields: [
    { field: 'first_name', survivor_value: 'Zoila', duplicate_value: 'Zoyla', result_value: 'Zoila', source: 'survivor' },
    {
      field: 'phone',
      survivor_value: '+51999111222',
      duplicate_value: '+51987654321',
      result_value: takePhone ? '+51987654321' : '+51999111222',
      source: takePhone ? 'duplicate' : 'survivor',
    },
    { field: 'address', survivor_value: null, duplicate_value: null, result_value: null, source: 'survivor' },
  ],
  moves: { relationships: 1, enrollments: 0, practitioners: 1, custom_fields: 0 },
  dropped: [
    {
      what: 'enrollment',
      reason_code: 'overlapping_enrollment',
      reason: "overlaps the survivor's enrollment in Family therapy",
      program: 'Family therapy',
    },
  ],
});

describe('deleting and merging a record', { timeout: 30_000 }, () => {
  it('refuses to delete a client with records, says why and offers the next steps as buttons', async () => {
    const calls = fakeApi({
      ...routes,
      [`DELETE ${base}`]: () => json(409, hasRecords),
      [`PATCH ${base}`]: ({ body }) => json(200, { ...zoila, ...(body as object) }),
    });
    renderApp(`/clients/${zoila.id}`);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Delete record' }, SLOW));
    const confirm = await screen.findByRole('dialog', { name: 'Delete Zoila Muñoz?' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete record' }));

    const conflict = await screen.findByRole('dialog', { name: 'Cannot do that yet' });
    expect(conflict).toHaveTextContent('This client has records attached');
    expect(within(conflict).getByTestId('conflict-next-step')).toHaveTextContent('Set the client inactive to keep the history');
    expect(within(conflict).getByRole('button', { name: 'Merge with…' })).toBeInTheDocument();
    await user.click(within(conflict).getByRole('button', { name: 'Set inactive' }));

    await waitFor(() => expect(calls.find((call) => call.method === 'PATCH')?.body).toEqual({ status: 'inactive' }));
    expect(calls.filter((call) => call.method === 'DELETE').map((call) => call.path)).toEqual([base]);
  });

  it('previews a merge, lets a field be taken from the other record, merges and lands on the kept record', async () => {
    const calls = fakeApi({
      ...routes,
      'GET /api/v1/clients': () => json(200, { items: [zoila, duplicateRecord], next_cursor: null }),
      [`POST ${base}/merge`]: ({ body }) => {
        const request = body as { dry_run: boolean; take_from_duplicate: string[] };
        const plan = preview(request.take_from_duplicate.includes('phone'));
        return json(200, request.dry_run ? plan : { ...plan, dry_run: false });
      },
    });
    const { router } = renderApp(`/clients/${zoila.id}`);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Merge with…' }, SLOW));
    const dialog = await screen.findByRole('dialog', { name: 'Merge two records of one person' });
    await user.click(within(dialog).getByRole('combobox', { name: /The other record/ }));
    await user.paste('zoyla');
    // jsdom has no layout, so Mantine hides its dropdowns from the accessibility tree: pick with the keyboard.
    await screen.findByRole('option', { name: /Zoyla Muñoz/, hidden: true }, SLOW);
    await user.keyboard('{ArrowDown}{Enter}');

    const table = await within(dialog).findByTestId('merge-preview', undefined, SLOW);
    const phoneRow = within(table).getByText('Phone').closest('tr')!;
    expect(phoneRow).toHaveTextContent('+51 999 111 222');
    expect(phoneRow).toHaveTextContent('+51 987 654 321');
    expect(within(table).queryByText('Address')).not.toBeInTheDocument();
    expect(within(dialog).getByTestId('merge-moves')).toHaveTextContent('1 relationship');
    expect(within(dialog).getByTestId('merge-dropped')).toHaveTextContent(
      'An enrollment: it overlaps the kept record’s enrollment in Family therapy',
    );

    await user.click(within(phoneRow).getByRole('checkbox', { name: 'Use the other record’s Phone' }));
    await waitFor(() => expect(within(phoneRow).getByRole('checkbox')).toBeChecked(), SLOW);
    await user.click(within(dialog).getByRole('button', { name: 'Merge records' }));

    await waitFor(() => expect(calls.some((call) => call.method === 'POST' && (call.body as { dry_run: boolean }).dry_run === false)).toBe(true));
    const merged = calls.find((call) => call.method === 'POST' && (call.body as { dry_run: boolean }).dry_run === false);
    expect(merged?.body).toEqual({ duplicate_id: duplicateRecord.id, dry_run: false, take_from_duplicate: ['phone'] });
    expect(merged?.path).toBe(`${base}/merge`);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/clients/${zoila.id}`));
  });

  it("opens the kept record, with a notice, from a merged-away record's address", async () => {
    fakeApi({
      ...routes,
      [`GET /api/v1/clients/${duplicateRecord.id}`]: () =>
        json(404, {
          type: 'about:blank',
          title: 'Not found',
          status: 404,
          code: 'not_found.merged',
          detail: 'This client was merged into another record.',
          merged_into: zoila.id,
        }),
    });
    const { router } = renderApp(`/clients/${duplicateRecord.id}/relationships`);

    await waitFor(() => expect(router.state.location.pathname).toBe(`/clients/${zoila.id}/relationships`), SLOW);
    expect(await screen.findByTestId('merged-notice', undefined, SLOW)).toHaveTextContent('merged into this one');
    expect(await screen.findByRole('heading', { name: 'Zoila Muñoz' }, SLOW)).toBeInTheDocument();
  });
});

/** Opens Zoila's "Add relationship" dialog and types `typed` in its client search. */
async function searchRelated(typed: string) {
  renderApp(`/clients/${zoila.id}/relationships`);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Add relationship' }, SLOW));
  const dialog = await screen.findByRole('dialog', { name: 'Add a relationship for Zoila Muñoz' });
  const picker = within(dialog).getByRole('combobox', { name: /Related client/ });
  await user.click(picker);
  await user.paste(typed);
  return { user, dialog, picker };
}

describe('adding a related person', { timeout: 30_000 }, () => {
  it('registers someone who is not found from the same dialog and comes back with them picked', async () => {
    const rosa = clientFixture({ id: '55555555-5555-4555-8555-555555555555', first_name: 'Rosa', last_name: 'Muñoz Quispe', date_of_birth: null });
    const calls = fakeApi({
      ...routes,
      [`GET ${base}/relationships`]: () => json(200, []),
      'GET /api/v1/clients': () => json(200, { items: [], next_cursor: null }),
      'POST /api/v1/clients/possible-duplicates': () => json(200, { items: [] }),
      'POST /api/v1/clients': () => json(201, rosa),
      [`POST ${base}/relationships`]: () => json(201, { ...guardian, related_client: { ...guardian.related_client, id: rosa.id } }),
    });
    const { user } = await searchRelated('Rosa Muñoz Quispe');
    // Enter with nobody found does not submit the dialog.
    await user.keyboard('{Enter}');
    expect(calls.filter((call) => call.path === `${base}/relationships` && call.method === 'POST')).toEqual([]);
    await screen.findByRole('option', { name: 'Register “Rosa Muñoz Quispe” as a new client', hidden: true }, SLOW);
    await user.keyboard('{ArrowDown}{Enter}');

    const quick = await screen.findByRole('dialog', { name: 'Register a new client' });
    expect(within(quick).getByRole('textbox', { name: /First name/ })).toHaveValue('Rosa');
    expect(within(quick).getByRole('textbox', { name: /Last name/ })).toHaveValue('Muñoz Quispe');
    await user.click(within(quick).getByRole('textbox', { name: 'Phone' }));
    await user.paste('987 654 321');
    await user.click(within(quick).getByRole('button', { name: 'Register and select' }));

    const back = await screen.findByRole('dialog', { name: 'Add a relationship for Zoila Muñoz' });
    expect(within(back).getByRole('combobox', { name: /Related client/ })).toHaveValue('Rosa Muñoz Quispe');
    expect(calls.find((call) => call.method === 'POST' && call.path === '/api/v1/clients')?.body).toEqual({
      first_name: 'Rosa',
      last_name: 'Muñoz Quispe',
      phone: '987 654 321',
      status: 'active',
      reminder_consent_email: false,
      reminder_consent_sms: false,
      reminder_consent_voice: false,
    });
  });

  it('picks the only match with Enter instead of submitting the dialog', async () => {
    const rosa = clientFixture({ id: '55555555-5555-4555-8555-555555555555', first_name: 'Rosa', date_of_birth: '1980-01-01' });
    const calls = fakeApi({
      ...routes,
      [`GET ${base}/relationships`]: () => json(200, []),
      'GET /api/v1/clients': ({ search }) => json(200, { items: search.get('q') ? [rosa] : [], next_cursor: null }),
    });
    const { user, dialog, picker } = await searchRelated('rosa');
    await screen.findByRole('option', { name: /^Rosa Muñoz/, hidden: true }, SLOW);
    await user.keyboard('{Enter}');

    await waitFor(() => expect(picker).toHaveValue('Rosa Muñoz'));
    expect(within(dialog).getByRole('combobox', { name: 'Rosa Muñoz is Zoila Muñoz’s…' })).toBeInTheDocument();
    expect(calls.filter((call) => call.method === 'POST')).toEqual([]);
  });
});
