import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DB_ROLES } from '../database/db-roles';
import { requiredValue } from '@nastavnik/contracts/lookup';

const APP = DB_ROLES.app;
const ADMIN = DB_ROLES.platformAdmin;

/** A curator's own rows: an equality the planner carries across joins (`tenant_id = $0`). */
export const CURATOR_OWN_ROWS = `tenant_id = (select app.scope_curator_tenant_id())`;
/** What the platform admin's policies check besides the database role. */
export const PLATFORM_ADMIN_SCOPE = `(select app.scope_role()) = 'platform-admin'`;

/** The range policies of migration 1795300900000 as Postgres prints them back. */
const RANGE =
  /\(\(tenant_id >= \( SELECT app\.scope_tenant_low\(\) AS scope_tenant_low\)\) AND \(tenant_id <= \( SELECT app\.scope_tenant_high\(\) AS scope_tenant_high\)\)\)/g;
const RANGE_TEXT = `((tenant_id >= (select app.scope_tenant_low())) and (tenant_id <= (select app.scope_tenant_high())))`;
const CURATOR_OWN_PRINTED = /\(tenant_id = \( SELECT app\.scope_curator_tenant_id\(\) AS scope_curator_tenant_id\)\)/g;
/** A policy that admits the platform admin only, as printed. */
const ADMIN_ONLY = `(( SELECT app.scope_role() AS scope_role) = 'platform-admin'::text)`;
const ADMIN_SUFFIX = '_platform_admin';

const FUNCTIONS = {
  scope_curator_tenant_id: `returns uuid language plpgsql stable parallel safe as $$ begin
      return case when current_setting('app.role', true) = 'curator' then nullif(current_setting('app.tenant_id', true), '')::uuid end; end $$`,
  scope_reader_path: `returns public.ltree language plpgsql stable parallel safe as $$ begin
      return case when current_setting('app.role', true) in ('region-analyst', 'ministry-official')
                  then nullif(current_setting('app.tenant_path', true), '')::public.ltree end; end $$`,
};

/** The two policies region-wide reads meet on every row, before and after (docs/adr/0010). */
const AGGREGATE_POLICIES = [
  {
    table: 'tenants',
    policy: 'tenants_read',
    before: `(select app.scope_all()) or ((select app.scope_role()) = 'curator' and id = (select app.scope_tenant_id()))
             or ((select app.scope_role()) in ('region-analyst', 'ministry-official') and path <@ (select app.scope_path()))`,
    after: `(select app.scope_all()) or id = (select app.scope_curator_tenant_id()) or path <@ (select app.scope_reader_path())`,
  },
  {
    table: 'indicator_snapshots',
    policy: 'indicator_snapshots_read',
    before: `(select app.scope_all()) or ((select app.scope_role()) = 'curator' and tenant_id = (select app.scope_tenant_id()))
             or ((select app.scope_role()) in ('region-analyst', 'ministry-official') and tenant_path <@ (select app.scope_path()))`,
    after: `(select app.scope_all()) or tenant_id = (select app.scope_curator_tenant_id()) or tenant_path <@ (select app.scope_reader_path())`,
  },
];

const COMMANDS: Record<string, string> = { '*': 'all', r: 'select', a: 'insert', w: 'update', d: 'delete' };

type PolicyRow = { table: string; policy: string; cmd: string; roles: string[]; qual: string | null; check: string | null };

/**
 * The platform admin gets a database role of its own (docs/adr/0010), so that a curator's policy
 * is a plain equality.
 *
 * Before: one policy per personal-data table admitted a curator's school *or* everything for the
 * platform admin, as the range `tenant_id between low and high` ([own, own] / every uuid). The
 * planner cannot see that a curator's range is one value: it neither carries it across a join nor
 * estimates it as one school (measured on the bench region: a curator's two-table read 1.36–1.45×
 * the owner's inside the server; with the equality 1.10×).
 *
 * After:
 * - `nastavnik_platform_admin` (created by infra/postgres/01-roles.sql: NOLOGIN, no BYPASSRLS, owns
 *   nothing) has exactly the app role's privileges (copied here; the catalog spec keeps them equal).
 *   The app role is a NOINHERIT member of it, so nothing of it applies until a transaction of a
 *   platform admin's scope switches to it (`TenantContext`: `set_config('role', …, true)`).
 * - Every range policy becomes `tenant_id = (select app.scope_curator_tenant_id())` (NULL, so no
 *   rows, for anyone but a curator), and beside it a policy for the admin role with the same
 *   expression where the range stood for `app.role = 'platform-admin'`. Together they admit the
 *   same rows as before (the range stood positively in each expression, so E(a ∨ b) = E(a) ∨ E(b)).
 * - Policies granted to the app role by name are granted to the admin role too (same expression).
 * - Policies admitting the platform admin only (`*_admin_write`) now apply to the admin role only:
 *   an app connection that sets `app.role` to 'platform-admin' by itself writes no tenant and no
 *   reference data, and reads no school's personal data.
 * - The tenant tree's and the snapshots' read policies compare their columns with values computed
 *   once per statement (`scope_curator_tenant_id()`, `scope_reader_path()`), not the role per row.
 *
 * History: since 1795301100000 each lib declares its tables' policies by kind in its own
 * migrations (`database/row-policies.ts`, docs/adr/0002); `curator-own` is the pair written here.
 */
export class PlatformAdminRole1795300920000 implements MigrationInterface {
  name = 'PlatformAdminRole1795300920000';

  async up(q: QueryRunner): Promise<void> {
    const [role] = await q.query(`select 1 from pg_roles where rolname = $1`, [ADMIN]);
    if (!role) throw new Error(`role ${ADMIN} is missing: run infra/postgres/01-roles.sql as a superuser (npm run setup does)`);
    for (const [name, body] of Object.entries(FUNCTIONS)) await q.query(`create or replace function app.${name}() ${body}`);
    await this.copyPrivileges(q);

    for (const p of await policies(q)) {
      const ranged = [p.qual, p.check].some((e) => e !== null && new RegExp(RANGE.source).test(e));
      if (ranged) {
        const parts = [p.qual !== null ? `using (${p.qual.replace(RANGE, `(${CURATOR_OWN_ROWS})`)})` : '', p.check !== null ? `with check (${p.check.replace(RANGE, `(${CURATOR_OWN_ROWS})`)})` : ''];
        await q.query(`alter policy "${p.policy}" on "${p.table}" ${parts.join(' ')}`);
        const admin = [p.qual !== null ? `using (${p.qual.replace(RANGE, `(${PLATFORM_ADMIN_SCOPE})`)})` : '', p.check !== null ? `with check (${p.check.replace(RANGE, `(${PLATFORM_ADMIN_SCOPE})`)})` : ''];
        await q.query(`create policy "${adminPolicyName(p.policy)}" on "${p.table}" for ${requiredValue(COMMANDS, p.cmd)} to ${ADMIN} ${admin.join(' ')}`);
      } else if (p.roles.includes(APP)) {
        await q.query(`alter policy "${p.policy}" on "${p.table}" to ${[...p.roles, ADMIN].join(', ')}`);
      } else if (p.roles.length === 1 && p.roles[0] === '-' && p.qual === ADMIN_ONLY && (p.check === null || p.check === ADMIN_ONLY)) {
        await q.query(`alter policy "${p.policy}" on "${p.table}" to ${ADMIN}`);
      }
    }
    for (const a of AGGREGATE_POLICIES) await q.query(`alter policy ${a.policy} on ${a.table} using (${a.after})`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const a of AGGREGATE_POLICIES) await q.query(`alter policy ${a.policy} on ${a.table} using (${a.before})`);
    for (const p of await policies(q)) {
      if (p.roles.length === 1 && p.roles[0] === ADMIN && p.policy.endsWith(ADMIN_SUFFIX)) {
        await q.query(`drop policy "${p.policy}" on "${p.table}"`);
        continue;
      } else if (p.roles.length === 1 && p.roles[0] === ADMIN) {
        await q.query(`alter policy "${p.policy}" on "${p.table}" to public`);
      } else if (p.roles.includes(ADMIN)) {
        await q.query(`alter policy "${p.policy}" on "${p.table}" to ${p.roles.filter((r) => r !== ADMIN).join(', ')}`);
      }
      const back = (e: string) => e.replace(CURATOR_OWN_PRINTED, RANGE_TEXT);
      const parts = [p.qual !== null && back(p.qual) !== p.qual ? `using (${back(p.qual)})` : '', p.check !== null && back(p.check) !== p.check ? `with check (${back(p.check)})` : ''];
      if (parts.some(Boolean)) await q.query(`alter policy "${p.policy}" on "${p.table}" ${parts.join(' ')}`);
    }
    await this.revokeAll(q);
    for (const name of Object.keys(FUNCTIONS)) await q.query(`drop function app.${name}()`);
  }

  /** Grants the admin role every privilege the app role holds on the schema's relations, schemas and functions (those the migrating role owns). */
  private async copyPrivileges(q: QueryRunner): Promise<void> {
    const relations: { name: string; privilege: string }[] = await q.query(
      `select format('%I.%I', n.nspname, c.relname) as name, a.privilege_type as privilege
         from pg_class c join pg_namespace n on n.oid = c.relnamespace, aclexplode(c.relacl) a
        where a.grantee = $1::regrole and c.relowner = current_user::regrole`,
      [APP],
    );
    for (const r of relations) await q.query(`grant ${r.privilege} on ${r.name} to ${ADMIN}`);
    const schemas: { name: string; privilege: string }[] = await q.query(
      `select quote_ident(n.nspname) as name, a.privilege_type as privilege from pg_namespace n, aclexplode(n.nspacl) a where a.grantee = $1::regrole and n.nspowner = current_user::regrole`,
      [APP],
    );
    for (const s of schemas) await q.query(`grant ${s.privilege} on schema ${s.name} to ${ADMIN}`);
    const functions: { name: string }[] = await q.query(
      `select p.oid::regprocedure::text as name from pg_proc p, aclexplode(p.proacl) a where a.grantee = $1::regrole and a.privilege_type = 'EXECUTE' and p.proowner = current_user::regrole`,
      [APP],
    );
    for (const f of functions) await q.query(`grant execute on function ${f.name} to ${ADMIN}`);
  }

  private async revokeAll(q: QueryRunner): Promise<void> {
    const granted: { sql: string }[] = await q.query(
      `select format('revoke all on %I.%I from %I', n.nspname, c.relname, $1::text) as sql
         from pg_class c join pg_namespace n on n.oid = c.relnamespace where exists (select 1 from aclexplode(c.relacl) a where a.grantee = $1::regrole)
       union all select format('revoke all on schema %I from %I', n.nspname, $1::text) from pg_namespace n where exists (select 1 from aclexplode(n.nspacl) a where a.grantee = $1::regrole)
       union all select format('revoke all on function %s from %I', p.oid::regprocedure, $1::text) from pg_proc p where exists (select 1 from aclexplode(p.proacl) a where a.grantee = $1::regrole)`,
      [ADMIN],
    );
    for (const g of granted) await q.query(g.sql);
  }
}

/** The admin's policy beside a curator's, within Postgres' 63-character names. */
function adminPolicyName(policy: string): string {
  return policy.replace(/_curator_or_admin$/, '').slice(0, 63 - ADMIN_SUFFIX.length) + ADMIN_SUFFIX;
}

async function policies(q: QueryRunner): Promise<PolicyRow[]> {
  const rows: (Omit<PolicyRow, 'roles'> & { roles: string })[] = await q.query(`
    select c.relname as table, p.polname as policy, p.polcmd as cmd,
           array_to_string(array(select case when r = 0 then '-' else r::regrole::text end from unnest(p.polroles) r), ',') as roles,
           pg_get_expr(p.polqual, p.polrelid) as qual, pg_get_expr(p.polwithcheck, p.polrelid) as check
      from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' order by c.relname, p.polname`);
  return rows.map((r) => ({ ...r, roles: r.roles.split(',') }));
}
