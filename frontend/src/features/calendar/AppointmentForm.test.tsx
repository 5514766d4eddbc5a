import { MantineProvider } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../queryClient';
import { fakeApi, json, signInAs, type ApiCall } from '../../test/fakeApi';
import { clientFixture, locationFixture, practiceFixture, practitionerFixture, schedulingReferenceFixture, serviceFixture } from '../../test/fixtures';
import { theme } from '../../theme';
import { AppointmentForm, type AppointmentFormMode } from './AppointmentForm';
import { shiftDays, wallTimeOf } from './zonedTime';

const SLOW = { timeout: 8_000 };
const LIMA = 'America/Lima';
const zoila = clientFixture();

const service = serviceFixture();
const office = locationFixture();
const reference = schedulingReferenceFixture({ services: [service], locations: [office] });

function routes() {
  return {
    'GET /api/v1/practice': () => json(200, { ...practiceFixture, no_show_fees: { PEN: 2500 } }),
    'GET /api/v1/locations/l1/rooms': () => json(200, []),
    'POST /api/v1/appointments': ({ body }: ApiCall) => {
      const sent = body as { starts_at: string; ends_at: string; status: string };
      return json(201, { ...sent, id: 'new', starts_at: sent.starts_at, ends_at: sent.ends_at, status: sent.status });
    },
  };
}

/** A new booking for Zoila on `daysFromToday` (in Lima) from 10:00 to 10:45. */
function booking(daysFromToday: number, practitionerId: string | null = practitionerFixture.id): AppointmentFormMode {
  const date = shiftDays(wallTimeOf(new Date(), LIMA).date, daysFromToday);
  return {
    type: 'create',
    client: { id: zoila.id, name: 'Zoila Muñoz' },
    from: { start: { date, time: '10:00' }, end: { date, time: '10:45' }, practitionerId, locationId: office.id },
  };
}

function renderForm(mode: AppointmentFormMode) {
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

async function chooseService(dialog: HTMLElement) {
  const user = userEvent.setup();
  await user.click(within(dialog).getByRole('combobox', { name: /Service/ }));
  await screen.findByRole('option', { name: /90834/, hidden: true }, SLOW);
  await user.keyboard('{ArrowDown}{Enter}');
  await waitFor(() => expect(within(dialog).getByRole('combobox', { name: /Service/ })).toHaveValue('90834 · Psychotherapy'));
}

beforeEach(() => signInAs('front_desk'));

describe('the booking form', { timeout: 30_000 }, () => {
  it('logs a past session as it went: no reminders or repeats for it, and the toast says what was logged', async () => {
    const show = vi.spyOn(notifications, 'show');
    const calls = fakeApi(routes());
    renderForm(booking(-2));
    const user = userEvent.setup();

    const dialog = await screen.findByRole('dialog', { name: 'New appointment' }, SLOW);
    await chooseService(dialog);
    // Still to be recorded: reminders and repetition are offered.
    const recordAs = within(dialog).getByRole('radiogroup', { name: 'Record as' });
    expect(within(dialog).getByRole('button', { name: 'Add a reminder' })).toBeInTheDocument();
    expect(within(dialog).getByRole('combobox', { name: 'Repeats' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Add a reminder' }));

    await user.click(within(recordAs).getByRole('radio', { name: 'Attended', hidden: true }));
    expect(within(dialog).queryByText('Reminders')).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('combobox', { name: 'Repeats' })).not.toBeInTheDocument();
    await user.click(within(recordAs).getByRole('radio', { name: 'No-show', hidden: true }));
    expect(within(dialog).queryByText('Reminders')).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('combobox', { name: 'Repeats' })).not.toBeInTheDocument();
    await user.click(within(recordAs).getByRole('radio', { name: 'Attended', hidden: true }));

    await user.click(within(dialog).getByRole('button', { name: 'Book' }));
    await waitFor(() => expect(show).toHaveBeenCalled(), SLOW);
    const [post] = calls.filter((call) => call.method === 'POST');
    expect(post!.body).toMatchObject({ status: 'attended', reminders: [] });
    expect(String(show.mock.calls[0]![0].message)).toMatch(/^Logged: Attended · /);
  });

  it('still books a past session to record later with its reminders and repetition on offer', async () => {
    const show = vi.spyOn(notifications, 'show');
    const calls = fakeApi(routes());
    renderForm(booking(-2));
    const user = userEvent.setup();

    const dialog = await screen.findByRole('dialog', { name: 'New appointment' }, SLOW);
    await chooseService(dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Add a reminder' }));
    await user.click(within(dialog).getByRole('button', { name: 'Book' }));
    await waitFor(() => expect(show).toHaveBeenCalled(), SLOW);
    const [post] = calls.filter((call) => call.method === 'POST');
    expect(post!.body).toMatchObject({ status: 'scheduled', reminders: [{ channel: 'email', days_before: 1 }] });
    expect(String(show.mock.calls[0]![0].message)).toMatch(/^Booked for /);
  });

  it('moves the end with the start, keeping the length', async () => {
    fakeApi(routes());
    renderForm(booking(3));

    const dialog = await screen.findByRole('dialog', { name: 'New appointment' }, SLOW);
    const start = within(dialog).getByLabelText(/^Start/);
    const end = within(dialog).getByLabelText(/^End/);
    fireEvent.change(start, { target: { value: '11:30' } });
    // English writes the 12-hour clock (Spanish the 24-hour one: see form/TimeField.test.tsx).
    expect(end).toHaveValue('12:15 PM');
    // A length typed by hand is the one kept.
    fireEvent.change(end, { target: { value: '13:00' } });
    fireEvent.change(start, { target: { value: '09:00' } });
    expect(end).toHaveValue('10:30 AM');
    expect(within(dialog).getByText(/90 minutes/)).toBeInTheDocument();
  });

  it('focuses the practitioner without opening its list over the date and times', async () => {
    fakeApi(routes());
    renderForm(booking(3, null));

    const dialog = await screen.findByRole('dialog', { name: 'New appointment' }, SLOW);
    const practitioner = within(dialog).getByRole('combobox', { name: /Practitioner/ });
    await waitFor(() => expect(practitioner).toHaveFocus(), SLOW);
    expect(practitioner).toHaveAttribute('aria-expanded', 'false');
    // It opens when asked.
    await userEvent.setup().keyboard('{ArrowDown}');
    expect(practitioner).toHaveAttribute('aria-expanded', 'true');
  });
});
