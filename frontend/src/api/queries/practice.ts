/** The practice settings row: read by most screens (currencies, zone), changed on the Practice settings screen. */
import { useQueryClient } from '@tanstack/react-query';
import { $api } from '../query';

const PRACTICE = '/api/v1/practice';
// It changes rarely, and only from the settings screen, which refreshes it.
const STALE_MS = 5 * 60_000;

export function usePractice() {
  return $api.useQuery('get', PRACTICE, {}, { staleTime: STALE_MS });
}

export function useUpdatePractice() {
  const queryClient = useQueryClient();
  return $api.useMutation('patch', PRACTICE, {
    // The response is the whole row: every screen reading the practice gets it without another request.
    onSuccess: (practice) => queryClient.setQueryData($api.queryOptions('get', PRACTICE, {}).queryKey, practice),
  });
}
