import type { MigrationInterface, QueryRunner } from 'typeorm';

const VIEWS = ['indicator_snapshot_values', 'indicator_target_values', 'programme_scorecard_results'];

/**
 * The monitoring lib's read models for the reports (docs/adr/0004, `read-models.ts`): the
 * indicator snapshots and targets, and the effectiveness scorecards' results. `security_invoker`,
 * so the reader's own policies on the tables decide what exists for them (snapshots across an
 * analyst's subtree, scorecards for the school's curator only), exactly as on the tables.
 */
export class PublishMonitoringReadModels1795301030000 implements MigrationInterface {
  name = 'PublishMonitoringReadModels1795301030000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create view indicator_snapshot_values with (security_invoker = true) as
        select tenant_id, tenant_path, period, indicator_code, numerator, denominator, computed_at from indicator_snapshots`);
    await q.query(`
      create view indicator_target_values with (security_invoker = true) as
        select tenant_id, tenant_path, period, indicator_code, target from indicator_targets`);
    await q.query(`
      create view programme_scorecard_results with (security_invoker = true) as
        select tenant_id, programme_id, academic_year, total, level, rated_on from programme_scorecards`);
    for (const view of VIEWS) {
      await q.query(`revoke all on ${view} from public`);
      await q.query(`grant select on ${view} to nastavnik_app, nastavnik_platform_admin`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const view of [...VIEWS].reverse()) await q.query(`drop view ${view}`);
  }
}
