/** Practitioners: list, create, edit, (de)activate, delete while unreferenced. */
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { PractitionerCreate, PractitionerUpdate } from '../../../api/types';
import { PAGE_SIZE, useCursorList, useInvalidate } from './cursorList';
import { settingsKeys } from './keys';

export function usePractitioners(includeInactive: boolean) {
  return useCursorList([...settingsKeys.practitioners, { includeInactive }], async (cursor) =>
    unwrap(
      await api.GET('/api/v1/practitioners', {
        params: { query: { include_inactive: includeInactive, limit: PAGE_SIZE, cursor } },
      }),
    ),
  );
}

function useInvalidatePractitioners() {
  const invalidate = useInvalidate();
  return () => invalidate(settingsKeys.practitioners, ['practitioners']);
}

export function useCreatePractitioner() {
  const onSuccess = useInvalidatePractitioners();
  return useMutation({
    mutationFn: async (body: PractitionerCreate) => unwrap(await api.POST('/api/v1/practitioners', { body })),
    onSuccess,
  });
}

export function useUpdatePractitioner() {
  const onSuccess = useInvalidatePractitioners();
  return useMutation({
    mutationFn: async ({ id, changes }: { id: string; changes: PractitionerUpdate }) =>
      unwrap(
        await api.PATCH('/api/v1/practitioners/{record_id}', { params: { path: { record_id: id } }, body: changes }),
      ),
    onSuccess,
  });
}

export function useDeletePractitioner() {
  const onSuccess = useInvalidatePractitioners();
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.DELETE('/api/v1/practitioners/{record_id}', { params: { path: { record_id: id } } })),
    onSuccess,
  });
}
