import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The region's view of outcomes (issue 13, item 5; docs/adr/0035): per school, school year, role and
 * question asked before and after, the persons with both answers (pairs), the sums of their «до» and
 * «после» ratings and the persons with one phase only — aggregates, no person. Paired as the
 * curator's `schoolOutcomes` pairs them: per programme, the earliest «до» and the latest «после»
 * answer (questionnaires without a programme by their own school year; a programme's year is the
 * earliest of its responses'). The question is a hash of
 * its role, kind and text (`outcomeQuestionSql`), the same for a default and a school's copy.
 *
 * An indicator fact (ADR 0006): owned by the migration role, deliberately not security_invoker,
 * granted to the engine's role alone; the engine stores it as `OUT.*` snapshots the region reads.
 */
export class CreateOutcomeFacts1795302200000 implements MigrationInterface {
  name = 'CreateOutcomeFacts1795302200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create view ind_outcome_facts as
        with answered as (
          -- A programme's school year is the earliest of its responses' (the fact reads no other lib's
          -- table: programme_titles is security_invoker, and this view's reader is the engine's role).
          select r.id, r.tenant_id, r.programme_id, r.respondent_role as role, r.participant_id, r.phase, r.submitted_at, a.value_number as value,
                 q.kind || ':' || lower(regexp_replace(btrim(q.text), '\\s+', ' ', 'g')) as qkey,
                 case when r.programme_id is null then r.academic_year
                      else min(r.academic_year) over (partition by r.tenant_id, r.programme_id) end as period
            from questionnaire_responses r
            join questionnaire_answers a on a.tenant_id = r.tenant_id and a.response_id = r.id
            join questionnaire_questions q on q.id = a.question_id
           where q.kind = 'rating' and a.value_number >= 0 and r.participant_id is not null
             and r.respondent_role in ('mentor', 'mentee') and r.phase in ('pre', 'post')),
        chosen as (
          select distinct on (tenant_id, period, programme_id, role, qkey, participant_id, phase)
                 tenant_id, period, programme_id, role, qkey, participant_id, phase, value
            from answered
           order by tenant_id, period, programme_id, role, qkey, participant_id, phase,
                    case when phase = 'pre' then submitted_at end asc, submitted_at desc, id),
        persons as (
          select tenant_id, period, programme_id, role, qkey, participant_id,
                 max(value) filter (where phase = 'pre') as before, max(value) filter (where phase = 'post') as after
            from chosen group by tenant_id, period, programme_id, role, qkey, participant_id)
        select tenant_id, period, role, upper(substr(md5(role || '|' || qkey), 1, 12)) as question,
               count(*) filter (where before is not null and after is not null) as pairs,
               coalesce(sum(before) filter (where after is not null), 0) as sum_before,
               coalesce(sum(after) filter (where before is not null), 0) as sum_after,
               count(*) filter (where after is null) as only_before,
               count(*) filter (where before is null) as only_after
          from persons
         group by tenant_id, period, role, qkey`);
    await q.query(`revoke all on ind_outcome_facts from public`);
    await q.query(`grant select on ind_outcome_facts to nastavnik_indicators`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop view ind_outcome_facts`);
  }
}
