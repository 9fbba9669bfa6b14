import type { MigrationInterface, QueryRunner } from 'typeorm';
import { declareRowPolicies, ROW_SCOPE, rowPolicies, type RowPolicy } from '@nastavnik/platform/database/row-policies';

const TABLES = ['roadmaps', 'roadmap_items'] as const;

/**
 * A region analyst reads (never writes) the roadmaps of their region's schools: seed 004 (item 34)
 * has the school report its roadmap's execution to the regional mentoring centre. Only the
 * analyst: a ministry official has a reader path too and is refused by the role. The schools are
 * those of the analyst's subtree in `tenant_tree` (the tenants lib's read model, itself under the
 * reader's policy); the roadmap tables are small, so the hierarchical scope costs little here.
 */
const REGION_READ: RowPolicy = {
  kind: 'custom',
  name: 'region_read',
  why: "a region analyst reads the roadmaps of the schools under their region's path",
  for: 'select',
  to: ['app'],
  using: `(select app.scope_role()) = 'region-analyst'
    and tenant_id in (select t.id from tenant_tree t where t.kind = 'organisation' and t.path <@ ${ROW_SCOPE.readerPath})`,
};

/**
 * Roadmap execution by stage, per school and school year (issue 13's school card): counts of
 * items done, in progress, planned, not done and overdue (due before today and neither done nor
 * marked not done), with the latest change — no names, no texts. `security_invoker`: the
 * reader's policies on the tables decide which schools exist for them.
 */
const EXECUTION_VIEW = `
  create view roadmap_stage_execution with (security_invoker = true) as
    select i.tenant_id, r.academic_year, s.code as stage_code, s.title as stage_title, coalesce(s.sort_order, 100000) as stage_order,
           count(*)::int as total,
           (count(*) filter (where i.status = 'done'))::int as done,
           (count(*) filter (where i.status = 'in_progress'))::int as in_progress,
           (count(*) filter (where i.status = 'planned'))::int as planned,
           (count(*) filter (where i.status = 'not_done'))::int as not_done,
           (count(*) filter (where i.status in ('planned', 'in_progress') and i.planned_end < current_date))::int as overdue,
           max(greatest(i.updated_at, r.updated_at)) as last_changed_at
      from roadmap_items i
      join roadmaps r on r.tenant_id = i.tenant_id and r.id = i.roadmap_id
      left join programme_stages s on s.id = i.stage_id
     group by i.tenant_id, r.academic_year, s.code, s.title, s.sort_order`;

export class RegionReadsRoadmaps1795302010000 implements MigrationInterface {
  name = 'RegionReadsRoadmaps1795302010000';

  async up(q: QueryRunner): Promise<void> {
    await declareRowPolicies(q, ...TABLES.map((table) => rowPolicies(table, { kind: 'curator-own' }, REGION_READ)));
    await q.query(EXECUTION_VIEW);
    await q.query(`revoke all on roadmap_stage_execution from public`);
    await q.query(`grant select on roadmap_stage_execution to nastavnik_app, nastavnik_platform_admin`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop view roadmap_stage_execution`);
    await declareRowPolicies(q, ...TABLES.map((table) => rowPolicies(table, { kind: 'curator-own' })));
  }
}
