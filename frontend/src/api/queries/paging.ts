/** Lists the API pages with a cursor (`limit`, `cursor` → `items`, `next_cursor`), read as infinite queries. */
import { keepPreviousData, type InfiniteData, type UseInfiniteQueryResult } from '@tanstack/react-query';
import type { PathsWithMethod } from 'openapi-typescript-helpers';
import { useEffect, useMemo } from 'react';
import { $api } from '../query';
import type { paths } from '../schema';

/** Rows per page on list screens (the API allows up to 200). */
export const PAGE_SIZE = 100;

type GetPath = PathsWithMethod<paths, 'get'>;
type QueryOf<P extends GetPath> = NonNullable<paths[P]['get']['parameters']['query']>;
/** The GET paths that page with a cursor. */
export type PagedPath = {
  // A path without query parameters (e.g. the .ics feed) has `never` here, which would match anything.
  [P in GetPath]: [QueryOf<P>] extends [never] ? never : QueryOf<P> extends { cursor?: unknown } ? P : never;
}[GetPath];
type PageOf<P extends PagedPath> = paths[P]['get']['responses'][200]['content']['application/json'];
export type ItemOf<P extends PagedPath> = PageOf<P> extends { items: (infer T)[] } ? T : never;

export interface CursorListOptions {
  pageSize?: number;
  /** Fetch every page, for reference lists that must be whole (e.g. every practitioner in a picker). */
  readAll?: boolean;
  enabled?: boolean;
}

// The library's hook typed for one concrete path at a time; here the path is generic, so name the result's shape.
type InfiniteHook = <P extends PagedPath>(
  method: 'get',
  path: P,
  init: { params: { query: Partial<QueryOf<P>> } },
  options: object,
) => UseInfiniteQueryResult<InfiniteData<PageOf<P>>, unknown>;
const useInfinite = $api.useInfiniteQuery as unknown as InfiniteHook;

/**
 * A cursor-paged list: the query (with "load more" via fetchNextPage) and the rows read so far. The first page
 * has no cursor, the next one is the previous page's `next_cursor`; while new filters load, the old rows stay.
 */
export function useCursorList<P extends PagedPath>(
  path: P,
  filters: Omit<QueryOf<P>, 'limit' | 'cursor'>,
  { pageSize = PAGE_SIZE, readAll = false, enabled = true }: CursorListOptions = {},
) {
  const query = useInfinite('get', path, { params: { query: { ...filters, limit: pageSize } as Partial<QueryOf<P>> } }, {
    pageParamName: 'cursor',
    initialPageParam: null,
    getNextPageParam: (last: { next_cursor?: string | null }) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = query;
  useEffect(() => {
    if (readAll && hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [readAll, hasNextPage, isFetchingNextPage, isError, fetchNextPage]);
  // `?? []`: a malformed page must not take the screen down.
  const items = useMemo(
    () => query.data?.pages.flatMap((page) => (page as { items?: ItemOf<P>[] }).items ?? []) ?? [],
    [query.data],
  );
  return { query, items };
}
