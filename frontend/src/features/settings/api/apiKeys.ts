/** API keys for integrations: list, create (the secret comes back once), revoke. */
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { ApiKeyCreate } from '../../../api/types';
import { PAGE_SIZE, useCursorList, useInvalidate } from './cursorList';
import { settingsKeys } from './keys';

export function useApiKeys(includeRevoked: boolean) {
  return useCursorList([...settingsKeys.apiKeys, { includeRevoked }], async (cursor) =>
    unwrap(
      await api.GET('/api/v1/api-keys', { params: { query: { include_revoked: includeRevoked, limit: PAGE_SIZE, cursor } } }),
    ),
  );
}

export function useCreateApiKey() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (body: ApiKeyCreate) => unwrap(await api.POST('/api/v1/api-keys', { body })),
    onSuccess: () => invalidate(settingsKeys.apiKeys),
  });
}

export function useRevokeApiKey() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.DELETE('/api/v1/api-keys/{key_id}', { params: { path: { key_id: id } } })),
    onSuccess: () => invalidate(settingsKeys.apiKeys),
  });
}
