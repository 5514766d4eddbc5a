/**
 * The typed TanStack Query hooks over the API (openapi-react-query on the generated schema). Every query key
 * is `[method, path, init]`, e.g. `['get', '/api/v1/practitioners', { params: { query: {...} } }]`, and every
 * failed call throws an ApiError (the library alone would throw only a non-empty error body).
 */
import createQueryHooks from 'openapi-react-query';
import { api, type ApiClient } from './client';
import { unwrap } from './problem';

const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;

type Call = (...args: unknown[]) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** The same client, but a response that is not 2xx rejects with an ApiError instead of resolving. */
export function throwingClient(client: ApiClient): ApiClient {
  const wrapped: Record<string, unknown> = { ...client };
  for (const method of METHODS) {
    const call = client[method] as Call;
    wrapped[method] = async (...args: unknown[]) => {
      const result = await call(...args);
      unwrap(result);
      return result;
    };
  }
  return wrapped as unknown as ApiClient;
}

export const $api = createQueryHooks(throwingClient(api));
