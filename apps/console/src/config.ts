/** A demo user of the development identity mode (`GET /auth/dev/users`). */
export type DevUser = { username: string; displayName: string; roles: string[]; description: string };

export type KeycloakSettings = { url: string; realm: string; clientId: string };

export type RuntimeConfig =
  | { authMode: 'dev'; apiBase: string; devUsers: DevUser[] }
  | { authMode: 'keycloak'; apiBase: string; keycloak: KeycloakSettings };

/** The API's origin; empty = the console's own origin (the dev server and `vite preview` proxy the API). */
export const API_BASE = (import.meta.env.VITE_API_URL ?? '').replace(/\/+$/, '');

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Decides how people sign in. `VITE_AUTH_MODE` forces a mode at build time; otherwise the console
 * asks the API: its development identity routes exist only when the API runs with AUTH_MODE=dev
 * (refused in production), so a 200 from `/auth/dev/users` means dev mode and a 404 means Keycloak.
 * The console thus always signs in the way the API it talks to verifies tokens.
 */
export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  const keycloak: KeycloakSettings = {
    url: import.meta.env.VITE_KEYCLOAK_URL ?? 'http://localhost:8080',
    realm: import.meta.env.VITE_KEYCLOAK_REALM ?? 'mentoring',
    clientId: import.meta.env.VITE_KEYCLOAK_CLIENT_ID ?? 'mentoring-console',
  };
  const forced = import.meta.env.VITE_AUTH_MODE;
  if (forced === 'keycloak') return { authMode: 'keycloak', apiBase: API_BASE, keycloak };
  let response: Response;
  try {
    response = await fetch(`${API_BASE}/auth/dev/users`, { headers: { accept: 'application/json' } });
  } catch {
    throw new ConfigError('Сервер платформы недоступен. Проверьте подключение и обновите страницу.');
  }
  if (response.ok) return { authMode: 'dev', apiBase: API_BASE, devUsers: (await response.json()) as DevUser[] };
  if (response.status === 404 && forced !== 'dev') return { authMode: 'keycloak', apiBase: API_BASE, keycloak };
  throw new ConfigError(`Сервер платформы ответил ошибкой (код ${response.status}). Обновите страницу через минуту.`);
}
