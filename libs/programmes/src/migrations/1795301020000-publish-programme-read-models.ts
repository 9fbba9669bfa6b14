import type { MigrationInterface, QueryRunner } from 'typeorm';

const ENGINE_ROLE = 'nastavnik_indicators';
const STATUSES = `('active', 'completed', 'ended_early')`;

/** `ind_membership_facts` as monitoring's migration 1795300380000 left it (joins on the primary keys). */
const MEMBERSHIP_FACTS = `
  select p.tenant_id, p.mentor_id as participant_id, 'mentor'::text as role, pr.academic_year as period
    from mentoring_pairs p join programmes pr on pr.id = p.programme_id
   where p.status in ${STATUSES}
  union all
  select m.tenant_id, m.mentee_id, 'mentee'::text, pr.academic_year
    from pair_mentees m
    join mentoring_pairs p on p.id = m.pair_id
    join programmes pr on pr.id = p.programme_id
   where p.status in ${STATUSES}`;

/** `ind_meeting_facts` as monitoring's migration 1795300360000 created it. */
const MEETING_FACTS = `
  select m.tenant_id, m.id as meeting_id, t.code as meeting_type, d.code as direction, pr.academic_year as period
    from meetings m
    join meeting_types t on t.id = m.meeting_type_id
    left join mentoring_directions d on d.id = m.direction_id
    join programmes pr on pr.tenant_id = m.tenant_id and pr.id = m.programme_id`;

/**
 * The programmes lib's read models (docs/adr/0004, `read-models.ts`). For the reports:
 * programmes' titles, the roadmaps and their items, the directions' titles — `security_invoker`,
 * so the reader's own policies on the tables decide what exists for them, exactly as when the
 * reports read the tables. For the indicator engine: the facts `ind_membership_facts` and
 * `ind_meeting_facts` (docs/adr/0006), redeclared here under their names and with the same
 * definitions, because their definition belongs to the lib whose columns they read; not
 * `security_invoker` (the engine's role has no other way in), granted to that role alone.
 */
export class PublishProgrammeReadModels1795301020000 implements MigrationInterface {
  name = 'PublishProgrammeReadModels1795301020000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create view programme_titles with (security_invoker = true) as
        select tenant_id, id, title, academic_year from programmes`);
    await q.query(`
      create view roadmap_summaries with (security_invoker = true) as
        select tenant_id, id, title, academic_year, created_at from roadmaps`);
    await q.query(`
      create view roadmap_item_lines with (security_invoker = true) as
        select tenant_id, roadmap_id, position, number, activity, schedule_text, planned_end, responsible, status, execution_result
          from roadmap_items`);
    await q.query(`
      create view mentoring_direction_titles with (security_invoker = true) as
        select id, code, title, short_title, sort_order from mentoring_directions`);
    for (const view of ['programme_titles', 'roadmap_summaries', 'roadmap_item_lines', 'mentoring_direction_titles']) {
      await q.query(`revoke all on ${view} from public`);
      await q.query(`grant select on ${view} to nastavnik_app, nastavnik_platform_admin`);
    }
    // The view names stay literal: tools/lint/lib-tables.spec.ts reads who creates what from these statements.
    await q.query(`create or replace view ind_membership_facts as ${MEMBERSHIP_FACTS}`);
    await q.query(`create or replace view ind_meeting_facts as ${MEETING_FACTS}`);
    for (const view of ['ind_membership_facts', 'ind_meeting_facts']) {
      await q.query(`revoke all on ${view} from public`);
      await q.query(`grant select on ${view} to ${ENGINE_ROLE}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    // The facts keep their definitions (and grants): the monitoring migrations that created them drop them.
    await q.query(`create or replace view ind_meeting_facts as ${MEETING_FACTS}`);
    await q.query(`create or replace view ind_membership_facts as ${MEMBERSHIP_FACTS}`);
    for (const view of ['mentoring_direction_titles', 'roadmap_item_lines', 'roadmap_summaries', 'programme_titles']) await q.query(`drop view ${view}`);
  }
}
