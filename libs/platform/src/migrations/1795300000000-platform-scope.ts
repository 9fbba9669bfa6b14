import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DB_ROLES } from '../database/db-roles';

/**
 * The scope functions every row-level policy reads. Each wraps `current_setting(…, true)` in
 * `nullif(…, '')`: a setting not yet set in the session reads NULL, one set earlier in the
 * session reads '' — both mean "no scope", so a policy built on them yields no rows.
 */
export class PlatformScope1795300000000 implements MigrationInterface {
  name = 'PlatformScope1795300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create extension if not exists ltree with schema public`);
    await q.query(`create schema app`);
    await q.query(`revoke all on schema app from public`);
    await q.query(`create function app.scope_role() returns text language sql stable parallel safe
      as $$ select nullif(current_setting('app.role', true), '') $$`);
    await q.query(`create function app.scope_tenant_id() returns uuid language sql stable parallel safe
      as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$`);
    await q.query(`create function app.scope_path() returns public.ltree language sql stable parallel safe
      as $$ select nullif(current_setting('app.tenant_path', true), '')::public.ltree $$`);
    await q.query(`create function app.scope_all() returns boolean language sql stable parallel safe
      as $$ select coalesce(nullif(current_setting('app.all_tenants', true), '') = 'on', false) $$`);
    await q.query(`grant usage on schema app to ${DB_ROLES.app}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop schema app cascade`);
  }
}
