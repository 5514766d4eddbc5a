import { describe, expect, it } from 'vitest';
import { fakeApi, json } from './fakeApi';

const original = globalThis.fetch;
let stubbed: typeof globalThis.fetch | undefined;

// The two tests run in order: the second sees what the first left behind.
describe('fakeApi', () => {
  it('answers fetch by route, falls back to a 404, and records each call with its JSON body', async () => {
    const calls = fakeApi({ 'POST /api/v1/things': () => json(201, { id: 't1' }) });
    stubbed = globalThis.fetch;

    const created = await fetch(new Request('http://tend.test/api/v1/things?x=1', { method: 'POST', body: '{"a":1}' }));
    const missing = await fetch(new Request('http://tend.test/api/v1/other'));

    expect(globalThis.fetch).not.toBe(original);
    expect([created.status, missing.status]).toEqual([201, 404]);
    expect(calls.map(({ method, path, body }) => ({ method, path, body }))).toEqual([
      { method: 'POST', path: '/api/v1/things', body: { a: 1 } },
      { method: 'GET', path: '/api/v1/other', body: null },
    ]);
    expect(calls[0]?.search.get('x')).toBe('1');
  });

  it('is undone after each test', () => {
    expect(stubbed).toBeDefined();
    expect(globalThis.fetch).not.toBe(stubbed);
    expect(globalThis.fetch).toBe(original);
  });
});
