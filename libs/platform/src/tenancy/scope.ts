import type { AppRole } from '../auth/principal';

/**
 * What the database policies see for one request or job, set transaction-locally as
 * `app.role`, `app.tenant_id`, `app.tenant_path` and `app.all_tenants`.
 * - curator: `tenantId` = their organisation;
 * - region analyst: `tenantPath` = their region's or municipality's subtree;
 * - ministry official: a region's subtree, or `allTenants` for the federal level;
 * - platform admin: `allTenants`.
 */
export type Scope = {
  /** A realm role, or 'respondent': someone answering a questionnaire through a one-time link, without an account. */
  role: AppRole | 'respondent';
  tenantId: string | null;
  tenantPath: string | null;
  allTenants: boolean;
  /** Keycloak subject of the person on whose behalf the work runs (for audit columns). */
  actor: string;
};

/** Turns a verified principal into a scope; implemented by the tenants lib (it owns the tree). */
export abstract class ScopeResolver {
  abstract resolve(principal: import('../auth/principal').Principal): Promise<Scope>;
}

export function isScope(value: unknown): value is Scope {
  const s = value as Scope | null;
  return (
    typeof s === 'object' && s !== null && typeof s.role === 'string' && typeof s.allTenants === 'boolean' &&
    (s.tenantId === null || typeof s.tenantId === 'string') && (s.tenantPath === null || typeof s.tenantPath === 'string') &&
    typeof s.actor === 'string'
  );
}
