import type { MigrationInterface, QueryRunner } from 'typeorm';

const ENGINE_ROLE = 'nastavnik_indicators';

/** The indicator facts over this lib's tables, as monitoring's migration 1795300360000 created them. */
const PERSON_FACTS = `select tenant_id, id as participant_id, kind, birth_date from participants`;
const BASE_FACTS = `
    select tenant_id, participant_id, base,
           (surveyed_on is not null or status in ('surveyed', 'selected', 'trained', 'in_pair', 'finished')) as surveyed,
           (trained_on is not null or status = 'trained' or (base = 'mentor' and status in ('in_pair', 'finished') and trained_on is not null)) as trained,
           included_on, coalesce(withdrawn_on, finished_on) as left_on
      from participant_base_entries`;

/**
 * The participants lib's read models (docs/adr/0004, `read-models.ts`):
 * - `participant_eligibility`: who may be used for which purpose today — a consent in force that
 *   lists the purpose, signed by a legal representative where the person is a minor (under 18, or
 *   a student of unknown birth date). One row per consent and purpose, so ask with `exists`.
 *   `security_invoker`: a curator sees their own school's rows, as on the tables. The lib's own
 *   `ELIGIBLE_SQL` reads it too, so the rule is written once.
 * - the indicator facts `ind_person_facts` and `ind_base_facts` (docs/adr/0006) are redeclared
 *   here under their names and with the same definitions: their definition now belongs to the
 *   lib whose columns they read. Not `security_invoker` (the engine's role has no other way in)
 *   and granted to that role alone, as before.
 */
export class PublishParticipantReadModels1795301010000 implements MigrationInterface {
  name = 'PublishParticipantReadModels1795301010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create view participant_eligibility with (security_invoker = true) as
        select c.tenant_id, c.participant_id, u.purpose
          from consents c
          join participants p on p.tenant_id = c.tenant_id and p.id = c.participant_id
          cross join lateral unnest(c.purposes) as u(purpose)
         where c.revoked_on is null and c.signed_on <= current_date and (c.valid_until is null or c.valid_until >= current_date)
           and (c.signed_by = 'legal_representative'
                or not ((p.birth_date is not null and p.birth_date > current_date - interval '18 years') or (p.birth_date is null and p.kind = 'student')))`);
    await q.query(`revoke all on participant_eligibility from public`);
    await q.query(`grant select on participant_eligibility to nastavnik_app, nastavnik_platform_admin`);
    // The view names stay literal: tools/lint/lib-tables.spec.ts reads who creates what from these statements.
    await q.query(`create or replace view ind_person_facts as ${PERSON_FACTS}`);
    await q.query(`create or replace view ind_base_facts as ${BASE_FACTS}`);
    for (const view of ['ind_person_facts', 'ind_base_facts']) {
      await q.query(`revoke all on ${view} from public`);
      await q.query(`grant select on ${view} to ${ENGINE_ROLE}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    // The facts keep their definitions (and grants): the monitoring migration that created them drops them.
    await q.query(`create or replace view ind_base_facts as ${BASE_FACTS}`);
    await q.query(`create or replace view ind_person_facts as ${PERSON_FACTS}`);
    await q.query(`drop view participant_eligibility`);
  }
}
