import type { MigrationInterface, QueryRunner } from 'typeorm';

const APP_ROLE = 'nastavnik_app';

/**
 * The tenant tree under forced row-level security. Visibility: a platform admin sees all; a
 * region analyst or a ministry official their subtree (`path <@ scope`), or all for the federal
 * level; a curator their own organisation. Only a platform admin writes.
 */
export class CreateTenants1795300001000 implements MigrationInterface {
  name = 'CreateTenants1795300001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table tenants (
        id uuid primary key default gen_random_uuid(),
        parent_id uuid references tenants(id) on delete restrict,
        kind text not null check (kind in ('region', 'municipality', 'organisation')),
        code text not null check (code ~ '^[a-z0-9][a-z0-9_-]{1,39}$'),
        path ltree not null,
        full_name text not null check (length(btrim(full_name)) between 2 and 500),
        short_name text not null check (length(btrim(short_name)) between 2 and 200),
        org_type text check (org_type in ('school', 'gymnasium', 'lyceum', 'boarding_school', 'college', 'additional_education', 'other')),
        address text check (length(address) <= 500),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint tenants_region_is_root check ((kind = 'region') = (parent_id is null)),
        constraint tenants_org_type_only_for_organisations check (kind = 'organisation' or org_type is null)
      )`);
    await q.query(`create unique index tenants_code_key on tenants (code)`);
    await q.query(`create unique index tenants_path_key on tenants (path)`);
    await q.query(`create index tenants_path_gist on tenants using gist (path)`);
    await q.query(`create index tenants_parent_id_idx on tenants (parent_id)`);
    await q.query(`alter table tenants enable row level security`);
    await q.query(`alter table tenants force row level security`);
    await q.query(`
      create policy tenants_read on tenants for select using (
        app.scope_all()
        or (app.scope_role() = 'curator' and id = app.scope_tenant_id())
        or (app.scope_role() in ('region-analyst', 'ministry-official') and path <@ app.scope_path())
      )`);
    await q.query(`
      create policy tenants_admin_write on tenants for all
        using (app.scope_role() = 'platform-admin')
        with check (app.scope_role() = 'platform-admin')`);
    // Resolving the token's tenant_code happens before any scope exists, so it runs as the owner
    // (BYPASSRLS) through this one narrow function: structural fields only, no personal data.
    await q.query(`
      create function app.tenant_by_code(p_code text)
        returns table (id uuid, kind text, path ltree)
        language sql stable security definer set search_path = pg_catalog, public
        as $$ select t.id, t.kind, t.path from public.tenants t where t.code = p_code $$`);
    await q.query(`revoke all on function app.tenant_by_code(text) from public`);
    await q.query(`grant execute on function app.tenant_by_code(text) to ${APP_ROLE}`);
    await q.query(`grant select, insert, update, delete on tenants to ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop function app.tenant_by_code(text)`);
    await q.query(`drop table tenants`);
  }
}
