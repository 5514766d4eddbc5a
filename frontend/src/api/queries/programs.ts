/** Programs clients are enrolled in: list, create, edit, (de)activate, delete while unused. */
import { useApiMutation } from './cache';
import { useCursorList } from './paging';

const PROGRAMS = '/api/v1/programs';

export function usePrograms({ includeInactive = false, readAll = false } = {}) {
  return useCursorList(PROGRAMS, { include_inactive: includeInactive }, { readAll });
}

export const useCreateProgram = () => useApiMutation('post', PROGRAMS, [PROGRAMS]);
export const useUpdateProgram = () => useApiMutation('patch', '/api/v1/programs/{record_id}', [PROGRAMS]);
export const useDeleteProgram = () => useApiMutation('delete', '/api/v1/programs/{record_id}', [PROGRAMS]);
