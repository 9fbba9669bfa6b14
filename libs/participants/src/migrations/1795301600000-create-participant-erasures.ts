import type { MigrationInterface, QueryRunner } from 'typeorm';
import { declareRowPolicies, rowPolicies } from '@nastavnik/platform/database/row-policies';

const ENGINE_ROLE = 'nastavnik_indicators';

/** The person fact as published by 1795301010000 (kept literal: a migration never changes with the code). */
const PERSON_FACTS_BEFORE = `select tenant_id, id as participant_id, kind, birth_date from participants`;
/**
 * After erasure a person has no birth date but keeps `age_cohort`: the year whose 1 September they
 * turned (or turn) 0 on a 1 September — so 1 September of that year gives every school year's age
 * on its reference date exactly as the birth date did (docs/adr/0025), and the engine is unchanged.
 */
const PERSON_FACTS_AFTER = `select tenant_id, id as participant_id, kind, coalesce(birth_date, make_date(age_cohort, 9, 1)) as birth_date from participants`;

/**
 * Erasure by de-identification (issue 14, docs/adr/0025): one row per request to de-identify a
 * person — on withdrawal of the processing consent or on a curator's request — scheduled after an
 * undo window (`run_after`) and before a deadline (`due_by`); cancelled by the curator inside the
 * window, or done by the job. A school's table like the others: `(tenant_id, id)` key, composite
 * foreign key to the person, forced RLS curator-own. At most one open (scheduled or done) erasure
 * per person. The person keeps `erased_at` and the non-identifying `age_cohort`.
 */
export class CreateParticipantErasures1795301600000 implements MigrationInterface {
  name = 'CreateParticipantErasures1795301600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table participants
        add column erased_at timestamptz,
        add column age_cohort smallint check (age_cohort between 1900 and 2200),
        add constraint participants_erased_without_birth_date check (erased_at is null or birth_date is null)`);
    await q.query(`
      create table participant_erasures (
        tenant_id uuid not null references tenants(id) on delete restrict,
        id uuid not null default gen_random_uuid(),
        participant_id uuid not null,
        reason text not null check (reason in ('consent_withdrawn', 'curator_request')),
        status text not null default 'scheduled' check (status in ('scheduled', 'cancelled', 'done')),
        requested_at timestamptz not null default now(),
        requested_by text not null check (length(requested_by) between 1 and 200),
        run_after timestamptz not null,
        due_by timestamptz not null,
        cancelled_at timestamptz,
        cancelled_by text check (length(cancelled_by) between 1 and 200),
        done_at timestamptz,
        constraint participant_erasures_pkey primary key (tenant_id, id),
        constraint participant_erasures_participant_fk foreign key (tenant_id, participant_id) references participants(tenant_id, id) on delete cascade,
        constraint participant_erasures_window check (run_after >= requested_at and due_by >= run_after and due_by <= requested_at + interval '30 days'),
        constraint participant_erasures_cancelled check ((status = 'cancelled') = (cancelled_at is not null) and (cancelled_at is null) = (cancelled_by is null)),
        constraint participant_erasures_done check ((status = 'done') = (done_at is not null))
      )`);
    await q.query(`create unique index participant_erasures_one_open on participant_erasures (tenant_id, participant_id) where status <> 'cancelled'`);
    await q.query(`grant select, insert, update on participant_erasures to nastavnik_app, nastavnik_platform_admin`);
    await declareRowPolicies(q, rowPolicies('participant_erasures', { kind: 'curator-own' }));
    // The view name stays literal: tools/lint/lib-tables.spec.ts reads who creates what from these statements.
    await q.query(`create or replace view ind_person_facts as ${PERSON_FACTS_AFTER}`);
    await q.query(`revoke all on ind_person_facts from public`);
    await q.query(`grant select on ind_person_facts to ${ENGINE_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`create or replace view ind_person_facts as ${PERSON_FACTS_BEFORE}`);
    await q.query(`drop table participant_erasures`);
    await q.query(`
      alter table participants
        drop constraint participants_erased_without_birth_date,
        drop column age_cohort,
        drop column erased_at`);
  }
}
