/** Billable services: list, create, edit, (de)activate (never deleted: appointments point at them). */
import { useApiMutation } from './cache';
import { useCursorList } from './paging';

const SERVICES = '/api/v1/services';

export function useServices({ includeInactive = false } = {}) {
  return useCursorList(SERVICES, { include_inactive: includeInactive });
}

export const useCreateService = () => useApiMutation('post', SERVICES, [SERVICES]);
export const useUpdateService = () => useApiMutation('patch', '/api/v1/services/{record_id}', [SERVICES]);
