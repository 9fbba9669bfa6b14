import type { AuthProvider } from 'react-admin';
import { type AccessPolicy, canAccess } from './access';
import { decodeClaims, identityFromClaims, isExpired, type ConsoleIdentity } from './token';

/** Per browser tab: closing the tab signs the demo user out. */
const TOKEN_KEY = 'nastavnik.accessToken';

const SESSION_EXPIRED = 'Сеанс истёк или недействителен — войдите снова.';

function currentIdentity(): { token: string; identity: ConsoleIdentity } | undefined {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const claims = token ? decodeClaims(token) : undefined;
  const identity = claims && !isExpired(claims) ? identityFromClaims(claims) : undefined;
  return token && identity ? { token, identity } : undefined;
}

/**
 * Development identity mode (API started with AUTH_MODE=dev): the login page lists the demo users;
 * picking one asks the API for a Keycloak-shaped token, kept in sessionStorage. The API verifies
 * it on the same path as a real Keycloak token.
 */
export function devAuthProvider(apiBase: string, policy: AccessPolicy): { authProvider: AuthProvider; getToken: () => Promise<string | null> } {
  const authProvider: AuthProvider = {
    async login(params: { username?: string }) {
      let response: Response;
      try {
        response = await fetch(`${apiBase}/auth/dev/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ username: params.username }),
        });
      } catch {
        throw new Error('Сервер платформы недоступен. Повторите попытку.');
      }
      const body = (await response.json().catch(() => ({}))) as { accessToken?: string; message?: string };
      if (!response.ok || !body.accessToken) throw new Error(body.message ?? `Не удалось войти (код ${response.status}).`);
      const claims = decodeClaims(body.accessToken);
      if (!claims || !identityFromClaims(claims)) throw new Error('У этого пользователя нет роли платформы наставничества.');
      sessionStorage.setItem(TOKEN_KEY, body.accessToken);
      return { redirectTo: '/' };
    },
    async logout() {
      sessionStorage.removeItem(TOKEN_KEY);
    },
    async checkAuth() {
      if (currentIdentity()) return;
      const hadToken = sessionStorage.getItem(TOKEN_KEY) !== null;
      sessionStorage.removeItem(TOKEN_KEY);
      // A first visit goes to the login page silently; an expired session says why.
      throw hadToken ? new Error(SESSION_EXPIRED) : { message: false };
    },
    async checkError(error: { status?: number }) {
      // 403 is "not allowed", not "signed out": show the message and stay.
      if (error?.status === 401) {
        sessionStorage.removeItem(TOKEN_KEY);
        throw new Error(SESSION_EXPIRED);
      }
    },
    async getPermissions() {
      return currentIdentity()?.identity.role;
    },
    async getIdentity() {
      const current = currentIdentity();
      if (!current) throw new Error(SESSION_EXPIRED);
      return current.identity;
    },
    async canAccess({ action, resource }) {
      return canAccess(policy, currentIdentity()?.identity.role, resource, action);
    },
  };
  return { authProvider, getToken: async () => currentIdentity()?.token ?? null };
}
