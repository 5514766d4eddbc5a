import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import { sessionStore } from '../../api/session';

export function useLogout() {
  return useMutation({
    mutationFn: async () => {
      await api.POST('/api/v1/auth/logout');
    },
    // Even if the server could not be told, this browser forgets the access token.
    onSettled: () => sessionStore.signOut('logged_out'),
  });
}
