import { MantineProvider } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CalendarEntry } from '../../api/types';
import { createQueryClient } from '../../queryClient';
import { fakeApi, json, signInAs, type ApiCall } from '../../test/fakeApi';
import { calendarEntryFixture, clientFixture, practiceFixture, schedulingReferenceFixture } from '../../test/fixtures';
import { theme } from '../../theme';
import { blocksOf } from './calendarBlocks';
import { EventPopover } from './EventPopover';

const SLOW = { timeout: 8_000 };
const zoila = clientFixture();

/** A session that ended an hour ago and is still to be recorded. */
function pastSession(extra: Partial<CalendarEntry> = {}): CalendarEntry {
  const start = Date.now() - 2 * 3_600_000;
  return calendarEntryFixture({ location_id: null, service_id: null, starts_at: new Date(start).toISOString(), ...extra });
}

const reference = schedulingReferenceFixture({ currencies: ['PEN', 'USD'] });

function routes(entry: CalendarEntry) {
  return {
    'GET /api/v1/practice': () => json(200, { ...practiceFixture, no_show_fees: { PEN: 2500 } }),
    [`GET /api/v1/clients/${zoila.id}`]: () => json(200, zoila),
    [`POST /api/v1/appointments/${entry.id}/status`]: ({ body }: ApiCall) =>
      json(200, { ...entry, status: (body as { status: string }).status }),
  };
}

function renderPopover(entry: CalendarEntry) {
  const [block] = blocksOf([entry], new Date());
  return render(
    <MantineProvider theme={theme}>
      <QueryClientProvider client={createQueryClient()}>
        <MemoryRouter>
          <EventPopover block={block!} anchor={new DOMRect(0, 0, 100, 40)} reference={reference} onClose={() => {}} onEdit={() => {}} />
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

/** The messages of the toasts shown (money's no-break spaces as plain ones). */
function toasts(show: { mock: { calls: unknown[][] } }) {
  return show.mock.calls.map(([data]) => String((data as { message: unknown }).message).replace(/\u00a0/g, ' '));
}

/**
 * The popover. jsdom lays nothing out, so the popover's positioning takes its anchor for scrolled out of view and
 * hides it (display: none): its contents are queried with `hidden: true`.
 */
function shown() {
  return screen.findByTestId('event-popover', undefined, SLOW);
}

/** A past session's popover, opened, with its toasts and API calls watched. */
async function openedPopover() {
  const show = vi.spyOn(notifications, 'show');
  const entry = pastSession();
  const calls = fakeApi(routes(entry));
  renderPopover(entry);
  const user = userEvent.setup();
  return { show, calls, user, popover: await shown() };
}

/** The popover's no-show step, once the practice's fee is known. */
async function noShowStep(user: ReturnType<typeof userEvent.setup>, popover: HTMLElement) {
  await user.click(within(popover).getByRole('button', { name: 'No-show', hidden: true }));
  const step = within(popover).getByTestId('no-show-step');
  await waitFor(() => expect(step).toHaveTextContent(/S\/\s25\.00/), SLOW);
  return step;
}

beforeEach(() => {
  signInAs('front_desk');
  // The hidden popover has nothing its focus trap can focus, and says so: that says nothing about the popover.
  const warn = console.warn.bind(console);
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes('use-focus-trap')) warn(...args);
  });
});

describe('the event popover', { timeout: 30_000 }, () => {
  it('says the status button cancels the appointment, and asks first', async () => {
    const entry = pastSession();
    const calls = fakeApi(routes(entry));
    renderPopover(entry);
    const user = userEvent.setup();

    const popover = await shown();
    expect(within(popover).queryByRole('button', { name: 'Cancel', hidden: true })).not.toBeInTheDocument();
    await user.click(within(popover).getByRole('button', { name: 'Cancel appointment', hidden: true }));
    expect(popover).toHaveTextContent('Cancel this appointment?');
    await user.click(within(popover).getByRole('button', { name: 'Keep it', hidden: true }));
    expect(within(popover).getByRole('button', { name: 'Cancel appointment', hidden: true })).toBeInTheDocument();
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
  });

  it('records a no-show saying the fee that will be charged; Back leaves the step', async () => {
    const { show, calls, user, popover } = await openedPopover();
    const step = await noShowStep(user, popover);
    expect(within(step).getByRole('checkbox', { name: /S\/\s25\.00/, hidden: true })).toBeChecked();
    // Charging: the hint about the ledger is shown.
    expect(step).toHaveTextContent('The fee appears on the client’s ledger');
    await user.click(within(step).getByRole('button', { name: 'Back', hidden: true }));
    expect(within(popover).queryByTestId('no-show-step')).not.toBeInTheDocument();

    await user.click(within(popover).getByRole('button', { name: 'No-show', hidden: true }));
    const again = within(popover).getByTestId('no-show-step');
    const amount = await within(again).findByRole('textbox', { name: /Fee/, hidden: true }, SLOW);
    await user.clear(amount);
    await user.type(amount, '40');
    await user.click(within(again).getByRole('button', { name: 'Record no-show', hidden: true }));

    await waitFor(() => expect(toasts(show)).toEqual(['Zoila Muñoz: No-show · a S/ 40.00 fee will be charged']), SLOW);
    const post = calls.find((call) => call.method === 'POST');
    expect(post?.body).toEqual({ status: 'no_show', fee_minor: 4000 });
  });

  it("says the practice's fee when it is kept", async () => {
    const show = vi.spyOn(notifications, 'show');
    const entry = pastSession();
    fakeApi(routes(entry));
    renderPopover(entry);
    const user = userEvent.setup();

    const popover = await shown();
    const step = await noShowStep(user, popover);
    expect(within(step).getByRole('checkbox', { name: /S\/\s25\.00/, hidden: true })).toBeChecked();
    await user.click(within(step).getByRole('button', { name: 'Record no-show', hidden: true }));
    await waitFor(() => expect(toasts(show)).toEqual(['Zoila Muñoz: No-show · a S/ 25.00 fee will be charged']), SLOW);
  });

  it('waives the fee for a reason marked as required, and says it was waived', async () => {
    const { show, calls, user, popover } = await openedPopover();
    await user.click(within(popover).getByRole('button', { name: 'No-show', hidden: true }));
    const step = within(popover).getByTestId('no-show-step');
    const charge = within(step).getByRole('checkbox', { name: /Charge the no-show fee/, hidden: true });
    await waitFor(() => expect(charge).toBeChecked(), SLOW);
    await user.click(charge);
    const reason = within(step).getByRole('textbox', { name: /Why no fee/, hidden: true });
    expect(reason).toBeRequired();
    // Not charging: nothing about a fee on the ledger.
    expect(step).not.toHaveTextContent('The fee appears');
    await user.type(reason, 'Bereavement');
    await user.click(within(step).getByRole('button', { name: 'Record no-show', hidden: true }));

    await waitFor(() => expect(toasts(show)).toEqual(['Zoila Muñoz: No-show · fee waived']), SLOW);
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({ status: 'no_show', waive_fee_reason: 'Bereavement' });
  });

  it("tells a clinician the practice's fee will be charged (she sets no fee)", async () => {
    signInAs('clinician');
    const { show, calls, user, popover } = await openedPopover();
    await user.click(within(popover).getByRole('button', { name: 'No-show', hidden: true }));
    const step = within(popover).getByTestId('no-show-step');
    await waitFor(() => expect(step).toHaveTextContent(/no-show fee applies \(S\/\s25\.00\)/), SLOW);
    await user.click(within(step).getByRole('button', { name: 'Record no-show', hidden: true }));
    await waitFor(() => expect(toasts(show)).toEqual(['Zoila Muñoz: No-show · a S/ 25.00 fee will be charged']), SLOW);
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({ status: 'no_show' });
  });

  it('says just the status when attendance is recorded', async () => {
    const show = vi.spyOn(notifications, 'show');
    const entry = pastSession();
    fakeApi(routes(entry));
    renderPopover(entry);
    const user = userEvent.setup();

    const popover = await shown();
    await user.click(within(popover).getByRole('button', { name: 'Attended', hidden: true }));
    await waitFor(() => expect(toasts(show)).toEqual(['Zoila Muñoz: Attended']), SLOW);
  });
});
