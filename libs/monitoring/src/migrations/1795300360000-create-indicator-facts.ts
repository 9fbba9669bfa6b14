import type { MigrationInterface, QueryRunner } from 'typeorm';

const ENGINE_ROLE = 'nastavnik_indicators';

/** Tables whose edits change indicators, and where each edit's school year comes from. */
const WATCHED: { table: string; period: string }[] = [
  { table: 'participants', period: 'current' },
  { table: 'participant_base_entries', period: 'current' },
  { table: 'mentoring_pairs', period: 'current' },
  { table: 'pair_mentees', period: 'current' },
  { table: 'questionnaire_responses', period: 'academic_year' },
  { table: 'meetings', period: 'current' },
];

/**
 * The indicator facts (docs/adr/0006): column-minimal views over the records of participants,
 * programmes and questionnaires — the only place that reads those libs' tables for the engine —
 * granted to the engine role alone; and the triggers that record a recompute request, in the
 * same transaction as any edit of those records.
 */
export class CreateIndicatorFacts1795300360000 implements MigrationInterface {
  name = 'CreateIndicatorFacts1795300360000';

  async up(q: QueryRunner): Promise<void> {
    // Deliberately not security_invoker: the owner reads every school; only the engine may select.
    await q.query(`create view ind_person_facts as select tenant_id, id as participant_id, kind, birth_date from participants`);
    await q.query(`
      create view ind_membership_facts as
        select p.tenant_id, p.mentor_id as participant_id, 'mentor'::text as role, pr.academic_year as period
          from mentoring_pairs p join programmes pr on pr.tenant_id = p.tenant_id and pr.id = p.programme_id
         where p.status in ('active', 'completed', 'ended_early')
        union all
        select m.tenant_id, m.mentee_id, 'mentee'::text, pr.academic_year
          from pair_mentees m
          join mentoring_pairs p on p.tenant_id = m.tenant_id and p.id = m.pair_id
          join programmes pr on pr.tenant_id = p.tenant_id and pr.id = p.programme_id
         where p.status in ('active', 'completed', 'ended_early')`);
    await q.query(`
      create view ind_base_facts as
        select tenant_id, participant_id, base,
               (surveyed_on is not null or status in ('surveyed', 'selected', 'trained', 'in_pair', 'finished')) as surveyed,
               (trained_on is not null or status = 'trained' or (base = 'mentor' and status in ('in_pair', 'finished') and trained_on is not null)) as trained,
               included_on, coalesce(withdrawn_on, finished_on) as left_on
          from participant_base_entries`);
    await q.query(`
      create view ind_satisfaction_facts as
        select distinct on (r.tenant_id, r.participant_id, r.respondent_role, r.academic_year)
               r.tenant_id, r.participant_id, r.respondent_role as role, r.academic_year as period, r.satisfied
          from questionnaire_responses r
         where r.satisfied is not null and r.participant_id is not null and r.respondent_role in ('mentor', 'mentee')
         order by r.tenant_id, r.participant_id, r.respondent_role, r.academic_year, r.submitted_at desc`);
    await q.query(`
      create view ind_meeting_facts as
        select m.tenant_id, m.id as meeting_id, t.code as meeting_type, d.code as direction, pr.academic_year as period
          from meetings m
          join meeting_types t on t.id = m.meeting_type_id
          left join mentoring_directions d on d.id = m.direction_id
          join programmes pr on pr.tenant_id = m.tenant_id and pr.id = m.programme_id`);
    for (const view of ['ind_person_facts', 'ind_membership_facts', 'ind_base_facts', 'ind_satisfaction_facts', 'ind_meeting_facts']) {
      await q.query(`revoke all on ${view} from public`);
      await q.query(`grant select on ${view} to ${ENGINE_ROLE}`);
    }

    await q.query(`
      create function app.school_year(d date) returns text language sql immutable parallel safe as $$
        select case when extract(month from d) >= 9 then extract(year from d)::int || '/' || (extract(year from d)::int + 1)
                    else (extract(year from d)::int - 1) || '/' || extract(year from d)::int end $$`);
    await q.query(`
      create function app.request_indicator_recompute() returns trigger language plpgsql as $$
      declare
        period_expr text := case when TG_ARGV[0] = 'current' then 'app.school_year(current_date)' else quote_ident(TG_ARGV[0]) end;
        source text := case when TG_OP = 'DELETE' then 'old_rows' else 'new_rows' end;
      begin
        -- Plain "on conflict do nothing": with a conflict target Postgres also applies the SELECT
        -- policy, which a link respondent must not have. The partial unique index still makes a
        -- burst of edits one pending request.
        execute format(
          'insert into indicator_recompute_requests (tenant_id, period, reason)
           select distinct tenant_id, %s, ''edit'' from %s
           on conflict do nothing', period_expr, source);
        return null;
      end $$`);
    for (const { table, period } of WATCHED) {
      await q.query(`create trigger ${table}_indicators_ins after insert on ${table} referencing new table as new_rows for each statement execute function app.request_indicator_recompute('${period}')`);
      await q.query(`create trigger ${table}_indicators_upd after update on ${table} referencing new table as new_rows for each statement execute function app.request_indicator_recompute('${period}')`);
      await q.query(`create trigger ${table}_indicators_del after delete on ${table} referencing old table as old_rows for each statement execute function app.request_indicator_recompute('${period}')`);
    }
    // A questionnaire answered through a one-time link (role 'respondent') records its request too.
    await q.query(`drop policy indicator_recompute_requests_request on indicator_recompute_requests`);
    await q.query(`
      create policy indicator_recompute_requests_request on indicator_recompute_requests for insert to nastavnik_app with check (
        (app.scope_role() = 'curator' and tenant_id = app.scope_tenant_id()) or app.scope_role() in ('platform-admin', 'respondent'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop policy indicator_recompute_requests_request on indicator_recompute_requests`);
    await q.query(`
      create policy indicator_recompute_requests_request on indicator_recompute_requests for insert to nastavnik_app with check (
        (app.scope_role() = 'curator' and tenant_id = app.scope_tenant_id()) or app.scope_role() = 'platform-admin')`);
    for (const { table } of WATCHED) {
      for (const op of ['ins', 'upd', 'del']) await q.query(`drop trigger ${table}_indicators_${op} on ${table}`);
    }
    await q.query(`drop function app.request_indicator_recompute()`);
    await q.query(`drop function app.school_year(date)`);
    for (const view of ['ind_meeting_facts', 'ind_satisfaction_facts', 'ind_base_facts', 'ind_membership_facts', 'ind_person_facts']) await q.query(`drop view ${view}`);
  }
}
