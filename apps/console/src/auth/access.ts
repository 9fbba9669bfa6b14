import type { AppRole } from '@nastavnik/contracts/roles';

/** What react-admin asks `canAccess` about. */
export type ResourceAction = 'list' | 'show' | 'create' | 'edit' | 'delete';

/** Per resource, per role, the allowed actions; anything not listed is refused. */
export type AccessPolicy = Record<string, Partial<Record<AppRole, readonly ResourceAction[]>>>;

/**
 * The console hides what a role may not do; the API (roles on every operation, row-level
 * security underneath) is what actually refuses it.
 */
export function canAccess(policy: AccessPolicy, role: AppRole | undefined, resource: string, action: string): boolean {
  if (!role) return false;
  return (policy[resource]?.[role] ?? []).some((allowed) => allowed === action);
}
