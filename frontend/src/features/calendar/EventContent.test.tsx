import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CalendarEntry } from '../../api/types';
import { calendarEntryFixture, clientFixture, schedulingReferenceFixture } from '../../test/fixtures';
import { theme } from '../../theme';
import { blocksOf } from './calendarBlocks';
import { EventContent } from './EventContent';

const reference = schedulingReferenceFixture();
const client = clientFixture();
const words = { client: 'client', clients: 'clients', Client: 'Client', Clients: 'Clients' };
// Before every fixture's start: nothing reads as "needs attendance".
const NOW = new Date('2026-03-01T00:00:00Z');

function show(extra: Partial<CalendarEntry>, { doubleBooked = false, compact = false, now = NOW } = {}) {
  const [block] = blocksOf([calendarEntryFixture(extra)], now);
  return render(
    <MantineProvider theme={theme}>
      <EventContent block={block!} doubleBooked={doubleBooked} timeText="10:00 - 10:45" accent="#e53935" compact={compact} reference={reference} words={words} />
    </MantineProvider>,
  );
}

describe('what a block says', () => {
  it('marks a no-show with a sign and words, and strikes the name', () => {
    show({ status: 'no_show' });
    const mark = screen.getByTestId('no-show-mark');
    expect(mark).toHaveTextContent('× No-show');
    const name = `${client.first_name} ${client.last_name}`;
    expect(screen.getByText(name)).toHaveStyle({ textDecoration: 'line-through' });
  });

  it('marks a late cancellation and a double booking, also in the month (sign plus hidden words)', () => {
    show({ status: 'late_cancelled' }, { doubleBooked: true, compact: true });
    expect(screen.getByTestId('late-cancel-mark')).toHaveTextContent('Late cancellation');
    expect(screen.getByTestId('double-booked-mark')).toHaveTextContent('Double booked');
  });

  it("names the practitioner on the block, and marks nothing on a plain session", () => {
    show({});
    expect(screen.getByTestId('block-practitioner')).toHaveTextContent('Dra. Ana Ríos');
    expect(screen.queryByTestId('no-show-mark')).toBeNull();
    expect(screen.queryByTestId('double-booked-mark')).toBeNull();
  });

  it('flags a past session without attendance in the month with "!" that still says why', () => {
    // Long after the fixture's session: it has ended and nobody recorded attendance.
    show({}, { compact: true, now: new Date('2027-01-01T00:00:00Z') });
    const flag = screen.getByTestId('needs-attendance');
    expect(flag).toHaveTextContent('!');
    expect(flag).toHaveTextContent('Needs attendance');
    expect(screen.getByText(`${client.first_name} ${client.last_name}`)).toBeInTheDocument();
  });
});
