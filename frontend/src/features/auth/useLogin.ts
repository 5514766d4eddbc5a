import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/problem';
import { sessionStore } from '../../api/session';
import type { LoginRequest } from '../../api/types';

export function useLogin() {
  return useMutation({
    mutationFn: async (credentials: LoginRequest) =>
      unwrap(await api.POST('/api/v1/auth/login', { body: credentials })),
    onSuccess: (token) => sessionStore.signIn(token),
  });
}
