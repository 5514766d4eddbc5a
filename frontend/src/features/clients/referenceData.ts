/** The practice's reference data the client screens read: practitioners, programs, custom fields, settings. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';

// Reference lists are small; read them whole (largest page the API allows, following the cursor if needed).
const REFERENCE_PAGE_SIZE = 200;
const STALE_MS = 5 * 60_000;

async function readAllPages<T>(
  readPage: (cursor: string | undefined) => Promise<{ items: T[]; next_cursor?: string | null }>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await readPage(cursor);
    items.push(...page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return items;
}

export function usePractitioners() {
  return useQuery({
    queryKey: ['practitioners', 'active', 'all'],
    staleTime: STALE_MS,
    queryFn: async ({ signal }) =>
      readAllPages(async (cursor) =>
        unwrap(
          await api.GET('/api/v1/practitioners', { params: { query: { limit: REFERENCE_PAGE_SIZE, cursor } }, signal }),
        ),
      ),
  });
}

export function usePrograms() {
  return useQuery({
    queryKey: ['programs', 'active', 'all'],
    staleTime: STALE_MS,
    queryFn: async ({ signal }) =>
      readAllPages(async (cursor) =>
        unwrap(await api.GET('/api/v1/programs', { params: { query: { limit: REFERENCE_PAGE_SIZE, cursor } }, signal })),
      ),
  });
}

/** The practice's active custom client fields, in their display order. */
export function useCustomFields() {
  return useQuery({
    queryKey: ['custom-fields', 'active'],
    queryFn: async ({ signal }) => {
      const fields = unwrap(await api.GET('/api/v1/custom-fields', { signal }));
      return [...fields].sort((a, b) => a.position - b.position || a.label.localeCompare(b.label));
    },
  });
}

export function usePractice() {
  return useQuery({
    queryKey: ['practice'],
    staleTime: STALE_MS,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/practice', { signal })),
  });
}
