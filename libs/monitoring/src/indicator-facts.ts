/**
 * The indicator facts: per-organisation row sets the definitions count over. Each is a query
 * over a fact view that the lib owning the records publishes (`ind_*`, in that lib's
 * `read-models.ts`; column-minimal, no names), readable by the engine's role only. Parameters: $1 = period ('2022/2023'), $2 = the reference
 * date for ages (1 September of the academic year), $3 = the period's last day. Each yields
 * `tenant_id` and `unit_id` (what a definition counts, distinct: a person, or a meeting).
 *
 * `unit` says what the unit is, which decides how the engine counts distinct units:
 *  - 'row': no two rows of the fact share a unit (the unit is the row's key) — rows are counted;
 *  - 'person': the unit is a participant of the same organisation (a row of `persons`, by the
 *    records' foreign keys), and a person may have several rows. A count over such a fact may
 *    also state a condition on the person (`person`: over `kind` and `age`), which the engine
 *    checks once per person instead of joining every row to its person.
 * Both must hold for every database state, not only for today's data.
 */
export type FactName = 'persons' | 'memberships' | 'satisfaction' | 'bases' | 'meetings' | 'scorecards';

/**
 * Age in whole years on the reference date $2, exactly `extract(year from age($2, birth_date))`:
 * age() counts y₂ − y₁ less one when (m₂, d₂) < (m₁, d₁), so "age ≥ n" is "birth_date ≤ $2 − n
 * years" (a 29 February cut-off falls to the 28th, and no such birthday exists that year). The
 * years are found by a binary search over the 150 cut-off dates (`width_bucket`; an init plan
 * computes them once per statement) instead of an interval computation per row, several times
 * cheaper over 760,000 persons. Outside 0–149 years it is age() itself. The monitoring spec checks
 * the two agree on every day of 1860–2035 for several reference dates.
 */
export function ageSql(birthDate: string, referenceDate = '$2::date'): string {
  return `case when ${birthDate} > (${referenceDate} - interval '150 years')::date and ${birthDate} <= ${referenceDate}
        then 150 - width_bucket(${birthDate}, (select array_agg((${referenceDate} - make_interval(years => n))::date + 1 order by n desc) from generate_series(1, 150) n))
        else extract(year from age(${referenceDate}, ${birthDate}))::int end`;
}

export type FactUnit = 'row' | 'person';
export type Fact = { sql: string; unit: FactUnit };

/** The person columns a `person` condition may use (see the persons fact). */
export const PERSON_FACT: FactName = 'persons';

export const FACTS: Record<FactName, Fact> = {
  // Every participant of the organisation (students, teachers, …) with age at the reference date.
  // One row per participant (its primary key).
  persons: {
    unit: 'row',
    sql: `
    select p.tenant_id, p.participant_id as unit_id, p.kind, ${ageSql('p.birth_date')} as age
      from ind_person_facts p`,
  },
  // Persons in a pair or group of the period, by role (mentor / mentee): one row per pair.
  memberships: {
    unit: 'person',
    sql: `
    select m.tenant_id, m.participant_id as unit_id, m.role
      from ind_membership_facts m
     where m.period = $1`,
  },
  // The satisfaction questionnaire of the period: one row per respondent and role (latest answer).
  satisfaction: {
    unit: 'person',
    sql: `
    select s.tenant_id, s.participant_id as unit_id, s.role, s.satisfied
      from ind_satisfaction_facts s
     where s.period = $1`,
  },
  // Membership in the mentor and mentee bases during the period: one row per base.
  bases: {
    unit: 'person',
    sql: `
    select b.tenant_id, b.participant_id as unit_id, b.base, b.surveyed, b.trained
      from ind_base_facts b
     where b.included_on <= $3::date and (b.left_on is null or b.left_on >= $2::date)`,
  },
  // Meetings of the period's programmes, by type and direction: one row per meeting (lookups by key).
  meetings: {
    unit: 'row',
    sql: `
    select m.tenant_id, m.meeting_id as unit_id, m.meeting_type, m.direction
      from ind_meeting_facts m
     where m.period = $1`,
  },
  // Effectiveness scorecards (E1–E9) of the period's programmes, with their level: one row per scorecard.
  scorecards: {
    unit: 'row',
    sql: `
    select s.tenant_id, s.scorecard_id as unit_id, s.level, s.total
      from ind_scorecard_facts s
     where s.period = $1`,
  },
};

/**
 * The school's contingent for the period (`ind_contingent_facts`, docs/adr/0027): pupils by age on
 * 1 September and teachers, as counts (`headcount`) under the persons fact's columns `kind` and
 * `age` (NULL for teachers), so a population denominator's condition reads either. A school has a
 * contingent for the period iff it has its teachers' row (one per contingent, even with 0).
 */
export const CONTINGENT_SQL = `
    select c.tenant_id, c.kind, c.age, c.headcount
      from ind_contingent_facts c
     where c.period = $1`;

/** 2022/2023 → 1 September 2022 … 31 August 2023 (the school year). */
export function periodBounds(period: string): { start: string; end: string } {
  const match = /^(\d{4})\/(\d{4})$/.exec(period);
  if (!match || Number(match[2]) !== Number(match[1]) + 1) throw new Error(`period "${period}" is not a school year like 2022/2023`);
  return { start: `${match[1]}-09-01`, end: `${match[2]}-08-31` };
}
