/** API keys for integrations: list, create (the secret comes back once), revoke. */
import { useApiMutation } from './cache';
import { useCursorList } from './paging';

const API_KEYS = '/api/v1/api-keys';

export function useApiKeys({ includeRevoked = false } = {}) {
  return useCursorList(API_KEYS, { include_revoked: includeRevoked });
}

export const useCreateApiKey = () => useApiMutation('post', API_KEYS, [API_KEYS]);
export const useRevokeApiKey = () => useApiMutation('delete', '/api/v1/api-keys/{key_id}', [API_KEYS]);
