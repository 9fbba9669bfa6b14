import Keycloak, { type KeycloakInitOptions } from 'keycloak-js';
import { keycloakAuthProvider } from 'ra-keycloak';
import type { AuthProvider } from 'react-admin';
import { ConfigError, type KeycloakSettings } from '../config';
import { type AccessPolicy, canAccess } from './access';
import { identityFromClaims, type TokenClaims } from './token';

/**
 * Production sign-in: Keycloak realm `mentoring`, public client `mentoring-console`, authorization
 * code flow with PKCE. `login-required`: an anonymous visitor goes straight to Keycloak's login
 * page (react-admin never has to log out an anonymous user, which with ra-keycloak would bounce
 * through Keycloak's logout). Keycloak answers in the query string (`responseMode: 'query'`)
 * because the URL fragment belongs to react-admin's hash router; the callback is handled here,
 * before the app mounts.
 */
export async function keycloakAuth(
  settings: KeycloakSettings,
  policy: AccessPolicy,
): Promise<{ authProvider: AuthProvider; getToken: () => Promise<string | null> }> {
  const keycloak = new Keycloak({ url: settings.url, realm: settings.realm, clientId: settings.clientId });
  const appUri = `${window.location.origin}${window.location.pathname}`;
  const initOptions: KeycloakInitOptions = {
    onLoad: 'login-required',
    pkceMethod: 'S256',
    checkLoginIframe: false,
    responseMode: 'query',
    redirectUri: appUri,
  };
  try {
    await keycloak.init(initOptions);
  } catch {
    throw new ConfigError('Не удалось войти через сервер авторизации (Keycloak). Обновите страницу; если ошибка повторится, обратитесь к администратору.');
  }
  const claims = (): TokenClaims | undefined => keycloak.tokenParsed as TokenClaims | undefined;
  const base = keycloakAuthProvider(keycloak, {
    initOptions,
    onPermissions: (decoded) => identityFromClaims(decoded as TokenClaims)?.role,
    loginRedirectUri: appUri,
    logoutRedirectUri: appUri,
  });
  const authProvider: AuthProvider = {
    ...base,
    async checkError(error: { status?: number }) {
      if (error?.status === 401) throw new Error('Сеанс истёк — войдите снова.');
    },
    async getIdentity() {
      const current = claims();
      const identity = current ? identityFromClaims(current) : undefined;
      if (!identity) throw new Error('В учётной записи нет роли платформы наставничества. Обратитесь к администратору.');
      return identity;
    },
    async canAccess({ action, resource }) {
      const current = claims();
      return canAccess(policy, current && identityFromClaims(current)?.role, resource, action);
    },
  };
  const getToken = async (): Promise<string | null> => {
    if (!keycloak.authenticated) return null;
    try {
      // Refreshes when less than 30 s remain (Keycloak issues refresh tokens to this client).
      if (keycloak.refreshToken) await keycloak.updateToken(30);
      else if (keycloak.isTokenExpired(5)) return null;
    } catch {
      return null;
    }
    return keycloak.token ?? null;
  };
  return { authProvider, getToken };
}
