import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CalendarEntry, SeriesChange, SeriesPlan } from '../../api/types';
import { createQueryClient } from '../../queryClient';
import { fakeApi, json, signInAs, type ApiCall } from '../../test/fakeApi';
import { theme } from '../../theme';
import { SeriesMoveDialog, type PendingSeriesMove } from './SeriesMoveDialog';
import type { SchedulingReference } from './useSchedulingReference';

const SLOW = { timeout: 8_000 };
const LIMA = 'America/Lima';
const WEEK = 7 * 86_400_000;
const CHANGE = '/api/v1/appointments/a2/series-change';

const entry = { id: 'a2', series_id: 'series-1', starts_at: '2026-03-17T15:00:00Z', ends_at: '2026-03-17T15:45:00Z' } as CalendarEntry;
const reference = { timeZone: LIMA, locale: 'en-US' } as SchedulingReference & { timeZone: string };

/** Ten Tuesdays from 17 March 2026 at 10:00 Lima, each moved a day later. */
function plan(dryRun: boolean, scope: SeriesChange['scope']): SeriesPlan {
  const at = (index: number, shift = 0) => new Date(Date.parse('2026-03-17T15:00:00Z') + index * WEEK + shift).toISOString();
  const day = 86_400_000;
  const count = scope === 'this' ? 1 : 10;
  return {
    scope,
    dry_run: dryRun,
    series_id: 'series-1',
    moves: Array.from({ length: count }, (_, index) => ({
      appointment_id: `m${index}`,
      starts_at: at(index),
      ends_at: at(index, 45 * 60_000),
      to_starts_at: at(index, day),
      to_ends_at: at(index, day + 45 * 60_000),
    })),
    creates: [],
    deletes: [],
    kept:
      scope === 'this'
        ? []
        : [
            { appointment_id: 'k1', starts_at: at(-1), ends_at: at(-1, 45 * 60_000), reason_code: 'status', status: 'attended', reason: 'already attended' },
            { appointment_id: 'k2', starts_at: at(10), ends_at: at(10, 45 * 60_000), reason_code: 'exception', status: 'scheduled', reason: 'edited on its own' },
            { appointment_id: 'k3', starts_at: at(11), ends_at: at(11, 45 * 60_000), reason_code: 'signed_note', status: 'scheduled', reason: 'its note is signed' },
          ],
    clashes: scope === 'this' ? [] : [{ starts_at: at(3, day), with: ['busy-1'] }],
  };
}

function renderDialog(move: PendingSeriesMove, handlers: { onCancel?: () => void; onDone?: () => void } = {}) {
  return render(
    <MantineProvider theme={theme}>
      <QueryClientProvider client={createQueryClient()}>
        <SeriesMoveDialog
          move={move}
          reference={reference}
          describe={(id) => (id === 'busy-1' ? 'Supervision' : null)}
          onCancel={handlers.onCancel ?? (() => {})}
          onDone={handlers.onDone ?? (() => {})}
        />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

beforeEach(() => signInAs('front_desk'));

describe('moving an occurrence of a series', { timeout: 30_000 }, () => {
  const move: PendingSeriesMove = {
    entry,
    startsAt: '2026-03-18T15:00:00.000Z',
    endsAt: '2026-03-18T15:45:00.000Z',
    revert: () => {},
  };

  it('asks which ones move, previews the plan (moves, kept and why, clashes), and carries out exactly it', async () => {
    const calls = fakeApi({
      [`POST ${CHANGE}`]: ({ body }: ApiCall) => {
        const change = body as SeriesChange;
        return json(200, plan(change.dry_run ?? false, change.scope));
      },
    });
    const onDone = vi.fn();
    renderDialog(move, { onDone });
    const user = userEvent.setup();

    const dialog = await screen.findByRole('dialog', { name: 'Move a recurring appointment' }, SLOW);
    expect(dialog).toHaveTextContent('It goes to Wed, Mar 18, 10:00 – 10:45 AM.');
    await waitFor(() => expect(within(dialog).getByRole('radio', { name: /Only this one/ })).toHaveFocus(), SLOW);
    expect(within(dialog).getByRole('button', { name: 'Move' })).toBeDisabled();
    expect(calls).toHaveLength(0);

    await user.click(within(dialog).getByRole('radio', { name: /This and the following ones/ }));
    await within(dialog).findByText('10 appointments move:', undefined, SLOW);
    const moves = within(within(dialog).getByTestId('series-moves')).getAllByRole('listitem');
    expect(moves).toHaveLength(9);
    expect(moves[0]).toHaveTextContent('Tue, Mar 17, 10:00 – 10:45 AM → to Wed, Mar 18, 10:00 – 10:45 AM');
    expect(moves[8]).toHaveTextContent('… and 2 more');
    const kept = within(within(dialog).getByTestId('series-kept')).getAllByRole('listitem');
    expect(kept.map((item) => item.textContent)).toEqual([
      expect.stringContaining('(Attended)'),
      expect.stringContaining('(changed on its own)'),
      expect.stringContaining('(its note is signed)'),
    ]);
    expect(within(dialog).getByTestId('series-clashes')).toHaveTextContent('1 of them clashes with another appointment:');
    expect(within(dialog).getByTestId('series-clashes')).toHaveTextContent('with Supervision');
    expect(calls[0]!.body).toEqual({
      scope: 'following',
      action: 'edit',
      dry_run: true,
      allow_conflicts: false,
      changes: { starts_at: move.startsAt, ends_at: move.endsAt },
    });

    await user.click(within(dialog).getByRole('button', { name: 'Move anyway' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled(), SLOW);
    expect(calls.at(-1)!.body).toEqual({ ...(calls[0]!.body as object), dry_run: false, allow_conflicts: true });
  });

  it('moves only this one without asking to override when nothing clashes; Cancel changes nothing', async () => {
    const calls = fakeApi({
      [`POST ${CHANGE}`]: ({ body }: ApiCall) => json(200, plan(true, (body as SeriesChange).scope)),
    });
    const onCancel = vi.fn();
    renderDialog(move, { onCancel });
    const user = userEvent.setup();

    const dialog = await screen.findByRole('dialog', { name: 'Move a recurring appointment' }, SLOW);
    await user.click(within(dialog).getByRole('radio', { name: /Only this one/ }));
    await within(dialog).findByText('1 appointment moves:', undefined, SLOW);
    expect(within(dialog).queryByTestId('series-clashes')).not.toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Move' })).toBeEnabled();

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
    expect(calls.every((call) => (call.body as SeriesChange).dry_run)).toBe(true);
  });

  it('keeps the dropped block where the server put it: there when the plan moves it there, back when it keeps it', async () => {
    const landed = (dryRun: boolean): SeriesPlan => ({
      ...plan(dryRun, 'following'),
      moves: [{ appointment_id: 'a2', starts_at: entry.starts_at, ends_at: entry.ends_at, to_starts_at: move.startsAt, to_ends_at: move.endsAt }],
      kept: [],
      clashes: [],
    });
    const held = (dryRun: boolean): SeriesPlan => ({
      ...landed(dryRun),
      moves: [],
      kept: [{ appointment_id: 'a2', starts_at: entry.starts_at, ends_at: entry.ends_at, reason_code: 'signed_note', status: 'scheduled', reason: 'its note is signed' }],
    });
    for (const [answer, reverts] of [
      [landed, false],
      [held, true],
    ] as const) {
      fakeApi({ [`POST ${CHANGE}`]: ({ body }: ApiCall) => json(200, answer((body as SeriesChange).dry_run ?? false)) });
      const revert = vi.fn();
      const onDone = vi.fn();
      const view = renderDialog({ ...move, revert }, { onDone });
      const user = userEvent.setup();
      const dialog = await screen.findByRole('dialog', { name: 'Move a recurring appointment' }, SLOW);
      await user.click(within(dialog).getByRole('radio', { name: /This and the following ones/ }));
      await within(dialog).findByText(reverts ? 'No appointment moves.' : '1 appointment moves:', undefined, SLOW);
      if (reverts) {
        expect(within(dialog).getByTestId('series-stays')).toHaveTextContent(
          'This appointment stays where it is (its note is signed); the others change as listed.',
        );
      } else {
        expect(within(dialog).queryByTestId('series-stays')).not.toBeInTheDocument();
      }
      await user.click(within(dialog).getByRole('button', { name: 'Move' }));
      await waitFor(() => expect(onDone).toHaveBeenCalled(), SLOW);
      expect(revert).toHaveBeenCalledTimes(reverts ? 1 : 0);
      view.unmount();
    }
  });
});
