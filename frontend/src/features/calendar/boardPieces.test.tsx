import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../queryClient';
import { fakeApi, json, signInAs } from '../../test/fakeApi';
import {
  calendarEntryFixture,
  practiceFixture,
  practitionerFixture,
  schedulingReferenceFixture,
  serviceFixture,
} from '../../test/fixtures';
import { theme } from '../../theme';
import { BoardLoading } from './BoardLoading';
import { blocksOf } from './calendarBlocks';
import { CalendarLegend, shownPractitioners } from './CalendarLegend';
import { ClashDialog } from './ClashDialog';
import { LongResizeDialog } from './LongResizeDialog';
import { dayHours } from './PractitionerColumns';
import { isLoadingRange } from './useCalendarData';

const SLOW = { timeout: 8_000 };
const colleague = { ...practitionerFixture, id: 'p2', name: 'Dra. Carmen Quispe', color: '#1e88e5' };
const reference = { ...schedulingReferenceFixture(), practitioners: new Map([[practitionerFixture.id, practitionerFixture], [colleague.id, colleague]]), activePractitioners: [practitionerFixture, colleague] };

function wrap(node: React.ReactNode) {
  return render(
    <MantineProvider theme={theme}>
      <QueryClientProvider client={createQueryClient()}>{node}</QueryClientProvider>
    </MantineProvider>,
  );
}

beforeEach(() => signInAs('front_desk'));

describe('the legend', () => {
  it('lists the chosen practitioners, else every active one, by name', () => {
    expect(shownPractitioners(reference, []).map((item) => item.name)).toEqual(['Dra. Ana Ríos', 'Dra. Carmen Quispe']);
    expect(shownPractitioners(reference, ['p2', 'gone']).map((item) => item.name)).toEqual(['Dra. Carmen Quispe']);
    wrap(<CalendarLegend practitioners={reference.activePractitioners} />);
    const legend = screen.getByRole('list', { name: 'Whose colour' });
    expect(within(legend).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Dra. Ana Ríos', 'Dra. Carmen Quispe']);
  });
});

describe('a long resize', () => {
  it('asks, says how long, and puts the block back unless told to keep it', async () => {
    const [block] = blocksOf([calendarEntryFixture()], new Date('2026-03-01T00:00:00Z'));
    const onKeep = vi.fn();
    const onRevert = vi.fn();
    const pending = { block: block!, startsAt: '2026-03-03T21:00:00.000Z', endsAt: '2026-03-04T22:00:00.000Z', revert: () => {} };
    wrap(<LongResizeDialog pending={pending} timeZone="America/Lima" locale="en-PE" onKeep={onKeep} onRevert={onRevert} />);
    const dialog = await screen.findByRole('dialog', { name: 'Make it this long?' }, SLOW);
    expect(dialog).toHaveTextContent('would last 25 hours');
    const revert = within(dialog).getByRole('button', { name: 'Put it back' });
    await vi.waitFor(() => expect(revert).toHaveFocus(), SLOW);
    await userEvent.setup().click(revert);
    expect(onRevert).toHaveBeenCalledOnce();
    expect(onKeep).not.toHaveBeenCalled();
  });
});

describe('loading', () => {
  it('says the range is loading until it has its own answer, not an empty grid', () => {
    expect(isLoadingRange({ isPending: true, isPlaceholderData: false, isError: false })).toBe(true);
    expect(isLoadingRange({ isPending: false, isPlaceholderData: true, isError: false })).toBe(true);
    expect(isLoadingRange({ isPending: false, isPlaceholderData: false, isError: false })).toBe(false);
    expect(isLoadingRange({ isPending: true, isPlaceholderData: false, isError: true })).toBe(false);
    wrap(<BoardLoading visible />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading appointments…');
  });
});

describe('the day by practitioner', () => {
  it('shows 07:00–21:00, stretched to what is booked earlier or later that day', () => {
    const event = (start: string, end: string) => ({ start, end });
    expect(dayHours([], '2026-03-03', 'America/Lima')).toEqual({ min: '07:00:00', max: '21:00:00' });
    // 06:30–07:15 and 21:00–22:30 in Lima.
    expect(dayHours([event('2026-03-03T11:30:00Z', '2026-03-03T12:15:00Z'), event('2026-03-04T02:00:00Z', '2026-03-04T03:30:00Z')], '2026-03-03', 'America/Lima')).toEqual({
      min: '06:00:00',
      max: '23:00:00',
    });
  });
});

describe('the clash list', () => {
  it('names who, what, when and whose, not "Another appointment"', async () => {
    const clashing = calendarEntryFixture({ id: 'c1', practitioner_id: 'p2', starts_at: '2026-03-03T21:00:00Z', ends_at: '2026-03-03T21:45:00Z' });
    fakeApi({
      'GET /api/v1/practice': () => json(200, practiceFixture),
      'GET /api/v1/practitioners': () => json(200, { items: [practitionerFixture, colleague], total: 2, limit: 100, offset: 0 }),
      'GET /api/v1/services': () => json(200, { items: [serviceFixture({ name: 'Individual session' })], total: 1, limit: 100, offset: 0 }),
      'GET /api/v1/appointments': () => json(200, [clashing]),
    }, () => json(200, { items: [], total: 0, limit: 100, offset: 0 }));
    const clash = { appointmentId: 'c1', resources: ['practitioner' as const], startsAt: clashing.starts_at, endsAt: clashing.ends_at };
    wrap(<ClashDialog clashes={[clash]} action="move" timeZone="America/Lima" locale="en-PE" onClose={() => {}} onOverride={() => {}} />);
    const item = await screen.findByTestId('clash-item', undefined, SLOW);
    await vi.waitFor(() => expect(item).toHaveTextContent('(Dra. Carmen Quispe)'), SLOW);
    expect(item).toHaveTextContent(/^Zoila Muñoz, Individual session Tue, Mar 3, 4:00 – 4:45 PM \(Dra\. Carmen Quispe\) — same practitioner$/);
  });
});
