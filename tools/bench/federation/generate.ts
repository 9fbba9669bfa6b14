/**
 * Federation-S data (issue 18): 10 regions, each of 1,200 organisations in 60 municipalities at
 * scale 1 (12,000 organisations), generated with set-based SQL (generate_series) by the owner, one
 * region after the other (progress printed per region and table).
 *
 * Pupils: **the contingent is the ≈ 7 million pupils** — every school has its school year's
 * contingent (ADR 0027): pupils of each age 6–17 (44–53 per age, 582 per school on average,
 * ≈ 6.99 million at scale 1) and 50 teachers. Registered people are the share that takes part,
 * as a school registers them since the contingent exists: 250 pupils (43 % of the roll — the
 * national goal is 70 % involved by 2024, seed 003) and 12 teachers per school, ≈ 3.1 million
 * participant rows. Of the pupils, 42 mentor and 168 are mentees in 42 pairs of the school's
 * «ученик – ученик» programme, 40 more are surveyed mentees not yet paired; the 12 teachers are
 * trained mentors of the base (M5). One organisational meeting per pair, 84 mentees' satisfaction
 * answers per school (their questionnaires' item answers are not generated: no indicator or
 * dashboard reads them). Population denominators therefore come from the contingent, numerators
 * from the registered people — the production shape.
 *
 * Scale: `scale` multiplies the organisations per region (at least 1, municipalities at least
 * 1); everything per school stays the same. The bench drops and creates its database, so a run is
 * re-runnable and starts from nothing.
 */
import type { Client } from 'pg';


export const FED_PERIOD = '2022/2023';
export const FED_REGIONS = 10;
const ORGS_PER_REGION = 1200;
const MUNICIPALITIES_PER_REGION = 60;
export const REGISTERED_STUDENTS = 250;
export const REGISTERED_TEACHERS = 12;
export const PAIRS = 42;
const PAIRED = PAIRS * 5; // mentors and 4 mentees each
const RESPONDENTS = 84;
const CONTINGENT_TEACHERS = 50;
const AGES = [6, 17] as const;

export type FederationShape = { regions: number; orgsPerRegion: number; municipalitiesPerRegion: number };

export function federationShape(scale: number): FederationShape {
  return {
    regions: FED_REGIONS,
    orgsPerRegion: Math.max(1, Math.round(ORGS_PER_REGION * scale)),
    municipalitiesPerRegion: Math.max(1, Math.round(MUNICIPALITIES_PER_REGION * scale)),
  };
}

/** The region's path and code: `fr1` … `fr10`. */
export const regionCode = (r: number) => `fr${r}`;

type Log = (line: string) => void;

/**
 * Generates every region into an empty, migrated database. `owner` is a superuser's connection to
 * it: the inserts run with `session_replication_role = replica`, as pg_restore loads data — no
 * row trigger, no foreign-key check, no recompute request recorded — which makes the generation
 * several times faster; the rows are consistent by construction (every key is taken from the
 * rows inserted before it), the contingents' `tenant_path` is set here as its trigger would, and
 * the bench checks the engine's every number against the bare aggregate.
 */
export async function generateFederation(owner: Client, shape: FederationShape, log: Log): Promise<void> {
  await owner.query(`set session_replication_role = replica`);
  const q = async (label: string, sql: string, params: unknown[] = []) => {
    const start = Date.now();
    const result = await owner.query(sql, params);
    if (label) log(`    ${label}: ${(result.rowCount ?? 0).toLocaleString('en')} rows, ${((Date.now() - start) / 1000).toFixed(1)} s`);
    return result;
  };
  const one = async (sql: string) => (await owner.query(sql)).rows[0].id as string;
  const form = await one(`select id from mentoring_forms where code = 'STUDENT_STUDENT'`);
  const organisational = await one(`select id from meeting_types where code = 'ORGANISATIONAL'`);
  const direction = await one(`select id from mentoring_directions where code = 'D07'`);
  const template = (await owner.query(`select id, phase from questionnaire_templates where code = 'mentee-satisfaction' and tenant_id is null and is_current`)).rows[0];
  const { orgsPerRegion: orgs, municipalitiesPerRegion: munis } = shape;

  for (let r = 1; r <= shape.regions; r += 1) {
    const started = Date.now();
    const region = regionCode(r);
    log(`  region ${r}/${shape.regions} (${region}): ${orgs.toLocaleString('en')} organisations`);
    await owner.query('begin');
    await q('', `insert into tenants (kind, code, path, full_name, short_name) values ('region', $1::text, $1::text::ltree, 'Нагрузочный регион ' || $2::text, 'Регион ' || $2::text)`, [region, r]);
    await q('', `insert into tenants (kind, code, parent_id, path, full_name, short_name)
                 select 'municipality', $1 || 'm' || m, (select id from tenants where code = $1), ($1 || '.' || $1 || 'm' || m)::ltree, 'Муниципалитет ' || $2 || '-' || m, 'МО ' || $2 || '-' || m
                   from generate_series(1, ${munis}) m`, [region, r]);
    await q('', `insert into tenants (kind, code, parent_id, path, full_name, short_name, org_type)
                 select 'organisation', $1 || 's' || s, mu.id, (mu.path::text || '.' || $1 || 's' || s)::ltree, 'Школа № ' || s || ' региона ' || $2, 'Школа ' || $2 || '-' || s, 'school'
                   from generate_series(1, ${orgs}) s join tenants mu on mu.code = $1 || 'm' || (1 + (s - 1) % ${munis})`, [region, r]);
    await q('', `create temp table orgs on commit drop as
                 select id, row_number() over (order by code) as n from tenants where kind = 'organisation' and path <@ $1::ltree`, [region]);
    await q('contingents', `insert into school_contingents (tenant_id, tenant_path, school_year, teachers, source)
                 select o.id, t.path, $1, ${CONTINGENT_TEACHERS}, 'region-import' from orgs o join tenants t on t.id = o.id`, [FED_PERIOD]);
    await q('contingent ages', `insert into school_contingent_ages (tenant_id, contingent_id, tenant_path, age, pupils)
                 select c.tenant_id, c.id, c.tenant_path, a, 44 + ((o.n * 7 + a * 5) % 10)
                   from orgs o join school_contingents c on c.tenant_id = o.id cross join generate_series(${AGES[0]}, ${AGES[1]}) a`);
    await q('participants', `insert into participants (tenant_id, kind, last_name, first_name, birth_date, grade, position)
                 select o.id, case when g <= ${REGISTERED_STUDENTS} then 'student' else 'teacher' end, case when g <= ${REGISTERED_STUDENTS} then 'Ученик' else 'Учитель' end, 'N' || g,
                        case when g <= ${REGISTERED_STUDENTS} then date '2005-01-01' + ((g * 37 + o.n) % 4200)::int else date '1965-01-01' + ((g * 113 + o.n) % 12000)::int end,
                        case when g <= ${REGISTERED_STUDENTS} then 1 + (g % 11) end, case when g > ${REGISTERED_STUDENTS} then 'учитель' end
                   from orgs o cross join generate_series(1, ${REGISTERED_STUDENTS + REGISTERED_TEACHERS}) g`);
    await q('', `create temp table st on commit drop as
                 select p.id, p.tenant_id, p.kind, row_number() over (partition by p.tenant_id, p.kind order by p.id) as n
                   from participants p join orgs o on o.id = p.tenant_id`);
    await q('', `create index on st (tenant_id, n)`);
    await q('programmes', `insert into programmes (tenant_id, title, academic_year, form_id, start_date, end_date, status)
                 select id, 'Программа «Ученик – ученик»', $1, $2, date '2022-10-01', date '2023-06-30', 'active' from orgs`, [FED_PERIOD, form]);
    await q('pairs', `insert into mentoring_pairs (tenant_id, programme_id, mentor_id, status, start_date)
                 select p.tenant_id, p.id, st.id, 'active', date '2022-10-15'
                   from orgs o join programmes p on p.tenant_id = o.id join st on st.tenant_id = p.tenant_id and st.kind = 'student' and st.n <= ${PAIRS}`);
    await q('', `create temp table pr on commit drop as
                 select m.id, m.tenant_id, m.programme_id, m.mentor_id, row_number() over (partition by m.tenant_id order by m.id) as n
                   from mentoring_pairs m join orgs o on o.id = m.tenant_id`);
    await q('pair mentees', `insert into pair_mentees (tenant_id, pair_id, mentor_id, mentee_id)
                 select pr.tenant_id, pr.id, pr.mentor_id, st.id
                   from pr join st on st.tenant_id = pr.tenant_id and st.kind = 'student' and st.n > ${PAIRS} and st.n <= ${PAIRED} and (st.n - ${PAIRS} - 1) / 4 + 1 = pr.n`);
    await q('base entries', `insert into participant_base_entries (tenant_id, participant_id, base, status, included_on, surveyed_on, trained_on)
                 select tenant_id, id,
                        case when kind = 'teacher' or n <= ${PAIRS} then 'mentor' else 'mentee' end,
                        case when kind = 'teacher' then 'trained' when n <= ${PAIRED} then 'in_pair' else 'surveyed' end,
                        date '2022-09-20', date '2022-09-25', case when kind = 'teacher' then date '2022-09-28' end
                   from st`);
    await q('meetings', `insert into meetings (tenant_id, programme_id, pair_id, meeting_type_id, direction_id, held_on)
                 select pr.tenant_id, pr.programme_id, pr.id, $1, $2, date '2022-10-20' from pr`, [organisational, direction]);
    await q('satisfaction answers', `insert into questionnaire_responses (tenant_id, template_id, participant_id, respondent_role, academic_year, phase, channel, satisfied, submitted_at)
                 select st.tenant_id, $1, st.id, 'mentee', $2, $3, 'curator', (st.n % 3 <> 0), timestamptz '2023-05-20 10:00+03'
                   from st where st.kind = 'student' and st.n > ${PAIRS} and st.n <= ${PAIRS + RESPONDENTS}`, [template.id, FED_PERIOD, template.phase]);
    await owner.query('commit');
    log(`  region ${r}/${shape.regions} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  await owner.query(`reset session_replication_role`);
  // The steady state of a live database (autovacuum has passed): statistics, hint bits, visibility map.
  const start = Date.now();
  await owner.query(`vacuum (analyze, freeze)`);
  log(`  vacuum analyze: ${((Date.now() - start) / 1000).toFixed(1)} s`);
}
