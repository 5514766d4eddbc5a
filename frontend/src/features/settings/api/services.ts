/** Billable services: list, create, edit, (de)activate (never deleted: appointments point at them). */
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { ServiceCreate, ServiceUpdate } from '../../../api/types';
import { PAGE_SIZE, useCursorList, useInvalidate } from './cursorList';
import { settingsKeys } from './keys';

export function useServices(includeInactive: boolean) {
  return useCursorList([...settingsKeys.services, { includeInactive }], async (cursor) =>
    unwrap(
      await api.GET('/api/v1/services', { params: { query: { include_inactive: includeInactive, limit: PAGE_SIZE, cursor } } }),
    ),
  );
}

export function useCreateService() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (body: ServiceCreate) => unwrap(await api.POST('/api/v1/services', { body })),
    onSuccess: () => invalidate(settingsKeys.services, ['services']),
  });
}

export function useUpdateService() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ id, changes }: { id: string; changes: ServiceUpdate }) =>
      unwrap(await api.PATCH('/api/v1/services/{record_id}', { params: { path: { record_id: id } }, body: changes })),
    onSuccess: () => invalidate(settingsKeys.services, ['services']),
  });
}
