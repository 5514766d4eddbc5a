/** A settings list read a page at a time (cursor paging), flattened; "load more" fetches the next page. */
import { keepPreviousData, useInfiniteQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useMemo } from 'react';

export const PAGE_SIZE = 100;

export interface CursorPage<T> {
  items: T[];
  next_cursor?: string | null;
}

export function useCursorList<T>(queryKey: QueryKey, fetchPage: (cursor: string | undefined) => Promise<CursorPage<T>>) {
  const query = useInfiniteQuery({
    queryKey,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    // Toggling "show inactive" keeps the current rows up until the longer list arrives.
    placeholderData: keepPreviousData,
  });
  const items = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  return { query, items };
}

/** Active records first, each group in the server's order. */
export function activeFirst<T extends { active: boolean }>(items: readonly T[]): T[] {
  return [...items.filter((item) => item.active), ...items.filter((item) => !item.active)];
}

/** Marks every query under these keys stale so open lists (here and on other screens) refetch. */
export function useInvalidate() {
  const queryClient = useQueryClient();
  return (...keys: QueryKey[]) => Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
