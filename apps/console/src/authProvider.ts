import type { AuthProvider } from 'react-admin';
import type { AccessPolicy } from './auth/access';
import { devAuthProvider } from './auth/devAuth';
import { keycloakAuth } from './auth/keycloakAuth';
import type { RuntimeConfig } from './config';

export type ConsoleAuth = {
  mode: RuntimeConfig['authMode'];
  authProvider: AuthProvider;
  /** A current access token for the API (refreshed when Keycloak's is about to expire); null when signed out. */
  getToken: () => Promise<string | null>;
};

/**
 * Two ways to sign in, one contract: `dev` (the local demo: pick a demo user) and `keycloak`
 * (ra-keycloak + keycloak-js). `permissions` is the acting role from the token in both.
 */
export async function createConsoleAuth(config: RuntimeConfig, policy: AccessPolicy): Promise<ConsoleAuth> {
  if (config.authMode === 'dev') return { mode: 'dev', ...devAuthProvider(config.apiBase, policy) };
  return { mode: 'keycloak', ...(await keycloakAuth(config.keycloak, policy)) };
}
