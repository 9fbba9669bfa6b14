import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tenants lib's read model (docs/adr/0004, `read-models.ts`): the columns of the tree that the
 * indicator engine, the indicator queries and the reports read. `security_invoker`, so the
 * reader's own policies on `tenants` decide which rows exist for them, as before; the app role's
 * grant is the platform admin's too (docs/adr/0010), the engine reads the tree by its policy.
 */
export class PublishTenantTree1795301000000 implements MigrationInterface {
  name = 'PublishTenantTree1795301000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create view tenant_tree with (security_invoker = true) as
        select id, parent_id, kind, code, path, full_name, short_name from tenants`);
    await q.query(`revoke all on tenant_tree from public`);
    await q.query(`grant select on tenant_tree to nastavnik_app, nastavnik_platform_admin, nastavnik_indicators`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop view tenant_tree`);
  }
}
