/** TanStack Query defaults: client errors (4xx) are answers, not glitches, so they are not retried. */
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/problem';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
}
