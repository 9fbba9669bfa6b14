import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The scope functions as the earlier migrations wrote them (SQL, inlined into every policy). */
const SQL_BODIES: Record<string, string> = {
  scope_role: `returns text language sql stable parallel safe
      as $$ select nullif(current_setting('app.role', true), '') $$`,
  scope_tenant_id: `returns uuid language sql stable parallel safe
      as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$`,
  scope_path: `returns public.ltree language sql stable parallel safe
      as $$ select nullif(current_setting('app.tenant_path', true), '')::public.ltree $$`,
  scope_all: `returns boolean language sql stable parallel safe
      as $$ select coalesce(nullif(current_setting('app.all_tenants', true), '') = 'on', false) $$`,
  scope_tenant_low: `returns uuid language sql stable parallel safe as $$
      select case app.scope_role() when 'platform-admin' then '00000000-0000-0000-0000-000000000000'::uuid
                                   when 'curator' then app.scope_tenant_id() end $$`,
  scope_tenant_high: `returns uuid language sql stable parallel safe as $$
      select case app.scope_role() when 'platform-admin' then 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid
                                   when 'curator' then app.scope_tenant_id() end $$`,
};

/** The same values, computed by plpgsql: a call is never inlined, so planning a policy parses no function body. */
const PLPGSQL_BODIES: Record<string, string> = {
  scope_role: `returns text language plpgsql stable parallel safe
      as $$ begin return nullif(current_setting('app.role', true), ''); end $$`,
  scope_tenant_id: `returns uuid language plpgsql stable parallel safe
      as $$ begin return nullif(current_setting('app.tenant_id', true), '')::uuid; end $$`,
  scope_path: `returns public.ltree language plpgsql stable parallel safe
      as $$ begin return nullif(current_setting('app.tenant_path', true), '')::public.ltree; end $$`,
  scope_all: `returns boolean language plpgsql stable parallel safe
      as $$ begin return coalesce(nullif(current_setting('app.all_tenants', true), '') = 'on', false); end $$`,
  scope_tenant_low: `returns uuid language plpgsql stable parallel safe as $$ begin
      return case nullif(current_setting('app.role', true), '') when 'platform-admin' then '00000000-0000-0000-0000-000000000000'::uuid
                                                                when 'curator' then nullif(current_setting('app.tenant_id', true), '')::uuid end; end $$`,
  scope_tenant_high: `returns uuid language plpgsql stable parallel safe as $$ begin
      return case nullif(current_setting('app.role', true), '') when 'platform-admin' then 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid
                                                                when 'curator' then nullif(current_setting('app.tenant_id', true), '')::uuid end; end $$`,
};

/** A policy's call of a scope function, as written and as Postgres prints it back wrapped in a sub-select. */
const CALL = /app\.(scope_[a-z_]+)\(\)/g;
const WRAPPED = /\( SELECT app\.(scope_[a-z_]+)\(\) AS \1\)/g;

/** New policies should be written the same way: the scope read once per statement. */
export const SCOPED_TENANT_RANGE = `tenant_id between (select app.scope_tenant_low()) and (select app.scope_tenant_high())`;

/**
 * Measured (docs/benchmarks-indicators.md): a policy cost the same query more than the owner's
 * `where tenant_id = $1` in two ways. (1) Planning: each `app.scope_*()` call is an SQL function
 * the planner inlines — parsing its body, and the bodies of the functions it calls — in every
 * statement (a curator's two-table query: 0.27 ms of planning against 0.07 ms). (2) Execution:
 * outside an index condition an inlined call is evaluated per row (the region analyst's policies
 * on tenants and snapshots: `current_setting`, casts and an ltree parse for every row).
 *
 * Now the scope functions are plpgsql (never inlined; the same values) and every policy reads
 * them through a sub-select, `(select app.scope_role())`: an init plan, evaluated once per
 * statement, and still an index condition (`tenant_id >= $0`). Which rows a policy admits does
 * not change. Every policy of the public schema is rewritten, whichever lib wrote it.
 *
 * History: since 1795301100000 each lib declares its tables' policies by kind in its own
 * migrations (`database/row-policies.ts`, docs/adr/0002); the kinds read the scope this way.
 */
export class ScopeOncePerStatement1795300910000 implements MigrationInterface {
  name = 'ScopeOncePerStatement1795300910000';

  async up(q: QueryRunner): Promise<void> {
    for (const [name, body] of Object.entries(PLPGSQL_BODIES)) await q.query(`create or replace function app.${name}() ${body}`);
    await this.rewrite(q, (expr) => expr.replace(CALL, '(select app.$1())'));
  }

  async down(q: QueryRunner): Promise<void> {
    await this.rewrite(q, (expr) => expr.replace(WRAPPED, 'app.$1()'));
    for (const [name, body] of Object.entries(SQL_BODIES)) await q.query(`create or replace function app.${name}() ${body}`);
  }

  private async rewrite(q: QueryRunner, change: (expr: string) => string): Promise<void> {
    const policies: { table: string; policy: string; qual: string | null; check: string | null }[] = await q.query(`
      select c.relname as table, p.polname as policy, pg_get_expr(p.polqual, p.polrelid) as qual, pg_get_expr(p.polwithcheck, p.polrelid) as check
        from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public'`);
    for (const p of policies) {
      const parts: string[] = [];
      if (p.qual !== null && change(p.qual) !== p.qual) parts.push(`using (${change(p.qual)})`);
      if (p.check !== null && change(p.check) !== p.check) parts.push(`with check (${change(p.check)})`);
      if (parts.length) await q.query(`alter policy "${p.policy}" on "${p.table}" ${parts.join(' ')}`);
    }
  }
}
