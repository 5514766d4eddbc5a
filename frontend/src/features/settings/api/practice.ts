/** The practice settings row: read by every settings screen (currencies, zone), changed on the Practice screen. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { PracticeUpdate } from '../../../api/types';
import { settingsKeys } from './keys';

export function usePractice() {
  return useQuery({
    queryKey: settingsKeys.practice,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/practice', { signal })),
  });
}

export function useUpdatePractice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (changes: PracticeUpdate) => unwrap(await api.PATCH('/api/v1/practice', { body: changes })),
    onSuccess: async (practice) => {
      queryClient.setQueryData(settingsKeys.practice, practice);
      await queryClient.invalidateQueries({ queryKey: ['practice'] });
    },
  });
}
