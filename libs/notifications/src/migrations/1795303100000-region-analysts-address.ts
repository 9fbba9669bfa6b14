import type { MigrationInterface, QueryRunner } from 'typeorm';
import { declareRowPolicies, rowPolicies } from '@nastavnik/platform/database/row-policies';

const REGION_ANALYST = `(select app.scope_role()) = 'region-analyst' and tenant_id = (select app.scope_tenant_id()) and tenant_path = (select app.scope_path())
          and tenant_id in (select t.id from tenant_tree t where t.kind = 'region')`;

/**
 * The region analysts' address moves out of `notification_settings` into a table of its own,
 * `region_notification_addresses`, readable by the region's analysts only. On the settings' row of
 * a region it was beside the defaults of the region's schools, and every curator of the region
 * reads that row for its defaults (`notification_settings_read_defaults`): a school's curator
 * could read the analysts' address in SQL, though the API never showed it. Now:
 * - `region_notification_addresses_region_analyst`: a `region-analyst` bound to a region reads and
 *   writes that region's row only (the late-report reminder reads it under the same scope);
 * - nobody else reads or writes a row; a curator's read of the defaults holds no address.
 * A school's row, one per region, `tenant_id` first in the key (docs/scale.md).
 */
export class RegionAnalystsAddress1795303100000 implements MigrationInterface {
  name = 'RegionAnalystsAddress1795303100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table region_notification_addresses (
        tenant_id uuid not null references tenants(id) on delete restrict,
        tenant_path ltree not null,
        analyst_email text not null check (analyst_email ~ '^[^@\\s]+@[^@\\s]+$' and length(analyst_email) <= 200),
        updated_at timestamptz not null default now(),
        constraint region_notification_addresses_pkey primary key (tenant_id)
      )`);
    await q.query(`grant select, insert, update, delete on region_notification_addresses to nastavnik_app, nastavnik_platform_admin`);
    await declareRowPolicies(
      q,
      rowPolicies('region_notification_addresses', {
        kind: 'custom',
        name: 'region_analyst',
        why: "a region's analyst reads and writes the region's own address for staff messages, no other region's",
        for: 'all',
        using: REGION_ANALYST,
        check: REGION_ANALYST,
      }),
    );
    await q.query(
      `insert into region_notification_addresses (tenant_id, tenant_path, analyst_email, updated_at)
       select tenant_id, tenant_path, analyst_email, updated_at from notification_settings where analyst_email is not null`,
    );
    await q.query(`alter table notification_settings drop column analyst_email`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table notification_settings add column analyst_email text check (analyst_email ~ '^[^@\\s]+@[^@\\s]+$' and length(analyst_email) <= 200)`);
    await q.query(
      `insert into notification_settings (tenant_id, tenant_path, analyst_email)
       select tenant_id, tenant_path, analyst_email from region_notification_addresses
       on conflict (tenant_id) do update set analyst_email = excluded.analyst_email`,
    );
    await q.query(`drop table region_notification_addresses`);
  }
}
