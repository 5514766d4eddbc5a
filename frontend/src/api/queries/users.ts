/** Staff users: list, invite, edit (role, link, language, active) and password reset. */
import { $api } from '../query';
import { useApiMutation } from './cache';
import { useCursorList } from './paging';

const USERS = '/api/v1/users';

export function useUsers({ includeInactive = false } = {}) {
  return useCursorList(USERS, { include_inactive: includeInactive });
}

export const useCreateUser = () => useApiMutation('post', USERS, [USERS]);
export const useUpdateUser = () => useApiMutation('patch', '/api/v1/users/{user_id}', [USERS]);
/** Sets a new password; nothing cached changes. */
export const useResetPassword = () => $api.useMutation('post', '/api/v1/users/{user_id}/password');
