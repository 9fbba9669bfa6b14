import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The effectiveness scorecards (E1–E9) as an indicator fact: one row per programme and school
 * year with its level, so a region sees the distribution of levels without reading a scorecard.
 */
export class CreateScorecardFacts1795300370000 implements MigrationInterface {
  name = 'CreateScorecardFacts1795300370000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create view ind_scorecard_facts as
        select tenant_id, id as scorecard_id, academic_year as period, level, total from programme_scorecards`);
    await q.query(`revoke all on ind_scorecard_facts from public`);
    await q.query(`grant select on ind_scorecard_facts to nastavnik_indicators`);
    for (const [op, event, table] of [['ins', 'insert', 'new'], ['upd', 'update', 'new'], ['del', 'delete', 'old']]) {
      await q.query(`create trigger programme_scorecards_indicators_${op} after ${event} on programme_scorecards
        referencing ${table} table as ${table}_rows for each statement execute function app.request_indicator_recompute('academic_year')`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const op of ['ins', 'upd', 'del']) await q.query(`drop trigger programme_scorecards_indicators_${op} on programme_scorecards`);
    await q.query(`drop view ind_scorecard_facts`);
  }
}
