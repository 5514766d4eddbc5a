/**
 * Keeping cached server state fresh: a mutation marks stale every query of the resources it changed, matched
 * on the path in the key (`[method, path, init]`), so one helper serves every screen that reads them.
 */
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { HttpMethod, PathsWithMethod } from 'openapi-typescript-helpers';
import { $api } from '../query';
import type { paths } from '../schema';

/** A path template of the API, or the start of one (`/api/v1/clients` covers `/api/v1/clients/{client_id}/...`). */
export type Resource = keyof paths | `${keyof paths}/${string}`;

function covers(resource: string, path: unknown): boolean {
  return typeof path === 'string' && (path === resource || path.startsWith(`${resource}/`));
}

/** Marks stale (and refetches if shown) every query whose path is one of `resources` or under one of them. */
export function invalidateResource(queryClient: QueryClient, ...resources: Resource[]): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: ({ queryKey }) => resources.some((resource) => covers(resource, queryKey[1])),
  });
}

/**
 * A mutation on `path` that, once it succeeds, refreshes the `invalidates` resources. Its variables are the
 * openapi-fetch init (`{ params, body }`), so they are typed from the schema like the call itself.
 */
export function useApiMutation<Method extends HttpMethod, Path extends PathsWithMethod<paths, Method>>(
  method: Method,
  path: Path,
  invalidates: readonly Resource[],
) {
  const queryClient = useQueryClient();
  return $api.useMutation(method, path, {
    onSuccess: () => invalidateResource(queryClient, ...invalidates),
  });
}
