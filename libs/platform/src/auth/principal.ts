import { actingRole, type AppRole } from '@nastavnik/contracts/roles';

// The roles are a contract with the console (libs/contracts/src/roles.ts); re-exported for the server's code.
export { APP_ROLES, type AppRole, isAppRole } from '@nastavnik/contracts/roles';

/** Who called, as the verified token says. Never built from anything the client sends otherwise. */
export type Principal = {
  subject: string;
  username: string;
  displayName: string;
  /** The role the request acts in: the first of APP_ROLES the token holds. */
  role: AppRole;
  /** Code of the organisation (curator) or region/municipality (analyst, official) from the `tenant_code` claim. */
  tenantCode: string | null;
};

/** The shape of the Keycloak access-token claims the product reads. */
export type AccessTokenClaims = {
  sub: string;
  iss: string;
  aud?: string | string[];
  azp?: string;
  typ: string;
  exp: number;
  iat: number;
  preferred_username?: string;
  name?: string;
  tenant_code?: string;
  realm_access?: { roles?: string[] };
};

export function principalFromClaims(claims: AccessTokenClaims): Principal | undefined {
  const role = actingRole(claims.realm_access?.roles);
  if (!role || typeof claims.sub !== 'string') return undefined;
  const tenantCode = typeof claims.tenant_code === 'string' && claims.tenant_code !== '' ? claims.tenant_code : null;
  return {
    subject: claims.sub,
    username: claims.preferred_username ?? claims.sub,
    displayName: claims.name ?? claims.preferred_username ?? claims.sub,
    role,
    tenantCode,
  };
}
