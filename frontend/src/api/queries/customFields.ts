/** Custom client field definitions (not paged: a practice has a handful), in their display order. */
import { keepPreviousData } from '@tanstack/react-query';
import type { CustomFieldDefinition } from '../types';
import { $api } from '../query';
import { useApiMutation } from './cache';

const CUSTOM_FIELDS = '/api/v1/custom-fields';

function byPosition(fields: CustomFieldDefinition[]): CustomFieldDefinition[] {
  return [...fields].sort((a, b) => a.position - b.position || a.label.localeCompare(b.label));
}

export function useCustomFields({ includeInactive = false } = {}) {
  return $api.useQuery(
    'get',
    CUSTOM_FIELDS,
    { params: { query: { include_inactive: includeInactive } } },
    { placeholderData: keepPreviousData, select: byPosition },
  );
}

export const useCreateCustomField = () => useApiMutation('post', CUSTOM_FIELDS, [CUSTOM_FIELDS]);
export const useUpdateCustomField = () => useApiMutation('patch', '/api/v1/custom-fields/{field_id}', [CUSTOM_FIELDS]);
