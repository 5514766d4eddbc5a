/** Programs clients are enrolled in: list, create, edit, (de)activate, delete while unused. */
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { ProgramCreate, ProgramUpdate } from '../../../api/types';
import { PAGE_SIZE, useCursorList, useInvalidate } from './cursorList';
import { settingsKeys } from './keys';

export function usePrograms(includeInactive: boolean) {
  return useCursorList([...settingsKeys.programs, { includeInactive }], async (cursor) =>
    unwrap(
      await api.GET('/api/v1/programs', { params: { query: { include_inactive: includeInactive, limit: PAGE_SIZE, cursor } } }),
    ),
  );
}

function useInvalidatePrograms() {
  const invalidate = useInvalidate();
  return () => invalidate(settingsKeys.programs, ['programs']);
}

export function useCreateProgram() {
  const onSuccess = useInvalidatePrograms();
  return useMutation({
    mutationFn: async (body: ProgramCreate) => unwrap(await api.POST('/api/v1/programs', { body })),
    onSuccess,
  });
}

export function useUpdateProgram() {
  const onSuccess = useInvalidatePrograms();
  return useMutation({
    mutationFn: async ({ id, changes }: { id: string; changes: ProgramUpdate }) =>
      unwrap(await api.PATCH('/api/v1/programs/{record_id}', { params: { path: { record_id: id } }, body: changes })),
    onSuccess,
  });
}

export function useDeleteProgram() {
  const onSuccess = useInvalidatePrograms();
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.DELETE('/api/v1/programs/{record_id}', { params: { path: { record_id: id } } })),
    onSuccess,
  });
}
