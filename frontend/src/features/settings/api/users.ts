/** Staff users: list, invite, edit (role, link, language, active) and password reset. */
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { StaffUserCreate, StaffUserUpdate } from '../../../api/types';
import { PAGE_SIZE, useCursorList, useInvalidate } from './cursorList';
import { settingsKeys } from './keys';

export function useUsers(includeInactive: boolean) {
  return useCursorList([...settingsKeys.users, { includeInactive }], async (cursor) =>
    unwrap(await api.GET('/api/v1/users', { params: { query: { include_inactive: includeInactive, limit: PAGE_SIZE, cursor } } })),
  );
}

export function useCreateUser() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (body: StaffUserCreate) => unwrap(await api.POST('/api/v1/users', { body })),
    onSuccess: () => invalidate(settingsKeys.users, ['users']),
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ id, changes }: { id: string; changes: StaffUserUpdate }) =>
      unwrap(await api.PATCH('/api/v1/users/{user_id}', { params: { path: { user_id: id } }, body: changes })),
    onSuccess: () => invalidate(settingsKeys.users, ['users']),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: async ({ id, newPassword }: { id: string; newPassword: string }) =>
      unwrap(
        await api.POST('/api/v1/users/{user_id}/password', {
          params: { path: { user_id: id } },
          body: { new_password: newPassword },
        }),
      ),
  });
}
