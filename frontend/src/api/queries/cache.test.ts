import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { invalidateResource } from './cache';

function cacheWith(keys: unknown[][]) {
  const queryClient = new QueryClient();
  for (const key of keys) queryClient.setQueryData(key, {});
  return queryClient;
}

const stale = (queryClient: QueryClient) =>
  queryClient
    .getQueryCache()
    .getAll()
    .filter((query) => query.isStale())
    .map((query) => query.queryKey);

describe('invalidateResource', () => {
  it('marks stale every query of the resource and under it, whatever its params, and nothing else', async () => {
    const queryClient = cacheWith([
      ['get', '/api/v1/practitioners', { params: { query: { include_inactive: false } } }],
      ['get', '/api/v1/practitioners', { params: { query: { include_inactive: true } } }],
      ['get', '/api/v1/practitioners/{record_id}', { params: { path: { record_id: 'p1' } } }],
      ['get', '/api/v1/programs', { params: { query: { include_inactive: false } } }],
      ['get', '/api/v1/practice', {}],
    ]);

    await invalidateResource(queryClient, '/api/v1/practitioners');

    expect(stale(queryClient)).toEqual([
      ['get', '/api/v1/practitioners', { params: { query: { include_inactive: false } } }],
      ['get', '/api/v1/practitioners', { params: { query: { include_inactive: true } } }],
      ['get', '/api/v1/practitioners/{record_id}', { params: { path: { record_id: 'p1' } } }],
    ]);
  });

  it('matches whole path segments, so /api/v1/clients does not cover a sibling that merely starts alike', async () => {
    const queryClient = cacheWith([
      ['get', '/api/v1/clients/{client_id}/relationships', { params: { path: { client_id: 'c1' } } }],
      ['get', '/api/v1/clients-archive', {}],
    ]);

    await invalidateResource(queryClient, '/api/v1/clients');

    expect(stale(queryClient)).toEqual([
      ['get', '/api/v1/clients/{client_id}/relationships', { params: { path: { client_id: 'c1' } } }],
    ]);
  });
});
