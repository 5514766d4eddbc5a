import { $api } from '../../api/query';
import { sessionStore } from '../../api/session';

export function useLogout() {
  // Even if the server could not be told, this browser forgets the access token.
  return $api.useMutation('post', '/api/v1/auth/logout', { onSettled: () => sessionStore.signOut('logged_out') });
}
