import { describe, expect, it } from 'vitest';
import { isSchedulingClash, SchedulingClashError, splitWindow } from './appointments';

describe('appointments queries', () => {
  it('cuts a long range into windows the API accepts (62 days at most), end to end', () => {
    const parts = splitWindow('2026-01-01T05:00:00.000Z', '2026-10-01T05:00:00.000Z');
    expect(parts).toHaveLength(5);
    expect(parts[0]).toEqual(['2026-01-01T05:00:00.000Z', '2026-03-04T05:00:00.000Z']);
    expect(parts.at(-1)![1]).toBe('2026-10-01T05:00:00.000Z');
    for (let index = 1; index < parts.length; index += 1) expect(parts[index]![0]).toBe(parts[index - 1]![1]);
    expect(splitWindow('2026-01-01T00:00:00Z', '2026-01-08T00:00:00Z')).toHaveLength(1);
  });

  it('reads the clashes of a 409, each with its resources, skipping what it does not know', () => {
    const error = new SchedulingClashError(new Response(null, { status: 409 }), {
      code: 'conflict.scheduling_clash',
      title: 'Conflict',
      status: 409,
      clashes: [
        { appointment_id: 'a1', resources: ['practitioner', 'room', 'telepathy'], starts_at: '2026-03-03T15:00:00Z', ends_at: '2026-03-03T15:45:00Z' },
        { appointment_id: 7 },
      ],
    });
    expect(isSchedulingClash(error)).toBe(true);
    expect(error.status).toBe(409);
    expect(error.problem.code).toBe('conflict.scheduling_clash');
    expect(error.clashes).toEqual([
      { appointmentId: 'a1', resources: ['practitioner', 'room'], startsAt: '2026-03-03T15:00:00Z', endsAt: '2026-03-03T15:45:00Z' },
    ]);
  });
});
