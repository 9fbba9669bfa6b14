import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The curator-or-admin policy as the libs wrote it: correct, but the OR hides tenant_id from the planner. */
const OR_FORM = `(((app.scope_role() = 'curator'::text) AND (tenant_id = app.scope_tenant_id())) OR (app.scope_role() = 'platform-admin'::text))`;
/** The same rows as a range on tenant_id — [own, own] for a curator, everything for the admin, NULL (nothing) otherwise — which an index can use. */
export const CURATOR_OR_ADMIN_RANGE = `tenant_id between app.scope_tenant_low() and app.scope_tenant_high()`;

/**
 * Measured (docs/benchmarks-indicators.md): with `curator and tenant_id = … OR platform-admin`
 * Postgres cannot use the tenant_id index, so a curator's query scanned every school's rows (a
 * 760,000-person table: 50 ms against 0.2 ms). The range form selects exactly the same rows when
 * tenant_id is NOT NULL (a NULL tenant_id — a platform default — would no longer pass the admin's
 * check, so nullable columns keep the OR form), and it is an index condition. This rewrites every
 * policy of that exact form on a NOT NULL tenant_id, whichever lib wrote it; new tables use
 * `CURATOR_OR_ADMIN_RANGE` directly.
 *
 * History: the range is gone (1795300920000), and since 1795301100000 each lib declares its
 * tables' policies by kind in its own migrations (`database/row-policies.ts`, docs/adr/0002).
 */
export class IndexFriendlyTenantPolicies1795300900000 implements MigrationInterface {
  name = 'IndexFriendlyTenantPolicies1795300900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create function app.scope_tenant_low() returns uuid language sql stable parallel safe as $$
      select case app.scope_role() when 'platform-admin' then '00000000-0000-0000-0000-000000000000'::uuid
                                   when 'curator' then app.scope_tenant_id() end $$`);
    await q.query(`create function app.scope_tenant_high() returns uuid language sql stable parallel safe as $$
      select case app.scope_role() when 'platform-admin' then 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid
                                   when 'curator' then app.scope_tenant_id() end $$`);
    await this.rewrite(q, OR_FORM, CURATOR_OR_ADMIN_RANGE);
  }

  async down(q: QueryRunner): Promise<void> {
    await this.rewrite(q, `((tenant_id >= app.scope_tenant_low()) AND (tenant_id <= app.scope_tenant_high()))`, OR_FORM);
    await q.query(`drop function app.scope_tenant_high()`);
    await q.query(`drop function app.scope_tenant_low()`);
  }

  private async rewrite(q: QueryRunner, from: string, to: string): Promise<void> {
    const policies: { table: string; policy: string; qual: string | null; check: string | null }[] = await q.query(`
      select c.relname as table, p.polname as policy, pg_get_expr(p.polqual, p.polrelid) as qual, pg_get_expr(p.polwithcheck, p.polrelid) as check
        from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public'
         and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and a.attnotnull and not a.attisdropped)`);
    for (const p of policies) {
      const parts: string[] = [];
      if (p.qual === from) parts.push(`using (${to})`);
      if (p.check === from) parts.push(`with check (${to})`);
      if (parts.length) await q.query(`alter policy ${p.policy} on ${p.table} ${parts.join(' ')}`);
    }
  }
}
