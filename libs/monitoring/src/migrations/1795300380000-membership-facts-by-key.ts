import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = `('active', 'completed', 'ended_early')`;

/** The view as 1795300360000 created it: joins on (tenant_id, id). */
const BY_TENANT_AND_ID = `
  select p.tenant_id, p.mentor_id as participant_id, 'mentor'::text as role, pr.academic_year as period
    from mentoring_pairs p join programmes pr on pr.tenant_id = p.tenant_id and pr.id = p.programme_id
   where p.status in ${STATUSES}
  union all
  select m.tenant_id, m.mentee_id, 'mentee'::text, pr.academic_year
    from pair_mentees m
    join mentoring_pairs p on p.tenant_id = m.tenant_id and p.id = m.pair_id
    join programmes pr on pr.tenant_id = p.tenant_id and pr.id = p.programme_id
   where p.status in ${STATUSES}`;

/** The same rows, joined on the primary keys. */
const BY_ID = `
  select p.tenant_id, p.mentor_id as participant_id, 'mentor'::text as role, pr.academic_year as period
    from mentoring_pairs p join programmes pr on pr.id = p.programme_id
   where p.status in ${STATUSES}
  union all
  select m.tenant_id, m.mentee_id, 'mentee'::text, pr.academic_year
    from pair_mentees m
    join mentoring_pairs p on p.id = m.pair_id
    join programmes pr on pr.id = p.programme_id
   where p.status in ${STATUSES}`;

/**
 * `ind_membership_facts` joined pairs and programmes on (tenant_id, id). The planner multiplies
 * the two columns' selectivities, so it expected 106 mentee rows of a region's 201,600 and
 * looked each programme up in a loop (measured: docs/benchmarks-indicators.md). `id` alone is
 * the primary key, and the composite foreign keys (pair_mentees → mentoring_pairs and
 * mentoring_pairs → programmes, both on (tenant_id, …)) make the tenant equal anyway: the same
 * rows, estimated right.
 */
export class MembershipFactsByKey1795300380000 implements MigrationInterface {
  name = 'MembershipFactsByKey1795300380000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create or replace view ind_membership_facts as ${BY_ID}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`create or replace view ind_membership_facts as ${BY_TENANT_AND_ID}`);
  }
}
