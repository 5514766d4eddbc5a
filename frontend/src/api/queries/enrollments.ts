/** A client's program enrollments; they decide the client's "current programs" (header and list), so a change refreshes clients too. */
import { $api } from '../query';
import { useApiMutation } from './cache';
import { CLIENTS } from './clients';

const ENROLLMENTS = '/api/v1/clients/{client_id}/enrollments';

export function useEnrollments(clientId: string) {
  return $api.useQuery('get', ENROLLMENTS, { params: { path: { client_id: clientId } } });
}

export const useEnroll = () => useApiMutation('post', ENROLLMENTS, [CLIENTS]);
export const useUpdateEnrollment = () =>
  useApiMutation('patch', '/api/v1/clients/{client_id}/enrollments/{enrollment_id}', [CLIENTS]);
