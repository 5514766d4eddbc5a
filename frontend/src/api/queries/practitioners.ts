/** Practitioners: list, create, edit, (de)activate, delete while unreferenced. */
import { useApiMutation } from './cache';
import { useCursorList } from './paging';

const PRACTITIONERS = '/api/v1/practitioners';

export function usePractitioners({ includeInactive = false, readAll = false } = {}) {
  return useCursorList(PRACTITIONERS, { include_inactive: includeInactive }, { readAll });
}

export const useCreatePractitioner = () => useApiMutation('post', PRACTITIONERS, [PRACTITIONERS]);
export const useUpdatePractitioner = () => useApiMutation('patch', '/api/v1/practitioners/{record_id}', [PRACTITIONERS]);
export const useDeletePractitioner = () => useApiMutation('delete', '/api/v1/practitioners/{record_id}', [PRACTITIONERS]);
