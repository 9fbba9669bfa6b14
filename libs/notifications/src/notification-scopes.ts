import type { Scope } from '@nastavnik/platform/tenancy/scope';

/** The actor the outbox's own work is recorded as (audit columns, `created_by`). */
export const NOTIFICATIONS_ACTOR = 'system:notifications';

/**
 * The relay and the reminder run look at every school's outbox and settings at once: the platform
 * admin's scope (and so the admin's database role, docs/adr/0010), the only scope whose policies
 * admit every school's rows in one statement. What they then do for a school runs under that
 * school's curator scope (`schoolScope`), so sending reads and writes one school's rows only.
 */
export const PLATFORM_SCOPE: Scope = { role: 'platform-admin', tenantId: null, tenantPath: null, allTenants: true, actor: NOTIFICATIONS_ACTOR };

export function schoolScope(tenantId: string, tenantPath: string, actor = NOTIFICATIONS_ACTOR): Scope {
  return { role: 'curator', tenantId, tenantPath, allTenants: false, actor };
}

/** A region's analyst, for the run's questions a region analyst may ask (the yearly reports not submitted, docs/adr/0039). */
export function regionAnalystScope(tenantId: string, tenantPath: string, actor = NOTIFICATIONS_ACTOR): Scope {
  return { role: 'region-analyst', tenantId, tenantPath, allTenants: false, actor };
}
