import type { TFunction } from 'i18next';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { calendarEntryFixture, schedulingReferenceFixture, serviceFixture } from '../../test/fixtures';
import { clashSpan, nameEntry } from './clashNames';

const reference = schedulingReferenceFixture({ services: [serviceFixture({ name: 'Individual session' })] });
const naming = {
  t: i18next.t.bind(i18next) as TFunction,
  words: { client: 'client', clients: 'clients', Client: 'Client', Clients: 'Clients' },
  reference,
  timeZone: 'America/Lima',
  locale: 'en-PE',
};

describe('clashes named', () => {
  it('says who, what, when and whose', () => {
    const entry = calendarEntryFixture({ starts_at: '2026-03-03T21:00:00Z', ends_at: '2026-03-03T21:45:00Z' });
    const text = nameEntry(entry, naming);
    expect(text).toMatch(/^\S+ \S+, Individual session /);
    expect(text).toContain('4:00');
    expect(text).toContain('(Dra. Ana Ríos)');
    expect(text).not.toContain('Another appointment');
  });

  it("names a colleague's time a clinician may not see as busy, without a client", () => {
    const entry = calendarEntryFixture({ busy_only: true, client: null, kind: null, status: null, service_id: null });
    expect(nameEntry(entry, naming)).toMatch(/^Busy, \S/);
  });

  it('asks for the window from the first clash to the last', () => {
    const clash = (startsAt: string, endsAt: string) => ({ appointmentId: 'x', resources: [], startsAt, endsAt });
    expect(clashSpan([clash('2026-03-10T15:00:00Z', '2026-03-10T16:00:00Z'), clash('2026-03-03T15:00:00Z', '2026-03-03T15:45:00Z')])).toEqual({
      start: '2026-03-03T15:00:00.000Z',
      end: '2026-03-10T16:00:00.000Z',
    });
    expect(clashSpan([])).toBeNull();
  });
});
