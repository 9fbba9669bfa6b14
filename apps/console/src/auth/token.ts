import { actingRole, type AppRole } from '@nastavnik/contracts/roles';

/** The claims of a Keycloak access token the console reads (the same token the API verifies). */
export type TokenClaims = {
  sub?: string;
  exp?: number;
  name?: string;
  preferred_username?: string;
  tenant_code?: string;
  realm_access?: { roles?: string[] };
};

/** Who is signed in, as the console shows it. */
export type ConsoleIdentity = {
  id: string;
  fullName: string;
  username: string;
  role: AppRole;
  tenantCode: string | null;
};

/** Reads a JWT's payload without verifying it: the API verifies every request; this is only for display. */
export function decodeClaims(token: string): TokenClaims | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as TokenClaims;
  } catch {
    return undefined;
  }
}

export function isExpired(claims: TokenClaims, skewSeconds = 10): boolean {
  return typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now() + skewSeconds * 1000;
}

export function identityFromClaims(claims: TokenClaims): ConsoleIdentity | undefined {
  const role = actingRole(claims.realm_access?.roles);
  if (!role) return undefined;
  const username = claims.preferred_username ?? claims.sub ?? '';
  return {
    id: claims.sub ?? username,
    fullName: claims.name ?? username,
    username,
    role,
    tenantCode: claims.tenant_code || null,
  };
}
