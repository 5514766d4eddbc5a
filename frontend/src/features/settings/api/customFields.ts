/** Custom client field definitions (not paged: a practice has a handful). */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { CustomFieldCreate, CustomFieldUpdate } from '../../../api/types';
import { useInvalidate } from './cursorList';
import { settingsKeys } from './keys';

export function useCustomFields(includeInactive: boolean) {
  return useQuery({
    queryKey: [...settingsKeys.customFields, { includeInactive }],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/v1/custom-fields', { params: { query: { include_inactive: includeInactive } }, signal }),
      ),
  });
}

function useInvalidateCustomFields() {
  const invalidate = useInvalidate();
  return () => invalidate(settingsKeys.customFields, ['custom-fields']);
}

export function useCreateCustomField() {
  const onSuccess = useInvalidateCustomFields();
  return useMutation({
    mutationFn: async (body: CustomFieldCreate) => unwrap(await api.POST('/api/v1/custom-fields', { body })),
    onSuccess,
  });
}

export function useUpdateCustomField() {
  const onSuccess = useInvalidateCustomFields();
  return useMutation({
    mutationFn: async ({ id, changes }: { id: string; changes: CustomFieldUpdate }) =>
      unwrap(
        await api.PATCH('/api/v1/custom-fields/{field_id}', { params: { path: { field_id: id } }, body: changes }),
      ),
    onSuccess,
  });
}
