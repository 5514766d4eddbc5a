import { $api } from '../../api/query';
import { sessionStore } from '../../api/session';

/** Signs in with e-mail and password; the body is `{ body: { email, password } }`. */
export function useLogin() {
  return $api.useMutation('post', '/api/v1/auth/login', { onSuccess: (token) => sessionStore.signIn(token) });
}
